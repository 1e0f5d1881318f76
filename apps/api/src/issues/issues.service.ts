import { Injectable } from '@nestjs/common';
import { assertAuthorized } from '@ipt/domain';
import { DatabaseService } from '../database/database.service';
import { ActorService } from '../programs/actor.service';
import { UserEntity } from '../users/user.entity';
import { IssueLookups } from './commands/issue-lookups';
import { IssueEntity } from './issue.entity';
import { IssueFilter, IssuePage, IssueQueries } from './issue.queries';

/**
 * Reading issues, for people allowed to see them. Changes go through the command handlers in
 * `commands/`, on the one write pipeline.
 */
@Injectable()
export class IssuesService {
  constructor(
    private readonly db: DatabaseService,
    private readonly actors: ActorService,
    private readonly queries: IssueQueries,
    private readonly lookups: IssueLookups,
  ) {}

  list(user: UserEntity, filter: IssueFilter): Promise<IssuePage> {
    return this.queries.page(user, filter);
  }

  /** The issue, if `user` may see it; `request` keys the actor cache (ActorService.inRequest). */
  async byKey(user: UserEntity, key: string, request: object): Promise<IssueEntity> {
    const issue = await this.lookups.issueByKey(this.db.reader, key, user);
    const actor = await this.actors.inRequest(request, this.db.reader, user, issue.programId);
    assertAuthorized(actor, { action: 'VIEW_PROGRAM' });
    return issue;
  }
}
