import type { Provider, Type } from '@nestjs/common';
import { DecisionQueueResolver, InboxResolver } from './workbench.resolver';
import { WorkbenchQueries } from './workbench.queries';

/** Resolvers of the workbench screens' API (also used to print the schema). */
export const WORKBENCH_RESOLVERS: Type[] = [InboxResolver, DecisionQueueResolver];

/** Services of the workbench screens' API. */
export const WORKBENCH_SERVICES: Provider[] = [WorkbenchQueries];
