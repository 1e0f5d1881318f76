import type Database from 'better-sqlite3';
import type { Tier } from '@ipt/domain';

/**
 * The timeliness figures straight from SQL on better-sqlite3: the best hand-written queries for
 * the same numbers the product computes (the benchmark's yardstick). Each query reads through
 * the (program_id, instant) and (program_id, status) indexes; percentiles are nearest-rank
 * (rank ceil(p/100 n)), as in libs/domain, by ROW_NUMBER() over the ordered durations.
 */
export interface RawFilter {
  readonly teamId?: string | null;
  readonly tier?: Tier | null;
  readonly discipline?: string | null;
}

export interface RawWindow {
  readonly programId: string;
  readonly asOf: number;
  readonly from: number;
  readonly to: number;
  /** Week boundaries (Monday 00:00 local) overlapping the period. */
  readonly weeks: readonly { weekStart: string; start: number; end: number }[];
}

export interface RawPercentiles {
  count: number;
  p50Days: number | null;
  p90Days: number | null;
}

export interface RawFigures {
  open: number;
  overdue: number;
  aging: number[];
  resolution: RawPercentiles;
  recommendationLatency: Map<
    string,
    RawPercentiles & { onTimeRate: number | null; pending: number; late: number }
  >;
  decisionByAuthority: Map<string, RawPercentiles & { onTimeRate: number | null; pending: number }>;
  decisionByTier: Map<string, RawPercentiles & { onTimeRate: number | null }>;
  decisionOnTimeRate: number | null;
  escalationRate: number | null;
  overdueActionItems: number;
  weekly: { weekStart: string; opened: number; closed: number }[];
}

const DAY_MS = 86_400_000;

interface Grouped {
  g: string;
  n: number;
  p50: number | null;
  p90: number | null;
  timed: number;
  onTime: number;
}
const OPEN = `('OPEN','IN_REVIEW','AWAITING_DECISION','DECIDED')`;
/**
 * Percentile queries take rows (g: group, d: duration ms, t: 1 when timed, o: 1 when on time) and
 * give per group the count, p50, p90 and the on-time tally, in one pass.
 */
/** An ISO instant column as integer epoch milliseconds. */
const msOf = (column: string) =>
  `CAST(round((julianday(${column}) - 2440587.5) * 86400000) AS INTEGER)`;

function percentileSql(values: string, grouped: boolean): string {
  const partition = grouped ? 'PARTITION BY g' : '';
  return `
    WITH v AS (${values}),
    r AS (SELECT ${grouped ? 'g,' : ''} d, t, o, ROW_NUMBER() OVER (${partition} ORDER BY d) rn,
                 COUNT(*) OVER (${partition}) n FROM v)
    SELECT ${grouped ? 'g,' : ''} max(n) n, sum(t) timed, sum(o) onTime,
      max(CASE WHEN rn = (50 * n + 99) / 100 THEN d END) p50,
      max(CASE WHEN rn = (90 * n + 99) / 100 THEN d END) p90
    FROM r ${grouped ? 'GROUP BY g' : ''}`;
}

const days = (ms: number | null) => (ms === null ? null : ms / DAY_MS);
const rate = (hits: number, total: number) => (total === 0 ? null : hits / total);
const and = (conditions: string[]) =>
  conditions
    .filter(Boolean)
    .map((c) => ` AND ${c}`)
    .join('');

export function rawFigures(
  db: Database.Database,
  window: RawWindow,
  filter: RawFilter,
): RawFigures {
  const iso = (ms: number) => new Date(ms).toISOString();
  const params = {
    p: window.programId,
    asOf: iso(window.asOf),
    asOfMs: window.asOf,
    from: iso(window.from),
    to: iso(window.to),
    team: filter.teamId ?? null,
    tier: filter.tier ?? null,
    discipline: filter.discipline ?? null,
  };
  // The issue filter, on an issues row aliased i.
  const issueFilter = and([
    filter.teamId ? 'i.current_team_id = @team' : '',
    filter.tier ? 'i.current_tier = @tier' : '',
    filter.discipline
      ? 'EXISTS (SELECT 1 FROM issue_required_disciplines q WHERE q.issue_id = i.id AND q.discipline = @discipline)'
      : '',
  ]);
  const timed = <T>(sql: string, run: () => T): T => {
    if (!process.env['BENCH_SQL_TIMES']) return run();
    const started = performance.now();
    const result = run();
    console.error(
      `${(performance.now() - started).toFixed(1).padStart(8)} ms  ${sql.replace(/\s+/g, ' ').slice(0, 110)}`,
    );
    return result;
  };
  const all = <T>(sql: string) => timed(sql, () => db.prepare(sql).all(params) as T[]);
  const one = <T>(sql: string) => timed(sql, () => db.prepare(sql).get(params) as T);

  // Open issues now: aging bands, and overdue (the running stage's due date has passed).
  const openRow = one<Record<string, number | null>>(`
    SELECT count(*) open,
      sum(age <= 7) a0, sum(age BETWEEN 8 AND 15) a1, sum(age BETWEEN 16 AND 30) a2,
      sum(age BETWEEN 31 AND 60) a3, sum(age > 60) a4, sum(due < @asOf) overdue
    FROM (SELECT (CAST(@asOfMs AS INTEGER) - ${msOf('i.raised_at')}) / ${DAY_MS} age,
            CASE i.status WHEN 'OPEN' THEN i.triage_due_at
              WHEN 'IN_REVIEW' THEN i.recommendations_due_at
              WHEN 'AWAITING_DECISION' THEN i.decision_due_at ELSE i.resolution_due_at END due
          FROM issues i WHERE i.program_id = @p AND i.status IN ${OPEN} AND +i.raised_at <= @asOf
          ${issueFilter})`);

  // Issues active in the period (open now, or ended since its start): the base of what follows.
  // By rowid, which every index holds: the union never visits the table, only the result does.
  const active = `
    SELECT rowid FROM issues WHERE program_id = @p AND status IN ${OPEN}
    UNION SELECT rowid FROM issues WHERE program_id = @p AND resolved_at >= @from
    UNION SELECT rowid FROM issues WHERE program_id = @p AND closed_at >= @from
    UNION SELECT rowid FROM issues WHERE program_id = @p AND withdrawn_at >= @from`;
  const filtered = `SELECT i.* FROM issues i WHERE i.rowid IN (${active}) ${issueFilter}`;

  const resolution = one<{ n: number | null; p50: number | null; p90: number | null }>(
    percentileSql(
      `SELECT ${msOf('coalesce(i.resolved_at, i.closed_at)')} - ${msOf('i.raised_at')} d, 0 t, 0 o
       FROM issues i WHERE i.program_id = @p ${issueFilter} AND (
         (i.resolved_at BETWEEN @from AND @to AND i.resolved_at <= @asOf) OR
         (i.resolved_at IS NULL AND i.closed_at BETWEEN @from AND @to AND i.closed_at <= @asOf))`,
      false,
    ),
  );

  const recFilter = and([
    filter.discipline ? 'r.discipline = @discipline' : '',
    filter.teamId ? 'r.team_id = @team' : '',
    filter.tier ? 't.tier = @tier' : '',
  ]);
  const recs = `SELECT r.* FROM (${filtered}) fi JOIN recommendations r ON r.issue_id = fi.id
    JOIN teams t ON t.id = r.team_id
    WHERE r.submitted_at BETWEEN @from AND @to AND r.submitted_at <= @asOf ${recFilter}`;
  const recLatency = all<Grouped>(
    percentileSql(
      `SELECT discipline g, max(0, ${msOf('submitted_at')} - ${msOf('requested_at')}) d,
         due_at IS NOT NULL t, coalesce(submitted_at <= due_at, 0) o FROM (${recs})`,
      true,
    ),
  );
  const recPending = all<{ discipline: string; pending: number; overdue: number }>(`
    SELECT rd.discipline discipline, count(*) pending, sum(i.recommendations_due_at < @asOf) overdue
    FROM issues i JOIN issue_required_disciplines rd ON rd.issue_id = i.id
    WHERE i.program_id = @p AND i.status = 'IN_REVIEW' AND +i.raised_at <= @asOf ${issueFilter}
      ${filter.discipline ? 'AND rd.discipline = @discipline' : ''}
      AND NOT EXISTS (SELECT 1 FROM recommendations r WHERE r.issue_id = i.id
                      AND r.discipline = rd.discipline AND r.superseded_at IS NULL)
      AND NOT EXISTS (SELECT 1 FROM waivers w WHERE w.issue_id = i.id
                      AND w.discipline = rd.discipline)
    GROUP BY rd.discipline`);
  const recommendationLatency: RawFigures['recommendationLatency'] = new Map();
  const disciplines = new Set([
    ...recLatency.map((r) => r.g),
    ...recPending.map((r) => r.discipline),
  ]);
  for (const discipline of disciplines) {
    const latency = recLatency.find((r) => r.g === discipline);
    const pending = recPending.find((r) => r.discipline === discipline);
    const timed = latency?.timed ?? 0;
    const hits = latency?.onTime ?? 0;
    recommendationLatency.set(discipline, {
      count: latency?.n ?? 0,
      p50Days: days(latency?.p50 ?? null),
      p90Days: days(latency?.p90 ?? null),
      onTimeRate: rate(hits, timed),
      pending: pending?.pending ?? 0,
      late: timed - hits + (pending?.overdue ?? 0),
    });
  }

  const decisionFilter = and([
    filter.teamId ? 'd.team_id = @team' : '',
    filter.tier ? 'd.tier = @tier' : '',
    issueFilter ? `d.issue_id IN (SELECT id FROM (${filtered}))` : '',
  ]);
  const decisions = `SELECT d.team_id, d.tier, d.due_at IS NOT NULL t,
      coalesce(d.decided_at <= d.due_at, 0) o,
      max(0, ${msOf('d.decided_at')} - ${msOf('coalesce(d.ready_at, d.decided_at)')}) d
    FROM decisions d WHERE d.program_id = @p AND d.decided_at BETWEEN @from AND @to
      AND d.decided_at <= @asOf ${decisionFilter}`;
  // Each team sits at one tier: the tiers' figures come from the same rows, grouped again.
  const byTeam = all<Grouped>(percentileSql(`SELECT team_id g, d, t, o FROM (${decisions})`, true));
  const byTier = all<Grouped>(percentileSql(`SELECT tier g, d, t, o FROM (${decisions})`, true));
  const waiting = all<{ team: string; n: number }>(`
    SELECT i.current_team_id team, count(*) n FROM issues i
    WHERE i.program_id = @p AND i.status = 'AWAITING_DECISION' AND i.ready_at IS NOT NULL
      AND +i.raised_at <= @asOf ${issueFilter}
    GROUP BY i.current_team_id`);
  const sumOf = (rows: Grouped[]) => ({
    timed: rows.reduce((s, r) => s + r.timed, 0),
    onTime: rows.reduce((s, r) => s + r.onTime, 0),
  });
  const decisionByAuthority: RawFigures['decisionByAuthority'] = new Map();
  for (const team of new Set([...byTeam.map((r) => r.g), ...waiting.map((w) => w.team)])) {
    const latency = byTeam.find((r) => r.g === team);
    const timed = sumOf(latency ? [latency] : []);
    decisionByAuthority.set(team, {
      count: latency?.n ?? 0,
      p50Days: days(latency?.p50 ?? null),
      p90Days: days(latency?.p90 ?? null),
      onTimeRate: rate(timed.onTime, timed.timed),
      pending: waiting.find((w) => w.team === team)?.n ?? 0,
    });
  }
  const decisionByTier: RawFigures['decisionByTier'] = new Map();
  for (const tier of ['WIPT', 'IIPT', 'OIPT']) {
    const latency = byTier.find((r) => r.g === tier);
    const timed = sumOf(latency ? [latency] : []);
    decisionByTier.set(tier, {
      count: latency?.n ?? 0,
      p50Days: days(latency?.p50 ?? null),
      p90Days: days(latency?.p90 ?? null),
      onTimeRate: rate(timed.onTime, timed.timed),
    });
  }
  const allDecisions = sumOf(byTier);

  const ended = `min(coalesce(i.resolved_at, '9999'), coalesce(i.closed_at, '9999'),
    coalesce(i.withdrawn_at, '9999'))`;
  const escalation = one<{ active: number; escalated: number | null }>(`
    SELECT count(*) active, sum(EXISTS (SELECT 1 FROM escalations e WHERE e.issue_id = i.id
      AND e.escalated_at BETWEEN @from AND @to AND e.escalated_at <= @asOf)) escalated
    FROM (${filtered}) i WHERE i.raised_at <= min(@to, @asOf) AND ${ended} >= @from`);

  const items = one<{ n: number }>(`
    SELECT count(*) n FROM issues i JOIN action_items a ON a.issue_id = i.id
    JOIN decisions d ON d.id = a.decision_id AND d.superseded_at IS NULL
    WHERE i.program_id = @p AND i.status IN ${OPEN} AND +i.raised_at <= @asOf ${issueFilter}
      AND i.decided_at <= @asOf AND (a.done_at IS NULL OR a.done_at > @asOf) AND a.due_at < @asOf`);

  const weekly = window.weeks.map((w) => ({ weekStart: w.weekStart, opened: 0, closed: 0 }));
  if (window.weeks.length > 0) {
    const first = iso((window.weeks[0] as { start: number }).start);
    const last = iso((window.weeks[window.weeks.length - 1] as { end: number }).end);
    const weekParams = { ...params, first, last };
    const bounds = window.weeks.map((w) => iso(w.start));
    const bucket = (column: string) =>
      `CASE ${bounds
        .map((b, i) => `WHEN ${column} >= '${b}' THEN ${i}`)
        .reverse()
        .join(' ')} END`;
    const opened = db
      .prepare(
        `SELECT ${bucket('i.raised_at')} w, count(*) n FROM issues i
         WHERE i.program_id = @p AND i.raised_at >= @first AND i.raised_at < @last ${issueFilter}
         GROUP BY w`,
      )
      .all(weekParams) as { w: number; n: number }[];
    const closed = db
      .prepare(
        `SELECT ${bucket('e')} w, count(*) n FROM (
           SELECT ${ended} e FROM issues i WHERE i.rowid IN (
             SELECT rowid FROM issues WHERE program_id = @p AND resolved_at >= @first
             UNION SELECT rowid FROM issues WHERE program_id = @p AND closed_at >= @first
             UNION SELECT rowid FROM issues WHERE program_id = @p AND withdrawn_at >= @first)
           ${issueFilter})
         WHERE e >= @first AND e < @last AND e <= @asOf GROUP BY w`,
      )
      .all(weekParams) as { w: number; n: number }[];
    for (const row of opened) (weekly[row.w] as { opened: number }).opened = row.n;
    for (const row of closed) (weekly[row.w] as { closed: number }).closed = row.n;
  }

  return {
    open: openRow['open'] ?? 0,
    overdue: openRow['overdue'] ?? 0,
    aging: ['a0', 'a1', 'a2', 'a3', 'a4'].map((k) => openRow[k] ?? 0),
    resolution: {
      count: resolution.n ?? 0,
      p50Days: days(resolution.p50),
      p90Days: days(resolution.p90),
    },
    recommendationLatency,
    decisionByAuthority,
    decisionByTier,
    decisionOnTimeRate: rate(allDecisions.onTime, allDecisions.timed),
    escalationRate: rate(escalation.escalated ?? 0, escalation.active),
    overdueActionItems: items.n,
    weekly,
  };
}
