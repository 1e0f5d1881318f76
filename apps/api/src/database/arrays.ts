import type BetterSqlite3 from 'better-sqlite3';
import type { EntityManager } from 'typeorm';

/**
 * Rows as arrays of column values in the order selected, for reads of hundreds of thousands of
 * rows (the timeliness report's facts): on SQLite straight from the driver, with no object per
 * row and no query builder in between (ADR 0013). `sql` uses `?` placeholders.
 */
export async function selectArrays(
  manager: EntityManager,
  sql: string,
  parameters: readonly unknown[],
): Promise<unknown[][]> {
  const sqlite = sqliteOf(manager);
  if (sqlite)
    return sqlite
      .prepare(sql)
      .raw(true)
      .all(...parameters) as unknown[][];
  const rows = (await manager.query(numbered(sql), [...parameters])) as Record<string, unknown>[];
  return rows.map((row) => Object.values(row));
}

/** The only column of each row (e.g. one text column of JSON). */
export async function selectColumn<T>(
  manager: EntityManager,
  sql: string,
  parameters: readonly unknown[],
): Promise<T[]> {
  const sqlite = sqliteOf(manager);
  if (sqlite)
    return sqlite
      .prepare(sql)
      .pluck(true)
      .all(...parameters) as T[];
  const rows = (await manager.query(numbered(sql), [...parameters])) as Record<string, unknown>[];
  return rows.map((row) => Object.values(row)[0] as T);
}

export function sqliteOf(manager: EntityManager): BetterSqlite3.Database | null {
  if (manager.connection.options.type !== 'better-sqlite3') return null;
  // TypeORM's better-sqlite3 driver keeps one connection per data source (ADR 0004): the same
  // one, in the same transaction, that the manager's own queries run on.
  return (manager.connection.driver as unknown as { databaseConnection: BetterSqlite3.Database })
    .databaseConnection;
}

/** `?` placeholders as PostgreSQL's `$1, $2, ...` (the SQL given here holds no `?` otherwise). */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * A list of ids as one bound parameter, whatever its length (no `IN` list to outgrow a driver's
 * limit): `IN (${list.sql})` bound to `list.value`. `placeholder` is `?` for `selectArrays`, or a
 * query builder's `:name`.
 */
export function idList(
  manager: EntityManager,
  ids: readonly string[],
  placeholder = '?',
): { sql: string; value: unknown } {
  return manager.connection.options.type === 'postgres'
    ? { sql: `SELECT unnest(CAST(${placeholder} AS text[]))`, value: ids }
    : { sql: `SELECT value FROM json_each(${placeholder})`, value: JSON.stringify(ids) };
}
