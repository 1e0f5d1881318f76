import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NotificationKind } from '@ipt/domain';
import { InstantColumn } from '../database/columns';

/** A person's choice for one kind of notification; no row means the default, on. */
@Entity('notification_preferences')
export class NotificationPreferenceEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 30 })
  kind!: NotificationKind;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  @InstantColumn()
  updatedAt!: Date;
}
