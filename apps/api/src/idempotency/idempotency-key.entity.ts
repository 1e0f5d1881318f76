import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

/**
 * A mutation request a person sent with an `Idempotency-Key` header (ADR 0018): claimed before it
 * runs, marked applied inside the write transaction that commits its change, and holding the
 * answer once sent, so a retry of the same request within a day gets that answer again instead
 * of applying the change twice.
 */
@Entity('idempotency_keys')
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 200 })
  idempotencyKey!: string;

  /** SHA-256 of the operation and its variables: one key, one request. */
  @Column({ type: 'varchar', length: 64 })
  requestHash!: string;

  @InstantColumn()
  createdAt!: Date;

  /** Set in the transaction that committed the request's change; null while none has. */
  @InstantColumn({ nullable: true })
  appliedAt!: Date | null;

  /** The HTTP status and JSON body first answered, once stored. */
  @Column({ type: 'integer', nullable: true })
  responseStatus!: number | null;

  @Column({ type: 'text', nullable: true })
  responseBody!: string | null;
}
