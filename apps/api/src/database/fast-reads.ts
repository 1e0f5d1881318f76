import type BetterSqlite3 from 'better-sqlite3';
import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { idList, numbered, sqliteOf } from './arrays';

/**
 * Entities by a column's values, without TypeORM's query builder: the profile of the busiest
 * screens put a third of the CPU in building the same SELECT again for every batch and mapping
 * its rows (ADR 0024). The statement is written once per entity, column and order from the
 * entity's metadata; rows are hydrated by the driver's own conversion (column transformers,
 * SQLite's 0/1 booleans), so the entities equal what `find` returns.
 */
interface Plan {
  readonly sql: string;
  readonly columns: readonly ColumnMetadata[];
  readonly metadata: EntityMetadata;
}

const plans = new WeakMap<EntityMetadata, Map<string, Plan>>();
const statements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

function quote(manager: EntityManager, name: string): string {
  return manager.connection.driver.escape(name);
}

function planFor(
  manager: EntityManager,
  metadata: EntityMetadata,
  column: string,
  orderBy: string | null,
): Plan {
  const key = `${column}|${orderBy ?? ''}`;
  let byKey = plans.get(metadata);
  if (!byKey) plans.set(metadata, (byKey = new Map()));
  const known = byKey.get(key);
  if (known) return known;
  const columnName = (property: string) => {
    const found = metadata.findColumnWithPropertyName(property);
    if (!found) throw new Error(`${metadata.name} has no column ${property}`);
    return quote(manager, found.databaseName);
  };
  const columns = metadata.columns;
  const list = idList(manager, [], '?').sql;
  const sql =
    `SELECT ${columns.map((c) => quote(manager, c.databaseName)).join(', ')} ` +
    `FROM ${quote(manager, metadata.tableName)} WHERE ${columnName(column)} IN (${list})` +
    (orderBy ? ` ORDER BY ${columnName(orderBy)} ASC` : '');
  const plan = { sql, columns, metadata };
  byKey.set(key, plan);
  return plan;
}

async function rowsAsArrays(
  manager: EntityManager,
  sql: string,
  parameters: readonly unknown[],
): Promise<unknown[][]> {
  const sqlite = sqliteOf(manager);
  if (sqlite) {
    // Logged like every other statement (manager.query logs its own), so statement counts and
    // query logs still see it.
    manager.connection.logger.logQuery(sql, [...parameters]);
    let cache = statements.get(sqlite);
    if (!cache) statements.set(sqlite, (cache = new Map()));
    let statement = cache.get(sql);
    if (!statement) cache.set(sql, (statement = sqlite.prepare(sql).raw(true)));
    return statement.all(...parameters) as unknown[][];
  }
  const rows = (await manager.query(numbered(sql), [...parameters])) as Record<string, unknown>[];
  return rows.map((row) => Object.values(row));
}

/**
 * The rows of `entity` whose `column` is one of `values`, ordered by `orderBy` when given, as
 * entities.
 */
export async function findWhereIn<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  column: keyof T & string,
  values: readonly string[],
  orderBy: (keyof T & string) | null = null,
): Promise<T[]> {
  if (values.length === 0) return [];
  const metadata = manager.connection.getMetadata(entity);
  const plan = planFor(manager, metadata, column, orderBy);
  const { value } = idList(manager, values);
  const rows = await rowsAsArrays(manager, plan.sql, [value]);
  const driver = manager.connection.driver;
  return rows.map((row) => {
    const instance = metadata.create() as T;
    plan.columns.forEach((columnMetadata, index) => {
      columnMetadata.setEntityValue(
        instance,
        driver.prepareHydratedValue(row[index], columnMetadata),
      );
    });
    return instance;
  });
}

/**
 * Rows of a hand-written SELECT as arrays of column values, `?` placeholders: one statement where
 * the query builder would have taken several or rebuilt its text each time.
 */
export function selectRows(
  manager: EntityManager,
  sql: string,
  parameters: readonly unknown[],
): Promise<unknown[][]> {
  return rowsAsArrays(manager, sql, parameters);
}
