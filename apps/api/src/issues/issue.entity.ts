import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Consequence, ImpactArea, IssueStatus, Tier } from '@ipt/domain';
import { InstantColumn, JsonColumn } from '../database/columns';

@Entity('issues')
@Index(['programId', 'number'], { unique: true })
@Index(['programId', 'status'])
@Index(['programId', 'raisedAt'])
@Index(['programId', 'resolvedAt'])
@Index(['programId', 'closedAt'])
@Index(['programId', 'withdrawnAt'])
export class IssueEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  programId!: string;

  @Column({ type: 'integer' })
  number!: number;

  /** `HX-42`: the program key and number, kept for lookup and search. */
  @Column({ type: 'varchar', length: 24, unique: true })
  key!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  /** What has happened or is certain to happen, and its effect (DAU's issue statement). */
  @Column({ type: 'text' })
  conditionStatement!: string;

  @Column({ type: 'varchar', length: 12 })
  impactArea!: ImpactArea;

  @Column({ type: 'integer', nullable: true })
  consequence!: Consequence | null;

  @Column({ type: 'varchar', length: 20 })
  status!: IssueStatus;

  @Column({ type: 'varchar', length: 36 })
  raisedById!: string;

  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  ownerId!: string | null;

  @Column({ type: 'varchar', length: 36 })
  originTeamId!: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  currentTeamId!: string;

  /** Tier of the current team, kept here so tier filters and metrics need no join. */
  @Column({ type: 'varchar', length: 4 })
  currentTier!: Tier;

  /** Incremented by every change; a write must name the version it read (optimistic locking). */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @InstantColumn()
  raisedAt!: Date;

  /** When the issue came to its current tier (raised there or escalated there). */
  @InstantColumn({ nullable: true })
  tierEnteredAt!: Date | null;

  @InstantColumn({ nullable: true })
  triagedAt!: Date | null;

  /** When every required discipline was covered (AWAITING_DECISION began). */
  @InstantColumn({ nullable: true })
  readyAt!: Date | null;

  @InstantColumn({ nullable: true })
  decidedAt!: Date | null;

  @InstantColumn({ nullable: true })
  resolvedAt!: Date | null;

  @InstantColumn({ nullable: true })
  closedAt!: Date | null;

  @InstantColumn({ nullable: true })
  withdrawnAt!: Date | null;

  @InstantColumn({ nullable: true })
  triageDueAt!: Date | null;

  @InstantColumn({ nullable: true })
  recommendationsDueAt!: Date | null;

  @InstantColumn({ nullable: true })
  decisionDueAt!: Date | null;

  @InstantColumn({ nullable: true })
  resolutionDueAt!: Date | null;

  /** Stages whose due date a person set on purpose (policy changes leave those alone). */
  @JsonColumn()
  manualDueStages!: string[];

  @InstantColumn()
  updatedAt!: Date;
}
