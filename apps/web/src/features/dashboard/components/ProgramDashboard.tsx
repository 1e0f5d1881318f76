import { localDateOf } from '@ipt/domain';
import { useCallback, useContext, useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Loading } from '../../../components/Loading';
import { useIssueActivity } from '../../../lib/live';
import { SessionContext } from '../../auth';
import { useNow } from '../../../lib/dates';
import { useQuery } from '../../../lib/use-query';
import { getDashboardProgram } from '../api/get-dashboard-program';
import { getDashboardPrograms, type DashboardProgramSummary } from '../api/get-dashboard-programs';
import { useTimelinessReport } from '../hooks/use-timeliness-report';
import {
  DASHBOARD_PARAM,
  parseDashboardFilters,
  replayedDay,
  withDashboardFilters,
  withDashboardProgram,
  type DashboardFilters,
} from '../filters';
import { AsOfBanner } from './AsOfBanner';
import { DashboardControls } from './DashboardControls';
import { DashboardReport } from './DashboardReport';

/** Live changes arriving in a burst reload once, this long after the last. */
export const LIVE_RELOAD_DELAY_MS = 500;

/** The program the URL names, else the first the user manages, else the first they can see. */
export function chooseProgram(
  requested: string | null,
  programs: readonly Pick<DashboardProgramSummary, 'key' | 'myRole'>[],
): string | null {
  if (requested) return requested;
  return (programs.find((p) => p.myRole === 'PROGRAM_MANAGER') ?? programs[0])?.key ?? null;
}

/** The dashboard's state in the URL, its data loaded and kept live (unless replaying the past). */
export function ProgramDashboard() {
  const [searchParams, setSearchParams] = useSearchParams();
  const now = useNow(60_000);
  // Read softly: the dashboard also renders outside a session provider (its component tests).
  const session = useContext(SessionContext)?.session;
  const viewerId = session?.status === 'signedIn' ? session.user.id : null;

  const programs = useQuery(getDashboardPrograms);
  const programList = programs.status === 'success' ? programs.data : null;
  const requested = searchParams.get(DASHBOARD_PARAM.program)?.trim().toUpperCase() || null;
  const programKey = programList ? chooseProgram(requested, programList) : requested;
  const summary = programList?.find((p) => p.key === programKey) ?? null;
  const timeZone = summary?.timeZone ?? null;

  const loadProgram = useCallback(
    (signal: AbortSignal) =>
      programKey ? getDashboardProgram(programKey, signal) : Promise.resolve(null),
    [programKey],
  );
  const program = useQuery(loadProgram);

  const filters = useMemo(() => parseDashboardFilters(searchParams), [searchParams]);
  const today = timeZone ? localDateOf(now, timeZone) : null;
  const { report, shown } = useTimelinessReport(programKey, filters, timeZone, today);

  // Someone changed an issue of this program: the live figures move; a replayed past does not.
  const liveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const { reload } = report;
  const replaying = filters.asOf !== null;
  useIssueActivity({ programKey }, () => {
    if (replaying) return;
    clearTimeout(liveTimer.current);
    liveTimer.current = setTimeout(reload, LIVE_RELOAD_DELAY_MS);
  });
  useEffect(() => () => clearTimeout(liveTimer.current), []);

  function update(next: URLSearchParams) {
    setSearchParams(next, { replace: true });
  }
  function changeFilters(next: DashboardFilters) {
    update(withDashboardFilters(searchParams, next));
  }

  const current = shown && shown.programKey === programKey ? shown : null;

  return (
    <>
      <div className="page-header">
        <h1>Program dashboard</h1>
        {summary ? <p className="muted dashboard__program">{summary.name}</p> : null}
      </div>

      {programs.status === 'loading' ? <Loading label="Loading programs…" /> : null}
      {programs.status === 'error' ? (
        <ErrorMessage
          title="Could not load the programs"
          error={programs.error}
          onRetry={programs.reload}
        />
      ) : null}
      {programList && programList.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">You are not on any program yet</p>
          <p>When a program manager adds you to a team, its figures appear here.</p>
        </div>
      ) : null}

      {programList && programKey ? (
        <>
          <DashboardControls
            programs={programList}
            programKey={programKey}
            program={program.status === 'success' ? program.data : null}
            filters={filters}
            today={today}
            onProgramChange={(key) => update(withDashboardProgram(searchParams, key))}
            onChange={changeFilters}
          />
          <AsOfBanner
            asOf={replayedDay(filters.asOf, today)}
            computedFrom={report.status === 'success' ? (report.data?.computedFrom ?? null) : null}
            period={current}
            onBackToNow={() => changeFilters({ ...filters, asOf: null })}
          />
          {!summary ? (
            <div className="empty-state" role="alert">
              <p className="empty-state__title">No program {programKey} among yours</p>
              <p>Pick a program from the list above.</p>
            </div>
          ) : null}
          {report.status === 'error' ? (
            <ErrorMessage
              title="Could not load the figures"
              error={report.error}
              onRetry={report.reload}
            />
          ) : null}
          {report.status === 'loading' && !current ? <Loading label="Measuring…" /> : null}
          {report.status === 'loading' && current ? (
            <p className="muted dashboard__updating" role="status">
              Updating…
            </p>
          ) : null}
          {current ? (
            <DashboardReport
              report={current}
              canNudge={summary?.myRole === 'PROGRAM_MANAGER'}
              viewerId={viewerId}
              scope={{
                teamId: filters.teamId,
                tier: filters.tier,
                consequence: filters.consequence,
              }}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}
