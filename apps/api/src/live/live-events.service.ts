import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { parseIssueKey } from '@ipt/domain';
import { PubSubEngine } from 'graphql-subscriptions';
import { idList } from '../database/arrays';
import { type CommittedFacts, DatabaseService } from '../database/database.service';
import { selectRows } from '../database/fast-reads';
import type { EventEntity } from '../events/event.entity';
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
    this.db.onCommit((events, known) => {
      void this.announce(events, known).catch(() => undefined);
    });
  }

  private async announce(events: readonly EventEntity[], known: CommittedFacts): Promise<void> {
    const onIssues = events.filter((e) => e.issueId !== null);
    if (onIssues.length === 0) return;
    const issueById = new Map<
      string,
      { key: string; version: number; programId: string; programKey: string }
    >();
    const actorName = new Map<string, string>();
    // What the write knew needs no read (a comment: ADR 0024); the rest is read in one statement.
    for (const note of known.issues.values()) {
      const programKey = parseIssueKey(note.key)?.programKey;
      if (programKey) {
        const { key, version, programId } = note;
        issueById.set(note.id, { key, version, programId, programKey });
      }
    }
    for (const event of onIssues) {
      if (event.actorId && known.actorName !== null) actorName.set(event.actorId, known.actorName);
    }
    const issueIds = [
      ...new Set(
        onIssues.flatMap((e) => (issueById.has(e.issueId as string) ? [] : [e.issueId as string])),
      ),
    ];
    const actorIds = [
      ...new Set(
        onIssues.flatMap((e) => (e.actorId && !actorName.has(e.actorId) ? [e.actorId] : [])),
      ),
    ];
    if (issueIds.length > 0 || actorIds.length > 0)
      await this.read(issueIds, actorIds, issueById, actorName);
    for (const event of onIssues) {
      const issue = issueById.get(event.issueId as string);
      if (!issue) continue;
      const activity = Object.assign(new IssueActivityModel(), {
        issueKey: issue.key,
        programKey: issue.programKey,
        programId: issue.programId,
        type: event.type,
        at: event.at,
        actorName: (event.actorId && actorName.get(event.actorId)) ?? null,
        version: issue.version,
      });
      await this.pubSub.publish(ISSUE_ACTIVITY, { issueActivity: activity });
    }
  }

  private async read(
    issueIds: readonly string[],
    actorIds: readonly string[],
    issueById: Map<string, { key: string; version: number; programId: string; programKey: string }>,
    actorName: Map<string, string>,
  ): Promise<void> {
    // One statement for the issues, their programs and the actors' names: it runs after every
    // committed change (ADR 0024). Columns are named: PostgreSQL answers rows as objects.
    const issues = idList(this.db.reader, issueIds);
    const actors = idList(this.db.reader, actorIds);
    const rows = await selectRows(
      this.db.reader,
      `SELECT 'issue' AS kind, i.id AS id, i.key AS name, i.version AS version,
              p.id AS program_id, p.key AS program_key
         FROM issues i INNER JOIN programs p ON p.id = i.program_id
        WHERE i.id IN (${issues.sql})
       UNION ALL
       SELECT 'actor', u.id, u.name, NULL, NULL, NULL FROM users u WHERE u.id IN (${actors.sql})`,
      [issues.value, actors.value],
    );
    for (const [kind, id, name, version, programId, programKey] of rows) {
      if (kind === 'actor') actorName.set(String(id), String(name));
      else
        issueById.set(String(id), {
          key: String(name),
          version: Number(version),
          programId: String(programId),
          programKey: String(programKey),
        });
    }
  }
}
