import type { Caller } from '../common/caller';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { NOTIFICATION_KINDS, NotificationKind, notFound } from '@ipt/domain';
import { PubSubEngine } from 'graphql-subscriptions';
import { EntityManager, In, IsNull } from 'typeorm';
import { DatabaseService } from '../database/database.service';
import { LIVE_PUB_SUB } from '../live/pub-sub';
import type { UserEntity } from '../users/user.entity';
import { NotificationPreferenceEntity } from './notification-preference.entity';
import { NotificationEntity } from './notification.entity';

export const NOTIFICATIONS_CHANGED = 'notificationsChanged';

/** Whose unread notifications changed in one commit (the subscription counts them per person). */
export interface NotificationsChanged {
  readonly userIds: readonly string[];
}

/** A notification to create unless its person turned its kind off or already has it. */
export type NotificationDraft = Omit<
  NotificationEntity,
  'id' | 'readAt' | 'resolvedAt' | 'resolution'
>;

/** What one delivery stored. */
export interface Delivery {
  readonly created: number;
  readonly userIds: readonly string[];
}

export interface NotificationPage {
  readonly items: NotificationEntity[];
  readonly unreadCount: number;
}

/** SQLite allows 999 bound parameters in older builds; stay well under it. */
const CHUNK = 400;
/** Columns per inserted notification row. */
const COLUMNS = 13;

/**
 * Each person's notifications: stored once per thing they are about (the dedupe key), never for a
 * kind the person turned off; read, counted and marked read by their owner only.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly db: DatabaseService,
    /** Carries `notificationsChanged` to subscribers on every instance (ADR 15). */
    @Inject(LIVE_PUB_SUB) readonly pubSub: PubSubEngine,
  ) {}

  /**
   * Stores the drafts that are new and wanted, inside the caller's write transaction; says how
   * many it stored and for whom, to announce once it commits.
   */
  async deliver(manager: EntityManager, drafts: readonly NotificationDraft[]): Promise<Delivery> {
    const unique = [...new Map(drafts.map((d) => [d.dedupeKey, d])).values()];
    if (unique.length === 0) return { created: 0, userIds: [] };
    const disabled = new Set<string>();
    for (const userIds of chunks([...new Set(unique.map((d) => d.userId))], CHUNK)) {
      const off = await manager.find(NotificationPreferenceEntity, {
        where: { userId: In(userIds), enabled: false },
      });
      for (const preference of off) disabled.add(`${preference.userId}:${preference.kind}`);
    }
    const wanted = unique.filter((d) => !disabled.has(`${d.userId}:${d.kind}`));
    const existing = new Set<string>();
    for (const keys of chunks(
      wanted.map((d) => d.dedupeKey),
      CHUNK,
    )) {
      const rows = await manager.find(NotificationEntity, {
        where: { dedupeKey: In(keys) },
        select: { dedupeKey: true },
      });
      for (const row of rows) existing.add(row.dedupeKey);
    }
    const fresh = wanted.filter((d) => !existing.has(d.dedupeKey));
    for (const rows of chunks(fresh, Math.floor(CHUNK / COLUMNS))) {
      await manager.insert(
        NotificationEntity,
        rows.map((draft) => ({
          ...draft,
          id: randomUUID(),
          readAt: null,
          resolvedAt: null,
          resolution: null,
        })),
      );
    }
    return { created: fresh.length, userIds: [...new Set(fresh.map((d) => d.userId))] };
  }

  /** Tells subscribers whose unread count may have changed (after COMMIT only). */
  announce(userIds: readonly string[]): void {
    if (userIds.length === 0) return;
    void this.pubSub.publish(NOTIFICATIONS_CHANGED, { [NOTIFICATIONS_CHANGED]: { userIds } });
  }

  /** The person's newest notifications, and how many of theirs are unread. */
  async page(user: UserEntity, first: number, unreadOnly: boolean): Promise<NotificationPage> {
    const [items, unreadCount] = await Promise.all([
      first === 0
        ? Promise.resolve([])
        : this.db.reader.find(NotificationEntity, {
            where: { userId: user.id, ...(unreadOnly ? { readAt: IsNull() } : {}) },
            order: { createdAt: 'DESC', id: 'ASC' },
            take: first,
          }),
      this.unreadCount(user.id),
    ]);
    return { items, unreadCount };
  }

  unreadCount(userId: string): Promise<number> {
    return this.db.reader.countBy(NotificationEntity, { userId, readAt: IsNull() });
  }

  /**
   * Marks the person's notifications read: those named, or every one when none are named. Naming
   * one that is not theirs is NOT_FOUND, as for one that does not exist. Returns how many were
   * unread.
   */
  async markRead(caller: Caller, ids: readonly string[] | null | undefined): Promise<number> {
    const named = ids && ids.length > 0 ? [...new Set(ids)] : null;
    const count = await this.db.write({ actorId: caller.user.id, at: caller.at }, async (tx) => {
      if (named) {
        const mine = await tx.manager.find(NotificationEntity, {
          where: { id: In(named), userId: caller.user.id },
          select: { id: true },
        });
        const missing = named.find((id) => !mine.some((n) => n.id === id));
        if (missing) throw notFound('Notification', missing);
      }
      const where = {
        userId: caller.user.id,
        readAt: IsNull(),
        ...(named ? { id: In(named) } : {}),
      };
      const unread = await tx.manager.countBy(NotificationEntity, where);
      if (unread > 0) await tx.manager.update(NotificationEntity, where, { readAt: caller.at });
      return unread;
    });
    if (count > 0) this.announce([caller.user.id]);
    return count;
  }

  /** Every kind, with the person's choice (on unless they turned it off). */
  async preferences(user: UserEntity): Promise<NotificationPreferenceEntity[]> {
    const stored = await this.db.reader.findBy(NotificationPreferenceEntity, { userId: user.id });
    return NOTIFICATION_KINDS.map(
      (kind) =>
        stored.find((p) => p.kind === kind) ?? {
          userId: user.id,
          kind,
          enabled: true,
          updatedAt: user.createdAt,
        },
    );
  }

  /** Turns one kind on or off for the person; a kind turned off is no longer created at all. */
  async setPreference(
    caller: Caller,
    kind: NotificationKind,
    enabled: boolean,
  ): Promise<NotificationPreferenceEntity> {
    return this.db.write({ actorId: caller.user.id, at: caller.at }, async (tx) => {
      const existing = await tx.manager.findOneBy(NotificationPreferenceEntity, {
        userId: caller.user.id,
        kind,
      });
      const preference = { userId: caller.user.id, kind, enabled, updatedAt: caller.at };
      if (existing) {
        await tx.manager.update(
          NotificationPreferenceEntity,
          { userId: caller.user.id, kind },
          { enabled, updatedAt: caller.at },
        );
      } else {
        await tx.manager.insert(NotificationPreferenceEntity, preference);
      }
      if ((existing?.enabled ?? true) !== enabled) {
        await tx.record({
          type: 'NOTIFICATION_PREFERENCE_SET',
          entityType: 'User',
          entityId: caller.user.id,
          before: { kind, enabled: existing?.enabled ?? true },
          after: { kind, enabled },
        });
      }
      return preference;
    });
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    result.push(items.slice(start, start + size));
  }
  return result;
}
