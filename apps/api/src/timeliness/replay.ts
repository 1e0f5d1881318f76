import type { EntityManager } from 'typeorm';
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

/**
 * The facts of a program as they stood at `asOf`, folded from the event log alone: every event
 * after `asOf` is ignored, so the figures of a past instant are exactly what they were then, even
 * where rows have since changed. Slower than reading the tables; used for past as-of instants.
 */
export async function replayFacts(
  manager: EntityManager,
  programId: string,
  asOf: Instant,
): Promise<ProgramFacts> {
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
    .where('e.program_id = :programId AND e.issue_id IS NOT NULL AND e.at <= :asOf', {
      programId,
      asOf: new Date(asOf).toISOString(),
    })
    .orderBy('e.seq', 'ASC')
    .getRawMany<{
      issue_id: string;
      actor_id: string | null;
      type: string;
      entity_id: string;
      before: string | null;
      after: string | null;
      at: string;
    }>();
  return foldEvents(
    events.map((e) => ({
      issueId: e.issue_id,
      actorId: e.actor_id,
      type: e.type,
      entityId: e.entity_id,
      before: e.before === null ? null : (JSON.parse(e.before) as Record<string, unknown>),
      after: e.after === null ? null : (JSON.parse(e.after) as Record<string, unknown>),
      at: Date.parse(e.at),
    })),
  );
}

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
  const issues = new Map<string, IssueFacts>();
  const recommendations: RecommendationFacts[] = [];
  const decisions = new Map<string, DecisionFacts & { itemIds: string[] }>();
  const actionItems = new Map<string, ActionItemFacts & { decisionId: string }>();
  const escalations: EscalationFacts[] = [];

  for (const event of events) {
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
            decisionId: event.entityId,
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

  return {
    issues: [...issues.values()],
    recommendations,
    decisions: [...decisions.values()].map(({ itemIds: _itemIds, ...decision }) => decision),
    escalations,
    actionItems: [...actionItems.values()].map(({ decisionId: _decisionId, ...item }) => item),
  };
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
