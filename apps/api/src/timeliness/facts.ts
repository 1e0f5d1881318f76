import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { idList, selectArrays } from '../database/arrays';
import {
  DAY_MS,
  FORECAST_HISTORY_DAYS,
  type ActionItemFacts,
  type Consequence,
  type DecisionFacts,
  type EscalationFacts,
  type EscalationSource,
  type Instant,
  type IssueFacts,
  type IssueStatus,
  type ProgramFacts,
  type RecommendationFacts,
  type Stage,
  type Tier,
} from '@ipt/domain';

/**
 * The facts of a program as its tables hold them now, computed from scratch. The current view
 * reads the same facts from their roll-up (`issue-facts.rollup.ts`), which is written from these
 * functions in every write's transaction; tests compare the two.
 */
export interface FactsWindow {
  readonly programId: string;
  /** The earliest instant the report looks at (the previous period's start). */
  readonly since: Instant;
  readonly asOf: Instant;
}

/** One issue's facts and those of its recommendations, escalations and binding action items. */
export type IssueFactsSet = Omit<ProgramFacts, 'decisions'>;

const OPEN = `('OPEN','IN_REVIEW','AWAITING_DECISION','DECIDED')`;
const ms = (value: string | null): Instant | null => (value === null ? null : Date.parse(value));
const must = (value: string): Instant => Date.parse(value);

type Row = Record<string, string | number | null>;

/** The program's facts for a report over [since, asOf], read from the tables from scratch. */
export async function loadFactsFromTables(
  manager: EntityManager,
  window: FactsWindow,
): Promise<ProgramFacts> {
  const ids = await windowIssueIds(manager, window);
  return {
    ...(await loadIssueFacts(manager, ids)),
    decisions: await windowDecisions(manager, window),
  };
}

/**
 * The issues a report over [since, asOf] can count: open now, or raised or ended since `since`
 * (`issueCountsUntil` in libs/domain says the same of one issue).
 */
export async function windowIssueIds(
  manager: EntityManager,
  window: FactsWindow,
): Promise<string[]> {
  const postgres = manager.connection.options.type === 'postgres';
  // Union of indexed lookups rather than one OR, so each uses its (program_id, column) index. In
  // SQLite each index entry holds the row's rowid, so a union of rowids never visits the table
  // (measured on 1M issues: 0.19 s against 1.24 s by id); PostgreSQL has no rowid.
  const key = postgres ? 'id' : 'rowid';
  const windowKeys = `
    SELECT ${key} FROM issues WHERE program_id = :programId AND status IN ${OPEN}
    UNION SELECT ${key} FROM issues WHERE program_id = :programId AND raised_at >= :since
    UNION SELECT ${key} FROM issues WHERE program_id = :programId AND resolved_at >= :since
    UNION SELECT ${key} FROM issues WHERE program_id = :programId AND closed_at >= :since
    UNION SELECT ${key} FROM issues WHERE program_id = :programId AND withdrawn_at >= :since`;
  const rows = await manager
    .createQueryBuilder()
    .select('i.id', 'id')
    .from('issues', 'i')
    .where(`i.${key} IN (${windowKeys})`)
    .setParameters({ programId: window.programId, since: new Date(window.since).toISOString() })
    .getRawMany<{ id: string }>();
  return rows.map((row) => row.id);
}

/** The decisions a report over the window reads: its own and a year of history for forecasts. */
export function windowDecisions(
  manager: EntityManager,
  window: FactsWindow,
): Promise<DecisionFacts[]> {
  // No figure counts a decision made before the window, whichever issue it is on.
  return loadDecisions(manager, window.programId, {
    since: Math.min(window.since, window.asOf - FORECAST_HISTORY_DAYS * DAY_MS),
    asOf: window.asOf,
  });
}

/** The facts of the given issues as the tables hold them now. */
export async function loadIssueFacts(
  manager: EntityManager,
  ids: readonly string[],
): Promise<IssueFactsSet> {
  const list = idList(manager, ids, ':ids');
  const withIds = (qb: SelectQueryBuilder<object>) =>
    qb.setParameters({ ids: list.value }).getRawMany<Row>();

  const [issueRows, requiredRows, recommendationRows, waiverRows, escalationRows, itemRows] = [
    await withIds(
      manager
        .createQueryBuilder()
        .select([
          'i.id AS id',
          'i.key AS key',
          'i.title AS title',
          'i.status AS status',
          'i.consequence AS consequence',
          'i.current_team_id AS team_id',
          'i.current_tier AS tier',
          'i.raised_at AS raised_at',
          'i.tier_entered_at AS tier_entered_at',
          'i.triaged_at AS triaged_at',
          'i.ready_at AS ready_at',
          'i.decided_at AS decided_at',
          'i.resolved_at AS resolved_at',
          'i.closed_at AS closed_at',
          'i.withdrawn_at AS withdrawn_at',
          'i.triage_due_at AS triage_due_at',
          'i.recommendations_due_at AS recommendations_due_at',
          'i.decision_due_at AS decision_due_at',
          'i.resolution_due_at AS resolution_due_at',
          'i.manual_due_stages AS manual_due_stages',
        ])
        .from('issues', 'i')
        .where(`i.id IN (${list.sql})`),
    ),
    await withIds(
      manager
        .createQueryBuilder()
        .select(['r.issue_id AS issue_id', 'r.discipline AS discipline'])
        .from('issue_required_disciplines', 'r')
        .where(`r.issue_id IN (${list.sql})`)
        .orderBy('r.issue_id')
        .addOrderBy('r.position'),
    ),
    await withIds(
      manager
        .createQueryBuilder()
        .select([
          'r.issue_id AS issue_id',
          'r.discipline AS discipline',
          'r.team_id AS team_id',
          't.tier AS tier',
          'r.requested_at AS requested_at',
          'r.submitted_at AS submitted_at',
          'r.due_at AS due_at',
          'r.superseded_at AS superseded_at',
        ])
        .from('recommendations', 'r')
        .innerJoin('teams', 't', 't.id = r.team_id')
        .where(`r.issue_id IN (${list.sql})`),
    ),
    await withIds(
      manager
        .createQueryBuilder()
        .select(['w.issue_id AS issue_id', 'w.discipline AS discipline'])
        .from('waivers', 'w')
        .where(`w.issue_id IN (${list.sql})`),
    ),
    await withIds(
      manager
        .createQueryBuilder()
        .select([
          'e.issue_id AS issue_id',
          'e.from_team_id AS from_team_id',
          'e.to_team_id AS to_team_id',
          'e.from_tier AS from_tier',
          'e.to_tier AS to_tier',
          'e.escalated_at AS escalated_at',
          'e.source AS source',
          'e.from_stage AS from_stage',
          'e.from_stage_started_at AS from_stage_started_at',
          'e.from_stage_due_at AS from_stage_due_at',
        ])
        .from('escalations', 'e')
        .where(`e.issue_id IN (${list.sql})`),
    ),
    await withIds(
      manager
        .createQueryBuilder()
        .select([
          'a.id AS id',
          'a.issue_id AS issue_id',
          'a.title AS title',
          'a.assignee_id AS assignee_id',
          'a.due_at AS due_at',
          'a.done_at AS done_at',
        ])
        .from('action_items', 'a')
        .innerJoin('decisions', 'd', 'd.id = a.decision_id')
        .where(`a.issue_id IN (${list.sql})`)
        .andWhere('d.superseded_at IS NULL'),
    ),
  ];

  const required = groupStrings(requiredRows);
  const covered = groupStrings([
    ...waiverRows,
    ...recommendationRows.filter((r) => r['superseded_at'] === null),
  ]);

  const issues = issueRows.map((row): IssueFacts => {
    const id = row['id'] as string;
    const requiredDisciplines = required.get(id) ?? [];
    const coveredHere = new Set(covered.get(id) ?? []);
    return {
      id,
      key: row['key'] as string,
      title: row['title'] as string,
      status: row['status'] as IssueStatus,
      consequence: (row['consequence'] as Consequence | null) ?? null,
      teamId: row['team_id'] as string,
      tier: row['tier'] as Tier,
      raisedAt: must(row['raised_at'] as string),
      tierEnteredAt: must((row['tier_entered_at'] ?? row['raised_at']) as string),
      triagedAt: ms(row['triaged_at'] as string | null),
      readyAt: ms(row['ready_at'] as string | null),
      decidedAt: ms(row['decided_at'] as string | null),
      resolvedAt: ms(row['resolved_at'] as string | null),
      closedAt: ms(row['closed_at'] as string | null),
      withdrawnAt: ms(row['withdrawn_at'] as string | null),
      due: {
        TRIAGE: ms(row['triage_due_at'] as string | null),
        RECOMMENDATIONS: ms(row['recommendations_due_at'] as string | null),
        DECISION: ms(row['decision_due_at'] as string | null),
        RESOLUTION: ms(row['resolution_due_at'] as string | null),
      },
      manualDueStages: JSON.parse((row['manual_due_stages'] as string) || '[]') as Stage[],
      requiredDisciplines,
      pendingDisciplines: requiredDisciplines.filter((d) => !coveredHere.has(d)),
    };
  });

  const recommendations = recommendationRows.map((row): RecommendationFacts => ({
    issueId: row['issue_id'] as string,
    discipline: row['discipline'] as string,
    teamId: row['team_id'] as string,
    tier: row['tier'] as Tier,
    requestedAt: must((row['requested_at'] ?? row['submitted_at']) as string),
    submittedAt: must(row['submitted_at'] as string),
    dueAt: ms(row['due_at'] as string | null),
  }));

  const escalations = escalationRows.map((row): EscalationFacts => ({
    issueId: row['issue_id'] as string,
    fromTeamId: row['from_team_id'] as string,
    toTeamId: row['to_team_id'] as string,
    fromTier: row['from_tier'] as Tier,
    toTier: row['to_tier'] as Tier,
    at: must(row['escalated_at'] as string),
    source: row['source'] as EscalationSource,
    fromStage: (row['from_stage'] as Stage | null) ?? null,
    fromStageStartedAt: ms(row['from_stage_started_at'] as string | null),
    fromStageDueAt: ms(row['from_stage_due_at'] as string | null),
  }));
  const actionItems = itemRows.map((row): ActionItemFacts => ({
    id: row['id'] as string,
    issueId: row['issue_id'] as string,
    title: row['title'] as string,
    assigneeId: row['assignee_id'] as string,
    dueAt: must(row['due_at'] as string),
    doneAt: ms(row['done_at'] as string | null),
  }));
  return { issues, recommendations, escalations, actionItems };
}

/**
 * A program's decisions made in [since, asOf], as they stood at `asOf`. A decision row never
 * changes but for the instant a later one superseded it, so this is exact for any instant: the
 * current view, a past one, and forecasts all read decisions here.
 */
export async function loadDecisions(
  manager: EntityManager,
  programId: string,
  { since, asOf }: { since: Instant; asOf: Instant },
): Promise<DecisionFacts[]> {
  // A year of a large program's decisions is ~250k rows: read as arrays, from the covering index.
  const rows = await selectArrays(
    manager,
    `SELECT ${DECISION_COLUMNS} FROM decisions
     WHERE program_id = ? AND decided_at >= ? AND decided_at <= ?`,
    [programId, new Date(Math.max(0, since)).toISOString(), new Date(asOf).toISOString()],
  );
  return rows.map((row) => decisionOf(row, asOf));
}

/** A decision's facts as stored now, and when a later decision superseded it (if one has). */
export interface StoredDecision {
  readonly facts: DecisionFacts;
  readonly supersededAt: Instant | null;
}

/** The decisions made on these issues since `since`, as stored now (the facts cache's refresh). */
export async function loadIssueDecisions(
  manager: EntityManager,
  issueIds: readonly string[],
  since: Instant,
): Promise<StoredDecision[]> {
  const list = idList(manager, issueIds);
  const rows = await selectArrays(
    manager,
    `SELECT ${DECISION_COLUMNS} FROM decisions WHERE issue_id IN (${list.sql}) AND decided_at >= ?`,
    [list.value, new Date(Math.max(0, since)).toISOString()],
  );
  return rows.map(storedDecisionOf);
}

/** A program's decisions since `since`, as stored now (the facts cache's first load). */
export async function loadStoredDecisions(
  manager: EntityManager,
  programId: string,
  since: Instant,
): Promise<StoredDecision[]> {
  const rows = await selectArrays(
    manager,
    `SELECT ${DECISION_COLUMNS} FROM decisions WHERE program_id = ? AND decided_at >= ?`,
    [programId, new Date(Math.max(0, since)).toISOString()],
  );
  return rows.map(storedDecisionOf);
}

/** A stored decision as it stood at `asOf`: superseded only if that had happened by then. */
export function decisionAsOf(stored: StoredDecision, asOf: Instant): DecisionFacts {
  return stored.supersededAt !== null && stored.supersededAt > asOf
    ? { ...stored.facts, superseded: false }
    : stored.facts;
}

const DECISION_COLUMNS =
  'issue_id, team_id, tier, decided_by_id, ready_at, decided_at, due_at, superseded_at';

function decisionOf(row: readonly unknown[], asOf: Instant): DecisionFacts {
  const supersededAt = row[7] as string | null;
  return {
    issueId: row[0] as string,
    teamId: row[1] as string,
    tier: row[2] as Tier,
    decidedById: row[3] as string,
    readyAt: ms(row[4] as string | null),
    decidedAt: must(row[5] as string),
    dueAt: ms(row[6] as string | null),
    superseded: supersededAt !== null && must(supersededAt) <= asOf,
  };
}

function storedDecisionOf(row: readonly unknown[]): StoredDecision {
  return { facts: decisionOf(row, Infinity), supersededAt: ms(row[7] as string | null) };
}

function groupStrings(rows: readonly Row[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const row of rows) {
    const id = row['issue_id'] as string;
    const list = groups.get(id) ?? [];
    list.push(row['discipline'] as string);
    groups.set(id, list);
  }
  return groups;
}
