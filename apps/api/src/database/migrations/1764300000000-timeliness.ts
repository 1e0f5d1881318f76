import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { INSTANT_LENGTH } from '../columns';

const instant = (name: string, isNullable = true) =>
  new TableColumn({ name, type: 'varchar', length: String(INSTANT_LENGTH), isNullable });

/**
 * Timeliness (issue 5): when an issue came to its current tier, what each recommendation was
 * asked at and due by, when each decision became ready, and a key that names a policy breach
 * once, so two API instances sweeping at once cannot escalate the same breach twice. The
 * indexes serve the dashboard's period windows on large programs.
 */
export class Timeliness1764300000000 implements MigrationInterface {
  name = 'Timeliness1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn('issues', instant('tier_entered_at'));
    await runner.query('UPDATE issues SET tier_entered_at = raised_at');
    await runner.addColumns('recommendations', [instant('requested_at'), instant('due_at')]);
    await runner.query('UPDATE recommendations SET requested_at = submitted_at');
    await runner.addColumn('decisions', instant('ready_at'));
    await runner.addColumn(
      'escalations',
      new TableColumn({
        name: 'policy_breach_key',
        type: 'varchar',
        length: '120',
        isNullable: true,
      }),
    );
    // The clock that was running when the issue left its tier, so weeks before an escalation still
    // count it overdue if it was (the escalation restarts the issue's own clocks).
    await runner.addColumns('escalations', [
      new TableColumn({ name: 'from_stage', type: 'varchar', length: '20', isNullable: true }),
      instant('from_stage_started_at'),
      instant('from_stage_due_at'),
    ]);
    await runner.createIndex(
      'escalations',
      new TableIndex({ columnNames: ['policy_breach_key'], isUnique: true }),
    );
    for (const column of ['raised_at', 'resolved_at', 'closed_at', 'withdrawn_at']) {
      await runner.createIndex('issues', new TableIndex({ columnNames: ['program_id', column] }));
    }
    await runner.createIndex('events', new TableIndex({ columnNames: ['program_id', 'at'] }));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('issues', 'tier_entered_at');
    await runner.dropColumns('recommendations', ['requested_at', 'due_at']);
    await runner.dropColumn('decisions', 'ready_at');
    await runner.dropColumns('escalations', [
      'policy_breach_key',
      'from_stage',
      'from_stage_started_at',
      'from_stage_due_at',
    ]);
  }
}
