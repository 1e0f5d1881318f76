import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Tier } from '@ipt/domain';
import { InstantColumn, JsonColumn } from '../database/columns';

/** A decision memorandum. Never edited: a later decision supersedes it, linked both ways. */
@Entity('decisions')
@Index(['programId', 'decidedAt'])
// What every timeliness report reads of a year of decisions, from the index alone (ADR 0013).
@Index('decisions_program_decided_covering', [
  'programId',
  'decidedAt',
  'issueId',
  'teamId',
  'tier',
  'decidedById',
  'readyAt',
  'dueAt',
  'supersededAt',
])
// At most one decision in force per issue, enforced by the database (ADR 0014).
@Index('decisions_one_in_force', ['issueId'], { unique: true, where: 'superseded_at IS NULL' })
export class DecisionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  issueId!: string;

  @Column({ type: 'varchar', length: 36 })
  programId!: string;

  @Column({ type: 'varchar', length: 36 })
  optionId!: string;

  @Column({ type: 'text' })
  rationale!: string;

  @Column({ type: 'text', default: '' })
  conditions!: string;

  @Column({ type: 'varchar', length: 36 })
  decidedById!: string;

  /** The team and tier at which the decision was taken. */
  @Column({ type: 'varchar', length: 36 })
  teamId!: string;

  @Column({ type: 'varchar', length: 4 })
  tier!: Tier;

  @InstantColumn()
  decidedAt!: Date;

  /** When the issue became ready for this decision (decision latency runs from here). */
  @InstantColumn({ nullable: true })
  readyAt!: Date | null;

  /** The decision due date in force when it was taken, for on-time rates. */
  @InstantColumn({ nullable: true })
  dueAt!: Date | null;

  /** Recommendations that were current when it was taken (ids). */
  @JsonColumn()
  consideredRecommendationIds!: string[];

  /** Disciplines whose current recommendation favoured another option. */
  @JsonColumn()
  dissentingDisciplines!: string[];

  @Column({ type: 'varchar', length: 36, nullable: true })
  supersedesId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  supersededById!: string | null;

  @InstantColumn({ nullable: true })
  supersededAt!: Date | null;

  /**
   * `decisionContentHash` of the fields above that never change (not the superseded ones), also
   * carried in the event that recorded the decision. Filled in for older decisions by migration.
   */
  @Column({ type: 'varchar', length: 64 })
  contentHash!: string;
}
