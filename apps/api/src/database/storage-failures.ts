/**
 * What a failed statement or COMMIT says about the storage, read from the driver's error codes
 * (better-sqlite3's `SQLITE_*`, PostgreSQL's SQLSTATE, Node's socket errors). Anything not
 * recognised here is a bug in the app, not a storage failure, and is reported as such.
 */
export interface StorageFailure {
  /** In plain words, for /health and the log. */
  readonly reason: string;
  /** A transient refusal (deadlock, serialization failure) that another attempt usually passes. */
  readonly retry: boolean;
  /** The storage is not taking writes: /health answers 503 until a write succeeds. */
  readonly unhealthy: boolean;
  /** A uniqueness rule stopped the change: another change got there first (CONFLICT). */
  readonly conflict?: string;
}

const SAME_MOMENT =
  'Another change to the same record was saved at the same moment; reload it and try again.';

interface DriverError {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly driverError?: unknown;
}

export function classifyStorageFailure(error: unknown): StorageFailure | null {
  const driverError = (error as DriverError | null)?.driverError ?? error;
  if (typeof driverError !== 'object' || driverError === null) return null;
  const { code, message } = driverError as DriverError;
  const text = typeof message === 'string' ? message : '';
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return sqliteFailure(code);
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return postgresFailure(code);
  if (typeof code === 'string' && NETWORK_CODES.has(code))
    return { reason: `the database connection failed (${code})`, retry: false, unhealthy: true };
  if (/database connection is not open|Connection terminated|connection error/i.test(text))
    return { reason: 'the database connection was lost', retry: false, unhealthy: true };
  return null;
}

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

function sqliteFailure(code: string): StorageFailure | null {
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return {
      reason: 'the database stayed busy past the wait limit',
      retry: false,
      unhealthy: false,
    };
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
    return { reason: 'a uniqueness rule', retry: false, unhealthy: false, conflict: SAME_MOMENT };
  if (code === 'SQLITE_FULL') return { reason: 'the disk is full', retry: false, unhealthy: true };
  if (code.startsWith('SQLITE_IOERR'))
    return { reason: `a disk I/O error (${code})`, retry: false, unhealthy: true };
  if (
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_CORRUPT') ||
    ['SQLITE_NOTADB', 'SQLITE_NOMEM', 'SQLITE_PROTOCOL', 'SQLITE_PERM'].includes(code)
  )
    return {
      reason: `the database file cannot be written (${code})`,
      retry: false,
      unhealthy: true,
    };
  return null;
}

function postgresFailure(sqlState: string): StorageFailure | null {
  if (sqlState === '40P01' || sqlState === '40001')
    return { reason: 'a deadlock or serialization failure', retry: true, unhealthy: false };
  if (sqlState === '23505')
    return { reason: 'a uniqueness rule', retry: false, unhealthy: false, conflict: SAME_MOMENT };
  if (sqlState === '55P03' || sqlState === '57014')
    return {
      reason: 'the database stayed busy past the wait limit',
      retry: false,
      unhealthy: false,
    };
  const sqlClass = sqlState.slice(0, 2);
  // 08: connection exceptions; 53: insufficient resources (disk full); 57P0x: server shutting
  // down; 58: system errors (I/O); 25006: a read-only transaction (a standby took over).
  if (['08', '53', '58'].includes(sqlClass) || /^57P0/.test(sqlState) || sqlState === '25006')
    return {
      reason: `the database refused writes (SQLSTATE ${sqlState})`,
      retry: false,
      unhealthy: true,
    };
  return null;
}
