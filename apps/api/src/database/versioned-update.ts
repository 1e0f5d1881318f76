import { staleVersion } from '@ipt/domain';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * Saves a change to a versioned row only if it still has the version the caller read:
 * `UPDATE ... SET ..., version = read + 1 WHERE id = ? AND version = read`. The row count decides,
 * in the database, so two writers that read the same version cannot both win, whatever process
 * they run in (ADR 0008, 0014). Anything else is CONFLICT, naming the version it has now.
 */
export async function updateIfVersion<E extends ObjectLiteral & { id: string; version: number }>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  row: { readonly id: string; readonly what: string },
  readVersion: number,
  changes: QueryDeepPartialEntity<E>,
): Promise<number> {
  const next = readVersion + 1;
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...changes, version: next } as QueryDeepPartialEntity<E>)
    .where('id = :id AND version = :readVersion', { id: row.id, readVersion })
    .execute();
  if (result.affected === 1) return next;
  const current = await manager
    .createQueryBuilder(entity, 'row')
    .select('row.version', 'version')
    .where('row.id = :id', { id: row.id })
    .getRawOne<{ version: number }>();
  throw staleVersion(row.what, readVersion, Number(current?.version ?? readVersion));
}
