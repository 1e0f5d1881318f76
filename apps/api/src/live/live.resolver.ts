import { Args, Context, Resolver, Subscription } from '@nestjs/graphql';
import { parseIssueKey } from '@ipt/domain';
import { CurrentUser } from '../auth/current-user.decorator';
import { DatabaseService } from '../database/database.service';
import type { RequestContext } from '../graphql/context';
import { ActorService, unseen } from '../programs/actor.service';
import { ProgramEntity } from '../programs/program.entity';
import { UserEntity } from '../users/user.entity';
import { IssueActivityModel } from './activity.model';
import { ISSUE_ACTIVITY, LiveEventsService } from './live-events.service';

interface ActivityArgs {
  issueKey?: string | null;
  programKey?: string | null;
}

@Resolver(() => IssueActivityModel)
export class LiveResolver {
  constructor(
    private readonly live: LiveEventsService,
    private readonly actors: ActorService,
    private readonly db: DatabaseService,
  ) {}

  @Subscription(() => IssueActivityModel, {
    description:
      'Changes to issues as they are committed: to one issue, one program, or every program you can see. Over WebSocket (graphql-ws) with the session cookie.',
    filter: (
      payload: { issueActivity: IssueActivityModel },
      args: ActivityArgs,
      context: RequestContext & { visiblePrograms?: string[] | 'all' },
    ) => {
      const activity = payload.issueActivity;
      if (args.issueKey && activity.issueKey !== args.issueKey.toUpperCase()) return false;
      if (args.programKey && activity.programKey !== args.programKey.toUpperCase()) return false;
      const visible = context.visiblePrograms;
      return visible === 'all' || (visible ?? []).includes(activity.programId);
    },
  })
  async issueActivity(
    @CurrentUser() user: UserEntity,
    @Context() context: RequestContext & { visiblePrograms?: string[] | 'all' },
    @Args('issueKey', { type: () => String, nullable: true }) issueKey?: string | null,
    @Args('programKey', { type: () => String, nullable: true }) programKey?: string | null,
  ) {
    const key = programKey ?? (issueKey ? parseIssueKey(issueKey)?.programKey : null);
    if (key) {
      const program = await this.db.reader.findOneBy(ProgramEntity, { key: key.toUpperCase() });
      if (!program) throw unseen(user, 'Program', key);
      await this.actors.authorize(this.db.reader, user, program.id, { action: 'VIEW_PROGRAM' });
    }
    // Worked out once when subscribing; a change of membership applies to the next subscription.
    context.visiblePrograms = await this.actors.visibleProgramIds(this.db.reader, user);
    return this.live.pubSub.asyncIterableIterator(ISSUE_ACTIVITY);
  }
}
