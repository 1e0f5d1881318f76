import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

/** A member's formal dissent from a decision, sent one tier up for review (NASA / NRC practice). */
@Entity('non_concurrences')
export class NonConcurrenceEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  decisionId!: string;

  @Column({ type: 'varchar', length: 36 })
  issueId!: string;

  @Column({ type: 'varchar', length: 36 })
  authorId!: string;

  @Column({ type: 'varchar', length: 40 })
  discipline!: string;

  @Column({ type: 'text' })
  rationale!: string;

  @Column({ type: 'text', default: '' })
  impacts!: string;

  /** The next tier up, which reviews it; null when filed at the top of the ladder. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  reviewTeamId!: string | null;

  @InstantColumn()
  filedAt!: Date;
}
