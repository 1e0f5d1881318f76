import type { EntityManager } from 'typeorm';
import { DAY_MS, FORECAST_HISTORY_DAYS } from '@ipt/domain';
import type {
  ActionItemFacts,
  DecisionFacts,
  EscalationFacts,
  Instant,
  IssueFacts,
  ProgramFacts,
  RecommendationFacts,
} from '@ipt/domain';
import type {
  DecisionPayload,
  EscalationPayload,
  IssueSnapshot,
  RecommendationPayload,
} from './snapshot';
import { selectArrays } from '../database/arrays';
import { loadDecisions } from './facts';
import { loadRolledUpRecords } from './issue-facts.rollup';

/**
 * The facts of a program as they stood at `asOf`, folded from the event log: every event after
 * `asOf` is ignored, so the figures of a past instant are exactly what they were then, even where
 * rows have since changed. Slower than reading the tables; used for past as-of instants.
 *
 * Only issues that can count in a report reaching back to `since` are replayed: an issue closed or
 * withdrawn before `since` was over for the whole window (both are final), so its events are not
 * read. Events are read issue by issue, a batch of issues at a time, so memory holds the facts,
 * never the log. Decisions come from their table, as of `asOf`: a decision row never changes
 * but for the instant a later one superseded it, so it is exact, and it includes the decisions of
 * issues not replayed, which forecasts draw on.
 *
 * Issues with no event after `asOf` are not replayed either: they are now as they were then, so
 * their roll-up rows (ADR 13) give their facts (`fromRollup: false` replays every issue; tests
 * compare the two).
 */
export async function replayFacts(
  manager: EntityManager,
  programId: string,
  asOf: Instant,
  since: Instant = -Infinity,
  { fromRollup = true }: { fromRollup?: boolean } = {},
): Promise<ProgramFacts> {
  const asOfText = new Date(asOf).toISOString();
  const sinceText = Number.isFinite(since) ? new Date(since).toISOString() : '';
  // An issue with no event after `asOf` is now as it was then: its roll-up row (the tables, which
  // tests prove equal to the replayed log) stands for its replay. Only the others are replayed.
  // The rows are read before the issues changed later are asked for: a change committed in
  // between then counts as changed (and is replayed), never as a row read after it.
  const rolledUp = fromRollup ? await loadRolledUpRecords(manager, programId, since) : [];
  const changedLater = fromRollup
    ? new Set(
        (
          await selectArrays(
            manager,
            `SELECT DISTINCT issue_id FROM events
             WHERE program_id = ? AND at > ? AND issue_id IS NOT NULL`,
            [programId, asOfText],
          )
        ).map((row) => row[0] as string),
      )
    : null;
  const candidates = (
    await manager
      .createQueryBuilder()
      .select('i.id', 'id')
      .from('issues', 'i')
      .where('i.program_id = :programId AND i.raised_at <= :asOf', { programId, asOf: asOfText })
      .andWhere('(i.closed_at IS NULL OR i.closed_at >= :since)', { since: sinceText })
      .andWhere('(i.withdrawn_at IS NULL OR i.withdrawn_at >= :since)', { since: sinceText })
      .getRawMany<{ id: string }>()
  )
    .map((c) => c.id)
    .filter((id) => changedLater === null || changedLater.has(id));

  const fold = new EventFold();
  for (let i = 0; i < candidates.length; i += REPLAY_BATCH) {
    const ids = candidates.slice(i, i + REPLAY_BATCH);
    const events = await manager
      .createQueryBuilder()
      .select([
        'e.issue_id AS issue_id',
        'e.actor_id AS actor_id',
        'e.type AS type',
        'e.entity_id AS entity_id',
        'e.before AS before',
        'e.after AS after',
        'e.at AS at',
      ])
      .from('events', 'e')
      .where('e.issue_id IN (:...ids) AND e.at <= :asOf', { ids, asOf: asOfText })
      .orderBy('e.issue_id', 'ASC')
      .addOrderBy('e.seq', 'ASC')
      .getRawMany<{
        issue_id: string;
        actor_id: string | null;
        type: string;
        entity_id: string;
        before: string | null;
        after: string | null;
        at: string;
      }>();
    for (const e of events) {
      fold.apply({
        issueId: e.issue_id,
        actorId: e.actor_id,
        type: e.type,
        entityId: e.entity_id,
        before: e.before === null ? null : (JSON.parse(e.before) as Record<string, unknown>),
        after: e.after === null ? null : (JSON.parse(e.after) as Record<string, unknown>),
        at: Date.parse(e.at),
      });
    }
    // SQLite reads resolve at once, so the awaits above never let other requests in: give the
    // event loop a turn between batches (ADR 19: no request stalls the others).
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const folded = fold.facts();
  if (changedLater !== null) {
    for (const record of rolledUp) {
      if (changedLater.has(record.issue.id)) continue;
      folded.issues.push(record.issue);
      folded.recommendations.push(...record.recommendations);
      folded.escalations.push(...record.escalations);
      folded.actionItems.push(...record.actionItems);
    }
  }

  // As the current view reads them: the window's, and a year of history for forecasts.
  const decisions = await loadDecisions(manager, programId, {
    since: Math.min(since, asOf - FORECAST_HISTORY_DAYS * DAY_MS),
    asOf,
  });
  return { ...folded, decisions };
}

/** Issues whose events one query reads (an IN list: well under every driver's parameter limit). */
const REPLAY_BATCH = 500;

export interface ReplayEvent {
  readonly issueId: string;
  readonly actorId: string | null;
  readonly type: string;
  readonly entityId: string;
  readonly before: Record<string, unknown> | null;
  readonly after: Record<string, unknown> | null;
  readonly at: Instant;
}

/** Folds events (in log order) into facts; pure, so it is tested without a database. */
export function foldEvents(events: readonly ReplayEvent[]): ProgramFacts {
  const fold = new EventFold();
  for (const event of events) fold.apply(event);
  return fold.facts();
}

/** The fold itself, one event at a time (each issue's events in log order). */
class EventFold {
  private readonly issues = new Map<string, IssueFacts>();
  private readonly recommendations: RecommendationFacts[] = [];
  private readonly decisions = new Map<string, DecisionFacts & { itemIds: string[] }>();
  private readonly actionItems = new Map<string, ActionItemFacts>();
  private readonly escalations: EscalationFacts[] = [];

  apply(event: ReplayEvent): void {
    const { issues, recommendations, decisions, actionItems, escalations } = this;
    const after = event.after ?? {};
    const snapshot = after['snapshot'] as IssueSnapshot | undefined;
    if (snapshot) issues.set(event.issueId, fromSnapshot(event.issueId, snapshot));

    switch (event.type) {
      case 'RECOMMENDATION_SUBMITTED': {
        const payload = after['recommendation'] as RecommendationPayload | undefined;
        if (!payload) break;
        recommendations.push({
          issueId: event.issueId,
          discipline: payload.discipline,
          teamId: payload.teamId,
          tier: payload.tier,
          requestedAt: Date.parse(payload.requestedAt),
          submittedAt: event.at,
          dueAt: payload.dueAt === null ? null : Date.parse(payload.dueAt),
        });
        break;
      }
      case 'DECISION_RECORDED':
      case 'DECISION_SUPERSEDED': {
        const payload = after['decision'] as DecisionPayload | undefined;
        if (!payload) break;
        const replaced = event.before?.['decisionId'] as string | undefined;
        const previous = replaced ? decisions.get(replaced) : undefined;
        if (previous) {
          decisions.set(replaced as string, { ...previous, superseded: true });
          // A superseded decision's action items no longer bind.
          for (const id of previous.itemIds) actionItems.delete(id);
        }
        decisions.set(event.entityId, {
          issueId: event.issueId,
          teamId: payload.teamId,
          tier: payload.tier,
          decidedById: event.actorId ?? '',
          readyAt: payload.readyAt === null ? null : Date.parse(payload.readyAt),
          decidedAt: event.at,
          dueAt: payload.dueAt === null ? null : Date.parse(payload.dueAt),
          superseded: false,
          itemIds: payload.actionItems.map((item) => item.id),
        });
        for (const item of payload.actionItems) {
          actionItems.set(item.id, {
            id: item.id,
            issueId: event.issueId,
            title: item.title,
            assigneeId: item.assigneeId,
            dueAt: Date.parse(item.dueAt),
            doneAt: null,
          });
        }
        break;
      }
      case 'ACTION_ITEM_COMPLETED': {
        const item = actionItems.get(event.entityId);
        if (item) actionItems.set(item.id, { ...item, doneAt: event.at });
        break;
      }
      case 'ISSUE_ESCALATED': {
        const payload = after['escalation'] as EscalationPayload | undefined;
        if (!payload) break;
        escalations.push({
          issueId: event.issueId,
          fromTeamId: payload.fromTeamId,
          toTeamId: payload.toTeamId,
          fromTier: payload.fromTier,
          toTier: payload.toTier,
          at: event.at,
          source: payload.source,
          fromStage: payload.fromStage ?? null,
          fromStageStartedAt: instantOrNull(payload.fromStageStartedAt),
          fromStageDueAt: instantOrNull(payload.fromStageDueAt),
        });
        break;
      }
    }
  }

  facts(): {
    issues: IssueFacts[];
    recommendations: RecommendationFacts[];
    escalations: EscalationFacts[];
    actionItems: ActionItemFacts[];
    decisions: DecisionFacts[];
  } {
    return {
      issues: [...this.issues.values()],
      recommendations: this.recommendations,
      decisions: [...this.decisions.values()].map(({ itemIds: _itemIds, ...decision }) => decision),
      escalations: this.escalations,
      actionItems: [...this.actionItems.values()],
    };
  }
}

function fromSnapshot(id: string, s: IssueSnapshot): IssueFacts {
  const at = (value: string | null) => (value === null ? null : Date.parse(value));
  return {
    id,
    key: s.key,
    title: s.title,
    status: s.status,
    consequence: s.consequence,
    teamId: s.teamId,
    tier: s.tier,
    raisedAt: Date.parse(s.raisedAt),
    tierEnteredAt: Date.parse(s.tierEnteredAt),
    triagedAt: at(s.triagedAt),
    readyAt: at(s.readyAt),
    decidedAt: at(s.decidedAt),
    resolvedAt: at(s.resolvedAt),
    closedAt: at(s.closedAt),
    withdrawnAt: at(s.withdrawnAt),
    due: {
      TRIAGE: at(s.due.TRIAGE),
      RECOMMENDATIONS: at(s.due.RECOMMENDATIONS),
      DECISION: at(s.due.DECISION),
      RESOLUTION: at(s.due.RESOLUTION),
    },
    manualDueStages: s.manualDueStages,
    requiredDisciplines: s.requiredDisciplines,
    pendingDisciplines: s.pendingDisciplines,
  };
}

function instantOrNull(value: string | null | undefined): Instant | null {
  return value == null ? null : Date.parse(value);
}
