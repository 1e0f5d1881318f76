import type { Provider, Type } from '@nestjs/common';
import { SearchQueries } from './search.queries';
import { SearchResolver } from './search.resolver';

/** Resolvers of search (also used to print the schema). */
export const SEARCH_RESOLVERS: Type[] = [SearchResolver];

/** Services of search. */
export const SEARCH_SERVICES: Provider[] = [SearchQueries];
