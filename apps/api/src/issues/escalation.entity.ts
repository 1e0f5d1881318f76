import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { EscalationSource, Stage, Tier } from '@ipt/domain';
import { InstantColumn } from '../database/columns';

@Entity('escalations')
export class EscalationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  issueId!: string;

  @Column({ type: 'varchar', length: 36 })
  fromTeamId!: string;

  @Column({ type: 'varchar', length: 36 })
  toTeamId!: string;

  @Column({ type: 'varchar', length: 4 })
  fromTier!: Tier;

  @Column({ type: 'varchar', length: 4 })
  toTier!: Tier;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'varchar', length: 10 })
  source!: EscalationSource;

  /** Null when the timeliness policy escalated it. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  escalatedById!: string | null;

  @InstantColumn()
  escalatedAt!: Date;

  /** The stage whose clock was running when the issue left (restarted at the new tier). */
  @Column({ type: 'varchar', length: 20, nullable: true })
  fromStage!: Stage | null;

  @InstantColumn({ nullable: true })
  fromStageStartedAt!: Date | null;

  @InstantColumn({ nullable: true })
  fromStageDueAt!: Date | null;

  /** For escalations by policy: names the breach, unique, so it can never escalate twice. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 120, nullable: true })
  policyBreachKey!: string | null;
}
