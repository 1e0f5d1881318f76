import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../../common/caller';
import { AddOptionInput } from '../dto/add-option.input';
import { CloseIssueInput } from '../dto/close-issue.input';
import { CommentOnIssueInput } from '../dto/comment-on-issue.input';
import { CompleteActionItemInput } from '../dto/complete-action-item.input';
import { EscalateIssueInput } from '../dto/escalate-issue.input';
import { FileNonConcurrenceInput } from '../dto/file-non-concurrence.input';
import { ResolveIssueInput } from '../dto/resolve-issue.input';
import { UpdateIssueInput } from '../dto/update-issue.input';
import { WaiveDisciplineInput } from '../dto/waive-discipline.input';
import { WithdrawIssueInput } from '../dto/withdraw-issue.input';
import { RaiseIssueInput } from '../dto/raise-issue.input';
import { RecordDecisionInput } from '../dto/record-decision.input';
import { SubmitRecommendationInput } from '../dto/submit-recommendation.input';
import { TriageIssueInput } from '../dto/triage-issue.input';
import { IssueEntity } from '../issue.entity';
import { CommentsHandler } from './comments.handler';
import { DecisionsHandler } from './decisions.handler';
import { EndingsHandler } from './endings.handler';
import { EscalationHandler, PolicyBreach } from './escalation.handler';
import { IssueDetailsHandler } from './issue-details.handler';
import { RaiseIssueHandler } from './raise-issue.handler';
import { RecommendationsHandler } from './recommendations.handler';

/**
 * Every issue command by name, for callers in the process that run several of them (the GraphQL
 * resolver, the demo loader, system tests). Each command lives in its handler; this only routes.
 */
@Injectable()
export class IssueCommands {
  constructor(
    private readonly raising: RaiseIssueHandler,
    private readonly details: IssueDetailsHandler,
    private readonly gathering: RecommendationsHandler,
    private readonly deciding: DecisionsHandler,
    private readonly escalation: EscalationHandler,
    private readonly endings: EndingsHandler,
    private readonly commenting: CommentsHandler,
  ) {}

  raise = (caller: Caller, input: RaiseIssueInput): Promise<IssueEntity> =>
    this.raising.raise(caller, input);
  triage = (caller: Caller, input: TriageIssueInput): Promise<IssueEntity> =>
    this.details.triage(caller, input);
  update = (caller: Caller, input: UpdateIssueInput): Promise<IssueEntity> =>
    this.details.update(caller, input);
  addOption = (caller: Caller, input: AddOptionInput): Promise<IssueEntity> =>
    this.gathering.addOption(caller, input);
  submitRecommendation = (caller: Caller, input: SubmitRecommendationInput): Promise<IssueEntity> =>
    this.gathering.submitRecommendation(caller, input);
  waiveDiscipline = (caller: Caller, input: WaiveDisciplineInput): Promise<IssueEntity> =>
    this.gathering.waiveDiscipline(caller, input);
  recordDecision = (caller: Caller, input: RecordDecisionInput): Promise<IssueEntity> =>
    this.deciding.recordDecision(caller, input);
  fileNonConcurrence = (caller: Caller, input: FileNonConcurrenceInput): Promise<IssueEntity> =>
    this.deciding.fileNonConcurrence(caller, input);
  completeActionItem = (caller: Caller, input: CompleteActionItemInput): Promise<IssueEntity> =>
    this.deciding.completeActionItem(caller, input);
  escalate = (caller: Caller, input: EscalateIssueInput): Promise<IssueEntity> =>
    this.escalation.escalate(caller, input);
  escalateByPolicy = (
    issueId: string,
    at: Date,
    stillBreached: (manager: EntityManager, issue: IssueEntity) => Promise<PolicyBreach | null>,
  ): Promise<IssueEntity | null> => this.escalation.escalateByPolicy(issueId, at, stillBreached);
  resolve = (caller: Caller, input: ResolveIssueInput): Promise<IssueEntity> =>
    this.endings.resolve(caller, input);
  close = (caller: Caller, input: CloseIssueInput): Promise<IssueEntity> =>
    this.endings.close(caller, input);
  withdraw = (caller: Caller, input: WithdrawIssueInput): Promise<IssueEntity> =>
    this.endings.withdraw(caller, input);
  comment = (caller: Caller, input: CommentOnIssueInput): Promise<IssueEntity> =>
    this.commenting.comment(caller, input);
}
