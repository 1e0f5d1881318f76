import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { INSTANT_LENGTH } from '../columns';

const instant = (name: string, nullable = false) => ({
  name,
  type: 'varchar',
  length: String(INSTANT_LENGTH),
  isNullable: nullable,
});

const cascadeTo = (column: string, table: string) =>
  new TableForeignKey({
    columnNames: [column],
    referencedTableName: table,
    referencedColumnNames: ['id'],
    onDelete: 'CASCADE',
  });

/**
 * In-app notifications (each person's, unique by what they are about, so nothing notifies twice)
 * and each person's choice of kinds. Schema builder only, as ADR 0003 asks.
 */
export class Notifications1764400000000 implements MigrationInterface {
  name = 'Notifications1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'notifications',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36', isNullable: false },
          { name: 'program_id', type: 'varchar', length: '36', isNullable: false },
          { name: 'issue_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'kind', type: 'varchar', length: '30', isNullable: false },
          { name: 'title', type: 'varchar', length: '300', isNullable: false },
          { name: 'message', type: 'text', isNullable: false },
          { name: 'link', type: 'varchar', length: '200', isNullable: false },
          {
            name: 'dedupe_key',
            type: 'varchar',
            length: '255',
            isNullable: false,
            isUnique: true,
          },
          instant('created_at'),
          instant('read_at', true),
        ],
        foreignKeys: [
          cascadeTo('user_id', 'users'),
          cascadeTo('program_id', 'programs'),
          cascadeTo('issue_id', 'issues'),
        ],
        indices: [new TableIndex({ columnNames: ['user_id', 'created_at'] })],
      }),
      false,
      true,
      true,
    );
    await runner.createTable(
      new Table({
        name: 'notification_preferences',
        columns: [
          { name: 'user_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '30', isPrimary: true },
          { name: 'enabled', type: 'boolean', isNullable: false },
          instant('updated_at'),
        ],
        foreignKeys: [cascadeTo('user_id', 'users')],
      }),
      false,
      true,
      true,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('notification_preferences', true);
    await runner.dropTable('notifications', true);
  }
}
