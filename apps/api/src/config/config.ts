import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

/**
 * The whole configuration, read once from the environment at start. Every setting has a working
 * default, so `npm start` needs none; a bad value stops the process with a message naming the
 * variable (see ConfigError).
 */
export interface AppConfig {
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseConfig;
  /** When unset, a secret is generated once and kept beside the SQLite file. */
  readonly sessionSecret: string | null;
  readonly sessionTtlHours: number;
  readonly cookieSecure: boolean;
  /**
   * Demo mode: the demo program and its accounts, whose shared password is public. On by default
   * only when bound to a loopback address (nobody else can reach it); elsewhere `IPT_DEMO=true`.
   */
  readonly demo: boolean;
  readonly passwordHashing: { readonly memoryCostKiB: number; readonly timeCost: number };
  readonly production: boolean;
  /** Where the built web app lives; served at `/` when present. */
  readonly webDist: string;
  readonly repositoryRoot: string;
  /** How often the timeliness policy sweep (escalation by policy) runs; 0 turns it off. */
  readonly timelinessSweepSeconds: number;
  /** How often the due-soon / overdue notification sweep runs; 0 turns it off. */
  readonly notificationSweepSeconds: number;
  /** Programs whose current timeliness facts are kept in memory between requests (0: none). */
  readonly timelinessFactsCachePrograms: number;
  /** Redis for live updates across API instances; null: in this process only. */
  readonly redisUrl: string | null;
  /** How long a GraphQL query may run before it is answered UNAVAILABLE; 0: no budget (ADR 0019). */
  readonly requestTimeBudgetMs: number;
}

/**
 * `FULL` syncs the WAL on every commit, so an acknowledged write survives a power loss; `NORMAL`
 * syncs only at checkpoints: faster, and a power loss (not a crash of the process) can drop the
 * last acknowledged writes (ADR 0014).
 */
export type SqliteSynchronous = 'FULL' | 'NORMAL';

export type DatabaseConfig =
  | { readonly kind: 'sqlite'; readonly path: string; readonly synchronous: SqliteSynchronous }
  | { readonly kind: 'postgres'; readonly url: string };

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** The repository root: the nearest folder above `from` that holds nx.json. */
export function findRepositoryRoot(from: string = __dirname): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

export function loadConfig(
  env: Env = process.env,
  repositoryRoot = findRepositoryRoot(),
): AppConfig {
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: text(env, 'HOST', '127.0.0.1'),
    database: databaseUrl(env, repositoryRoot),
    sessionSecret: secret(env),
    sessionTtlHours: integer(env, 'SESSION_TTL_HOURS', 24 * 7, 1, 24 * 365),
    cookieSecure: boolean(env, 'COOKIE_SECURE', false),
    demo: boolean(env, 'IPT_DEMO', isLoopback(text(env, 'HOST', '127.0.0.1'))),
    passwordHashing: {
      memoryCostKiB: integer(env, 'ARGON2_MEMORY_KIB', 19_456, 1024, 4 * 1024 * 1024),
      timeCost: integer(env, 'ARGON2_TIME_COST', 2, 1, 20),
    },
    production: text(env, 'NODE_ENV', 'production') === 'production',
    webDist: join(repositoryRoot, 'apps/web/dist'),
    repositoryRoot,
    timelinessSweepSeconds: integer(env, 'TIMELINESS_SWEEP_SECONDS', 300, 0, 86_400),
    notificationSweepSeconds: integer(env, 'NOTIFICATION_SWEEP_SECONDS', 60, 0, 86_400),
    timelinessFactsCachePrograms: integer(env, 'TIMELINESS_FACTS_CACHE_PROGRAMS', 2, 0, 100),
    redisUrl: redisUrl(env),
    requestTimeBudgetMs: integer(env, 'REQUEST_TIME_BUDGET_MS', 10_000, 0, 600_000),
  };
}

/**
 * Whether `host` is reachable from this machine only: a default that publishes accounts with a
 * known password must not reach a network unasked.
 */
export function isLoopback(host: string): boolean {
  const bare = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

function text(env: Env, name: string, fallback: string): string {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? fallback : value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}, not "${raw}".`);
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes', 'on'].includes(raw)) return true;
  if (['false', '0', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, not "${env[name]}".`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = allowed.find((candidate) => candidate === raw.toUpperCase());
  if (!value) throw new ConfigError(name, `must be one of ${allowed.join(', ')}, not "${raw}".`);
  return value;
}

function redisUrl(env: Env): string | null {
  const raw = env['REDIS_URL']?.trim();
  if (raw === undefined || raw === '') return null;
  if (!/^rediss?:\/\//.test(raw))
    throw new ConfigError('REDIS_URL', `must start with "redis://" or "rediss://", not "${raw}".`);
  return raw;
}

function secret(env: Env): string | null {
  const raw = env['SESSION_SECRET'];
  if (raw === undefined || raw === '') return null;
  if (raw.length < 32) {
    throw new ConfigError(
      'SESSION_SECRET',
      'must be at least 32 characters long (or unset, to have one generated).',
    );
  }
  return raw;
}

function databaseUrl(env: Env, repositoryRoot: string): DatabaseConfig {
  const raw = text(env, 'DATABASE_URL', 'sqlite:data/ipt.sqlite');
  if (raw.startsWith('sqlite:')) {
    const path = raw.slice('sqlite:'.length);
    if (path === '') throw new ConfigError('DATABASE_URL', 'needs a file path after "sqlite:".');
    return {
      kind: 'sqlite',
      path: isAbsolute(path) ? path : join(repositoryRoot, path),
      synchronous: oneOf(env, 'SQLITE_SYNCHRONOUS', ['FULL', 'NORMAL'] as const, 'FULL'),
    };
  }
  if (raw.startsWith('postgres://') || raw.startsWith('postgresql://')) {
    return { kind: 'postgres', url: raw };
  }
  throw new ConfigError(
    'DATABASE_URL',
    `must start with "sqlite:" or "postgres://", not "${raw}".`,
  );
}
