import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

/** A program manager's recorded reason to proceed without one required discipline. */
@Entity('waivers')
@Index(['issueId', 'discipline'], { unique: true })
export class WaiverEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  issueId!: string;

  @Column({ type: 'varchar', length: 40 })
  discipline!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'varchar', length: 36 })
  waivedById!: string;

  @InstantColumn()
  waivedAt!: Date;
}
