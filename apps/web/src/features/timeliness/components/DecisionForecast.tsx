import { formatDateTime, formatDay } from '../../../lib/dates';
import { BASIS_WORDS, readForecast, type DecisionForecastData } from '../forecast-reading';
import '../timeliness.css';

interface DecisionForecastProps {
  forecast: DecisionForecastData;
  /** The program's zone: every date is shown there. */
  timeZone: string;
  /** For lists that show the due date beside it: no basis line, the due date not repeated. */
  compact?: boolean;
}

function When({ iso, timeZone }: { iso: string; timeZone: string }) {
  return (
    <time dateTime={iso} title={formatDateTime(iso, timeZone)}>
      {formatDay(iso, timeZone)}
    </time>
  );
}

/**
 * When a pending decision will likely land: "Likely decided by 12 Mar (p50), 20 Mar at the
 * latest (p90) — from 14 past decisions of WIPT Airframe", flagged in words when even odds put
 * it after its due date.
 */
export function DecisionForecast({ forecast, timeZone, compact = false }: DecisionForecastProps) {
  const reading = readForecast(forecast);
  // Lists show the due date beside the forecast already (and maybe in another zone): not twice.
  const dueNote =
    compact || forecast.dueAt === null ? null : (
      <>
        {' '}
        (<When iso={forecast.dueAt} timeZone={timeZone} />)
      </>
    );
  if (!reading.known || forecast.p50At === null) {
    return (
      <p className="decision-forecast decision-forecast--none">
        No forecast yet: {forecast.basisLabel.charAt(0).toLowerCase()}
        {forecast.basisLabel.slice(1)}.
      </p>
    );
  }
  return (
    <div
      className={
        reading.p50AfterDue ? 'decision-forecast decision-forecast--late' : 'decision-forecast'
      }
    >
      <p className="decision-forecast__line">
        Likely decided by <When iso={forecast.p50At} timeZone={timeZone} /> (p50)
        {forecast.p90At ? (
          <>
            , <When iso={forecast.p90At} timeZone={timeZone} /> at the latest (p90)
          </>
        ) : null}{' '}
        — from {forecast.basisLabel}.
      </p>
      {reading.p50AfterDue ? (
        <p className="decision-forecast__flag">
          <strong>
            <span aria-hidden="true">⚠ </span>
            Likely after its due date
          </strong>
          {dueNote}.
        </p>
      ) : reading.p90AfterDue ? (
        <p className="decision-forecast__flag decision-forecast__flag--risk">
          May slip past its due date{dueNote} at the latest estimate.
        </p>
      ) : null}
      {compact ? null : (
        <p className="decision-forecast__basis">
          Based on {BASIS_WORDS[forecast.basis]}: {forecast.basisCount} past{' '}
          {forecast.basisCount === 1 ? 'decision' : 'decisions'}.
        </p>
      )}
    </div>
  );
}
