import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningApp, startApp } from 'api/src/bootstrap';
import type { FixedClock } from 'api/src/common/clock';
import { loadConfig } from 'api/src/config/config';
import { ApiClient } from './client';

/**
 * Several API instances on one PostgreSQL database (and, for live updates, one Redis), started in
 * this process as separate Nest apps on their own ports, as a load balancer would see them.
 */

/** One secret for every instance, so a session cookie signed by one is accepted by the others. */
export const SHARED_SESSION_SECRET = 'multi-instance-tests-share-this-session-secret';

export interface Instance {
  readonly name: string;
  readonly running: RunningApp;
  readonly url: string;
  client(): ApiClient;
  /** A client signed in as this demo account, through this instance. */
  as(email: string): Promise<ApiClient>;
  /** GET /health: its HTTP status and body. */
  health(): Promise<{ status: number; body: HealthBody }>;
  stop(): Promise<void>;
}

export interface HealthBody {
  status: string;
  problems: Record<string, { reason: string; since: string } | undefined>;
}

export interface InstanceOptions {
  readonly databaseUrl: string;
  readonly clock: FixedClock;
  readonly redisUrl?: string;
  readonly env?: Record<string, string>;
}

/**
 * Starts one instance. The first one on a new database migrates it and loads the demo program;
 * start the others only once it is up, as a deployment would (each would otherwise try to load
 * the demo into the database the other is loading it into).
 */
export async function startInstance(name: string, options: InstanceOptions): Promise<Instance> {
  const config = loadConfig({
    DATABASE_URL: options.databaseUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    IPT_DEMO: 'true',
    SESSION_SECRET: SHARED_SESSION_SECRET,
    ARGON2_MEMORY_KIB: '1024',
    ARGON2_TIME_COST: '1',
    NODE_ENV: 'test',
    // Tests run the sweeps on demand, at instants they choose.
    TIMELINESS_SWEEP_SECONDS: '0',
    NOTIFICATION_SWEEP_SECONDS: '0',
    TIMELINESS_FACTS_CACHE_PROGRAMS: '0',
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    ...options.env,
  });
  const running = await startApp({ config, clock: options.clock, logger: false });
  let stopped: Promise<void> | null = null;
  return {
    name,
    running,
    url: running.url,
    client: () => new ApiClient(running.url),
    async as(email: string) {
      const client = new ApiClient(running.url);
      await client.login(email);
      return client;
    },
    async health() {
      const response = await fetch(`${running.url}/health`);
      return { status: response.status, body: (await response.json()) as HealthBody };
    },
    /** Stops it (once: a test may stop an instance before the suite's clean-up does). */
    stop: () => (stopped ??= running.close()),
  };
}

/** A client for `url` that presents a session cookie obtained elsewhere (another instance). */
export function withCookie(url: string, cookie: string | null): ApiClient {
  const client = new ApiClient(url);
  // The cookie a browser would send to whichever instance the load balancer picks.
  Object.assign(client, { cookie });
  return client;
}

/**
 * A redis-server of the test's own on a free loopback port, without persistence, so a test can
 * kill it and start it again without disturbing anyone else's Redis. A watchdog shell ends it
 * should this process die first.
 */
export interface PrivateRedis {
  readonly url: string;
  readonly port: number;
  /** Kills it at once (SIGKILL), as a crash or a lost host would. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: it keeps nothing). */
  restart(): Promise<void>;
  /** Stops it for good and removes its folder. */
  stop(): Promise<void>;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const folder = mkdtempSync(join(tmpdir(), 'ipt-redis-'));
  let server: ChildProcess | null = await launchRedis(port, folder);
  const kill = async () => {
    const running = server;
    server = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    async restart() {
      await kill();
      server = await launchRedis(port, folder);
    },
    async stop() {
      await kill();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

async function launchRedis(port: number, folder: string): Promise<ChildProcess> {
  const server = spawn(
    'redis-server',
    [
      ...['--port', String(port), '--bind', '127.0.0.1', '--dir', folder],
      ...['--save', '', '--appendonly', 'no', '--daemonize', 'no', '--loglevel', 'warning'],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const watchdog = spawn(
    'sh',
    [
      '-c',
      `while kill -0 ${process.pid} 2>/dev/null && kill -0 ${server.pid} 2>/dev/null; do sleep 1; done; kill -9 ${server.pid} 2>/dev/null`,
    ],
    { detached: true, stdio: 'ignore' },
  );
  watchdog.unref();
  let output = '';
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const started = process.hrtime.bigint();
    const check = async () => {
      if (server.exitCode !== null) return reject(new Error(`redis-server exited: ${output}`));
      if (await answersPing(port)) return resolve();
      if (Number(process.hrtime.bigint() - started) / 1e6 > 10_000)
        return reject(new Error(`redis-server did not start: ${output}`));
      setTimeout(() => void check(), 50);
    };
    void check();
  });
  return server;
}

/** Whether a Redis on this port answers PING (plain RESP over a socket: no client library). */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.setTimeout(500, () => socket.destroy());
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('close', () => resolve(false));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Polls a condition until it holds, or fails after `timeoutMs` naming what it waited for. */
export function waitUntil(condition: () => boolean, timeoutMs: number, what: string) {
  return eventually(() => Promise.resolve(condition()), timeoutMs, what);
}

/** Polls an async condition until it holds, or fails after `timeoutMs`. */
export async function eventually(
  condition: () => Promise<boolean>,
  timeoutMs = 10_000,
  what = 'a condition',
): Promise<void> {
  const started = process.hrtime.bigint();
  for (;;) {
    if (await condition()) return;
    if (Number(process.hrtime.bigint() - started) / 1e6 > timeoutMs)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
