import { dissentingDisciplines } from './dissent';
import { badInput } from './errors';
import type { IssueStatus, Tier } from './enums';
import { transition, type LifecycleState } from './lifecycle';
import { requireText } from './validation';

/**
 * What recording a decision makes of an issue (docs/domain.md#decisions-and-their-supersession),
 * as one pure rule that the API's decision command and the data generator both apply: the
 * decision record, the decision it supersedes, the issue's new status and dates, the standing of
 * action items, and the event's before and after. Storage and identifiers stay with the caller.
 *
 * The resolution stage starts at `decidedAt`; its due date follows from the stage clocks and the
 * program's policy, which every writer applies after each change (`policyDueDateChanges`).
 */

export interface DecisionActionItemInput {
  readonly id: string;
  readonly title: string;
  readonly assigneeId: string;
  readonly dueAt: Date;
}

export interface DecisionToRecord {
  /** The issue's lifecycle facts before the decision. */
  readonly state: LifecycleState;
  readonly decisionId: string;
  readonly issueId: string;
  readonly programId: string;
  readonly option: { readonly id: string; readonly label: string };
  readonly rationale: string;
  readonly conditions?: string | null;
  readonly decidedById: string;
  /** The deciding team: the issue's current team. */
  readonly team: { readonly id: string; readonly tier: Tier };
  readonly decidedAt: Date;
  /** When the issue became ready for decision, and its decision due date, as they stand now. */
  readonly readyAt: Date | null;
  readonly decisionDueAt: Date | null;
  /** The issue's current recommendations: the decision considered exactly these. */
  readonly currentRecommendations: readonly {
    readonly id: string;
    readonly discipline: string;
    readonly optionId: string;
  }[];
  /** The decision in force, which this one supersedes; null for the first decision. */
  readonly inForce: { readonly id: string; readonly optionId: string } | null;
  readonly actionItems: readonly DecisionActionItemInput[];
}

/** The decision's own record: every field its content hash covers. */
export interface DecisionRecord {
  readonly id: string;
  readonly issueId: string;
  readonly programId: string;
  readonly optionId: string;
  readonly rationale: string;
  readonly conditions: string;
  readonly decidedById: string;
  readonly teamId: string;
  readonly tier: Tier;
  readonly decidedAt: Date;
  readonly readyAt: Date | null;
  readonly dueAt: Date | null;
  readonly consideredRecommendationIds: string[];
  readonly dissentingDisciplines: string[];
  readonly supersedesId: string | null;
}

/** `after` of the DECISION_RECORDED / DECISION_SUPERSEDED event, in the order it is written. */
export type DecisionEventAfter = {
  readonly option: string;
  readonly optionId: string;
  readonly rationale: string;
  readonly conditions: string;
  readonly dissentingDisciplines: readonly string[];
  readonly contentHash: string;
  /** How many action items the decision assigns. */
  readonly actionItems: number;
  readonly status: IssueStatus;
  /** What the timeliness figures are rebuilt from. */
  readonly decision: {
    readonly teamId: string;
    readonly tier: Tier;
    readonly readyAt: string | null;
    readonly dueAt: string | null;
    readonly actionItems: readonly {
      readonly id: string;
      readonly title: string;
      readonly assigneeId: string;
      readonly dueAt: string;
    }[];
  };
};

export interface RecordedDecision {
  readonly decision: DecisionRecord;
  /** The decision in force steps down: superseded at the new decision's instant, by it. */
  readonly superseded: {
    readonly id: string;
    readonly supersededAt: Date;
    readonly supersededById: string;
  } | null;
  /** Trimmed; each is open, and binds the issue until done. */
  readonly actionItems: readonly DecisionActionItemInput[];
  /** The issue's changes: decided now; a resolved issue is reopened to DECIDED. */
  readonly issue: {
    readonly status: IssueStatus;
    readonly decidedAt: Date;
    readonly resolvedAt: null;
  };
  /**
   * Open action items holding the issue once decided: the new decision's. Those of a superseded
   * decision no longer bind it (ActionItemStanding.SUPERSEDED).
   */
  readonly openActionItems: number;
  readonly eventType: 'DECISION_RECORDED' | 'DECISION_SUPERSEDED';
  readonly eventBefore: Record<string, unknown>;
  /** The event's after, given the decision's content hash (the caller's to compute and store). */
  eventAfter(contentHash: string): DecisionEventAfter;
}

/**
 * Records a decision: refused with ILLEGAL_TRANSITION when the issue's state admits none, and
 * with BAD_USER_INPUT (at the field) for an action item without a title or not due after the
 * decision, or a decision without rationale.
 */
export function recordDecision(facts: DecisionToRecord): RecordedDecision {
  const next = transition(facts.state, {
    type: 'RECORD_DECISION',
    actionItems: facts.actionItems.length,
  });
  for (const [index, item] of facts.actionItems.entries()) {
    requireText(`actionItems.${index}.title`, item.title, 300);
    if (item.dueAt <= facts.decidedAt) {
      throw badInput(
        `actionItems.${index}.dueAt`,
        'An action item must be due after the decision is recorded.',
      );
    }
  }
  const rationale = requireText('rationale', facts.rationale);
  const decision: DecisionRecord = {
    id: facts.decisionId,
    issueId: facts.issueId,
    programId: facts.programId,
    optionId: facts.option.id,
    rationale,
    conditions: (facts.conditions ?? '').trim(),
    decidedById: facts.decidedById,
    teamId: facts.team.id,
    tier: facts.team.tier,
    decidedAt: facts.decidedAt,
    readyAt: facts.readyAt,
    dueAt: facts.decisionDueAt,
    consideredRecommendationIds: facts.currentRecommendations.map((r) => r.id),
    dissentingDisciplines: dissentingDisciplines(facts.currentRecommendations, facts.option.id),
    supersedesId: facts.inForce?.id ?? null,
  };
  const actionItems = facts.actionItems.map((item) => ({ ...item, title: item.title.trim() }));
  const inForce = facts.inForce;
  const iso = (instant: Date | null) => instant?.toISOString() ?? null;
  return {
    decision,
    superseded: inForce
      ? { id: inForce.id, supersededAt: facts.decidedAt, supersededById: decision.id }
      : null,
    actionItems,
    issue: { status: next.status, decidedAt: facts.decidedAt, resolvedAt: null },
    openActionItems: actionItems.length,
    eventType: inForce ? 'DECISION_SUPERSEDED' : 'DECISION_RECORDED',
    eventBefore: inForce
      ? { decisionId: inForce.id, optionId: inForce.optionId, status: facts.state.status }
      : { status: facts.state.status },
    // Key order is part of the record: the event is hashed as written.
    eventAfter: (contentHash) => ({
      option: facts.option.label,
      optionId: facts.option.id,
      rationale: decision.rationale,
      conditions: decision.conditions,
      dissentingDisciplines: decision.dissentingDisciplines,
      contentHash,
      actionItems: actionItems.length,
      status: next.status,
      decision: {
        teamId: decision.teamId,
        tier: decision.tier,
        readyAt: iso(decision.readyAt),
        dueAt: iso(decision.dueAt),
        actionItems: actionItems.map((item) => ({
          id: item.id,
          title: item.title,
          assigneeId: item.assigneeId,
          dueAt: item.dueAt.toISOString(),
        })),
      },
    }),
  };
}
