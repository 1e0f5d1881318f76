import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { EventEntity } from './event.entity';

/** Who is making a change, and the instant it counts as made. */
export interface WriteContext {
  /** Null for the system itself (demo load, timeliness policy). */
  readonly actorId: string | null;
  readonly at: Date;
  /** The actor's name, when known: live updates announce it without reading it back. */
  readonly actorName?: string | null;
}

/** What a write knows of an issue it changed, for those who hear of it after COMMIT. */
export interface IssueNote {
  readonly id: string;
  readonly key: string;
  readonly programId: string;
  readonly version: number;
}

export interface EventInput {
  readonly type: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly programId?: string | null;
  readonly issueId?: string | null;
  readonly before?: Record<string, unknown> | null;
  readonly after?: Record<string, unknown> | null;
}

/** The hash of the empty chain, before the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** One write transaction: its entity manager, and the events it records beside its changes. */
export class WriteTransaction {
  private lastHash: string | null = null;
  /** The events this transaction recorded, announced once it commits. */
  readonly recorded: EventEntity[] = [];
  /** The issues this write changed, as they are when it commits (see `noteIssue`). */
  readonly issues = new Map<string, IssueNote>();

  constructor(
    readonly manager: EntityManager,
    readonly context: WriteContext,
    readonly dialect: 'sqlite' | 'postgres',
  ) {}

  get at(): Date {
    return this.context.at;
  }

  /** The placeholder of the n-th (1-based) parameter of a raw statement in this dialect. */
  parameter(n: number): string {
    return this.dialect === 'postgres' ? `$${n}` : '?';
  }

  /**
   * Keeps the issue this write changed, so what is announced after COMMIT needs no read: the
   * object itself, so its final version is what is seen.
   */
  noteIssue(issue: IssueNote): void {
    this.issues.set(issue.id, issue);
  }

  /** Appends an event to the history, chained to the previous one by hash. */
  async record(input: EventInput): Promise<void> {
    if (this.lastHash === null) {
      const last = await this.manager
        .createQueryBuilder(EventEntity, 'e')
        .select('e.hash', 'hash')
        .orderBy('e.seq', 'DESC')
        .limit(1)
        .getRawOne<{ hash: string }>();
      this.lastHash = last?.hash ?? GENESIS_HASH;
    }
    const event = this.manager.create(EventEntity, {
      programId: input.programId ?? null,
      issueId: input.issueId ?? null,
      actorId: this.context.actorId,
      type: input.type,
      entityType: input.entityType,
      entityId: input.entityId,
      before: input.before ?? null,
      after: input.after ?? null,
      at: this.context.at,
      previousHash: this.lastHash,
    });
    event.hash = eventHash(event);
    // JSON columns defeat TypeORM's deep-partial typing of insert(); the row is complete.
    await this.manager.insert(EventEntity, event as QueryDeepPartialEntity<EventEntity>);
    this.lastHash = event.hash;
    this.recorded.push(event);
  }
}

/** The hash of an event's content and its predecessor's hash (keys in a fixed order). */
export function eventHash(event: Omit<EventEntity, 'seq' | 'hash'>): string {
  const content = JSON.stringify([
    event.previousHash,
    event.programId,
    event.issueId,
    event.actorId,
    event.type,
    event.entityType,
    event.entityId,
    event.before,
    event.after,
    event.at.toISOString(),
  ]);
  return createHash('sha256').update(content).digest('hex');
}
