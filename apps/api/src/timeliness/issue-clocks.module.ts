import { Module } from '@nestjs/common';
import { IssueTimelinessWriter } from './issue-timeliness.writer';

/**
 * The stage clocks kept on every write to an issue (IssueTimelinessWriter), on their own: the
 * issue write pipeline and the timeliness policy both use them, and timeliness uses issues (its
 * sweep escalates through the issue commands), so they cannot sit in either module without a
 * cycle (ADR 30).
 */
@Module({
  providers: [IssueTimelinessWriter],
  exports: [IssueTimelinessWriter],
})
export class IssueClocksModule {}
