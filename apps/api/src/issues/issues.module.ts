import { Module, type Type } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module';
import { IssueClocksModule } from '../timeliness/issue-clocks.module';
import {
  EscalationHandler,
  ISSUE_COMMAND_PROVIDERS,
  IssueCommands,
  IssueLookups,
  IssueWritePipeline,
} from './commands';
import { IssueHolders } from './issue-holders.service';
import { IssuePagePrimer } from './issue-page.primer';
import { ISSUE_PART_RESOLVERS } from './issue-parts.resolver';
import { IssueQueries } from './issue.queries';
import { IssuesResolver } from './issues.resolver';
import { IssuesService } from './issues.service';

/** Resolvers of issues and their parts (also used to print the schema). */
export const ISSUES_RESOLVERS: Type[] = [IssuesResolver, ...ISSUE_PART_RESOLVERS];

/**
 * Issues: reading them, and every command on them through one write pipeline. Exports what
 * other features use: the tracker's issue lists (IssueQueries, saved views), who holds an issue
 * (IssueHolders, timeliness and notifications), the commands the demo loads with, the
 * escalation the timeliness sweep applies, and the pipeline a nudge is written through.
 */
@Module({
  imports: [ProgramsModule, IssueClocksModule],
  providers: [
    IssuesService,
    IssueQueries,
    IssuePagePrimer,
    IssueHolders,
    ...ISSUE_COMMAND_PROVIDERS,
    ...ISSUES_RESOLVERS,
  ],
  exports: [
    IssueQueries,
    IssueHolders,
    IssueCommands,
    EscalationHandler,
    IssueWritePipeline,
    IssueLookups,
  ],
})
export class IssuesModule {}
