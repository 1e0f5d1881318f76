import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { PubSubEngine } from 'graphql-subscriptions';
import { In } from 'typeorm';
import { DatabaseService } from '../database/database.service';
import type { EventEntity } from '../events/event.entity';
import { IssueEntity } from '../issues/issue.entity';
import { ProgramEntity } from '../programs/program.entity';
import { UserEntity } from '../users/user.entity';
import { IssueActivityModel } from './activity.model';
import { LIVE_PUB_SUB } from './pub-sub';

export const ISSUE_ACTIVITY = 'issueActivity';

/**
 * Turns committed events into issue activity for subscribers. Only the instance that committed a
 * change hears it (onCommit), so each event is published once; the PubSub carries it to the
 * subscribers on every instance (in process, or through Redis: ADR 15).
 */
@Injectable()
export class LiveEventsService implements OnModuleInit {
  constructor(
    private readonly db: DatabaseService,
    @Inject(LIVE_PUB_SUB) readonly pubSub: PubSubEngine,
  ) {}

  onModuleInit(): void {
    this.db.onCommit((events) => {
      void this.announce(events).catch(() => undefined);
    });
  }

  private async announce(events: readonly EventEntity[]): Promise<void> {
    const onIssues = events.filter((e) => e.issueId !== null);
    if (onIssues.length === 0) return;
    const issueIds = [...new Set(onIssues.map((e) => e.issueId as string))];
    const issues = await this.db.reader.findBy(IssueEntity, { id: In(issueIds) });
    const programs = await this.db.reader.findBy(ProgramEntity, {
      id: In([...new Set(issues.map((i) => i.programId))]),
    });
    const actorIds = [...new Set(onIssues.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
    const actors = actorIds.length
      ? await this.db.reader.findBy(UserEntity, { id: In(actorIds) })
      : [];
    for (const event of onIssues) {
      const issue = issues.find((i) => i.id === event.issueId);
      const program = programs.find((p) => p.id === issue?.programId);
      if (!issue || !program) continue;
      const activity = Object.assign(new IssueActivityModel(), {
        issueKey: issue.key,
        programKey: program.key,
        programId: program.id,
        type: event.type,
        at: event.at,
        actorName: actors.find((a) => a.id === event.actorId)?.name ?? null,
        version: issue.version,
      });
      await this.pubSub.publish(ISSUE_ACTIVITY, { issueActivity: activity });
    }
  }
}
