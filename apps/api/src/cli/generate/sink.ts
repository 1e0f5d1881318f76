import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { GENESIS_HASH, eventHash } from '../../events/write.service';

/** A row to insert: column name -> value (instants already ISO text, JSON already text). */
export type Row = Record<string, string | number | null>;

export interface EventInput {
  readonly programId: string | null;
  readonly issueId: string | null;
  readonly actorId: string | null;
  readonly type: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before: Record<string, unknown> | null;
  readonly after: Record<string, unknown> | null;
  readonly at: number;
}

/**
 * Writes rows with prepared statements straight on the better-sqlite3 handle, and events on the
 * same hash chain the API's WriteTransaction keeps (same content, same order of keys), so
 * `firstBrokenEvent` verifies a generated log exactly as it verifies one the API wrote.
 */
export class Sink {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly insertEvent: Database.Statement;
  private lastHash: string;
  readonly counts = new Map<string, number>();
  private eventsWritten = 0;

  constructor(private readonly db: Database.Database) {
    const last = db.prepare('SELECT hash FROM events ORDER BY seq DESC LIMIT 1').get() as
      { hash: string } | undefined;
    this.lastHash = last?.hash ?? GENESIS_HASH;
    this.insertEvent = db.prepare(
      'INSERT INTO events (program_id, issue_id, actor_id, type, entity_type, entity_id, ' +
        'before, after, at, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
  }

  /** Inserts a row; each table is always given the same columns, so one statement serves it. */
  insert(table: string, row: Row): void {
    let statement = this.statements.get(table);
    if (!statement) {
      const columns = Object.keys(row);
      statement = this.db.prepare(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
      );
      this.statements.set(table, statement);
    }
    statement.run(row);
    this.counts.set(table, (this.counts.get(table) ?? 0) + 1);
  }

  update(sql: string, ...params: (string | number | null)[]): void {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    statement.run(params);
  }

  /**
   * Appends an event. The hashed content is `eventHash`'s JSON array, built from the JSON texts
   * that are stored (one stringify per payload instead of two); the first events and then every
   * 10,000th are recomputed with `eventHash` itself.
   */
  event(input: EventInput): void {
    const before = input.before === null ? null : JSON.stringify(input.before);
    const after = input.after === null ? null : JSON.stringify(input.after);
    const at = new Date(input.at).toISOString();
    const content =
      `[${JSON.stringify(this.lastHash)},${JSON.stringify(input.programId)},` +
      `${JSON.stringify(input.issueId)},${JSON.stringify(input.actorId)},` +
      `${JSON.stringify(input.type)},${JSON.stringify(input.entityType)},` +
      `${JSON.stringify(input.entityId)},${before ?? 'null'},${after ?? 'null'},"${at}"]`;
    const hash = createHash('sha256').update(content).digest('hex');
    if (this.eventsWritten < 50 || this.eventsWritten % 10_000 === 0) {
      const expected = eventHash({
        previousHash: this.lastHash,
        programId: input.programId,
        issueId: input.issueId,
        actorId: input.actorId,
        type: input.type,
        entityType: input.entityType,
        entityId: input.entityId,
        before: before === null ? null : JSON.parse(before),
        after: after === null ? null : JSON.parse(after),
        at: new Date(at),
      });
      if (expected !== hash) throw new Error(`Event hash differs from eventHash for ${input.type}`);
    }
    this.insertEvent.run(
      input.programId,
      input.issueId,
      input.actorId,
      input.type,
      input.entityType,
      input.entityId,
      before,
      after,
      at,
      this.lastHash,
      hash,
    );
    this.lastHash = hash;
    this.eventsWritten++;
    this.counts.set('events', (this.counts.get('events') ?? 0) + 1);
  }
}
