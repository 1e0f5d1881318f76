import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

/** One discipline's input on an issue. Never edited: a later one supersedes it. */
@Entity('recommendations')
@Index(['issueId', 'discipline'])
export class RecommendationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  issueId!: string;

  @Column({ type: 'varchar', length: 40 })
  discipline!: string;

  @Column({ type: 'varchar', length: 36 })
  authorId!: string;

  /** The team the author represented, which is the issue's team at the time. */
  @Column({ type: 'varchar', length: 36 })
  teamId!: string;

  @Column({ type: 'varchar', length: 36 })
  optionId!: string;

  @Column({ type: 'text' })
  rationale!: string;

  @Column({ type: 'text', default: '' })
  impactAssessment!: string;

  /** Other courses the discipline could accept, and on what terms. */
  @Column({ type: 'text', default: '' })
  alternatives!: string;

  @InstantColumn()
  submittedAt!: Date;

  /** When this discipline was asked: triage, or the issue's arrival at a new tier. */
  @InstantColumn({ nullable: true })
  requestedAt!: Date | null;

  /** The recommendations due date in force when this was submitted (on-time rate). */
  @InstantColumn({ nullable: true })
  dueAt!: Date | null;

  @InstantColumn({ nullable: true })
  supersededAt!: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  supersededById!: string | null;
}
