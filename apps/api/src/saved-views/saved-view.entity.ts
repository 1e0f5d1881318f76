import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

/**
 * A person's named issue-tracker view: the filters and sort of the tracker as JSON text, for one
 * program or (program key null) for every program they can see. Private to its owner.
 */
@Entity('saved_views')
@Index(['userId', 'name'], { unique: true })
export class SavedViewEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 10, nullable: true })
  programKey!: string | null;

  /** A JSON object: the tracker's filters and sort, as the web app wrote them. */
  @Column({ type: 'text' })
  query!: string;

  @InstantColumn()
  createdAt!: Date;
}
