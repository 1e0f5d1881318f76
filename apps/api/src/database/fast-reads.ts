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
  orderBy: readonly string[],
): Plan {
  const key = `${column}|${orderBy.join(',')}`;
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
    (orderBy.length > 0
      ? ` ORDER BY ${orderBy.map((property) => `${columnName(property)} ASC`).join(', ')}`
      : '');
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
 * The rows of `entity` whose `column` is one of `values`, ordered by the `orderBy` columns when
 * given, as entities.
 */
export async function findWhereIn<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  column: keyof T & string,
  values: readonly string[],
  orderBy: OrderBy<T> = [],
): Promise<T[]> {
  if (values.length === 0) return [];
  const metadata = manager.connection.getMetadata(entity);
  const plan = planFor(
    manager,
    metadata,
    column,
    typeof orderBy === 'string' ? [orderBy] : orderBy,
  );
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

/** A column to order by, or several (the later ones break ties of the earlier). */
export type OrderBy<T> = (keyof T & string) | readonly (keyof T & string)[];

/** One kind of row in a tagged read: the rows of `entity` whose `column` is one of `values`. */
export interface TaggedPart<T extends ObjectLiteral = ObjectLiteral> {
  readonly tag: string;
  readonly entity: EntityTarget<T>;
  readonly column: keyof T & string;
  readonly values: readonly string[];
  readonly orderBy?: OrderBy<T>;
  /**
   * Instead of `values`: a sub-select of the values, with one `?` bound to `parameter`
   * (e.g. the members of a team: users whose id is in `SELECT user_id FROM memberships ...`).
   */
  readonly within?: { readonly sql: string; readonly parameter: unknown };
  /**
   * Only the last `latest` rows by `orderBy` (whose first column must then be unique, e.g. an
   * event's seq): an issue's page shows its newest events, not the thousands before them.
   */
  readonly latest?: number;
}

/** How many rows of `entity` have `column` equal to `value`: answered beside a tagged read. */
export interface TaggedCount<T extends ObjectLiteral = ObjectLiteral> {
  readonly tag: string;
  readonly entity: EntityTarget<T>;
  readonly column: keyof T & string;
  readonly value: string;
}

/**
 * Rows of several entities in ONE statement: a `UNION ALL` of one SELECT per part, each row as a
 * JSON object of its columns, hydrated exactly as `findWhereIn` hydrates (the same driver value
 * conversion: SQLite's 0/1 booleans, column transformers). A screen that shows an issue with all
 * its records reads them in one round trip instead of one per relation (ADR 0024). Each part's
 * rows come ordered by its `orderBy`, as `findWhereIn` orders them (NULLs where each database
 * puts them: first on SQLite, last on PostgreSQL; ties as read).
 */
export async function findTagged(
  manager: EntityManager,
  parts: readonly TaggedPart[],
  counts: readonly TaggedCount[] = [],
): Promise<Map<string, ObjectLiteral[]>> {
  const found = new Map<string, ObjectLiteral[]>(parts.map((part) => [part.tag, []]));
  const asked = parts.filter((part) => part.within || part.values.length > 0);
  if (asked.length === 0 && counts.length === 0) return found;
  const postgres = manager.connection.options.type === 'postgres';
  const objectOf = postgres ? 'json_build_object' : 'json_object';
  const metadataOf = new Map<string, EntityMetadata>();
  const selects: string[] = [];
  const parameters: unknown[] = [];
  for (const part of asked) {
    const metadata = manager.connection.getMetadata(part.entity);
    metadataOf.set(part.tag, metadata);
    const column = metadata.findColumnWithPropertyName(part.column);
    if (!column) throw new Error(`${metadata.name} has no column ${part.column}`);
    const pairs = metadata.columns
      .map((c) => `'${c.databaseName}', t.${quote(manager, c.databaseName)}`)
      .join(', ');
    const list = part.within
      ? { sql: part.within.sql, value: part.within.parameter }
      : idList(manager, part.values);
    parameters.push(list.value);
    const table = quote(manager, metadata.tableName);
    const where = `${quote(manager, column.databaseName)} IN (${list.sql})`;
    let latest = '';
    if (part.latest !== undefined) {
      const first = typeof part.orderBy === 'string' ? part.orderBy : part.orderBy?.[0];
      const key = first && metadata.findColumnWithPropertyName(first)?.databaseName;
      if (!key) throw new Error(`${metadata.name}: "latest" needs an orderBy column`);
      // A sub-select, so that the LIMIT binds to this part alone inside the UNION ALL.
      latest =
        ` AND t.${quote(manager, key)} IN (SELECT l.${quote(manager, key)} FROM ${table} l ` +
        `WHERE l.${where} ORDER BY l.${quote(manager, key)} DESC LIMIT ${Math.floor(part.latest)})`;
      parameters.push(list.value);
    }
    selects.push(
      `SELECT '${part.tag}' AS tag, ${objectOf}(${pairs}) AS row ` +
        `FROM ${table} t WHERE t.${where}${latest}`,
    );
  }
  for (const count of counts) {
    const metadata = manager.connection.getMetadata(count.entity);
    const column = metadata.findColumnWithPropertyName(count.column);
    if (!column) throw new Error(`${metadata.name} has no column ${count.column}`);
    parameters.push(count.value);
    selects.push(
      `SELECT '${count.tag}' AS tag, ${objectOf}('n', COUNT(*)) AS row ` +
        `FROM ${quote(manager, metadata.tableName)} t ` +
        `WHERE t.${quote(manager, column.databaseName)} = ?`,
    );
  }
  const rows = await rowsAsArrays(manager, selects.join(' UNION ALL '), parameters);
  const raw = new Map<string, Record<string, unknown>[]>();
  for (const [tag, row] of rows) {
    const values = (typeof row === 'string' ? JSON.parse(row) : row) as Record<string, unknown>;
    const list = raw.get(String(tag)) ?? [];
    list.push(values);
    raw.set(String(tag), list);
  }
  for (const count of counts) {
    found.set(count.tag, raw.get(count.tag) ?? [{ n: 0 }]);
  }
  const driver = manager.connection.driver;
  for (const part of asked) {
    const metadata = metadataOf.get(part.tag) as EntityMetadata;
    const list = raw.get(part.tag) ?? [];
    if (part.orderBy) {
      const by = (typeof part.orderBy === 'string' ? [part.orderBy] : part.orderBy).map(
        (property) => {
          const found = metadata.findColumnWithPropertyName(property)?.databaseName;
          if (!found) throw new Error(`${metadata.name} has no column ${property}`);
          return found;
        },
      );
      // A stable sort: ties keep the order the database read them in, as its own sort does.
      list.sort((a, b) =>
        by.reduce((found, column) => found || compareStored(a[column], b[column], postgres), 0),
      );
    }
    found.set(
      part.tag,
      list.map((values) => {
        const instance = metadata.create() as ObjectLiteral;
        for (const column of metadata.columns) {
          column.setEntityValue(
            instance,
            driver.prepareHydratedValue(values[column.databaseName] ?? null, column),
          );
        }
        return instance;
      }),
    );
  }
  return found;
}

/** Stored values in ascending order as the database orders them (text as bytes, ADR 0003). */
function compareStored(a: unknown, b: unknown, nullsLast: boolean): number {
  if (a === null || a === undefined || b === null || b === undefined) {
    const aNull = a === null || a === undefined;
    const bNull = b === null || b === undefined;
    if (aNull === bNull) return 0;
    return aNull === nullsLast ? 1 : -1;
  }
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}
