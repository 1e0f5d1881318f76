import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Tier } from '@ipt/domain';
import { InstantColumn } from '../database/columns';

/** An IPT. Parent links form the escalation ladder WIPT -> IIPT -> OIPT. */
@Entity('teams')
export class TeamEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  programId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 4 })
  tier!: Tier;

  @Column({ type: 'varchar', length: 36, nullable: true })
  parentTeamId!: string | null;

  @Column({ type: 'text', default: '' })
  charter!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn()
  updatedAt!: Date;
}
