import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Databases, openDatabases } from './data-source';

/** The migrations must build exactly the tables and columns the entities map (no `synchronize`). */
describe('migrations', () => {
  let folder: string;
  let sut: Databases;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'ipt-migrations-'));
    sut = await openDatabases({
      kind: 'sqlite',
      path: join(folder, 'db.sqlite'),
      synchronous: 'FULL',
    });
  });
  afterAll(async () => {
    await sut.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('creates every entity’s table with the same columns and nullability', async () => {
    const runner = sut.writer.createQueryRunner();
    for (const entity of sut.writer.entityMetadatas) {
      const table = await runner.getTable(entity.tableName);
      expect({ entity: entity.name, exists: table !== undefined }).toEqual({
        entity: entity.name,
        exists: true,
      });
      const actual = table!.columns.map((c) => [c.name, c.isNullable]).sort();
      const expected = entity.columns.map((c) => [c.databaseName, c.isNullable]).sort();
      expect({ entity: entity.name, columns: actual }).toEqual({
        entity: entity.name,
        columns: expected,
      });
    }
  });

  it('runs with foreign keys on, WAL journaling and a busy timeout', async () => {
    const pragma = async (name: string) =>
      Object.values((await sut.writer.query(`PRAGMA ${name}`))[0] as object)[0];
    expect(await pragma('foreign_keys')).toBe(1);
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('busy_timeout')).toBe(5000);
  });

  it('records the migration as run, so a second start runs nothing', async () => {
    expect(await sut.writer.showMigrations()).toBe(false);
  });
});
