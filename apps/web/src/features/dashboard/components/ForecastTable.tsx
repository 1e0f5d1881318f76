import { Link } from 'react-router';
import { OUTLOOK_WORDS, basisWords, forecastOutlook, type ForecastData } from '../forecast';
import { formatDay } from '../../../lib/dates';

export interface ForecastRow extends ForecastData {
  readonly issueKey: string;
  readonly title: string;
  readonly teamName: string;
  readonly tier: string;
  readonly readyAt: string;
}

interface ForecastTableProps {
  caption: string;
  forecasts: readonly ForecastRow[];
  timeZone: string;
  /** Say nothing but this when there are none. */
  empty: string;
}

/** Pending decisions with when each is forecast to land (even odds, nine in ten) and why. */
export function ForecastTable({ caption, forecasts, timeZone, empty }: ForecastTableProps) {
  if (forecasts.length === 0) return <p className="dashboard-panel__empty">{empty}</p>;
  const day = (iso: string | null) =>
    iso ? <time dateTime={iso}>{formatDay(iso, timeZone)}</time> : '–';
  return (
    <div className="table-scroll">
      <table className="table dashboard-forecasts">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Issue</th>
            <th scope="col">Authority</th>
            <th scope="col">Ready since</th>
            <th scope="col">Due</th>
            <th scope="col">Even odds by</th>
            <th scope="col">Nine in ten by</th>
            <th scope="col">Outlook</th>
          </tr>
        </thead>
        <tbody>
          {forecasts.map((f) => {
            const outlook = forecastOutlook(f);
            return (
              <tr key={f.issueKey}>
                <th scope="row">
                  <Link to={`/issues/${f.issueKey}`}>{f.issueKey}</Link>{' '}
                  <span className="dashboard-lists__title">{f.title}</span>
                </th>
                <td>
                  {f.teamName} ({f.tier})
                </td>
                <td>{day(f.readyAt)}</td>
                <td>{day(f.dueAt)}</td>
                <td>{day(f.p50At)}</td>
                <td>{day(f.p90At)}</td>
                <td>
                  <span className={`dashboard-outlook dashboard-outlook--${outlook.toLowerCase()}`}>
                    {OUTLOOK_WORDS[outlook]}
                  </span>
                  <br />
                  <span className="muted">{basisWords(f)}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
