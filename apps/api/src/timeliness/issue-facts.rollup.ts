import type { EntityManager } from 'typeorm';
import {
  issueCountsUntil,
  type ActionItemFacts,
  type EscalationFacts,
  type Instant,
  type IssueFacts,
  type ProgramFacts,
  type RecommendationFacts,
} from '@ipt/domain';
import { idList, selectColumn } from '../database/arrays';
import { loadIssueFacts, windowDecisions, type FactsWindow, type IssueFactsSet } from './facts';
import { IssueFactsEntity } from './issue-facts.entity';

/**
 * The roll-up of each issue's timeliness facts (ADR 0013). `refreshIssueFacts` writes an issue's
 * row from `loadIssueFacts`, the from-scratch reading of the tables, inside the transaction that
 * changed the issue; `loadRolledUpFacts` reads a report's window back as one index range. Tests
 * check that the two readings are equal after every kind of change.
 */

/** `counts_until` of an issue that is still open: after every instant a report can ask about. */
export const OPEN_FOREVER = '9999-12-31T23:59:59.999Z';

/** One issue's facts and what hangs off it, in the domain's own shapes. */
export interface IssueFactsRecord {
  readonly issue: IssueFacts;
  readonly recommendations: RecommendationFacts[];
  readonly escalations: EscalationFacts[];
  readonly actionItems: ActionItemFacts[];
}

const countsUntilText = (at: Instant): string =>
  Number.isFinite(at) ? new Date(at).toISOString() : OPEN_FOREVER;

/** Rows written per INSERT: well under every driver's parameter limit (4 columns each). */
const UPSERT_CHUNK = 200;

/**
 * Rewrites the roll-up rows of a program's issues from the tables, in the caller's transaction.
 * An issue that no longer exists loses its row.
 */
export async function refreshIssueFacts(
  manager: EntityManager,
  programId: string,
  issueIds: readonly string[],
): Promise<void> {
  if (issueIds.length === 0) return;
  if (manager.connection.options.type === 'postgres') {
    // Writers commit concurrently on PostgreSQL. A write that records an event without touching
    // the issue row (a comment) would otherwise read the facts before another instance's change
    // to the same issue commits, then overwrite that instance's row with them. Locking the issue
    // rows first makes it wait for that commit and read after it (SQLite serializes writes).
    await manager.query('SELECT id FROM issues WHERE id = ANY($1) ORDER BY id FOR UPDATE', [
      issueIds,
    ]);
  }
  const records = recordsByIssue(await loadIssueFacts(manager, issueIds));
  const gone = issueIds.filter((id) => !records.has(id));
  if (gone.length > 0)
    await manager
      .createQueryBuilder()
      .delete()
      .from(IssueFactsEntity)
      .where('issue_id IN (:...gone)', { gone })
      .execute();
  const rows = [...records.values()].map((record) => ({
    issueId: record.issue.id,
    programId,
    countsUntil: countsUntilText(issueCountsUntil(record.issue)),
    facts: JSON.stringify(encodeRecord(record)),
  }));
  for (let i = 0; i < rows.length; i += UPSERT_CHUNK) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(IssueFactsEntity)
      .values(rows.slice(i, i + UPSERT_CHUNK))
      .orUpdate(['program_id', 'counts_until', 'facts'], ['issue_id'])
      .execute();
  }
}

function recordsByIssue(facts: IssueFactsSet): Map<string, IssueFactsRecord> {
  const records = new Map<string, IssueFactsRecord>();
  for (const issue of facts.issues)
    records.set(issue.id, { issue, recommendations: [], escalations: [], actionItems: [] });
  for (const r of facts.recommendations) records.get(r.issueId)?.recommendations.push(r);
  for (const e of facts.escalations) records.get(e.issueId)?.escalations.push(e);
  for (const a of facts.actionItems) records.get(a.issueId)?.actionItems.push(a);
  return records;
}

/**
 * The program's facts for a report over [since, asOf] from the roll-up: one range of the
 * (program, counts until) index, each row parsed straight into the domain's shapes.
 */
export async function loadRolledUpFacts(
  manager: EntityManager,
  window: FactsWindow,
): Promise<ProgramFacts> {
  const issues: IssueFacts[] = [];
  const recommendations: RecommendationFacts[] = [];
  const escalations: EscalationFacts[] = [];
  const actionItems: ActionItemFacts[] = [];
  for (const record of await loadRolledUpRecords(manager, window.programId, window.since)) {
    issues.push(record.issue);
    for (const r of record.recommendations) recommendations.push(r);
    for (const e of record.escalations) escalations.push(e);
    for (const a of record.actionItems) actionItems.push(a);
  }
  return {
    issues,
    recommendations,
    escalations,
    actionItems,
    decisions: await windowDecisions(manager, window),
  };
}

/** The roll-up rows of a program's issues that count until `since` or later, decoded. */
export async function loadRolledUpRecords(
  manager: EntityManager,
  programId: string,
  since: Instant,
): Promise<IssueFactsRecord[]> {
  const rows = await selectColumn<string>(
    manager,
    'SELECT facts FROM issue_facts WHERE program_id = ? AND counts_until >= ?',
    // No lower bound (-Infinity): every text is at or after the empty one.
    [programId, Number.isFinite(since) ? new Date(since).toISOString() : ''],
  );
  return rows.map(decodeIssueFacts);
}

/** The roll-up rows of these issues, decoded (an issue without one is left out). */
export async function loadRolledUpRecordsOf(
  manager: EntityManager,
  issueIds: readonly string[],
): Promise<IssueFactsRecord[]> {
  const list = idList(manager, issueIds);
  const rows = await selectColumn<string>(
    manager,
    `SELECT facts FROM issue_facts WHERE issue_id IN (${list.sql})`,
    [list.value],
  );
  return rows.map(decodeIssueFacts);
}

/** Issues without a roll-up row (none, unless the database predates the roll-up). */
export async function issuesWithoutFacts(
  manager: EntityManager,
): Promise<{ id: string; programId: string }[]> {
  const count = async (table: string) =>
    Number(
      (
        await manager
          .createQueryBuilder()
          .select('count(*)', 'n')
          .from(table, 't')
          .getRawOne<{ n: number | string }>()
      )?.n ?? 0,
    );
  // Rows go with their issue (ON DELETE CASCADE), so equal counts mean none is missing: the
  // anti-join below is skipped on every ordinary start.
  if ((await count('issues')) === (await count('issue_facts'))) return [];
  return manager
    .createQueryBuilder()
    .select(['i.id AS id', 'i.program_id AS "programId"'])
    .from('issues', 'i')
    .where('NOT EXISTS (SELECT 1 FROM issue_facts f WHERE f.issue_id = i.id)')
    .getRawMany<{ id: string; programId: string }>();
}

/** Issues one backfill transaction rolls up. */
export const BACKFILL_BATCH = 1000;

/**
 * Writes the missing roll-up rows, a batch per transaction (`write` runs one), so a large
 * database is filled in without one long write holding the lock.
 */
export async function backfillIssueFacts(
  reader: EntityManager,
  write: (work: (manager: EntityManager) => Promise<void>) => Promise<void>,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const missing = await issuesWithoutFacts(reader);
  const byProgram = new Map<string, string[]>();
  for (const { id, programId } of missing) {
    const list = byProgram.get(programId) ?? [];
    list.push(id);
    byProgram.set(programId, list);
  }
  let done = 0;
  for (const [programId, ids] of byProgram) {
    for (let i = 0; i < ids.length; i += BACKFILL_BATCH) {
      const batch = ids.slice(i, i + BACKFILL_BATCH);
      await write((manager) => refreshIssueFacts(manager, programId, batch));
      done += batch.length;
      onProgress?.(done, missing.length);
    }
  }
  return missing.length;
}

/** Facts in a fixed order, so two readings (roll-up, tables, replay) compare as values. */
export function canonicalFacts(facts: ProgramFacts) {
  const by =
    <T>(key: (item: T) => string) =>
    (a: T, b: T) =>
      key(a).localeCompare(key(b));
  return {
    issues: [...facts.issues]
      .map((i) => ({ ...i, requiredDisciplines: [...i.requiredDisciplines] }))
      .sort(by((i) => i.id)),
    recommendations: [...facts.recommendations].sort(
      by((r) => `${r.issueId}|${r.submittedAt}|${r.discipline}|${r.teamId}`),
    ),
    decisions: [...facts.decisions].sort(by((d) => `${d.issueId}|${d.decidedAt}`)),
    escalations: [...facts.escalations].sort(by((e) => `${e.issueId}|${e.at}`)),
    actionItems: [...facts.actionItems].sort(by((a) => a.id)),
  };
}

/**
 * The stored form of a record: positional arrays, no key names and no repeated issue id, so a
 * window of 150k issues is about a third of the text to read and parse (measured on 1M issues:
 * 1.4 KB an issue as objects). `FORMAT` is its first element; a new layout takes a new number and
 * a migration that empties the table for the start-up backfill to refill.
 */
const FORMAT = 1;
type N = Instant | null;
type EncodedIssue = [
  id: string,
  key: string,
  title: string,
  status: IssueFacts['status'],
  consequence: IssueFacts['consequence'],
  teamId: string,
  tier: IssueFacts['tier'],
  raisedAt: Instant,
  tierEnteredAt: Instant,
  triagedAt: N,
  readyAt: N,
  decidedAt: N,
  resolvedAt: N,
  closedAt: N,
  withdrawnAt: N,
  triageDue: N,
  recommendationsDue: N,
  decisionDue: N,
  resolutionDue: N,
  manualDueStages: IssueFacts['manualDueStages'],
  requiredDisciplines: IssueFacts['requiredDisciplines'],
  pendingDisciplines: IssueFacts['pendingDisciplines'],
];
type EncodedRecommendation = [
  discipline: string,
  teamId: string,
  tier: RecommendationFacts['tier'],
  requestedAt: Instant,
  submittedAt: Instant,
  dueAt: N,
];
type EncodedEscalation = [
  fromTeamId: string,
  toTeamId: string,
  fromTier: EscalationFacts['fromTier'],
  toTier: EscalationFacts['toTier'],
  at: Instant,
  source: EscalationFacts['source'],
  fromStage: EscalationFacts['fromStage'],
  fromStageStartedAt: N,
  fromStageDueAt: N,
];
type EncodedActionItem = [id: string, title: string, assigneeId: string, dueAt: Instant, doneAt: N];
type EncodedRecord = [
  format: typeof FORMAT,
  issue: EncodedIssue,
  recommendations: EncodedRecommendation[],
  escalations: EncodedEscalation[],
  actionItems: EncodedActionItem[],
];

function encodeRecord({
  issue: i,
  recommendations,
  escalations,
  actionItems,
}: IssueFactsRecord): EncodedRecord {
  return [
    FORMAT,
    [
      i.id,
      i.key,
      i.title,
      i.status,
      i.consequence,
      i.teamId,
      i.tier,
      i.raisedAt,
      i.tierEnteredAt,
      i.triagedAt,
      i.readyAt,
      i.decidedAt,
      i.resolvedAt,
      i.closedAt,
      i.withdrawnAt,
      i.due.TRIAGE,
      i.due.RECOMMENDATIONS,
      i.due.DECISION,
      i.due.RESOLUTION,
      i.manualDueStages,
      i.requiredDisciplines,
      i.pendingDisciplines,
    ],
    recommendations.map((r) => [
      r.discipline,
      r.teamId,
      r.tier,
      r.requestedAt,
      r.submittedAt,
      r.dueAt,
    ]),
    escalations.map((e) => [
      e.fromTeamId,
      e.toTeamId,
      e.fromTier,
      e.toTier,
      e.at,
      e.source,
      e.fromStage,
      e.fromStageStartedAt,
      e.fromStageDueAt,
    ]),
    actionItems.map((a) => [a.id, a.title, a.assigneeId, a.dueAt, a.doneAt]),
  ];
}

/** One row's `facts` in the domain's shapes. */
export function decodeIssueFacts(facts: string): IssueFactsRecord {
  const [format, i, rs, es, as] = JSON.parse(facts) as EncodedRecord;
  if (format !== FORMAT) throw new Error(`Issue facts stored in unknown format ${String(format)}`);
  const issueId = i[0];
  return {
    issue: {
      id: issueId,
      key: i[1],
      title: i[2],
      status: i[3],
      consequence: i[4],
      teamId: i[5],
      tier: i[6],
      raisedAt: i[7],
      tierEnteredAt: i[8],
      triagedAt: i[9],
      readyAt: i[10],
      decidedAt: i[11],
      resolvedAt: i[12],
      closedAt: i[13],
      withdrawnAt: i[14],
      due: { TRIAGE: i[15], RECOMMENDATIONS: i[16], DECISION: i[17], RESOLUTION: i[18] },
      manualDueStages: i[19],
      requiredDisciplines: i[20],
      pendingDisciplines: i[21],
    },
    recommendations: rs.map((r) => ({
      issueId,
      discipline: r[0],
      teamId: r[1],
      tier: r[2],
      requestedAt: r[3],
      submittedAt: r[4],
      dueAt: r[5],
    })),
    escalations: es.map((e) => ({
      issueId,
      fromTeamId: e[0],
      toTeamId: e[1],
      fromTier: e[2],
      toTier: e[3],
      at: e[4],
      source: e[5],
      fromStage: e[6],
      fromStageStartedAt: e[7],
      fromStageDueAt: e[8],
    })),
    actionItems: as.map((a) => ({
      id: a[0],
      issueId,
      title: a[1],
      assigneeId: a[2],
      dueAt: a[3],
      doneAt: a[4],
    })),
  };
}
