import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  DAY_MS,
  FORECAST_HISTORY_DAYS,
  issueCountsUntil,
  type ActionItemFacts,
  type DecisionFacts,
  type EscalationFacts,
  type Instant,
  type IssueFacts,
  type ProgramFacts,
  type RecommendationFacts,
} from '@ipt/domain';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { selectArrays } from '../database/arrays';
import { DatabaseService } from '../database/database.service';
import {
  decisionAsOf,
  loadIssueDecisions,
  loadStoredDecisions,
  type FactsWindow,
  type StoredDecision,
} from './facts';
import {
  loadRolledUpFacts,
  loadRolledUpRecords,
  loadRolledUpRecordsOf,
  type IssueFactsRecord,
} from './issue-facts.rollup';

/** The farthest back a window the cache holds may reach: longer periods read the roll-up. */
const CACHE_REACH_DAYS = 400;
/** Selections kept per program: the dashboard's window and a person's year of decisions. */
const KEPT_SELECTIONS = 2;
/** More issues changed than this since the last look, and the cache is loaded afresh. */
const REFRESH_LIMIT = 20_000;

interface CachedIssue extends IssueFactsRecord {
  readonly countsUntil: Instant;
}

/** One program's roll-up rows and decisions, decoded, as of event `seq`. */
interface CachedProgram {
  readonly programId: string;
  /** How far before the as-of instant the held issues and decisions reach: the window slides. */
  readonly reach: number;
  readonly decisionsReach: number;
  /** Issues held: every one counting until this instant or later. */
  since: Instant;
  /** Decisions held: every one made at or after this instant. */
  decisionsSince: Instant;
  /** The last event reflected: a later event on an issue means its entries are read again. */
  seq: number;
  readonly issues: Map<string, CachedIssue>;
  readonly decisions: Map<string, StoredDecision[]>;
  /** Bumped whenever `issues` or `decisions` change: a selection made before is stale. */
  version: number;
  /**
   * The last selections (the dashboard's window and the year a person's decision record reads),
   * handed out again while nothing they depend on has changed (ADR 23); most recent last.
   */
  selections: Selection[];
}

/**
 * A `select` result and the range of windows it stays exact for: the same issues count until
 * `since` passes the first one's `countsUntil`, and the same decisions, as of the same state,
 * until an instant crosses one of theirs.
 */
interface Selection {
  readonly version: number;
  readonly facts: ProgramFacts;
  /** `since` may move within (sinceAbove, sinceAtMost]. */
  readonly sinceAbove: Instant;
  readonly sinceAtMost: Instant;
  readonly decisionsSinceAbove: Instant;
  readonly decisionsSinceAtMost: Instant;
  /** `asOf` may move within [asOfFrom, asOfBefore). */
  readonly asOfFrom: Instant;
  readonly asOfBefore: Instant;
}

/**
 * The current view's facts held in memory between requests (ADR 0013), so a dashboard does not
 * read and decode ~150k roll-up rows and a year of decisions on every request of a 1M-issue
 * program. Each request first asks the event log what changed since the cache last looked (one
 * index lookup); the issues that an event touched since then have their roll-up row and
 * decisions read again. Every write that changes an issue's facts records an event on it in the
 * same transaction as the roll-up row, so this sees every change, from this process or another.
 *
 * SQLite only: its writes are serialized, so events commit in `seq` order and "after the last
 * seq seen" misses nothing. PostgreSQL writers commit concurrently, so a lower seq can become
 * visible after a higher one; there every request reads the roll-up (still one index range).
 */
@Injectable()
export class CurrentFactsCache {
  /** Most recently used last; at most `config.timelinessFactsCachePrograms` entries. */
  private readonly programs = new Map<string, Promise<CachedProgram | null>>();

  constructor(
    private readonly db: DatabaseService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** How many programs this cache keeps (0 when it is off: PostgreSQL, or configured so). */
  get capacity(): number {
    return this.db.isPostgres ? 0 : this.config.timelinessFactsCachePrograms;
  }

  /** The program's facts for a report over the window, as the roll-up holds them now. */
  async facts(window: FactsWindow): Promise<ProgramFacts> {
    const reader = this.db.reader;
    const decisionsSince = Math.min(window.since, window.asOf - FORECAST_HISTORY_DAYS * DAY_MS);
    const limit = this.capacity;
    if (limit === 0 || decisionsSince < window.asOf - CACHE_REACH_DAYS * DAY_MS)
      return loadRolledUpFacts(reader, window);

    // One refresh at a time per program: a request waits for the one before it, then looks again.
    const previous = this.programs.get(window.programId) ?? Promise.resolve(null);
    const current = previous
      .catch(() => null)
      .then((cached) =>
        this.fresh(reader, cached, window.programId, window.since, decisionsSince, window.asOf),
      );
    this.programs.delete(window.programId);
    this.programs.set(window.programId, current);
    for (const programId of this.programs.keys()) {
      if (this.programs.size <= limit) break;
      this.programs.delete(programId);
    }
    // A failed refresh fails this request only: the next one loads afresh (the catch above).
    return select(await current, window.since, decisionsSince, window.asOf);
  }

  /** The cache brought up to date, or loaded afresh when it cannot be. */
  private async fresh(
    reader: EntityManager,
    cached: CachedProgram | null,
    programId: string,
    since: Instant,
    decisionsSince: Instant,
    asOf: Instant,
  ): Promise<CachedProgram> {
    const seq = await lastSeq(reader, programId);
    if (
      !cached ||
      since < cached.since ||
      decisionsSince < cached.decisionsSince ||
      // The log went backwards (a restore under a running API): nothing held can be trusted.
      seq < cached.seq
    )
      return load(reader, programId, seq, since, decisionsSince, asOf);
    slide(cached, asOf);
    if (seq === cached.seq) return cached;
    const changed = (
      await selectArrays(
        reader,
        `SELECT DISTINCT issue_id FROM events
         WHERE program_id = ? AND seq > ? AND seq <= ? AND issue_id IS NOT NULL`,
        [programId, cached.seq, seq],
      )
    ).map((row) => row[0] as string);
    if (changed.length > REFRESH_LIMIT)
      return load(reader, programId, seq, since, decisionsSince, asOf);
    cached.version++;
    for (const id of changed) {
      cached.issues.delete(id);
      cached.decisions.delete(id);
    }
    if (changed.length > 0) {
      for (const record of await loadRolledUpRecordsOf(reader, changed))
        cached.issues.set(record.issue.id, withCountsUntil(record));
      for (const decision of await loadIssueDecisions(reader, changed, cached.decisionsSince))
        addDecision(cached.decisions, decision);
    }
    cached.seq = seq;
    return cached;
  }

  /** How many issues and decisions the cache holds for a program (none: null), for tests. */
  async held(programId: string): Promise<{ issues: number; decisions: number } | null> {
    const cached = await this.programs.get(programId)?.catch(() => null);
    if (!cached) return null;
    let decisions = 0;
    for (const list of cached.decisions.values()) decisions += list.length;
    return { issues: cached.issues.size, decisions };
  }
}

/**
 * Drops what has left the window the cache serves as time passes (at most once a day), so a
 * long-running API holds a window's worth, not everything since it started.
 */
function slide(cached: CachedProgram, asOf: Instant): void {
  const since = asOf - cached.reach;
  if (since - cached.since < DAY_MS) return;
  cached.version++;
  for (const [id, entry] of cached.issues) if (entry.countsUntil < since) cached.issues.delete(id);
  const decisionsSince = asOf - cached.decisionsReach;
  for (const [id, list] of cached.decisions) {
    const kept = list.filter((d) => d.facts.decidedAt >= decisionsSince);
    if (kept.length === 0) cached.decisions.delete(id);
    else if (kept.length < list.length) cached.decisions.set(id, kept);
  }
  cached.since = since;
  cached.decisionsSince = decisionsSince;
}

async function lastSeq(reader: EntityManager, programId: string): Promise<number> {
  const [row] = await selectArrays(
    reader,
    'SELECT coalesce(max(seq), 0) FROM events WHERE program_id = ?',
    [programId],
  );
  return Number(row?.[0] ?? 0);
}

async function load(
  reader: EntityManager,
  programId: string,
  seq: number,
  since: Instant,
  decisionsSince: Instant,
  asOf: Instant,
): Promise<CachedProgram> {
  // Read after the seq: a change committed in between is read twice, never missed.
  const issues = new Map<string, CachedIssue>();
  for (const record of await loadRolledUpRecords(reader, programId, since))
    issues.set(record.issue.id, withCountsUntil(record));
  const decisions = new Map<string, StoredDecision[]>();
  for (const decision of await loadStoredDecisions(reader, programId, decisionsSince))
    addDecision(decisions, decision);
  return {
    programId,
    reach: asOf - since,
    decisionsReach: asOf - decisionsSince,
    since,
    decisionsSince,
    seq,
    issues,
    decisions,
    version: 0,
    selections: [],
  };
}

function withCountsUntil(record: IssueFactsRecord): CachedIssue {
  return { ...record, countsUntil: issueCountsUntil(record.issue) };
}

function addDecision(decisions: Map<string, StoredDecision[]>, decision: StoredDecision): void {
  const list = decisions.get(decision.facts.issueId);
  if (list) list.push(decision);
  else decisions.set(decision.facts.issueId, [decision]);
}

/**
 * What `loadRolledUpFacts` would read for the window, from the cache. The arrays are the same
 * from one request to the next while nothing in them changed (the window slides by milliseconds;
 * the set it selects changes only when an instant crosses an issue's or decision's): building
 * them anew cost ~40 ms and ~100 MB of garbage per request on 100k issues. They are frozen, since
 * several requests share them.
 */
function select(
  cached: CachedProgram,
  since: Instant,
  decisionsSince: Instant,
  asOf: Instant,
): ProgramFacts {
  cached.selections = cached.selections.filter((kept) => kept.version === cached.version);
  const kept = cached.selections.find(
    (kept) =>
      since > kept.sinceAbove &&
      since <= kept.sinceAtMost &&
      decisionsSince > kept.decisionsSinceAbove &&
      decisionsSince <= kept.decisionsSinceAtMost &&
      asOf >= kept.asOfFrom &&
      asOf < kept.asOfBefore,
  );
  if (kept) {
    cached.selections = [...cached.selections.filter((other) => other !== kept), kept];
    return kept.facts;
  }

  const issues: IssueFacts[] = [];
  const recommendations: RecommendationFacts[] = [];
  const escalations: EscalationFacts[] = [];
  const actionItems: ActionItemFacts[] = [];
  let sinceAbove = -Infinity;
  let sinceAtMost = Infinity;
  for (const entry of cached.issues.values()) {
    if (entry.countsUntil < since) {
      if (entry.countsUntil > sinceAbove) sinceAbove = entry.countsUntil;
      continue;
    }
    if (entry.countsUntil < sinceAtMost) sinceAtMost = entry.countsUntil;
    issues.push(entry.issue);
    for (const r of entry.recommendations) recommendations.push(r);
    for (const e of entry.escalations) escalations.push(e);
    for (const a of entry.actionItems) actionItems.push(a);
  }
  const decisions: DecisionFacts[] = [];
  let decisionsSinceAbove = -Infinity;
  let decisionsSinceAtMost = Infinity;
  let asOfFrom = -Infinity;
  let asOfBefore = Infinity;
  for (const list of cached.decisions.values())
    for (const stored of list) {
      const at = stored.facts.decidedAt;
      if (at < decisionsSince) {
        if (at > decisionsSinceAbove) decisionsSinceAbove = at;
      } else if (at > asOf) {
        if (at < asOfBefore) asOfBefore = at;
      } else {
        if (at < decisionsSinceAtMost) decisionsSinceAtMost = at;
        if (at > asOfFrom) asOfFrom = at;
        // Seen as not yet superseded before `supersededAt`, as superseded from it on.
        const superseded = stored.supersededAt;
        if (superseded !== null) {
          if (superseded > asOf) {
            if (superseded < asOfBefore) asOfBefore = superseded;
          } else if (superseded > asOfFrom) asOfFrom = superseded;
        }
        decisions.push(decisionAsOf(stored, asOf));
      }
    }
  const facts: ProgramFacts = {
    issues: Object.freeze(issues),
    recommendations: Object.freeze(recommendations),
    escalations: Object.freeze(escalations),
    actionItems: Object.freeze(actionItems),
    decisions: Object.freeze(decisions),
  };
  const selection: Selection = {
    version: cached.version,
    facts,
    sinceAbove,
    sinceAtMost,
    decisionsSinceAbove,
    decisionsSinceAtMost,
    asOfFrom,
    asOfBefore,
  };
  cached.selections = [...cached.selections.slice(-(KEPT_SELECTIONS - 1)), selection];
  return facts;
}
