import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ProgramRoleKind } from '@ipt/domain';
import { InstantColumn } from '../database/columns';

/** A person's standing in a program. Membership of any of its teams implies MEMBER. */
@Entity('program_roles')
@Index(['programId', 'userId'], { unique: true })
export class ProgramRoleEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  programId!: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: ProgramRoleKind;

  @InstantColumn()
  createdAt!: Date;
}
