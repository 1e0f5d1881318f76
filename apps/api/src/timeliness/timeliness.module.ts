import { Module, type Type } from '@nestjs/common';
import { IssuesModule } from '../issues/issues.module';
import { ProgramsModule } from '../programs/programs.module';
import { CurrentFactsCache } from './current-facts.cache';
import { IssueClocksModule } from './issue-clocks.module';
import { IssueFactsRollup } from './issue-facts-rollup.service';
import { TimelinessPolicyService } from './policy.service';
import { TimelinessSweepService } from './timeliness-sweep.service';
import { IssueTimelinessResolver, TimelinessResolver } from './timeliness.resolver';
import { TimelinessService } from './timeliness.service';

/** Resolvers of the timeliness API (also used to print the schema). */
export const TIMELINESS_RESOLVERS: Type[] = [TimelinessResolver, IssueTimelinessResolver];

/**
 * Timeliness: policy, roll-ups on writes, analytics and escalation by policy. Uses issues (the
 * sweep escalates through the issue commands; analytics name who holds an issue) and the issue
 * clocks; nothing else uses its services.
 */
@Module({
  imports: [ProgramsModule, IssuesModule, IssueClocksModule],
  providers: [
    IssueFactsRollup,
    CurrentFactsCache,
    TimelinessPolicyService,
    TimelinessService,
    TimelinessSweepService,
    ...TIMELINESS_RESOLVERS,
  ],
})
export class TimelinessModule {}
