import { Module, type Type } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module';
import { SearchQueries } from './search.queries';
import { SearchResolver } from './search.resolver';

/** Resolvers of search (also used to print the schema). */
export const SEARCH_RESOLVERS: Type[] = [SearchResolver];

/** Search across a program's issues and decisions; exports nothing. */
@Module({
  imports: [ProgramsModule],
  providers: [SearchQueries, ...SEARCH_RESOLVERS],
})
export class SearchModule {}
