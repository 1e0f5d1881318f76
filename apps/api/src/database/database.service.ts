import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEntity } from '../events/event.entity';
import { WriteContext, WriteTransaction } from '../events/write.service';
import type { Databases } from './data-source';

export const DATABASES = Symbol('Databases');

/**
 * The one way into the database. Reads go through `reader` (committed data only); every change
 * goes through `write`, which runs it in one transaction together with its events.
 *
 * Writes are serialized in this process (ADR 0004): TypeORM's better-sqlite3 driver shares one
 * connection, so two transactions in flight at once would nest as savepoints and a failing outer
 * one would silently undo an inner one that had already reported success.
 */
@Injectable()
export class DatabaseService implements OnApplicationShutdown {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly listeners: ((events: readonly EventEntity[]) => void)[] = [];
  private readonly beforeCommitHooks: ((tx: WriteTransaction) => Promise<void>)[] = [];

  constructor(@Inject(DATABASES) private readonly databases: Databases) {}

  get reader(): EntityManager {
    return this.databases.reader.manager;
  }

  get isPostgres(): boolean {
    return this.databases.writer.options.type === 'postgres';
  }

  write<T>(context: WriteContext, work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    const result = this.tail.then(async () => {
      let committed: EventEntity[] = [];
      const value = await this.databases.writer.transaction(async (manager) => {
        const tx = new WriteTransaction(manager, context);
        const outcome = await work(tx);
        for (const hook of this.beforeCommitHooks) await hook(tx);
        committed = tx.recorded;
        return outcome;
      });
      // Only after COMMIT: a listener must never announce a change that was rolled back.
      for (const listener of this.listeners) listener(committed);
      return value;
    });
    // The queue goes on whether this write succeeded or not.
    this.tail = result.catch(() => undefined);
    return result;
  }

  /**
   * Runs at the end of every write, inside its transaction, after its work and before COMMIT:
   * for what must change with the write or not at all (roll-ups of what the write changed).
   */
  beforeCommit(hook: (tx: WriteTransaction) => Promise<void>): void {
    this.beforeCommitHooks.push(hook);
  }

  /** Hears the events of every committed write (live updates in the web app). */
  onCommit(listener: (events: readonly EventEntity[]) => void): void {
    this.listeners.push(listener);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.tail;
    await this.databases.close();
  }
}
