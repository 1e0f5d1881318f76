import type { IssueStatus } from '@ipt/domain';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Loading } from '../../../components/Loading';
import { zoneNote } from '../../../lib/dates';
import { useIssueActivity } from '../../../lib/live';
import { useQuery } from '../../../lib/use-query';
import { useSession } from '../../auth';
import { getIssueCounts } from '../api/get-issue-counts';
import { getProgram } from '../api/get-program';
import { getPrograms } from '../api/get-programs';
import {
  PARAM,
  activeFilterCount,
  needsTimeZone,
  parseFilters,
  parseSort,
  toOrderVariables,
  toVariables,
  toggleSort,
  withFilters,
  withProgram,
  withSort,
  type SortColumn,
  type TrackerFilters,
} from '../filters';
import { formatIssueCount } from '../format';
import { useIssueWindow } from '../hooks/use-issue-window';
import { useKeptQuery } from '../hooks/use-kept-query';
import { FilterBar } from './FilterBar';
import { COLUMNS, IssuesTable } from './IssuesTable';
import { RaiseIssueForm } from './RaiseIssueForm';
import { SavedViews } from './SavedViews';
import { StatusCounts } from './StatusCounts';

/** Live changes arriving in a burst reload once, this long after the last. */
export const LIVE_RELOAD_DELAY_MS = 250;

/**
 * The program manager's main screen: every issue of a program, filtered, counted by status,
 * sorted, saved as named views, raised from, and kept live. All of its state is in the URL, the
 * raise form too: /issues/new (with the tracker's query kept), so a reload keeps it open.
 */
export function IssueTracker() {
  const [searchParams, setSearchParams] = useSearchParams();
  const navigate = useNavigate();
  // The raise form has its own address and keeps the tracker's query, to go back to the same view.
  const { search: trackerQuery, pathname } = useLocation();
  const raising = pathname === '/issues/new';
  const { session } = useSession();
  const viewerId = session.status === 'signedIn' ? session.user.id : null;

  const programs = useQuery(getPrograms);
  const programList = programs.status === 'success' ? programs.data : null;
  const requestedKey = searchParams.get(PARAM.program)?.trim().toUpperCase() || null;
  // Read once per answer: plain values the loaders below can depend on.
  const { programKey, timeZone, summaryName } = useMemo(() => {
    const key = requestedKey ?? programList?.[0]?.key ?? null;
    const summary = programList?.find((p) => p.key === key) ?? null;
    return { programKey: key, timeZone: summary?.timeZone ?? null, summaryName: summary?.name };
  }, [requestedKey, programList]);

  const filters = useMemo(() => parseFilters(searchParams), [searchParams]);
  const sort = useMemo(() => parseSort(searchParams), [searchParams]);

  // The API's arguments, as text: the loaders change only when the filters do, not the sort.
  // Raised and ended periods are in the program's local dates: they wait for its time zone.
  const ready = programKey !== null && (timeZone !== null || !needsTimeZone(filters));
  const variablesKey = ready ? JSON.stringify(toVariables(programKey, filters, timeZone)) : null;
  const countsKey = ready
    ? JSON.stringify(toVariables(programKey, { ...filters, status: [] }, timeZone))
    : null;

  // Sorted and paged by the server: the table fetches the rows it shows, wherever it is scrolled.
  const filterVariables = useMemo(
    () => (variablesKey ? (JSON.parse(variablesKey) as ReturnType<typeof toVariables>) : null),
    [variablesKey],
  );
  const orderBy = useMemo(() => toOrderVariables(sort), [sort]);
  const issues = useIssueWindow(filterVariables, orderBy);

  // The program's teams and people (for the filters and raising) and the counts per status ask
  // once the first rows are in: the API answers one request at a time, and the rows come first.
  const rowsIn = issues.status !== 'loading';
  const programToLoad = rowsIn ? programKey : null;
  const loadProgram = useCallback(
    (signal: AbortSignal) =>
      programToLoad ? getProgram(programToLoad, signal) : Promise.resolve(null),
    [programToLoad],
  );
  const program = useQuery(loadProgram);
  const programData = program.status === 'success' ? program.data : null;
  const countsToLoad = rowsIn ? countsKey : null;
  const loadCounts = useCallback(
    (signal: AbortSignal) =>
      countsToLoad ? getIssueCounts(JSON.parse(countsToLoad), signal) : Promise.resolve(null),
    [countsToLoad],
  );
  const counts = useKeptQuery(loadCounts);

  // Someone changed an issue of this program: reload what is shown, once per burst.
  const liveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const { reload: reloadIssues } = issues;
  const { reload: reloadCounts } = counts;
  useIssueActivity({ programKey }, () => {
    clearTimeout(liveTimer.current);
    liveTimer.current = setTimeout(() => {
      reloadIssues();
      reloadCounts();
    }, LIVE_RELOAD_DELAY_MS);
  });
  useEffect(() => () => clearTimeout(liveTimer.current), []);

  const raiseButton = useRef<HTMLAnchorElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (!raising && returnFocus.current) {
      returnFocus.current = false;
      raiseButton.current?.focus();
    }
  }, [raising]);

  function update(next: URLSearchParams) {
    setSearchParams(next, { replace: true });
  }
  function changeFilters(next: TrackerFilters) {
    update(withFilters(searchParams, next));
  }
  function changeProgram(key: string) {
    update(withProgram(searchParams, key));
  }
  function selectStatus(status: IssueStatus | null) {
    changeFilters({ ...filters, status: status ? [status] : [] });
  }
  function changeSort(column: SortColumn) {
    update(withSort(searchParams, toggleSort(sort, column)));
  }
  function closeRaise() {
    returnFocus.current = true;
    navigate({ pathname: '/issues', search: trackerQuery });
  }

  const raisable = programData?.raisableTeams ?? [];
  const programName = summaryName ?? programData?.name ?? '';
  const caption = programKey
    ? `Issues in ${programKey}${programName ? ` – ${programName}` : ''}`
    : 'Issues';
  const sortLabel = COLUMNS.find((c) => c.column === sort.column)?.label ?? sort.column;

  return (
    <>
      <div className="page-header">
        <h1>Issues</h1>
        {programKey && raisable.length > 0 && !raising ? (
          <Link
            ref={raiseButton}
            className="button"
            to={{ pathname: '/issues/new', search: trackerQuery }}
          >
            Raise issue
          </Link>
        ) : null}
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
          <p>When a program manager adds you to a team, its issues appear here.</p>
        </div>
      ) : null}

      {programList && programKey && raising && programData ? (
        <RaiseIssueForm
          programKey={programKey}
          programName={programData.name}
          teams={raisable}
          viewerId={viewerId}
          onCancel={closeRaise}
          onRaised={(key) => navigate(`/issues/${key}`)}
        />
      ) : null}

      {programList && programKey && !raising ? (
        <>
          <FilterBar
            programs={programList}
            programKey={programKey}
            program={programData}
            filters={filters}
            viewerId={viewerId}
            onProgramChange={changeProgram}
            onChange={changeFilters}
          />
          {program.status === 'error' ? (
            <ErrorMessage
              title={`Could not load ${programKey}’s teams and people`}
              error={program.error}
              onRetry={program.reload}
            />
          ) : null}
          <SavedViews programKey={programKey} params={searchParams} onApply={update} />
          <StatusCounts counts={counts} selected={filters.status} onSelect={selectStatus} />

          {issues.status === 'loading' ? <Loading label="Loading issues…" /> : null}
          {issues.error ? (
            <ErrorMessage
              title="Could not load the issues"
              error={issues.error}
              onRetry={issues.reload}
            />
          ) : null}
          {issues.status === 'success' ? (
            <>
              <p className="muted issues-summary" aria-live="polite">
                {formatIssueCount(issues.totalCount)}
                {issues.totalCount > 1
                  ? `, sorted by ${sortLabel.toLowerCase()} (${sort.direction})`
                  : ''}
                {issues.refreshing ? ' · updating…' : ''}
                {timeZone ? ` · ${zoneNote(timeZone)}` : ''}
              </p>
              {issues.totalCount > 0 ? (
                <IssuesTable
                  key={variablesKey + sort.column + sort.direction}
                  caption={caption}
                  rowCount={issues.totalCount}
                  rowAt={issues.rowAt}
                  onRowsShown={issues.showRows}
                  sort={sort}
                  onSort={changeSort}
                  timeZone={timeZone}
                />
              ) : activeFilterCount(filters) > 0 ? (
                <div className="empty-state">
                  <p className="empty-state__title">No issues match these filters</p>
                  <p>Change the filters above, or clear them to see every issue.</p>
                </div>
              ) : (
                <div className="empty-state">
                  <p className="empty-state__title">No issues yet</p>
                  <p>
                    {raisable.length > 0
                      ? 'When an issue is raised in this program, it is listed here. Use “Raise issue” to raise the first.'
                      : 'When an issue is raised in this program, it is listed here.'}
                  </p>
                </div>
              )}
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}
