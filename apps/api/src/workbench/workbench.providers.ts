import type { Provider, Type } from '@nestjs/common';

/** Resolvers of the workbench screens' API (also used to print the schema). */
export const WORKBENCH_RESOLVERS: Type[] = [];

/** Services of the workbench screens' API. */
export const WORKBENCH_SERVICES: Provider[] = [];
