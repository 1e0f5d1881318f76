import { ErrorCode, Tier } from '@ipt/domain';
import { useCallback, useId, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Loading } from '../../../components/Loading';
import { useQuery } from '../../../lib/use-query';
import { FieldError, describedBy } from '../../../components/FieldError';
import { TIER_NAMES } from '../../../lib/labels';
import { disciplineNamer } from '../../../lib/labels';
import { getAllDecisions, type LogDecision } from '../api/get-decisions';
import { getLogPrograms, type LogProgram } from '../api/get-log-programs';
import { csvFileName, decisionLogCsv, downloadCsv, type DisciplineNameOf } from '../csv';
import {
  NO_FILTERS,
  apiFilters,
  needsTimeZone,
  periodTimeZone,
  filtersFromParams,
  matchesText,
  paramsFromFilters,
  periodProblem,
  type LogFilters,
} from '../filters';
import { DecisionLogTable } from './DecisionLogTable';
import { RecordChecks } from './RecordCheck';

interface Choice {
  readonly value: string;
  readonly label: string;
}

/** The teams the Team filter offers: the chosen program's, or every program's with its key. */
export function teamChoices(programs: readonly LogProgram[], programKey: string): Choice[] {
  const shown = programKey ? programs.filter((p) => p.key === programKey) : programs;
  return shown.flatMap((program) =>
    program.teams.map((team) => ({
      value: team.id,
      label: `${team.name} (${shown.length > 1 ? `${program.key} ` : ''}${team.tier})`,
    })),
  );
}

/**
 * The people the Authority filter offers: members with decision authority on the programs'
 * teams, and anyone who decided something loaded (authority may since have moved on), by name.
 */
export function authorityChoices(
  programs: readonly LogProgram[],
  programKey: string,
  decisions: readonly LogDecision[],
): Choice[] {
  const people = new Map<string, string>();
  for (const program of programs) {
    if (programKey && program.key !== programKey) continue;
    for (const team of program.teams) {
      for (const member of team.members) {
        if (member.decisionAuthority) people.set(member.user.id, member.user.name);
      }
    }
  }
  for (const decision of decisions) people.set(decision.decidedBy.id, decision.decidedBy.name);
  return [...people]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** The name a decision's program gives a discipline code (the code when it is unknown). */
export function disciplineNames(programs: readonly LogProgram[]): DisciplineNameOf {
  const byProgram = new Map(programs.map((p) => [p.key, disciplineNamer(p.disciplines)]));
  return (decision, code) => byProgram.get(decision.issue.program.key)?.(code) ?? code;
}

/**
 * The decision log: every decision the user can see, newest first, filtered on the server (all
 * pages loaded) and searched here; the filters live in the URL; "Export CSV" downloads exactly
 * the rows shown.
 */
const NO_REQUEST = 'none';
const WAIT_FOR_ZONE = 'wait';

export function LogScreen({ now }: { now: Date }) {
  const id = useId();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const problem = periodProblem(filters);

  const programs = useQuery(getLogPrograms);
  const programList = programs.status === 'success' ? programs.data : [];
  // The period's days are the program's: with days set, the request waits for its zone.
  const timeZone = periodTimeZone(programList, filters.program);
  // Stable across renders while the filters are: a new loader means a new request. No request
  // for a period backwards; none yet while the period's days wait for their zone.
  const serverFilters = useMemo(
    () =>
      problem
        ? NO_REQUEST
        : timeZone === null && needsTimeZone(filters)
          ? WAIT_FOR_ZONE
          : JSON.stringify(apiFilters(filters, timeZone ?? 'UTC')),
    [problem, timeZone, filters],
  );
  const loadDecisions = useCallback(
    async (signal: AbortSignal): Promise<LogDecision[]> => {
      if (serverFilters === NO_REQUEST) return [];
      // Still loading: the programs, and so the zone, are on their way.
      if (serverFilters === WAIT_FOR_ZONE) return new Promise<LogDecision[]>(() => {});
      return getAllDecisions(JSON.parse(serverFilters), signal);
    },
    [serverFilters],
  );
  const decisions = useQuery(loadDecisions);
  const loaded = decisions.status === 'success' ? decisions.data : [];
  const rows = loaded.filter((decision) => matchesText(decision, filters.q));
  const namesFor = disciplineNames(programList);

  function change(next: Partial<LogFilters>) {
    const merged = { ...filters, ...next };
    // A team or authority of another program makes no sense once a program is chosen.
    if (next.program !== undefined && next.program !== filters.program) {
      const teams = teamChoices(programList, merged.program);
      if (merged.team && !teams.some((t) => t.value === merged.team)) {
        Object.assign(merged, { team: '' });
      }
    }
    setParams(paramsFromFilters(merged), { replace: true });
  }

  // The API refuses an inverted period too; either way the message sits at "To".
  const apiError = decisions.status === 'error' ? decisions.error : null;
  const toError =
    problem ??
    (apiError?.code === ErrorCode.BAD_USER_INPUT && apiError.field === 'decidedTo'
      ? apiError.message
      : undefined);
  const fromError =
    apiError?.code === ErrorCode.BAD_USER_INPUT && apiError.field === 'decidedFrom'
      ? apiError.message
      : undefined;
  const fieldId = (name: string) => `${id}-${name}`;
  const teams = teamChoices(programList, filters.program);
  const authorities = authorityChoices(programList, filters.program, loaded);
  const filtered = paramsFromFilters(filters).size > 0;
  // The programs shown whose record the user may verify (their leadership, or an admin).
  const verifiable = programList
    .filter((p) => p.viewerMayVerifyRecord && (!filters.program || p.key === filters.program))
    .map((p) => ({ key: p.key, timeZone: p.timeZone }));

  return (
    <>
      <div className="page-header">
        <h1>Decision log</h1>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => downloadCsv(decisionLogCsv(rows, namesFor), csvFileName(now))}
          disabled={decisions.status !== 'success' || problem !== null}
        >
          Export CSV
        </button>
      </div>

      <RecordChecks programs={verifiable} />

      <form
        role="search"
        className="log-filters"
        aria-label="Filter the decision log"
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field log-filters__search">
          <label htmlFor={fieldId('q')}>Search</label>
          <input
            id={fieldId('q')}
            type="search"
            value={filters.q}
            aria-describedby={fieldId('q-hint')}
            onChange={(event) => change({ q: event.target.value })}
          />
          <p id={fieldId('q-hint')} className="queue-hint">
            Issue key, title or rationale.
          </p>
        </div>
        <div className="field">
          <label htmlFor={fieldId('program')}>Program</label>
          <select
            id={fieldId('program')}
            value={filters.program}
            onChange={(event) => change({ program: event.target.value })}
          >
            <option value="">All programs</option>
            {programList.map((program) => (
              <option key={program.id} value={program.key}>
                {program.key} – {program.name}
              </option>
            ))}
            {filters.program && !programList.some((p) => p.key === filters.program) ? (
              <option value={filters.program}>{filters.program}</option>
            ) : null}
          </select>
        </div>
        <div className="field">
          <label htmlFor={fieldId('team')}>Team</label>
          <select
            id={fieldId('team')}
            value={filters.team}
            onChange={(event) => change({ team: event.target.value })}
          >
            <option value="">All teams</option>
            {teams.map((team) => (
              <option key={team.value} value={team.value}>
                {team.label}
              </option>
            ))}
            {filters.team && !teams.some((t) => t.value === filters.team) ? (
              <option value={filters.team}>Selected team</option>
            ) : null}
          </select>
        </div>
        <div className="field">
          <label htmlFor={fieldId('tier')}>Tier</label>
          <select
            id={fieldId('tier')}
            value={filters.tier}
            onChange={(event) => change({ tier: event.target.value as Tier | '' })}
          >
            <option value="">All tiers</option>
            {Object.values(Tier).map((tier) => (
              <option key={tier} value={tier}>
                {tier} – {TIER_NAMES[tier]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={fieldId('authority')}>Authority</label>
          <select
            id={fieldId('authority')}
            value={filters.authority}
            aria-describedby={fieldId('authority-hint')}
            onChange={(event) => change({ authority: event.target.value })}
          >
            <option value="">Anyone</option>
            {authorities.map((person) => (
              <option key={person.value} value={person.value}>
                {person.label}
              </option>
            ))}
            {filters.authority && !authorities.some((a) => a.value === filters.authority) ? (
              <option value={filters.authority}>Selected person</option>
            ) : null}
          </select>
          <p id={fieldId('authority-hint')} className="queue-hint">
            Who decided.
          </p>
        </div>
        <div className="field">
          <label htmlFor={fieldId('from')}>From</label>
          <input
            id={fieldId('from')}
            type="date"
            value={filters.from}
            max={filters.to || undefined}
            aria-invalid={fromError ? true : undefined}
            aria-describedby={describedBy(fromError && fieldId('from-error'))}
            onChange={(event) => change({ from: event.target.value })}
          />
          <FieldError id={fieldId('from-error')} message={fromError} />
        </div>
        <div className="field">
          <label htmlFor={fieldId('to')}>To</label>
          <input
            id={fieldId('to')}
            type="date"
            value={filters.to}
            min={filters.from || undefined}
            aria-invalid={toError ? true : undefined}
            aria-describedby={describedBy(toError && fieldId('to-error'))}
            onChange={(event) => change({ to: event.target.value })}
          />
          <FieldError id={fieldId('to-error')} message={toError} />
          {timeZone ? (
            <p className="queue-hint">Days in {timeZone.replace(/_/g, ' ')} time.</p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={fieldId('status')}>Superseded or current</label>
          <select
            id={fieldId('status')}
            value={filters.status}
            onChange={(event) => change({ status: event.target.value as LogFilters['status'] })}
          >
            <option value="all">All</option>
            <option value="current">Current</option>
            <option value="superseded">Superseded</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={fieldId('dissent')}>Dissent</label>
          <select
            id={fieldId('dissent')}
            value={filters.dissent}
            onChange={(event) => change({ dissent: event.target.value as LogFilters['dissent'] })}
          >
            <option value="all">All</option>
            <option value="with">With dissent</option>
            <option value="without">Without dissent</option>
          </select>
        </div>
        <div className="log-filters__clear">
          <button
            type="button"
            className="button button--secondary"
            disabled={!filtered}
            onClick={() => setParams(paramsFromFilters(NO_FILTERS), { replace: true })}
          >
            Clear filters
          </button>
        </div>
      </form>

      {programs.status === 'error' ? (
        <ErrorMessage
          title="Could not load the programs for the filters"
          error={programs.error}
          onRetry={programs.reload}
        />
      ) : null}

      {problem ? null : decisions.status === 'loading' ? (
        <Loading label="Loading decisions…" />
      ) : decisions.status === 'error' ? (
        toError || fromError ? null : (
          <ErrorMessage
            title="Could not load the decision log"
            error={decisions.error}
            onRetry={decisions.reload}
          />
        )
      ) : rows.length === 0 ? (
        <div className="empty-state">
          {loaded.length === 0 && !filtered ? (
            <>
              <p className="empty-state__title">No decisions yet</p>
              <p>When a decision is recorded in one of your programs, it is listed here.</p>
            </>
          ) : (
            <>
              <p className="empty-state__title">No decisions match these filters</p>
              <p>Widen the period or clear a filter to see more.</p>
            </>
          )}
        </div>
      ) : (
        <DecisionLogTable decisions={rows} total={loaded.length} disciplineName={namesFor} />
      )}
    </>
  );
}
