import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { decisionContentHash } from '../../verification/decision-hash';

interface DecisionRow {
  id: string;
  issue_id: string;
  program_id: string;
  option_id: string;
  rationale: string;
  conditions: string;
  decided_by_id: string;
  team_id: string;
  tier: string;
  decided_at: string;
  ready_at: string | null;
  due_at: string | null;
  considered_recommendation_ids: string;
  dissenting_disciplines: string;
  supersedes_id: string | null;
}

const BATCH = 2_000;

/**
 * Each decision's content hash (ADR 0014), computed here for the decisions recorded before it,
 * in batches by id so a large program does not need all of them in memory.
 */
export class DecisionHash1764700000000 implements MigrationInterface {
  name = 'DecisionHash1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    const postgres = runner.connection.options.type === 'postgres';
    const p = (n: number) => (postgres ? `$${n}` : '?');
    await runner.addColumn(
      'decisions',
      new TableColumn({ name: 'content_hash', type: 'varchar', length: '64', default: "''" }),
    );
    let after = '';
    for (;;) {
      const rows = (await runner.query(
        `SELECT * FROM decisions WHERE id > ${p(1)} ORDER BY id LIMIT ${BATCH}`,
        [after],
      )) as DecisionRow[];
      if (rows.length === 0) break;
      for (const row of rows) {
        const hash = decisionContentHash({
          id: row.id,
          issueId: row.issue_id,
          programId: row.program_id,
          optionId: row.option_id,
          rationale: row.rationale,
          conditions: row.conditions,
          decidedById: row.decided_by_id,
          teamId: row.team_id,
          tier: row.tier,
          decidedAt: new Date(row.decided_at),
          readyAt: row.ready_at === null ? null : new Date(row.ready_at),
          dueAt: row.due_at === null ? null : new Date(row.due_at),
          consideredRecommendationIds: JSON.parse(row.considered_recommendation_ids) as string[],
          dissentingDisciplines: JSON.parse(row.dissenting_disciplines) as string[],
          supersedesId: row.supersedes_id,
        });
        await runner.query(`UPDATE decisions SET content_hash = ${p(1)} WHERE id = ${p(2)}`, [
          hash,
          row.id,
        ]);
      }
      after = rows[rows.length - 1]!.id;
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('decisions', 'content_hash');
  }
}
