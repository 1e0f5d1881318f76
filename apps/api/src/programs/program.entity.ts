import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn, JsonColumn } from '../database/columns';

@Entity('programs')
export class ProgramEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** Short upper-case key, the prefix of its issue keys (`HX` -> `HX-42`). */
  @Column({ type: 'varchar', length: 10, unique: true })
  key!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** Acquisition phase, free text (e.g. "Engineering & Manufacturing Development"). */
  @Column({ type: 'varchar', length: 100 })
  phase!: string;

  /** IANA zone: day boundaries and business days use it; storage stays UTC. */
  @Column({ type: 'varchar', length: 64 })
  timeZone!: string;

  /** The program's timeliness policy; null means the product defaults. */
  @JsonColumn({ nullable: true })
  timelinessPolicy!: unknown;

  /** Number given to the next issue raised in this program. */
  @Column({ type: 'integer', default: 1 })
  nextIssueNumber!: number;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn()
  updatedAt!: Date;
}
