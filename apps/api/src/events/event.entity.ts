import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn, JsonColumn } from '../database/columns';

/**
 * The append-only history of every change. Each event's hash covers its content and the
 * previous event's hash, so an edited or deleted row breaks the chain (tamper evidence).
 */
@Entity('events')
@Index(['issueId', 'seq'])
@Index(['programId', 'seq'])
@Index(['programId', 'at'])
export class EventEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 36, nullable: true })
  programId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  issueId!: string | null;

  /** Null for changes made by the system itself (demo load, timeliness policy). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 60 })
  type!: string;

  @Column({ type: 'varchar', length: 40 })
  entityType!: string;

  @Column({ type: 'varchar', length: 36 })
  entityId!: string;

  @JsonColumn({ nullable: true })
  before!: Record<string, unknown> | null;

  @JsonColumn({ nullable: true })
  after!: Record<string, unknown> | null;

  @InstantColumn()
  at!: Date;

  @Column({ type: 'varchar', length: 64 })
  previousHash!: string;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}
