import type { Provider, Type } from '@nestjs/common';
import { CurrentFactsCache } from './current-facts.cache';
import { IssueFactsRollup } from './issue-facts-rollup.service';
import { IssueTimelinessWriter } from './issue-timeliness.writer';
import { TimelinessPolicyService } from './policy.service';
import { TimelinessSweepService } from './timeliness-sweep.service';
import { IssueTimelinessResolver, TimelinessResolver } from './timeliness.resolver';
import { TimelinessService } from './timeliness.service';

/** Resolvers of the timeliness API (also used to print the schema). */
export const TIMELINESS_RESOLVERS: Type[] = [TimelinessResolver, IssueTimelinessResolver];

/** Services of timeliness: policy, clocks and roll-ups on writes, analytics, escalation by policy. */
export const TIMELINESS_SERVICES: Provider[] = [
  IssueTimelinessWriter,
  IssueFactsRollup,
  CurrentFactsCache,
  TimelinessPolicyService,
  TimelinessService,
  TimelinessSweepService,
];
