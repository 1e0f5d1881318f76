import type { Provider, Type } from '@nestjs/common';
import { DecisionLogQueries } from './decision-log.queries';
import { DecisionConnectionResolver, DecisionLogResolver } from './decision-log.resolver';

/** Resolvers of the decision log (also used to print the schema). */
export const DECISION_LOG_RESOLVERS: Type[] = [DecisionLogResolver, DecisionConnectionResolver];

/** Services of the decision log. */
export const DECISION_LOG_SERVICES: Provider[] = [DecisionLogQueries];
