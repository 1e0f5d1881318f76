import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

/** Work a decision assigns (RAPID "Perform"). */
@Entity('action_items')
export class ActionItemEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  decisionId!: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  issueId!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  assigneeId!: string;

  @InstantColumn()
  dueAt!: Date;

  @InstantColumn({ nullable: true })
  doneAt!: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  completedById!: string | null;
}
