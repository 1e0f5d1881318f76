import type { Consequence, IssueStatus, Stage, Tier } from '@ipt/domain';
import type { IssueEntity } from '../issues/issue.entity';

/**
 * What every issue event carries about the issue's timeliness after the change (`after.snapshot`),
 * so the figures of any past instant can be rebuilt from the event log alone: the latest snapshot
 * at or before that instant is the issue as it stood then.
 */
export interface IssueSnapshot {
  readonly key: string;
  readonly title: string;
  readonly status: IssueStatus;
  readonly consequence: Consequence | null;
  readonly teamId: string;
  readonly tier: Tier;
  readonly raisedAt: string;
  readonly tierEnteredAt: string;
  readonly triagedAt: string | null;
  readonly readyAt: string | null;
  readonly decidedAt: string | null;
  readonly resolvedAt: string | null;
  readonly closedAt: string | null;
  readonly withdrawnAt: string | null;
  readonly due: Readonly<Record<Stage, string | null>>;
  readonly manualDueStages: readonly Stage[];
  readonly requiredDisciplines: readonly string[];
  readonly pendingDisciplines: readonly string[];
}

/** `after.recommendation` of RECOMMENDATION_SUBMITTED. */
export interface RecommendationPayload {
  readonly discipline: string;
  readonly teamId: string;
  readonly tier: Tier;
  readonly requestedAt: string;
  readonly dueAt: string | null;
}

/** `after.decision` of DECISION_RECORDED / DECISION_SUPERSEDED (`before.decisionId`: replaced). */
export interface DecisionPayload {
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
}

/** `after.escalation` of ISSUE_ESCALATED. */
export interface EscalationPayload {
  readonly fromTeamId: string;
  readonly toTeamId: string;
  readonly fromTier: Tier;
  readonly toTier: Tier;
  readonly source: 'PERSON' | 'POLICY';
  /** The clock that was running when the issue left its tier. */
  readonly fromStage: Stage | null;
  readonly fromStageStartedAt: string | null;
  readonly fromStageDueAt: string | null;
}

const iso = (instant: Date | null): string | null => (instant ? instant.toISOString() : null);

export function issueSnapshot(
  issue: IssueEntity,
  requiredDisciplines: readonly string[],
  pendingDisciplines: readonly string[],
): IssueSnapshot {
  return {
    key: issue.key,
    title: issue.title,
    status: issue.status,
    consequence: issue.consequence,
    teamId: issue.currentTeamId,
    tier: issue.currentTier,
    raisedAt: issue.raisedAt.toISOString(),
    tierEnteredAt: (issue.tierEnteredAt ?? issue.raisedAt).toISOString(),
    triagedAt: iso(issue.triagedAt),
    readyAt: iso(issue.readyAt),
    decidedAt: iso(issue.decidedAt),
    resolvedAt: iso(issue.resolvedAt),
    closedAt: iso(issue.closedAt),
    withdrawnAt: iso(issue.withdrawnAt),
    due: {
      TRIAGE: iso(issue.triageDueAt),
      RECOMMENDATIONS: iso(issue.recommendationsDueAt),
      DECISION: iso(issue.decisionDueAt),
      RESOLUTION: iso(issue.resolutionDueAt),
    },
    manualDueStages: issue.manualDueStages as Stage[],
    requiredDisciplines,
    pendingDisciplines,
  };
}
