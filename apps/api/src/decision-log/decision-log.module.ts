import { Module, type Type } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module';
import { DecisionLogQueries } from './decision-log.queries';
import { DecisionConnectionResolver, DecisionLogResolver } from './decision-log.resolver';

/** Resolvers of the decision log (also used to print the schema). */
export const DECISION_LOG_RESOLVERS: Type[] = [DecisionLogResolver, DecisionConnectionResolver];

/** The decision log: a program's decisions, searched and paged; read-only, exports nothing. */
@Module({
  imports: [ProgramsModule],
  providers: [DecisionLogQueries, ...DECISION_LOG_RESOLVERS],
})
export class DecisionLogModule {}
