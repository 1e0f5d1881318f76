import { Module, type Type } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module';
import { InboxQueueQueries } from './inbox-queue.queries';
import { DecisionQueueResolver, InboxResolver } from './inbox-queue.resolver';

/** Resolvers of the inbox and the decision queue (also used to print the schema). */
export const INBOX_QUEUE_RESOLVERS: Type[] = [InboxResolver, DecisionQueueResolver];

/**
 * What waits on the signed-in person: a representative's inbox and a decision authority's queue,
 * one module because both lists come from the same membership reads (InboxQueueQueries).
 */
@Module({
  imports: [ProgramsModule],
  providers: [InboxQueueQueries, ...INBOX_QUEUE_RESOLVERS],
})
export class InboxQueueModule {}
