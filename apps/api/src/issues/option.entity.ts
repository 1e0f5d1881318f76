import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

/** A course of action on an issue. */
@Entity('options')
@Index(['issueId', 'label'], { unique: true })
export class OptionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  issueId!: string;

  /** A, B, C ... in the order added, for talking about options in a meeting. */
  @Column({ type: 'varchar', length: 4 })
  label!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  /** Expected cost, schedule and performance effects, in words. */
  @Column({ type: 'text', default: '' })
  impacts!: string;

  @Column({ type: 'varchar', length: 36 })
  createdById!: string;

  @InstantColumn()
  createdAt!: Date;
}
