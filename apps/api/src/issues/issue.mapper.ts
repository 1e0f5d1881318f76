import { stageOfStatus } from '@ipt/domain';
import { DecisionEntity } from './decision.entity';
import { clockFactsOf } from '../timeliness/issue-timeliness.writer';
import { IssueEntity } from './issue.entity';
import { DecisionModel } from './models/decision.model';
import { IssueModel } from './models/issue.model';

export function toIssueModel(issue: IssueEntity): IssueModel {
  const dueDates = {
    triage: issue.triageDueAt,
    recommendations: issue.recommendationsDueAt,
    decision: issue.decisionDueAt,
    resolution: issue.resolutionDueAt,
  };
  const currentStage = stageOfStatus(issue.status);
  const dueByStage = {
    TRIAGE: dueDates.triage,
    RECOMMENDATIONS: dueDates.recommendations,
    DECISION: dueDates.decision,
    RESOLUTION: dueDates.resolution,
  } as const;
  return Object.assign(new IssueModel(), {
    id: issue.id,
    key: issue.key,
    number: issue.number,
    title: issue.title,
    conditionStatement: issue.conditionStatement,
    impactArea: issue.impactArea,
    consequence: issue.consequence,
    status: issue.status,
    tier: issue.currentTier,
    version: issue.version,
    raisedAt: issue.raisedAt,
    triagedAt: issue.triagedAt,
    readyAt: issue.readyAt,
    decidedAt: issue.decidedAt,
    resolvedAt: issue.resolvedAt,
    closedAt: issue.closedAt,
    withdrawnAt: issue.withdrawnAt,
    dueDates,
    currentStage,
    currentStageDueAt: currentStage ? dueByStage[currentStage] : null,
    programId: issue.programId,
    raisedById: issue.raisedById,
    ownerId: issue.ownerId,
    originTeamId: issue.originTeamId,
    currentTeamId: issue.currentTeamId,
    clockFacts: clockFactsOf(issue),
  });
}

export function toDecisionModel(decision: DecisionEntity): DecisionModel {
  return Object.assign(new DecisionModel(), {
    ...decision,
    superseded: decision.supersededById !== null,
  });
}
