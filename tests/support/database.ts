import Database from 'better-sqlite3';
import { GENESIS_HASH, eventHash } from 'api/src/events/write.service';

/** Reads the test database directly, the way an auditor would: no API in between. */
export function withDatabase<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

interface EventRow {
  seq: number;
  program_id: string | null;
  issue_id: string | null;
  actor_id: string | null;
  type: string;
  entity_type: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  at: string;
  previous_hash: string;
  hash: string;
}

/** The seq of the first event whose hash does not follow from its content and predecessor, or null. */
export function firstBrokenEvent(file: string): number | null {
  const rows = withDatabase(
    file,
    (db) => db.prepare('SELECT * FROM events ORDER BY seq').all() as EventRow[],
  );
  let previous = GENESIS_HASH;
  for (const row of rows) {
    const expected = eventHash({
      previousHash: previous,
      programId: row.program_id,
      issueId: row.issue_id,
      actorId: row.actor_id,
      type: row.type,
      entityType: row.entity_type,
      entityId: row.entity_id,
      before: row.before === null ? null : JSON.parse(row.before),
      after: row.after === null ? null : JSON.parse(row.after),
      at: new Date(row.at),
    });
    if (row.previous_hash !== previous || row.hash !== expected) return row.seq;
    previous = row.hash;
  }
  return null;
}
