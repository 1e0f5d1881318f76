import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { INSTANT_LENGTH } from '../columns';

const INDEX = 'IDX_notifications_kind_resolved_at';

/**
 * A due-soon or overdue notification that stopped holding is kept and marked resolved, with why
 * (ADR 27). Both columns are nullable, so existing rows stay as they were until the next sweep
 * looks at them. Schema builder only, as ADR 0003 asks.
 */
export class NotificationResolution1765000000000 implements MigrationInterface {
  name = 'NotificationResolution1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumns('notifications', [
      new TableColumn({
        name: 'resolved_at',
        type: 'varchar',
        length: String(INSTANT_LENGTH),
        isNullable: true,
      }),
      new TableColumn({ name: 'resolution', type: 'varchar', length: '300', isNullable: true }),
    ]);
    // The sweep looks for unresolved due notifications every minute: by index, not by scan.
    await runner.createIndex(
      'notifications',
      new TableIndex({ name: INDEX, columnNames: ['kind', 'resolved_at'] }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('notifications', INDEX);
    await runner.dropColumn('notifications', 'resolution');
    await runner.dropColumn('notifications', 'resolved_at');
  }
}
