import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { INSTANT_LENGTH } from '../columns';

const instant = (name: string, nullable = false) => ({
  name,
  type: 'varchar',
  length: String(INSTANT_LENGTH),
  isNullable: nullable,
});

/** Idempotency keys of mutation requests (ADR 0018), one row per person and key. */
export class IdempotencyKeys1764800000000 implements MigrationInterface {
  name = 'IdempotencyKeys1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'idempotency_keys',
        columns: [
          { name: 'user_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'idempotency_key', type: 'varchar', length: '200', isPrimary: true },
          { name: 'request_hash', type: 'varchar', length: '64', isNullable: false },
          instant('created_at'),
          instant('applied_at', true),
          { name: 'response_status', type: 'integer', isNullable: true },
          { name: 'response_body', type: 'text', isNullable: true },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('idempotency_keys');
  }
}
