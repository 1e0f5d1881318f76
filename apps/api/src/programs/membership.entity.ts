import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { TeamRole } from '@ipt/domain';
import { InstantColumn } from '../database/columns';

/** A person on a team, for one discipline, possibly with decision authority. */
@Entity('memberships')
@Index(['teamId', 'userId'], { unique: true })
export class MembershipEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  teamId!: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 40 })
  discipline!: string;

  @Column({ type: 'varchar', length: 10 })
  role!: TeamRole;

  @Column({ type: 'boolean', default: false })
  decisionAuthority!: boolean;

  @InstantColumn()
  createdAt!: Date;
}
