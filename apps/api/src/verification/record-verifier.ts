import type { EntityManager } from 'typeorm';
import { idList, selectArrays } from '../database/arrays';
import { GENESIS_HASH, eventHash } from '../events/write.service';
import { decisionContentHash } from './decision-hash';

/**
 * Checks the whole record (ADR 0016): recomputes every event's hash from its content and the
 * previous event's hash, in `seq` order, and every decision's content hash, against the column
 * beside it and the hash the event that recorded it carries. Reads in keyset batches by `seq`, so
 * memory stays flat however long the chain is. Used by `npm run verify` and the `verifyRecord`
 * query alike.
 */

/** What is wrong at a break. */
export type BreakKind =
  /** The event's content no longer gives its stored hash. */
  | 'EVENT_ALTERED'
  /** The event's content cannot be read at all (not JSON, not an instant). */
  | 'EVENT_UNREADABLE'
  /** The event names a previous hash that is not its predecessor's hash. */
  | 'CHAIN_LINK'
  /** The decision row no longer gives its stored content hash. */
  | 'DECISION_ALTERED'
  /** The decision's stored content hash is not the one its event recorded. */
  | 'DECISION_HASH_MISMATCH'
  /** An event recorded a decision that is no longer in the decisions table. */
  | 'DECISION_MISSING'
  /** A decision row that no event recorded. */
  | 'DECISION_UNRECORDED';

export interface RecordBreak {
  readonly kind: BreakKind;
  /** The event at which it shows; null for a decision no event recorded. */
  readonly seq: number | null;
  /** The event's instant (a decision's own for one no event recorded); null when unreadable. */
  readonly at: Date | null;
  readonly programId: string | null;
  readonly issueId: string | null;
  /** Filled in once the walk is over (only breaks need a key). */
  readonly issueKey: string | null;
  readonly eventType: string | null;
  readonly decisionId: string | null;
  /** What a person reads: what is wrong, and what it means. */
  readonly problem: string;
}

/** What the walk found for one program (`programId` null: events of no program, e.g. accounts). */
export interface ProgramTally {
  readonly programId: string | null;
  readonly events: number;
  readonly decisions: number;
  /** The earliest break (by seq) in this program's events or decisions. */
  readonly firstBreak: RecordBreak | null;
}

export interface RecordReport {
  readonly events: number;
  readonly decisions: number;
  readonly firstSeq: number | null;
  readonly lastSeq: number | null;
  /** How many breaks there are in all (each altered row shows as one or two). */
  readonly breaks: number;
  /** Whether every event's hash follows from its content and its predecessor's hash. */
  readonly chainIntact: boolean;
  /** The earliest break anywhere, by seq; breaks without a seq come last. */
  readonly firstBreak: RecordBreak | null;
  /** The earliest break of the chain itself (an event, not a decision row). */
  readonly firstChainBreak: RecordBreak | null;
  readonly programs: readonly ProgramTally[];
}

export interface VerifyOptions {
  /** Events read per query (default 2,000). */
  readonly batchSize?: number;
  /**
   * Called once before the walk with how many events it will check (counting them costs a scan
   * of the events' primary key, so it is only done when someone shows progress).
   */
  readonly onStart?: (events: number) => void;
  /** Called after each batch with the events checked so far. */
  readonly onProgress?: (events: number) => void;
}

const DEFAULT_BATCH = 2_000;
const DECISION_EVENTS = new Set(['DECISION_RECORDED', 'DECISION_SUPERSEDED']);
const CHAIN_BREAKS = new Set<BreakKind>(['EVENT_ALTERED', 'EVENT_UNREADABLE', 'CHAIN_LINK']);

const EVENT_COLUMNS =
  'seq, program_id, issue_id, actor_id, type, entity_type, entity_id, before, after, at, previous_hash, hash';

const DECISION_COLUMNS =
  'd.id, d.issue_id, d.program_id, d.option_id, d.rationale, d.conditions, d.decided_by_id, d.team_id, ' +
  'd.tier, d.decided_at, d.ready_at, d.due_at, d.considered_recommendation_ids, ' +
  'd.dissenting_disciplines, d.supersedes_id, d.content_hash';

type EventRow = [
  seq: number | string,
  programId: string | null,
  issueId: string | null,
  actorId: string | null,
  type: string,
  entityType: string,
  entityId: string,
  before: string | null,
  after: string | null,
  at: string,
  previousHash: string,
  hash: string,
];

type DecisionRow = [
  id: string,
  issueId: string,
  programId: string,
  optionId: string,
  rationale: string,
  conditions: string,
  decidedById: string,
  teamId: string,
  tier: string,
  decidedAt: string,
  readyAt: string | null,
  dueAt: string | null,
  consideredRecommendationIds: string,
  dissentingDisciplines: string,
  supersedesId: string | null,
  contentHash: string,
];

/** A decision event seen in the walk, to check against its decision row. */
interface DecisionEvent {
  readonly decisionId: string;
  readonly seq: number;
  readonly at: Date | null;
  readonly type: string;
  readonly programId: string | null;
  readonly issueId: string | null;
  /** `after.contentHash`; undefined for decisions recorded before decisions were hashed. */
  readonly contentHash: string | undefined;
}

class Tallies {
  readonly programs = new Map<string | null, { events: number; decisions: number }>();
  readonly firstBreaks = new Map<string | null, RecordBreak>();
  /** Decisions found altered or missing so far: rare, unless someone altered very many. */
  readonly brokenDecisions = new Set<string>();
  firstBreak: RecordBreak | null = null;
  firstChainBreak: RecordBreak | null = null;
  breaks = 0;
  events = 0;
  decisions = 0;

  of(programId: string | null) {
    let tally = this.programs.get(programId);
    if (!tally) {
      tally = { events: 0, decisions: 0 };
      this.programs.set(programId, tally);
    }
    return tally;
  }

  found(found: RecordBreak): void {
    this.breaks += 1;
    if (CHAIN_BREAKS.has(found.kind) && earlier(found, this.firstChainBreak)) {
      this.firstChainBreak = found;
    }
    if (found.decisionId !== null) this.brokenDecisions.add(found.decisionId);
    if (earlier(found, this.firstBreak)) this.firstBreak = found;
    if (earlier(found, this.firstBreaks.get(found.programId) ?? null)) {
      this.firstBreaks.set(found.programId, found);
    }
  }
}

/** Whether `a` comes before `b` in the record (by seq; breaks without one after all others). */
function earlier(a: RecordBreak, b: RecordBreak | null): boolean {
  if (b === null) return true;
  if (a.seq === null) return false;
  return b.seq === null || a.seq < b.seq;
}

/** Walks the whole record on `manager` (a reader: nothing is written). */
export async function verifyRecord(
  manager: EntityManager,
  options: VerifyOptions = {},
): Promise<RecordReport> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const tallies = new Tallies();
  // The walk covers the record as it stood when it began; events appended meanwhile wait for the
  // next check (they are appended after these, so they cannot hide an edit of these).
  const [bounds] = await selectArrays(manager, 'SELECT MIN(seq), MAX(seq) FROM events', []);
  const firstSeq = bounds?.[0] == null ? null : Number(bounds[0]);
  const lastSeq = bounds?.[1] == null ? null : Number(bounds[1]);
  if (options.onStart) {
    const [count] = await selectArrays(manager, 'SELECT COUNT(*) FROM events WHERE seq <= ?', [
      lastSeq ?? 0,
    ]);
    options.onStart(Number(count?.[0] ?? 0));
  }

  let previousSeq: number | null = null;
  let previousHash = GENESIS_HASH;
  let after = (firstSeq ?? 0) - 1;
  while (lastSeq !== null) {
    const rows = (await selectArrays(
      manager,
      `SELECT ${EVENT_COLUMNS} FROM events WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?`,
      [after, lastSeq, batchSize],
    )) as EventRow[];
    if (rows.length === 0) break;
    const decisionEvents: DecisionEvent[] = [];
    for (const row of rows) {
      const checked = checkEvent(row, previousSeq, previousHash, tallies);
      if (checked) decisionEvents.push(checked);
      previousSeq = Number(row[0]);
      previousHash = row[11];
    }
    await checkDecisions(manager, decisionEvents, tallies);
    after = previousSeq as number;
    options.onProgress?.(tallies.events);
    // On SQLite every read is synchronous: let the server answer requests between batches.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await findUnrecordedDecisions(manager, batchSize, tallies);
  await fillIssueKeys(manager, tallies);

  return {
    events: tallies.events,
    decisions: tallies.decisions,
    firstSeq,
    lastSeq,
    breaks: tallies.breaks,
    chainIntact: tallies.firstChainBreak === null,
    firstBreak: tallies.firstBreak,
    firstChainBreak: tallies.firstChainBreak,
    programs: [...tallies.programs].map(([programId, tally]) => ({
      programId,
      events: tally.events,
      decisions: tally.decisions,
      firstBreak: tallies.firstBreaks.get(programId) ?? null,
    })),
  };
}

/**
 * Checks one event: that it names its predecessor's hash, and that its content and that named
 * hash give its own hash. Both are checked for every event, also after a break, so each altered
 * event shows by itself (an altered event fails the second; a deleted or inserted one, or an
 * altered hash, fails the first at the event after it).
 */
function checkEvent(
  row: EventRow,
  previousSeq: number | null,
  previousHash: string,
  tallies: Tallies,
): DecisionEvent | null {
  const [
    seqValue,
    programId,
    issueId,
    actorId,
    type,
    entityType,
    entityId,
    before,
    after,
    atText,
    storedPrevious,
    hash,
  ] = row;
  const seq = Number(seqValue);
  tallies.events += 1;
  tallies.of(programId).events += 1;
  const at = new Date(atText);
  const where = {
    seq,
    at: Number.isNaN(at.getTime()) ? null : at,
    programId,
    issueId,
    issueKey: null,
    eventType: type,
  };
  if (storedPrevious !== previousHash) {
    tallies.found({
      ...where,
      kind: 'CHAIN_LINK',
      decisionId: null,
      problem:
        previousSeq === null
          ? 'The first event does not start the chain: events before it were deleted, or its previous hash was altered.'
          : `The event does not follow event #${previousSeq}: it names a previous hash that is not that event’s hash, so an event between them was deleted or inserted, or a hash was altered.`,
    });
  }
  let parsedAfter: Record<string, unknown> | null = null;
  try {
    if (where.at === null) throw new Error('no instant');
    const parsedBefore = parse(before);
    parsedAfter = parse(after);
    const expected = eventHash({
      previousHash: storedPrevious,
      programId,
      issueId,
      actorId,
      type,
      entityType,
      entityId,
      before: parsedBefore,
      after: parsedAfter,
      at: where.at,
    });
    if (expected !== hash) {
      tallies.found({
        ...where,
        kind: 'EVENT_ALTERED',
        decisionId: null,
        problem:
          'The event’s content no longer matches its hash: it was altered after it was recorded.',
      });
    }
  } catch {
    tallies.found({
      ...where,
      kind: 'EVENT_UNREADABLE',
      decisionId: null,
      problem:
        'The event’s content cannot be read (its before, after or time is malformed): it was altered after it was recorded.',
    });
  }
  if (entityType !== 'Decision' || !DECISION_EVENTS.has(type)) return null;
  const contentHash = parsedAfter?.['contentHash'];
  return {
    decisionId: entityId,
    seq,
    at: where.at,
    type,
    programId,
    issueId,
    contentHash: typeof contentHash === 'string' ? contentHash : undefined,
  };
}

function parse(json: string | null): Record<string, unknown> | null {
  return json === null ? null : (JSON.parse(json) as Record<string, unknown>);
}

/** Checks the decisions the batch's events recorded, read by id in one query. */
async function checkDecisions(
  manager: EntityManager,
  events: readonly DecisionEvent[],
  tallies: Tallies,
): Promise<void> {
  if (events.length === 0) return;
  const ids = idList(
    manager,
    events.map((e) => e.decisionId),
  );
  const rows = (await selectArrays(
    manager,
    `SELECT ${DECISION_COLUMNS} FROM decisions d WHERE d.id IN (${ids.sql})`,
    [ids.value],
  )) as DecisionRow[];
  const byId = new Map(rows.map((row) => [row[0], row]));
  for (const event of events) {
    const where = {
      seq: event.seq,
      at: event.at,
      programId: event.programId,
      issueId: event.issueId,
      issueKey: null,
      eventType: event.type,
      decisionId: event.decisionId,
    };
    const row = byId.get(event.decisionId);
    if (!row) {
      tallies.found({
        ...where,
        kind: 'DECISION_MISSING',
        problem: `The decision this event recorded (${event.decisionId}) is missing from the decisions table: it was deleted behind the app’s back.`,
      });
      continue;
    }
    tallies.decisions += 1;
    tallies.of(event.programId).decisions += 1;
    const problem = decisionProblem(row, event.contentHash);
    if (problem) tallies.found({ ...where, ...problem });
  }
}

/** What is wrong with a decision row, given the content hash its event recorded (if any). */
function decisionProblem(
  row: DecisionRow,
  recorded: string | undefined,
): Pick<RecordBreak, 'kind' | 'problem'> | null {
  const stored = row[15];
  let computed: string;
  try {
    computed = decisionContentHash({
      id: row[0],
      issueId: row[1],
      programId: row[2],
      optionId: row[3],
      rationale: row[4],
      conditions: row[5],
      decidedById: row[6],
      teamId: row[7],
      tier: row[8],
      decidedAt: new Date(row[9]),
      readyAt: row[10] === null ? null : new Date(row[10]),
      dueAt: row[11] === null ? null : new Date(row[11]),
      consideredRecommendationIds: JSON.parse(row[12]) as string[],
      dissentingDisciplines: JSON.parse(row[13]) as string[],
      supersedesId: row[14],
    });
  } catch {
    computed = '';
  }
  if (computed !== stored) {
    return {
      kind: 'DECISION_ALTERED',
      problem: `Decision ${row[0]} no longer matches its content hash: the decision was altered after it was recorded.`,
    };
  }
  // Decisions recorded before decisions were hashed have no hash in their event (ADR 0016).
  if (recorded !== undefined && recorded !== stored) {
    return {
      kind: 'DECISION_HASH_MISMATCH',
      problem: `Decision ${row[0]} and its content hash differ from the hash its event recorded: both were altered after it was recorded.`,
    };
  }
  return null;
}

/**
 * Decision rows no event recorded, in batches by id. Found through the events of the decision's
 * issue (indexed), so the pass reads the decisions once and returns only what is wrong.
 */
async function findUnrecordedDecisions(
  manager: EntityManager,
  batchSize: number,
  tallies: Tallies,
): Promise<void> {
  let after = '';
  for (;;) {
    const rows = (await selectArrays(
      manager,
      `SELECT ${DECISION_COLUMNS} FROM decisions d WHERE d.id > ? AND NOT EXISTS (` +
        "SELECT 1 FROM events e WHERE e.issue_id = d.issue_id AND e.entity_type = 'Decision' " +
        'AND e.entity_id = d.id) ORDER BY d.id LIMIT ?',
      [after, batchSize],
    )) as DecisionRow[];
    if (rows.length === 0) return;
    for (const row of rows) {
      // A decision moved to another issue is not found under its new one; its altered content
      // has shown already, at the event that recorded it.
      if (tallies.brokenDecisions.has(row[0])) continue;
      tallies.decisions += 1;
      tallies.of(row[2]).decisions += 1;
      const decidedAt = new Date(row[9]);
      tallies.found({
        kind: 'DECISION_UNRECORDED',
        seq: null,
        at: Number.isNaN(decidedAt.getTime()) ? null : decidedAt,
        programId: row[2],
        issueId: row[1],
        issueKey: null,
        eventType: null,
        decisionId: row[0],
        problem: `Decision ${row[0]} was recorded by no event: it was inserted behind the app’s back, or the event that recorded it was deleted.`,
      });
    }
    after = rows[rows.length - 1]![0];
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** The issue keys of the breaks kept (a handful: the first ones overall and per program). */
async function fillIssueKeys(manager: EntityManager, tallies: Tallies): Promise<void> {
  const kept = [
    tallies.firstBreak,
    tallies.firstChainBreak,
    ...tallies.firstBreaks.values(),
  ].filter((found): found is RecordBreak => found !== null && found.issueId !== null);
  if (kept.length === 0) return;
  const ids = idList(manager, [...new Set(kept.map((found) => found.issueId as string))]);
  const rows = (await selectArrays(manager, `SELECT id, key FROM issues WHERE id IN (${ids.sql})`, [
    ids.value,
  ])) as [string, string][];
  const keys = new Map(rows);
  const named = (found: RecordBreak | null): RecordBreak | null =>
    found === null ? null : { ...found, issueKey: keys.get(found.issueId ?? '') ?? null };
  tallies.firstBreak = named(tallies.firstBreak);
  tallies.firstChainBreak = named(tallies.firstChainBreak);
  for (const [programId, found] of tallies.firstBreaks) {
    tallies.firstBreaks.set(programId, named(found) as RecordBreak);
  }
}
