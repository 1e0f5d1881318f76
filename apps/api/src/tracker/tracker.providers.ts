import type { Provider, Type } from '@nestjs/common';

/** Resolvers of the tracker screens' API (also used to print the schema). */
export const TRACKER_RESOLVERS: Type[] = [];

/** Services of the tracker screens' API. */
export const TRACKER_SERVICES: Provider[] = [];
