import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { INSTANT_LENGTH } from '../columns';

const cascadeTo = (column: string, table: string) =>
  new TableForeignKey({
    columnNames: [column],
    referencedTableName: table,
    referencedColumnNames: ['id'],
    onDelete: 'CASCADE',
  });

/**
 * The roll-up of each issue's timeliness facts (ADR 0013), so the dashboard's current view reads
 * one index range instead of six tables. Created empty: the API fills in the rows of existing
 * issues when it starts (`IssueFactsRollup`), with the same code that keeps them up to date.
 */
export class IssueFacts1764500000000 implements MigrationInterface {
  name = 'IssueFacts1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'issue_facts',
        columns: [
          { name: 'issue_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'program_id', type: 'varchar', length: '36', isNullable: false },
          {
            name: 'counts_until',
            type: 'varchar',
            length: String(INSTANT_LENGTH),
            isNullable: false,
          },
          { name: 'facts', type: 'text', isNullable: false },
        ],
        foreignKeys: [cascadeTo('issue_id', 'issues'), cascadeTo('program_id', 'programs')],
        indices: [new TableIndex({ columnNames: ['program_id', 'counts_until'] })],
      }),
      false,
      true,
      true,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('issue_facts');
  }
}
