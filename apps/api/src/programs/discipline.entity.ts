import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A discipline in use in a program: the default catalog, plus the program's own. */
@Entity('disciplines')
@Index(['programId', 'code'], { unique: true })
export class DisciplineEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  programId!: string;

  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** Veto-like standing (RAPID "Agree"). */
  @Column({ type: 'boolean', default: false })
  agreeRole!: boolean;

  @Column({ type: 'boolean', default: true })
  active!: boolean;
}
