import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

/**
 * Recent failed sign-ins for one subject: an account (`account:<e-mail>`, known or not) or a client
 * address (`address:<ip>`). Kept in the database, not in memory, so that every API instance
 * counts the same failures (ADR 0020). A row whose last failure is older than the lock lasts is
 * spent and is deleted by the next attempt of anyone; rows are also deleted by a successful
 * sign-in or an admin lifting the lock.
 */
@Entity('sign_in_throttles')
export class SignInThrottleEntity {
  @PrimaryColumn({ type: 'varchar', length: 300 })
  subject!: string;

  /** Failures in a row, each within the lock's length of the one before. */
  @Column({ type: 'integer' })
  failures!: number;

  @InstantColumn()
  lastFailureAt!: Date;
}
