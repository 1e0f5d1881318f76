import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

@Entity('comments')
export class CommentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  issueId!: string;

  @Column({ type: 'varchar', length: 36 })
  authorId!: string;

  @Column({ type: 'text' })
  body!: string;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn({ nullable: true })
  editedAt!: Date | null;
}
