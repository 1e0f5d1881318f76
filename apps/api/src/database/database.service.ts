import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { DomainError, ErrorCode, unavailable } from '@ipt/domain';
import type BetterSqlite3 from 'better-sqlite3';
import { GraphQLError } from 'graphql';
import { EntityManager, QueryRunner } from 'typeorm';
import { CLOCK, type Clock } from '../common/clock';
import { EventEntity } from '../events/event.entity';
import { IssueNote, WriteContext, WriteTransaction } from '../events/write.service';
import { HealthService } from '../health/health.service';
import { type Databases, useImmediateTransactions } from './data-source';
import { type StorageFailure, classifyStorageFailure } from './storage-failures';

export const DATABASES = Symbol('Databases');

/**
 * Test-only fault injection (never set by the app itself). `atCommit` runs inside the write
 * transaction right before COMMIT: throwing from it is a COMMIT that failed with the transaction
 * still open, as a full disk, an I/O error or a lost connection leave it.
 */
export interface DatabaseFaults {
  atCommit?(runner: QueryRunner): Promise<void> | void;
}

/** Transient PostgreSQL refusals worth another go: the next attempt usually just works. */
const MAX_ATTEMPTS = 4;

/** Every write on PostgreSQL takes this transaction-scoped advisory lock first (ADR 0014). */
export const WRITE_LOCK_KEY = 7_340_001;

/** Held (per session) while an instance decides whether to load the demo, and loads it. */
export const DEMO_LOAD_LOCK_KEY = 7_340_003;

/** While writes fail, /health tries a harmless write at most this often. */
const PROBE_INTERVAL_MS = 5_000;

/**
 * The one way into the database. Reads go through `reader` (committed data only); every change
 * goes through `write`, which runs it in one transaction together with its events and either
 * commits it or leaves nothing of it (ADR 0014).
 *
 * Writes are serialized in this process (ADR 0004): TypeORM's better-sqlite3 driver shares one
 * connection, so two transactions in flight at once would nest as savepoints and a failing outer
 * one would silently undo an inner one that had already reported success. Across processes,
 * SQLite's write lock (BEGIN IMMEDIATE) and PostgreSQL's advisory lock do the same.
 */
@Injectable()
export class DatabaseService implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private tail: Promise<unknown> = Promise.resolve();
  private readonly listeners: CommitListener[] = [];
  private readonly beforeCommitHooks: ((tx: WriteTransaction) => Promise<void>)[] = [];
  private lastFailureAt = 0;
  private lastProbeAt = 0;

  constructor(
    @Inject(DATABASES) private readonly databases: Databases,
    private readonly health: HealthService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  get reader(): EntityManager {
    return this.databases.reader.manager;
  }

  get isPostgres(): boolean {
    return this.databases.writer.options.type === 'postgres';
  }

  /**
   * Runs `work` in one write transaction and commits it, or, on any error anywhere (a statement,
   * a hook, COMMIT itself), rolls all of it back, leaves the writer clean and throws: a
   * `DomainError` as it was, a failure of the storage as UNAVAILABLE. Only a committed write
   * resolves. `work` may run more than once (PostgreSQL deadlocks and serialization failures are
   * retried), so it must do nothing outside the transaction.
   */
  write<T>(context: WriteContext, work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    const result = this.tail.then(() => this.writeWithRetries(context, work));
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

  /**
   * Hears the events of every committed write (live updates, notifications), with what the write
   * knew of the issues it changed and of its actor.
   */
  onCommit(listener: CommitListener): void {
    this.listeners.push(listener);
  }

  /**
   * While writes are failing, tries one harmless write (at most every few seconds, and not right
   * after a failure) so that health comes back by itself once the storage takes writes again.
   */
  async probeWrites(): Promise<void> {
    const at = this.clock.now();
    const now = at.getTime();
    if (now - this.lastFailureAt < PROBE_INTERVAL_MS || now - this.lastProbeAt < PROBE_INTERVAL_MS)
      return;
    this.lastProbeAt = now;
    await this.write({ actorId: null, at }, async (tx) => {
      await tx.manager.query(`UPDATE write_probe SET probed_at = ${tx.parameter(1)} WHERE id = 1`, [
        at.toISOString(),
      ]);
    }).catch(() => undefined);
  }

  /**
   * Runs `work` while no other instance on this PostgreSQL database runs work under the same
   * name (a session advisory lock on a connection of its own): for start-up steps that check and
   * then write in several transactions, such as loading the demo into a new database. On SQLite,
   * as is (one process loads the demo; another started at once finds the file locked).
   */
  async exclusively<T>(lockKey: number, work: () => Promise<T>): Promise<T> {
    if (!this.isPostgres) return work();
    const lock = this.databases.writer.createQueryRunner();
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [lockKey]);
      return await work();
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [lockKey]).catch(() => undefined);
      await lock.release();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.tail;
    await this.databases.close();
  }

  private async writeWithRetries<T>(
    context: WriteContext,
    work: (tx: WriteTransaction) => Promise<T>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        const { value, events, issues } = await this.attempt(context, work);
        this.health.report('writes', null, this.clock.now());
        // Only after COMMIT: a listener must never announce a change that was rolled back.
        const known = { issues, actorName: context.actorName ?? null };
        for (const listener of this.listeners) this.announce(listener, events, known);
        return value;
      } catch (error) {
        const failure = failureOf(error);
        if (failure?.retry && attempt < MAX_ATTEMPTS) {
          await pause(10 * 2 ** attempt * (0.5 + Math.random()));
          continue;
        }
        throw this.answerFor(error, failure);
      }
    }
  }

  private async attempt<T>(
    context: WriteContext,
    work: (tx: WriteTransaction) => Promise<T>,
  ): Promise<{ value: T; events: EventEntity[]; issues: ReadonlyMap<string, IssueNote> }> {
    const writer = this.databases.writer;
    const runner = writer.createQueryRunner();
    const postgres = this.isPostgres;
    let phase: 'work' | 'commit' = 'work';
    try {
      await runner.startTransaction();
      if (postgres) await runner.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK_KEY]);
      const tx = new WriteTransaction(runner.manager, context, postgres ? 'postgres' : 'sqlite');
      const value = await work(tx);
      for (const hook of this.beforeCommitHooks) await hook(tx);
      phase = 'commit';
      await this.databases.faults?.atCommit?.(runner);
      await runner.commitTransaction();
      return { value, events: tx.recorded, issues: tx.issues };
    } catch (error) {
      await this.abandon(runner, error);
      throw phase === 'commit' ? new CommitFailed(error) : error;
    } finally {
      if (postgres) await runner.release();
    }
  }

  /** Rolls back whatever is left of a failed transaction, and reopens the writer if in doubt. */
  private async abandon(runner: QueryRunner, error: unknown): Promise<void> {
    if (this.isPostgres) {
      try {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
      } catch {
        // The connection is gone or unusable: hand it back as broken so the pool drops it.
        const pg = runner as QueryRunner & { releasePostgresConnection?(err: unknown): unknown };
        await pg.releasePostgresConnection?.(error);
      }
      return;
    }
    // better-sqlite3: one shared connection. SQLite may already have rolled back by itself (a
    // full disk does), or may still hold the transaction open (a failed COMMIT can).
    const raw = (
      this.databases.writer.driver as unknown as { databaseConnection: BetterSqlite3.Database }
    ).databaseConnection;
    try {
      if (raw.inTransaction) raw.exec('ROLLBACK');
    } catch (rollbackError) {
      this.logger.warn(`ROLLBACK failed: ${String(rollbackError)}`);
    }
    // TypeORM's idea of the transaction must start from zero again, or the next write would be
    // a savepoint inside a transaction that never commits.
    Object.assign(runner, { isTransactionActive: false, transactionDepth: 0 });
    if (raw.inTransaction || !raw.open) await this.reopenWriter();
  }

  private async reopenWriter(): Promise<void> {
    this.logger.warn('Reopening the SQLite writer connection after a failed transaction');
    const writer = this.databases.writer;
    try {
      if (writer.isInitialized) await writer.destroy();
    } catch {
      // Closing a broken connection may fail too; a new one is opened regardless.
    }
    await writer.initialize();
    useImmediateTransactions(writer);
  }

  /** What the client hears of a failed write; storage failures also mark the app unhealthy. */
  private answerFor(error: unknown, failure: StorageFailure | null): unknown {
    const cause = error instanceof CommitFailed ? error.cause : error;
    if (cause instanceof DomainError || cause instanceof GraphQLError) {
      if (error instanceof CommitFailed) return unavailable('commit failed');
      return cause;
    }
    if (failure?.conflict) return new DomainError(ErrorCode.CONFLICT, failure.conflict);
    if (failure || error instanceof CommitFailed) {
      const reason = failure?.reason ?? `COMMIT failed: ${describe(cause)}`;
      this.logger.error(`A write was not saved: ${reason}`);
      if (!failure || failure.unhealthy) {
        const at = this.clock.now();
        this.lastFailureAt = at.getTime();
        this.health.report('writes', reason, at);
      }
      return unavailable(failure?.retry ? 'busy' : reason);
    }
    return cause;
  }

  private announce(listener: CommitListener, events: EventEntity[], known: CommittedFacts) {
    try {
      listener(events, known);
    } catch (error) {
      // The write is committed and acknowledged; a listener's failure must not undo that answer.
      this.logger.error(`A commit listener failed: ${describe(error)}`);
    }
  }
}

/** What a committed write knew, beside its events: the issues it changed, its actor's name. */
export interface CommittedFacts {
  readonly issues: ReadonlyMap<string, IssueNote>;
  readonly actorName: string | null;
}

export type CommitListener = (events: readonly EventEntity[], known: CommittedFacts) => void;

/** An error thrown by COMMIT (or by the fault injected there): the write is not saved. */
class CommitFailed extends Error {
  constructor(override readonly cause: unknown) {
    super(`COMMIT failed: ${describe(cause)}`);
  }
}

function failureOf(error: unknown): StorageFailure | null {
  return classifyStorageFailure(error instanceof CommitFailed ? error.cause : error);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
