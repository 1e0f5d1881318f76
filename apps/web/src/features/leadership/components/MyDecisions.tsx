import { localDateOf } from '@ipt/domain';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Loading } from '../../../components/Loading';
import { formatLocalDate, useNow } from '../../../lib/dates';
import { useQuery } from '../../../lib/use-query';
import {
  DASHBOARD_PARAM,
  endOfLocalDay,
  ForecastTable,
  formatRate,
  getDashboardPrograms,
  isLocalDate,
  replayedDay,
} from '../../dashboard';
import { getMyDecisionTimeliness } from '../api/get-my-decision-timeliness';
import { DecisionTimelinessTable } from './DecisionTimelinessTable';

/** The leadership view of one program (`?program=HX`, optionally `&asOf=2026-03-01`). */
export function MyDecisions() {
  const [searchParams, setSearchParams] = useSearchParams();
  const programs = useQuery(getDashboardPrograms);
  const programList = programs.status === 'success' ? programs.data : null;
  const requested = searchParams.get(DASHBOARD_PARAM.program)?.trim().toUpperCase() || null;
  const programKey = requested ?? programList?.[0]?.key ?? null;
  const summary = programList?.find((p) => p.key === programKey) ?? null;
  const now = useNow(60_000);
  const today = summary ? localDateOf(now, summary.timeZone) : null;
  const asOfParam = searchParams.get(DASHBOARD_PARAM.asOf) ?? '';
  // A day from today on is now: the API knows nothing later.
  const asOf = replayedDay(isLocalDate(asOfParam) ? asOfParam : null, today);
  const asOfInstant = useMemo(
    () => (asOf && summary ? endOfLocalDay(asOf, summary.timeZone) : null),
    [asOf, summary],
  );

  const load = useCallback(
    (signal: AbortSignal) =>
      programKey && summary
        ? getMyDecisionTimeliness(programKey, asOfInstant, signal)
        : Promise.resolve(null),
    [programKey, summary, asOfInstant],
  );
  const mine = useQuery(load);
  const data = mine.status === 'success' ? mine.data : null;

  function changeProgram(key: string) {
    const next = new URLSearchParams(searchParams);
    next.set(DASHBOARD_PARAM.program, key);
    setSearchParams(next, { replace: true });
  }

  return (
    <>
      <div className="page-header">
        <h1>My decisions</h1>
        {programList && programList.length > 1 && programKey ? (
          <div className="field field--inline">
            <label htmlFor="leadership-program">Program</label>
            <select
              id="leadership-program"
              value={programKey}
              onChange={(event) => changeProgram(event.target.value)}
            >
              {programList.map((p) => (
                <option key={p.key} value={p.key}>
                  {p.key} – {p.name}
                </option>
              ))}
            </select>
          </div>
        ) : summary ? (
          <p className="muted dashboard__program">{summary.name}</p>
        ) : null}
      </div>

      {asOf ? (
        <aside className="dashboard-banner" aria-label="Replaying the past">
          <p className="dashboard-banner__title" role="status">
            As of {formatLocalDate(asOf)} — rebuilt from the event log
          </p>
        </aside>
      ) : null}

      {programs.status === 'loading' || mine.status === 'loading' ? <Loading /> : null}
      {programs.status === 'error' ? (
        <ErrorMessage
          title="Could not load the programs"
          error={programs.error}
          onRetry={programs.reload}
        />
      ) : null}
      {mine.status === 'error' ? (
        <ErrorMessage
          title="Could not load your decisions"
          error={mine.error}
          onRetry={mine.reload}
        />
      ) : null}
      {programList && programList.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">You are not on any program yet</p>
        </div>
      ) : null}

      {data && summary ? (
        <>
          <ul className="leadership-summary" aria-label="My timeliness">
            <li className="dashboard-headline__card">
              <p className="dashboard-headline__title">My on-time rate</p>
              <p className="dashboard-headline__value">{formatRate(data.onTimeRate)}</p>
              <p className="dashboard-headline__previous muted">
                {data.decidedOnTime} of {data.decidedOnTime + data.decidedLate} decisions with a due
                date made by it
              </p>
            </li>
            <li className="dashboard-headline__card">
              <p className="dashboard-headline__title">Decided</p>
              <p className="dashboard-headline__value">{data.decided}</p>
              <p className="dashboard-headline__previous muted">
                {data.decidedLate} late
                {data.decidedUntimed ? `, ${data.decidedUntimed} with no due date` : ''}
              </p>
            </li>
            <li className="dashboard-headline__card">
              <p className="dashboard-headline__title">Waiting on me</p>
              <p className="dashboard-headline__value">{data.pending.length}</p>
              <p className="dashboard-headline__previous muted">pending decisions</p>
            </li>
          </ul>

          <section className="dashboard-panel leadership-section" aria-labelledby="my-pending">
            <h2 id="my-pending">Waiting on my decision</h2>
            <p className="muted dashboard-panel__description">
              Issues ready for a decision on teams where I hold decision authority, with when each
              is likely to be decided, judged from past decisions.
            </p>
            <ForecastTable
              caption="My pending decisions, soonest first"
              forecasts={data.pending}
              timeZone={summary.timeZone}
              empty="Nothing is waiting on your decision."
            />
          </section>

          <section className="dashboard-panel leadership-section" aria-labelledby="my-log">
            <h2 id="my-log">My decisions against their due dates</h2>
            <p className="muted dashboard-panel__description">
              Every decision I recorded, newest first: decided before or after its due date, and by
              how many days.
            </p>
            <DecisionTimelinessTable decisions={data.decisions} timeZone={summary.timeZone} />
          </section>
        </>
      ) : null}
    </>
  );
}
