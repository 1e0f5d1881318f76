import { Module, type Type } from '@nestjs/common';
import { IssuesModule } from '../issues/issues.module';
import { ProgramsModule } from '../programs/programs.module';
import { RaisableTeamsService } from './raisable-teams.service';
import { SavedViewsService } from './saved-views.service';
import { TrackerIssueResolver, TrackerResolver } from './saved-views.resolver';

/** Resolvers of the tracker beyond the issue list (also used to print the schema). */
export const SAVED_VIEWS_RESOLVERS: Type[] = [TrackerResolver, TrackerIssueResolver];

/**
 * What the issue tracker keeps and offers beside the list: each person's saved views, counts by
 * status and the teams one may raise to. Exports nothing.
 */
@Module({
  imports: [ProgramsModule, IssuesModule],
  providers: [SavedViewsService, RaisableTeamsService, ...SAVED_VIEWS_RESOLVERS],
})
export class SavedViewsModule {}
