import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { INSTANT_LENGTH } from '../columns';

/** The database itself refuses a second decision in force on one issue (ADR 0014). */
export const ONE_DECISION_IN_FORCE = new TableIndex({
  name: 'decisions_one_in_force',
  columnNames: ['issue_id'],
  isUnique: true,
  where: 'superseded_at IS NULL',
});

/**
 * What durable writes across several instances need of the schema (ADR 0014): at most one
 * decision in force per issue, enforced by a partial unique index; and a one-row table that
 * `/health` writes to while writes are failing, to notice by itself when they work again.
 */
export class DurableWrites1764600000000 implements MigrationInterface {
  name = 'DurableWrites1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createIndex('decisions', ONE_DECISION_IN_FORCE);
    await runner.createTable(
      new Table({
        name: 'write_probe',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          { name: 'probed_at', type: 'varchar', length: String(INSTANT_LENGTH), isNullable: true },
        ],
      }),
    );
    await runner.query('INSERT INTO write_probe (id, probed_at) VALUES (1, NULL)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('write_probe');
    await runner.dropIndex('decisions', ONE_DECISION_IN_FORCE);
  }
}
