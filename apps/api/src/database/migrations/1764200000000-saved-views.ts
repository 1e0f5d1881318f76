import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { INSTANT_LENGTH } from '../columns';

/**
 * Saved views of the issue tracker: each person's named filters and sort (JSON text), unique by
 * name per person, deleted with the account. Schema builder only, as ADR 0003 asks.
 */
export class SavedViews1764200000000 implements MigrationInterface {
  name = 'SavedViews1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'saved_views',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36', isNullable: false },
          { name: 'name', type: 'varchar', length: '100', isNullable: false },
          { name: 'program_key', type: 'varchar', length: '10', isNullable: true },
          { name: 'query', type: 'text', isNullable: false },
          {
            name: 'created_at',
            type: 'varchar',
            length: String(INSTANT_LENGTH),
            isNullable: false,
          },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [new TableIndex({ columnNames: ['user_id', 'name'], isUnique: true })],
      }),
      false,
      true,
      true,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('saved_views', true);
  }
}
