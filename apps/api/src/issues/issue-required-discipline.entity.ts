import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

/** A discipline that must recommend (or be waived) before an issue is ready for decision. */
@Entity('issue_required_disciplines')
export class IssueRequiredDisciplineEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  issueId!: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  discipline!: string;

  /** Position in the coverage matrix, as the program manager listed them. */
  @Column({ type: 'integer' })
  position!: number;

  @InstantColumn()
  requiredAt!: Date;
}
