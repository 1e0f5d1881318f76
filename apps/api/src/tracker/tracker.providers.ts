import type { Provider, Type } from '@nestjs/common';
import { RaisableTeamsService } from './raisable-teams.service';
import { SavedViewsService } from './saved-views.service';
import { TrackerIssueResolver, TrackerResolver } from './tracker.resolver';

/** Resolvers of the tracker screens' API (also used to print the schema). */
export const TRACKER_RESOLVERS: Type[] = [TrackerResolver, TrackerIssueResolver];

/** Services of the tracker screens' API. */
export const TRACKER_SERVICES: Provider[] = [SavedViewsService, RaisableTeamsService];
