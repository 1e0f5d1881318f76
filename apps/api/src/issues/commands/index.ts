import { CommentsHandler } from './comments.handler';
import { DecisionsHandler } from './decisions.handler';
import { EndingsHandler } from './endings.handler';
import { EscalationHandler } from './escalation.handler';
import { IssueCommands } from './issue-commands';
import { IssueDetailsHandler } from './issue-details.handler';
import { IssueLookups } from './issue-lookups';
import { IssueWritePipeline } from './issue-write-pipeline';
import { RaiseIssueHandler } from './raise-issue.handler';
import { RecommendationsHandler } from './recommendations.handler';

export {
  CommentsHandler,
  DecisionsHandler,
  EndingsHandler,
  EscalationHandler,
  IssueCommands,
  IssueDetailsHandler,
  IssueLookups,
  IssueWritePipeline,
  RaiseIssueHandler,
  RecommendationsHandler,
};

/** The issue commands' providers: one handler per command or small group, on one pipeline. */
export const ISSUE_COMMAND_PROVIDERS = [
  IssueLookups,
  IssueWritePipeline,
  RaiseIssueHandler,
  IssueDetailsHandler,
  RecommendationsHandler,
  DecisionsHandler,
  EscalationHandler,
  EndingsHandler,
  CommentsHandler,
  IssueCommands,
];
