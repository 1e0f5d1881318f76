import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { INSTANT_LENGTH } from '../columns';

/** Failed sign-ins per account and per client address (ADR 0020). */
export class SignInThrottles1764900000000 implements MigrationInterface {
  name = 'SignInThrottles1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'sign_in_throttles',
        columns: [
          { name: 'subject', type: 'varchar', length: '300', isPrimary: true },
          { name: 'failures', type: 'integer', isNullable: false },
          {
            name: 'last_failure_at',
            type: 'varchar',
            length: String(INSTANT_LENGTH),
            isNullable: false,
          },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('sign_in_throttles');
  }
}
