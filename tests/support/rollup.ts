import type { EntityManager } from 'typeorm';
import { loadFactsFromTables } from 'api/src/timeliness/facts';
import { canonicalFacts, loadRolledUpFacts } from 'api/src/timeliness/issue-facts.rollup';

/**
 * Every program's facts as the roll-up holds them and as the tables give them from scratch, over
 * the whole history (a window reaching back to 1970) as of `asOf`.
 */
export async function rollupAndTables(manager: EntityManager, asOf: number) {
  const programs = await manager
    .createQueryBuilder()
    .select('p.id', 'id')
    .from('programs', 'p')
    .getRawMany<{ id: string }>();
  const rollup: Record<string, ReturnType<typeof canonicalFacts>> = {};
  const tables: Record<string, ReturnType<typeof canonicalFacts>> = {};
  for (const { id } of programs) {
    const window = { programId: id, since: 0, asOf };
    rollup[id] = canonicalFacts(await loadRolledUpFacts(manager, window));
    tables[id] = canonicalFacts(await loadFactsFromTables(manager, window));
  }
  return { rollup, tables };
}
