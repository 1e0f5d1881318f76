import type { DataSourceExtras } from 'api/src/database/data-source';

type Logger = NonNullable<DataSourceExtras['logger']>;

/**
 * A TypeORM logger that keeps every SQL statement the app runs, on the writer and the reader
 * connection alike; pass it as `startTestApp({ databaseLogger })`.
 */
export class StatementLog implements Logger {
  private readonly statements: string[] = [];

  logQuery(query: string): void {
    this.statements.push(query);
  }

  logQueryError(): void {}

  logQuerySlow(): void {}

  logSchemaBuild(): void {}

  logMigration(): void {}

  log(): void {}

  /** The statements run while `work` ran (nothing else may use the app meanwhile). */
  async during<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    const start = this.statements.length;
    const result = await work();
    return { result, statements: this.statements.slice(start) };
  }

  /** Forgets what was logged so far (after building test data). */
  clear(): void {
    this.statements.length = 0;
  }
}
