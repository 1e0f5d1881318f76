// npm run load: 100 concurrent clients for 60 s against the built app on loopback, 90% reads of
// the main screens' own operations (taken from the web app's source, so they are exactly what a
// browser sends) and 10% writes, as several people. Prints requests/s and p50/p95/p99 per
// operation and every error, then stops the app it started. Figures go in docs/benchmarks.md.
//   LOAD_CLIENTS (100), LOAD_SECONDS (60)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 100);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const PEOPLE = ['pm', 'lead', 'engineering', 'test', 'cost', 'contracting', 'logistics'];

/** The GraphQL document the web app defines in `file` (its one `graphql(`...`)` literal). */
function webOperation(file) {
  const source = readFileSync(join(ROOT, 'apps/web/src/features', file), 'utf8');
  const match = /graphql\(`([\s\S]*?)`\)/.exec(source);
  if (!match) throw new Error(`No GraphQL document in ${file}`);
  return match[1];
}

async function startApi(folder) {
  const child = spawn(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: `sqlite:${join(folder, 'ipt.sqlite')}`,
      ARGON2_MEMORY_KIB: '1024',
      ARGON2_TIME_COST: '1',
      TIMELINESS_SWEEP_SECONDS: '0',
      NOTIFICATION_SWEEP_SECONDS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The API did not start:\n${output}`)), 60_000);
    child.stdout.on('data', () => {
      const found = /running at (http:\/\/[^\s/]+)\//.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`The API exited (${code}):\n${output}`)));
  });
  return { child, url };
}

class Person {
  constructor(url) {
    this.url = url;
    this.cookie = '';
  }
  async send(query, variables, headers = {}) {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: this.cookie, ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const cookie = response.headers.get('set-cookie');
    if (cookie) this.cookie = cookie.split(';')[0];
    return { status: response.status, body: await response.json() };
  }
}

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
  const folder = mkdtempSync(join(tmpdir(), 'ipt-load-'));
  const { child, url } = await startApi(folder);
  try {
    const operations = {
      tracker: webOperation('issues/api/get-issues.ts'),
      issue: webOperation('issue/api/get-issue.ts'),
      inbox: webOperation('inbox/api/get-my-inbox.ts'),
      queue: webOperation('queue/api/get-my-decision-queue.ts'),
      decisionLog: webOperation('decision-log/api/get-decisions.ts'),
      dashboard: webOperation('dashboard/api/get-timeliness.ts'),
      comment: webOperation('issue/api/comment-on-issue.ts'),
    };
    const people = [];
    for (const name of PEOPLE) {
      const person = new Person(url);
      const { body } = await person.send(
        'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { id } }',
        { email: `${name}@example.com`, password: 'ipt-demo-pass' },
      );
      if (!body.data) throw new Error(`Sign-in as ${name} failed: ${JSON.stringify(body.errors)}`);
      people.push(person);
    }
    const keys = Array.from({ length: 24 }, (_, n) => `HX-${n + 1}`);
    const reads = [
      ['tracker', () => ({ programKey: 'HX', first: 50 })],
      ['issue', () => ({ key: keys[Math.floor(Math.random() * keys.length)] })],
      ['inbox', () => ({})],
      ['queue', () => ({})],
      ['decisionLog', () => ({ first: 50, programKey: 'HX' })],
      ['dashboard', () => ({ programKey: 'HX' })],
    ];
    const samples = new Map();
    const errors = new Map();
    const record = (name, ms, problem) => {
      if (!samples.has(name)) samples.set(name, []);
      samples.get(name).push(ms);
      if (problem) errors.set(`${name}: ${problem}`, (errors.get(`${name}: ${problem}`) ?? 0) + 1);
    };
    const deadline = performance.now() + SECONDS * 1000;
    let written = 0;
    const client = async (n) => {
      const person = people[n % people.length];
      while (performance.now() < deadline) {
        const write = Math.random() < 0.1;
        const [name, variables] = write
          ? [
              'comment',
              () => ({
                input: {
                  issueKey: keys[Math.floor(Math.random() * 12)],
                  body: `Load note ${written++}`,
                },
              }),
            ]
          : reads[Math.floor(Math.random() * reads.length)];
        const started = performance.now();
        try {
          const { status, body } = await person.send(operations[name], variables());
          const code = body.errors?.[0]?.extensions?.code;
          // FORBIDDEN/ILLEGAL_TRANSITION answers are the app's rules at work (a representative
          // commenting on a closed issue), not failures of the server.
          const problem =
            status >= 500 || code === 'INTERNAL_SERVER_ERROR' || code === 'UNAVAILABLE'
              ? `${status} ${code ?? ''}`.trim()
              : null;
          record(name, performance.now() - started, problem);
        } catch (error) {
          record(name, performance.now() - started, String(error));
        }
      }
    };
    const began = performance.now();
    await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
    const elapsed = (performance.now() - began) / 1000;

    console.log(
      `\n${CLIENTS} clients for ${elapsed.toFixed(1)} s on ${url} (demo program, SQLite)\n`,
    );
    console.log('operation     requests   req/s    p50 ms   p95 ms   p99 ms');
    let total = 0;
    for (const [name, values] of [...samples].sort()) {
      const sorted = [...values].sort((a, b) => a - b);
      total += sorted.length;
      console.log(
        `${name.padEnd(12)} ${String(sorted.length).padStart(9)} ${(sorted.length / elapsed).toFixed(1).padStart(7)}` +
          ` ${percentile(sorted, 50).toFixed(0).padStart(8)} ${percentile(sorted, 95).toFixed(0).padStart(8)}` +
          ` ${percentile(sorted, 99).toFixed(0).padStart(8)}`,
      );
    }
    console.log(
      `${'all'.padEnd(12)} ${String(total).padStart(9)} ${(total / elapsed).toFixed(1).padStart(7)}`,
    );
    console.log(errors.size === 0 ? '\nErrors: none' : '\nErrors:');
    for (const [what, count] of errors) console.log(`  ${count} × ${what}`);
    process.exitCode = errors.size === 0 ? 0 : 1;
  } finally {
    child.kill('SIGTERM');
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
