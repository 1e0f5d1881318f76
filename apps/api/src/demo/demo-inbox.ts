import { NotificationKind } from '@ipt/domain';
import { In, IsNull } from 'typeorm';
import type { DatabaseService } from '../database/database.service';
import { NotificationEntity } from '../notifications/notification.entity';
import { parseDueKey } from '../notifications/notification-sweep.service';

const DAY_MS = 86_400_000;
/** Bound parameters per IN list, well under SQLite's limit. */
const CHUNK = 400;

/**
 * Whether a demo person would still have this notification unread at `now`, had they kept up
 * with their notifications until yesterday: only what reached them in the last day is new — what
 * happened since, and work that became overdue since or falls due soon. Everything older they
 * would have seen when it came.
 */
export function newSinceYesterday(
  notification: Pick<NotificationEntity, 'kind' | 'dedupeKey' | 'createdAt'>,
  now: Date,
): boolean {
  const since = now.getTime() - DAY_MS;
  const due = parseDueKey(notification.dedupeKey);
  if (due?.kind === NotificationKind.OVERDUE) return due.dueAt.getTime() >= since;
  if (due?.kind === NotificationKind.DUE_SOON) return true;
  return notification.createdAt.getTime() >= since;
}

/**
 * Marks read, as of when each arrived, the demo's notifications that a person keeping up would
 * have read before yesterday (`newSinceYesterday`), except that whoever still owes overdue work
 * keeps the latest of its overdue notifications unread: work not done is not out of mind.
 * Returns how many stay unread.
 */
export async function settleDemoInbox(db: DatabaseService, now: Date): Promise<number> {
  return db.write({ actorId: null, at: now }, async (tx) => {
    const unread = await tx.manager.find(NotificationEntity, {
      where: { readAt: IsNull() },
      select: { id: true, userId: true, kind: true, dedupeKey: true, createdAt: true },
    });
    const latestOverdue = new Map<string, { id: string; dueAt: number }>();
    for (const n of unread) {
      const due = parseDueKey(n.dedupeKey);
      if (due?.kind !== NotificationKind.OVERDUE) continue;
      const latest = latestOverdue.get(n.userId);
      if (!latest || due.dueAt.getTime() > latest.dueAt)
        latestOverdue.set(n.userId, { id: n.id, dueAt: due.dueAt.getTime() });
    }
    const keep = new Set([...latestOverdue.values()].map((l) => l.id));
    const seen = unread.filter((n) => !keep.has(n.id) && !newSinceYesterday(n, now));
    const byArrival = new Map<number, string[]>();
    for (const n of seen) {
      const at = Math.min(n.createdAt.getTime(), now.getTime());
      byArrival.set(at, [...(byArrival.get(at) ?? []), n.id]);
    }
    for (const [at, ids] of byArrival) {
      for (let start = 0; start < ids.length; start += CHUNK) {
        await tx.manager.update(
          NotificationEntity,
          { id: In(ids.slice(start, start + CHUNK)) },
          { readAt: new Date(at) },
        );
      }
    }
    return unread.length - seen.length;
  });
}
