import { Injectable } from '@nestjs/common';
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

  async byKey(user: UserEntity, key: string): Promise<IssueEntity> {
    const issue = await this.lookups.issueByKey(this.db.reader, key, user);
    await this.actors.authorize(this.db.reader, user, issue.programId, { action: 'VIEW_PROGRAM' });
    return issue;
  }
}
