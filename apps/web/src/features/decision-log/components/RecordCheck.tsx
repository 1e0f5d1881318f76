import { useCallback, useId, useState } from 'react';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatDateTime } from '../../../lib/dates';
import { useQuery } from '../../../lib/use-query';
import { getRecordVerification, type RecordVerification } from '../api/get-record-verification';

/**
 * How old a check opening the log accepts: every check walks the whole history on the server,
 * so a leader opening the log a few minutes after another shares theirs; the time it was checked
 * is always shown, and "Check again" asks for a check now.
 */
export const ACCEPTED_AGE_SECONDS = 600;

const count = (n: number) => n.toLocaleString();

/** An event type as words: DECISION_RECORDED -> "decision recorded". */
export function eventTypeText(type: string): string {
  return type.toLowerCase().replace(/_/g, ' ');
}

/**
 * Whether the record of the programs shown verifies (ADR 0016): for program leadership and
 * system admins, above the decision log; a break is shown prominently, with where it is.
 */
export function RecordChecks({
  programs,
}: {
  programs: readonly { key: string; timeZone: string }[];
}) {
  const headingId = useId();
  // 0 on opening the log; each "Check again" asks the server for a check begun now.
  const [round, setRound] = useState(0);
  if (programs.length === 0) return null;
  return (
    <section className="log-record" aria-labelledby={headingId}>
      <div className="log-record__header">
        <h2 id={headingId}>Record integrity</h2>
        <button
          type="button"
          className="button button--secondary log-record__again"
          onClick={() => setRound((n) => n + 1)}
        >
          Check again
        </button>
      </div>
      {programs.map(({ key, timeZone }) => (
        <RecordCheck
          key={key}
          programKey={key}
          timeZone={timeZone}
          round={round}
          named={programs.length > 1}
        />
      ))}
    </section>
  );
}

function RecordCheck({
  programKey,
  timeZone,
  round,
  named,
}: {
  programKey: string;
  timeZone: string;
  round: number;
  named: boolean;
}) {
  const load = useCallback(
    (signal: AbortSignal) =>
      getRecordVerification(programKey, round === 0 ? ACCEPTED_AGE_SECONDS : 0, signal),
    [programKey, round],
  );
  const result = useQuery(load);
  const prefix = named ? `${programKey}: ` : '';
  if (result.status === 'error') {
    return (
      <ErrorMessage
        title={`${prefix}Could not verify the record`}
        error={result.error}
        onRetry={result.reload}
      />
    );
  }
  return (
    <div
      role="status"
      className={`log-record__result${
        result.status === 'success' && !result.data.verified ? ' log-record__result--broken' : ''
      }`}
    >
      {result.status === 'loading' ? (
        <p className="log-record__line loading">
          <span className="spinner" aria-hidden="true" />
          {prefix}Verifying the record…
        </p>
      ) : (
        <Outcome prefix={prefix} verification={result.data} timeZone={timeZone} />
      )}
    </div>
  );
}

function Outcome({
  prefix,
  verification,
  timeZone,
}: {
  prefix: string;
  verification: RecordVerification;
  timeZone: string;
}) {
  const checked = (
    <time dateTime={verification.checkedAt}>
      {formatDateTime(verification.checkedAt, timeZone)}
    </time>
  );
  const found = verification.firstBreak;
  if (verification.verified) {
    return (
      <>
        <p className="log-record__line log-record__title">
          <span aria-hidden="true">✓ </span>
          {prefix}Record verified: {count(verification.eventsChecked)} events, chain intact
        </p>
        <p className="log-record__line log-record__detail">
          {count(verification.decisionsChecked)} decisions match their hashes · checked {checked}
        </p>
      </>
    );
  }
  return (
    <>
      <p className="log-record__line log-record__title">
        <span aria-hidden="true">⚠ </span>
        {prefix}Record broken
        {found?.issueKey ? (
          <>
            {' '}
            at <Link to={`/issues/${found.issueKey}`}>{found.issueKey}</Link>
          </>
        ) : null}
        {found && found.seq !== null ? (
          <>
            , event #{found.seq}
            {found.eventType ? ` (${eventTypeText(found.eventType)})` : ''}
          </>
        ) : null}
        {found?.at ? (
          <>
            , recorded <time dateTime={found.at}>{formatDateTime(found.at, timeZone)}</time>
          </>
        ) : null}
      </p>
      {found ? <p className="log-record__line">{found.problem}</p> : null}
      <p className="log-record__line log-record__detail">
        {count(verification.eventsChecked)} events and {count(verification.decisionsChecked)}{' '}
        decisions checked · checked {checked}
      </p>
    </>
  );
}
