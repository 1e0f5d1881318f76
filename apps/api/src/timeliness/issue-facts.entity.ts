import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { INSTANT_LENGTH } from '../database/columns';

/**
 * The roll-up of one issue's timeliness facts (ADR 0013): the issue with its recommendations,
 * escalations and binding action items, as `loadIssueFacts` reads them from the tables, written in
 * the same transaction as every change to the issue. The dashboard's current view reads these rows,
 * one range of the (program, counts until) index, instead of six tables.
 */
@Entity('issue_facts')
@Index(['programId', 'countsUntil'])
export class IssueFactsEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  issueId!: string;

  @Column({ type: 'varchar', length: 36 })
  programId!: string;

  /**
   * `issueCountsUntil` as stored text: the last instant a report can count the issue in
   * (`OPEN_FOREVER` while it is open). A report looking back to `since` reads `>= since`.
   */
  @Column({ type: 'varchar', length: INSTANT_LENGTH })
  countsUntil!: string;

  /** The facts as JSON, instants in epoch milliseconds: parsed straight into the domain's types. */
  @Column({ type: 'text' })
  facts!: string;
}
