import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { NotificationKind } from '@ipt/domain';
import { InstantColumn } from '../database/columns';

/**
 * Something one person is told about in the app. Derived from committed events or from the
 * sweep of due dates, never part of the hash-chained record: it can always be derived again.
 */
@Entity('notifications')
@Index(['userId', 'createdAt'])
@Index('IDX_notifications_kind_resolved_at', ['kind', 'resolvedAt'])
export class NotificationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 36 })
  programId!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  issueId!: string | null;

  @Column({ type: 'varchar', length: 30 })
  kind!: NotificationKind;

  /** One line a person can read at a glance: "HX-12 is waiting on your engineering recommendation". */
  @Column({ type: 'varchar', length: 300 })
  title!: string;

  /** The detail under it: the issue's title, who did what, the due date in program time. */
  @Column({ type: 'text' })
  message!: string;

  /** Where the web app opens it, e.g. `/issues/HX-12`. */
  @Column({ type: 'varchar', length: 200 })
  link!: string;

  /**
   * What this notification is about, so the same thing never notifies twice: kind, item, person,
   * and for due dates the due instant (a changed due date notifies again).
   */
  @Column({ type: 'varchar', length: 255, unique: true })
  dedupeKey!: string;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn({ nullable: true })
  readAt!: Date | null;

  /**
   * When a due-soon or overdue notification stopped holding (its work done, decided, re-dated,
   * escalated away or ended): kept, marked read, and saying why in `resolution` (ADR 27).
   */
  @InstantColumn({ nullable: true })
  resolvedAt!: Date | null;

  /** Why it no longer holds, in words: "No longer needed: HX-12 was decided." */
  @Column({ type: 'varchar', length: 300, nullable: true })
  resolution!: string | null;
}
