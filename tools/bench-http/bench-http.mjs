// npm run bench:http: the product's main HTTP paths against floors written by hand, in one run.
// Starts the built API (loopback, a temp copy of the data), captures each read's response, starts
// two floors (floor-server.mjs: bare node:http serving those bytes, and better-sqlite3 + node:http
// computing the same JSON), checks the SQL floor's JSON equals the product's (clock-derived fields
// aside), then runs autocannon on product, SQL floor and bare floor back to back per path, in
// rounds, and prints medians. Writes (comment, recommendation, decision) are measured against a
// raw durable write: a comment row and its hash-chained event in one transaction, same PRAGMAs.
// Everything binds 127.0.0.1, stops by itself and removes its temp dirs.
//   BENCH_SECONDS (8)  seconds per measurement      BENCH_ROUNDS (3)  rounds (medians of them)
//   BENCH_CONNECTIONS (20)                            BENCH_DATASETS (demo) e.g. demo,100k
//   BENCH_100K_FILE (<tmpdir>/ipt-bench-http/gen-100000.sqlite): generated once, then reused
//   SQLITE_SYNCHRONOUS (FULL): passed to the product and used by the raw write
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

const ROOT = join(import.meta.dirname, '../..');
// Where the built API and libs/domain come from: this tree, or a clean build of a commit (a copy
// made with `git archive`) when other work in progress in this tree breaks or changes the build.
const PRODUCT = process.env.BENCH_PRODUCT_ROOT ?? ROOT;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const DATASETS = (process.env.BENCH_DATASETS ?? 'demo').split(',').map((s) => s.trim());
const SYNCHRONOUS = (process.env.SQLITE_SYNCHRONOUS ?? 'FULL').toUpperCase();
const GENERATED = process.env.BENCH_100K_FILE ?? join(tmpdir(), 'ipt-bench-http/gen-100000.sqlite');
const TARGET = 0.5;

const children = new Set();
const folders = new Set();
function cleanUp() {
  for (const child of children) child.kill('SIGTERM');
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
}
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    cleanUp();
    process.exit(130);
  });

/** The GraphQL document the web app defines in `file` (its one `graphql(`...`)` literal). */
function webOperation(file) {
  const source = readFileSync(join(ROOT, 'apps/web/src/features', file), 'utf8');
  const match = /graphql\(`([\s\S]*?)`\)/.exec(source);
  if (!match) throw new Error(`No GraphQL document in ${file}`);
  return match[1];
}
const OPERATIONS = {
  tracker: webOperation('issues/api/get-issues.ts'),
  issue: webOperation('issue/api/get-issue.ts'),
  decisionLog: webOperation('decision-log/api/get-decisions.ts'),
  inbox: webOperation('inbox/api/get-my-inbox.ts'),
  queue: webOperation('queue/api/get-my-decision-queue.ts'),
  comment: webOperation('issue/api/comment-on-issue.ts'),
  recommendation: webOperation('issue/api/submit-recommendation.ts'),
  decision: webOperation('issue/api/record-decision.ts'),
};

function startChild(args, env, pattern, what) {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const found = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start:\n${output}`)), 120_000);
    child.stdout.on('data', () => {
      const match = pattern.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`${what} exited (${code}):\n${output}`)));
  });
  // A server that stops mid-run says why (its last words), instead of the next request failing.
  child.on('exit', (code, signal) => {
    if (signal !== 'SIGTERM' && code !== 0) {
      console.log(`${what} exited (${signal ?? code}); its last output:\n${output.slice(-4000)}`);
    }
  });
  return { child, found };
}

async function startProduct(databaseFile, demo) {
  const { child, found } = startChild(
    [join(PRODUCT, 'apps/api/dist/main.js')],
    {
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: `sqlite:${databaseFile}`,
      SQLITE_SYNCHRONOUS: SYNCHRONOUS,
      IPT_DEMO: demo ? 'true' : 'false',
      ARGON2_MEMORY_KIB: '1024',
      ARGON2_TIME_COST: '1',
      TIMELINESS_SWEEP_SECONDS: '0',
      NOTIFICATION_SWEEP_SECONDS: '0',
    },
    /running at (http:\/\/[^\s/]+)\//,
    'The API',
  );
  return { child, url: await found };
}

async function startFloor(config, folder) {
  // In a file: captured answers of a large program are too long for an environment variable.
  const file = join(folder, `floor-${config.mode}.json`);
  writeFileSync(file, JSON.stringify(config));
  const { child, found } = startChild(
    [join(import.meta.dirname, 'floor-server.mjs')],
    { FLOOR_CONFIG_FILE: file },
    /listening (\d+)/,
    `The ${config.mode} floor`,
  );
  return { child, url: `http://127.0.0.1:${await found}` };
}

async function post(url, body, cookie = '') {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
  const setCookie = response.headers.get('set-cookie');
  return { status: response.status, text: await response.text(), setCookie };
}

async function signIn(url, email, password) {
  const { text, setCookie } = await post(`${url}/graphql`, {
    query:
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { id } }',
    variables: { email, password },
  });
  const body = JSON.parse(text);
  if (!body.data) throw new Error(`Sign-in as ${email} failed: ${text}`);
  return { cookie: setCookie.split(';')[0], id: body.data.login.id, email };
}

/** Clock-derived fields (they move between two answers): replaced before comparing. */
function normalize(value, key = '') {
  if (Array.isArray(value)) return value.map((item) => normalize(item));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v, k)]));
  if (['elapsedDays', 'lateByDays', 'currentStageOverdue', 'p50At', 'p90At'].includes(key))
    return '<clock>';
  return value;
}

function firstDifference(a, b, path = '$') {
  if (isDeepStrictEqual(a, b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = firstDifference(a[key], b[key], `${path}.${key}`);
      if (found) return found;
    }
  }
  return `${path}: product ${JSON.stringify(a)?.slice(0, 200)} / floor ${JSON.stringify(b)?.slice(0, 200)}`;
}

/**
 * Waits until the server has worked off what the last measurement left queued (requests it had
 * read before autocannon stopped; writes still in the product's queue): a second of quiet, then
 * a small request answered. Without it the next path would pay for the previous one's backlog.
 */
async function drain(url) {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await fetch(`${url}/health`).then((response) => response.arrayBuffer());
}

/** One autocannon measurement: req/s, p50, p99 (ms), errors (non-2xx or GraphQL errors). */
async function measure({ url, path, connections, request }) {
  await drain(url);
  let errors = 0;
  let firstError = null;
  const result = await autocannon({
    url: `${url}${path}`,
    connections,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        ...request,
        onResponse(status, body, context) {
          if (status !== 200 || body.startsWith('{"errors"') || body.includes('"errors":[')) {
            errors++;
            firstError ??= `${status} ${body.slice(0, 300)}`;
          }
          request.onResponse?.(status, body, context);
        },
      },
    ],
  });
  return {
    rps: result.requests.total / SECONDS,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: errors + result.errors + result.timeouts,
    firstError,
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** The people whose inbox / decision queue is longest (the same SQL as the product's lists). */
function busiestPeople(file) {
  const db = new Database(file, { readonly: true });
  try {
    const inbox = db
      .prepare(
        `SELECT u.email, count(*) AS n FROM issues i
         JOIN teams t ON t.id = i.current_team_id AND t.active = 1
         JOIN memberships m ON m.team_id = t.id JOIN users u ON u.id = m.user_id
         JOIN issue_required_disciplines rd ON rd.issue_id = i.id AND rd.discipline = m.discipline
         WHERE i.status IN ('IN_REVIEW', 'AWAITING_DECISION')
           AND NOT EXISTS (SELECT 1 FROM recommendations r WHERE r.issue_id = i.id
                           AND r.discipline = m.discipline AND r.superseded_at IS NULL)
           AND NOT EXISTS (SELECT 1 FROM waivers w WHERE w.issue_id = i.id AND w.discipline = m.discipline)
         GROUP BY u.email ORDER BY n DESC, u.email LIMIT 1`,
      )
      .get();
    const queue = db
      .prepare(
        `SELECT u.email, count(*) AS n FROM issues i
         JOIN teams t ON t.id = i.current_team_id AND t.active = 1
         JOIN memberships m ON m.team_id = t.id AND m.decision_authority = 1
         JOIN users u ON u.id = m.user_id
         WHERE i.status = 'AWAITING_DECISION' GROUP BY u.email ORDER BY n DESC, u.email LIMIT 1`,
      )
      .get();
    const programKey = db
      .prepare('SELECT key FROM programs ORDER BY created_at LIMIT 1')
      .pluck()
      .get();
    return { inbox, queue, programKey };
  } finally {
    db.close();
  }
}

async function prepareDataset(name) {
  const folder = mkdtempSync(join(tmpdir(), 'ipt-bench-http-'));
  folders.add(folder);
  const file = join(folder, 'ipt.sqlite');
  if (name === 'demo') {
    // The product loads the demo into an empty database at its first start.
    const first = await startProduct(file, true);
    first.child.kill('SIGTERM');
    await new Promise((resolve) => first.child.once('exit', resolve));
    return { name, file, folder, password: 'ipt-demo-pass', manager: 'pm@example.com' };
  }
  const issues = Number(/^(\d+)k$/.exec(name)?.[1]) * 1000;
  if (!issues) throw new Error(`Unknown dataset ${name} (demo or e.g. 100k)`);
  const cache = GENERATED.replace('100000', String(issues));
  if (!existsSync(cache)) {
    mkdirSync(join(cache, '..'), { recursive: true });
    const began = performance.now();
    const run = spawnSync(
      process.execPath,
      [
        join(PRODUCT, 'apps/api/dist/cli/generate.js'),
        '--issues',
        String(issues),
        '--database',
        cache,
      ],
      { cwd: ROOT, stdio: 'inherit' },
    );
    if (run.status !== 0) throw new Error('Generating the program failed');
    console.log(
      `Generated ${issues} issues in ${((performance.now() - began) / 1000).toFixed(0)} s into ${cache}`,
    );
  } else {
    console.log(`Reusing the generated program ${cache}`);
  }
  copyFileSync(cache, file);
  return { name, file, folder, password: 'ipt-generated-pass', manager: 'pm@gen.example.com' };
}

async function runDataset(name) {
  const dataset = await prepareDataset(name);
  const busiest = busiestPeople(dataset.file);
  const product = await startProduct(dataset.file, false);
  const graphql = `${product.url}/graphql`;
  const manager = await signIn(product.url, dataset.manager, dataset.password);
  const inboxPerson = busiest.inbox
    ? await signIn(product.url, busiest.inbox.email, dataset.password)
    : manager;
  const queuePerson = busiest.queue
    ? await signIn(product.url, busiest.queue.email, dataset.password)
    : manager;
  const programKey = busiest.programKey;

  const ask = async (person, operation, variables) => {
    const { status, text } = await post(
      graphql,
      { query: OPERATIONS[operation], variables },
      person.cookie,
    );
    if (status !== 200 || text.includes('"errors":['))
      throw new Error(`${operation}: ${status} ${text.slice(0, 500)}`);
    return JSON.parse(text).data;
  };
  // The issue page: the largest of the first page's issues.
  const page = await ask(manager, 'tracker', { programKey, first: 50 });
  let issueKey = null;
  let largest = -1;
  for (const { node } of page.issues.edges) {
    const size = JSON.stringify(await ask(manager, 'issue', { key: node.key })).length;
    if (size > largest) [issueKey, largest] = [node.key, size];
  }
  const reads = [
    ['tracker', 'tracker page of 50', manager, { programKey, first: 50 }],
    ['issue', `issue page (${issueKey})`, manager, { key: issueKey }],
    ['decisionLog', 'decision log page of 50', manager, { first: 50, programKey }],
    ['inbox', `inbox (${inboxPerson.email})`, inboxPerson, {}],
    ['queue', `decision queue (${queuePerson.email})`, queuePerson, {}],
  ];
  const captured = {};
  const bodies = {};
  for (const [name, , person, variables] of reads) {
    bodies[name] = JSON.stringify({ query: OPERATIONS[name], variables });
    const { text } = await post(graphql, { query: OPERATIONS[name], variables }, person.cookie);
    captured[name] = text;
  }
  const issue = (await ask(manager, 'issue', { key: issueKey })).issue;
  const meta = new Database(dataset.file, { readonly: true });
  const programId = meta
    .prepare('SELECT program_id FROM issues WHERE key = ?')
    .pluck()
    .get(issueKey);
  meta.close();
  const floorUsers = Object.fromEntries(reads.map(([name, , person]) => [name, person.id]));
  const bare = await startFloor({ mode: 'bare', captured }, dataset.folder);
  const sql = await startFloor(
    {
      mode: 'sql',
      database: dataset.file,
      synchronous: SYNCHRONOUS,
      users: floorUsers,
      write: { issueId: issue.id, programId, authorId: manager.id, version: issue.version },
    },
    dataset.folder,
  );

  console.log(`\n== ${name}: product ${product.url}, SQL floor ${sql.url}, bare floor ${bare.url}`);
  console.log('Floors ignore the session cookie (the product checks it on every request).');
  let mismatches = 0;
  for (const [name, label] of reads) {
    const { text } = await post(`${sql.url}/${name}`, JSON.parse(bodies[name]));
    const difference = firstDifference(
      normalize(JSON.parse(captured[name])),
      normalize(JSON.parse(text)),
    );
    if (difference) mismatches++;
    console.log(
      difference
        ? `MISMATCH ${label}: ${difference}`
        : `identical: ${label} (${captured[name].length} bytes)`,
    );
  }

  // Writes: each connection writes to an issue of its own, carrying the version it got back.
  const writeTargets = await findWriteTargets(dataset, product.url, ask, programKey, page);
  const rows = new Map();
  const add = (key, what, value) => {
    if (!rows.has(key)) rows.set(key, { product: [], sql: [], bare: [], label: key });
    rows.get(key)[what].push(value);
  };
  for (let round = 1; round <= ROUNDS; round++) {
    if (round > 1) console.log(`${table({ rows }).text}\n`); // so far, in case a round fails
    console.log(`read round ${round}/${ROUNDS}`);
    for (const [name, label, person] of reads) {
      const body = bodies[name];
      const headers = { 'content-type': 'application/json' };
      add(
        label,
        'product',
        await measure({
          url: product.url,
          path: '/graphql',
          connections: CONNECTIONS,
          request: { body, headers: { ...headers, cookie: person.cookie } },
        }),
      );
      add(
        label,
        'sql',
        await measure({
          url: sql.url,
          path: `/${name}`,
          connections: CONNECTIONS,
          request: { body, headers },
        }),
      );
      add(
        label,
        'bare',
        await measure({
          url: bare.url,
          path: `/${name}`,
          connections: CONNECTIONS,
          request: { body, headers },
        }),
      );
    }
  }
  // Writes after every read round: they change what the inbox and queue list.
  for (let round = 1; round <= ROUNDS; round++) {
    console.log(`write round ${round}/${ROUNDS}`);
    for (const [name, targets] of Object.entries(writeTargets)) {
      if (targets.length === 0) continue;
      const connections = Math.min(CONNECTIONS, targets.length);
      const label = `${name} (${connections} conn.)`;
      // Versions as they are now (a write still in flight when the last run stopped bumped one).
      // After the product has worked off its backlog; a refusal keeps the version known.
      await drain(product.url);
      for (const target of targets) {
        try {
          target.version = (await ask(target.person, 'issue', { key: target.key })).issue.version;
        } catch (error) {
          console.log(`(version of ${target.key} not refreshed: ${String(error).slice(0, 200)})`);
        }
      }
      add(
        label,
        'product',
        await measure({
          url: product.url,
          path: '/graphql',
          connections,
          request: writeRequest(name, targets),
        }),
      );
      let n = 0;
      add(
        label,
        'sql',
        await measure({
          url: sql.url,
          path: '/write',
          connections,
          request: {
            headers: { 'content-type': 'application/json' },
            setupRequest: (req) => ({
              ...req,
              body: JSON.stringify({
                query: OPERATIONS.comment,
                variables: { input: { issueKey, body: `Raw floor note ${n++}` } },
              }),
            }),
          },
        }),
      );
    }
  }
  product.child.kill('SIGTERM');
  sql.child.kill('SIGTERM');
  bare.child.kill('SIGTERM');
  for (const child of [product.child, sql.child])
    await new Promise((resolve) =>
      child.exitCode !== null ? resolve() : child.once('exit', resolve),
    );
  // The raw writes chained their events among the product's: the product's own verifier must
  // find the whole chain intact, or the floor did not hash as the product does.
  let chain = 'not verified (BENCH_VERIFY=0)';
  if (process.env.BENCH_VERIFY !== '0') {
    const began = performance.now();
    const check = spawnSync(process.execPath, [join(PRODUCT, 'apps/api/dist/cli/verify.js')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: `sqlite:${dataset.file}` },
      encoding: 'utf8',
    });
    chain = `${check.status === 0 ? 'intact' : `BROKEN (exit ${check.status})`} (npm run verify, ${((performance.now() - began) / 1000).toFixed(0)} s)`;
    if (check.status !== 0) mismatches++;
    console.log(
      `Hash chain after the raw writes: ${chain}\n${(check.stdout + check.stderr).trim().split('\n').slice(-3).join('\n')}`,
    );
  }
  return { name, rows, mismatches, writeTargets, chain };
}

/** Per write, the (person, issue) pairs one connection each can write to again and again. */
async function findWriteTargets(dataset, url, ask, programKey, page) {
  const db = new Database(dataset.file, { readonly: true });
  const people = new Map();
  const person = async (email) => {
    if (!people.has(email)) people.set(email, await signIn(url, email, dataset.password));
    return people.get(email);
  };
  try {
    const comment = [];
    const manager = await person(dataset.manager);
    for (const { node } of page.issues.edges.slice(0, CONNECTIONS))
      comment.push({ person: manager, key: node.key });
    // A recommendation: a pending (or already given) required discipline of a member of the
    // issue's current team, while the issue gathers them; one per issue.
    const recommendation = [];
    const seen = new Set();
    for (const row of db
      .prepare(
        `SELECT i.key, u.email, m.discipline FROM issues i
         JOIN programs p ON p.id = i.program_id AND p.key = ?
         JOIN memberships m ON m.team_id = i.current_team_id JOIN users u ON u.id = m.user_id AND u.active = 1
         JOIN issue_required_disciplines rd ON rd.issue_id = i.id AND rd.discipline = m.discipline
         WHERE i.status IN ('IN_REVIEW', 'AWAITING_DECISION')
           AND NOT EXISTS (SELECT 1 FROM waivers w WHERE w.issue_id = i.id AND w.discipline = m.discipline)
         ORDER BY i.raised_at DESC LIMIT 400`,
      )
      .all(programKey)) {
      if (seen.has(row.key) || recommendation.length >= CONNECTIONS) continue;
      seen.add(row.key);
      recommendation.push({
        person: await person(row.email),
        key: row.key,
        discipline: row.discipline,
      });
    }
    // A decision: decided issues (a new decision supersedes; the status stays, so the
    // recommendation targets stay open), by a member with decision authority.
    const decision = [];
    for (const row of db
      .prepare(
        `SELECT i.key, u.email FROM issues i JOIN programs p ON p.id = i.program_id AND p.key = ?
         JOIN memberships m ON m.team_id = i.current_team_id AND m.decision_authority = 1
         JOIN users u ON u.id = m.user_id AND u.active = 1
         WHERE i.status = 'DECIDED' GROUP BY i.id ORDER BY i.raised_at DESC LIMIT ?`,
      )
      .all(programKey, CONNECTIONS))
      decision.push({ person: await person(row.email), key: row.key });
    // Keep only the pairs the product accepts (and read each option and version).
    const usable = async (targets, action) => {
      const kept = [];
      for (const target of targets) {
        const found = (await ask(target.person, 'issue', { key: target.key })).issue;
        if (action && !found.viewerActions.includes(action)) continue;
        if (found.options.length === 0) continue;
        kept.push({ ...target, optionId: found.options[0].id, version: found.version });
      }
      return kept;
    };
    return {
      comment,
      recommendation: await usable(recommendation, 'SUBMIT_RECOMMENDATION'),
      decision: await usable(decision, 'RECORD_DECISION'),
    };
  } finally {
    db.close();
  }
}

/**
 * A write request that takes a target no request in flight holds (as many targets as
 * connections, one request in flight per connection) and carries the version it last read.
 * autocannon clears a connection's context before each request, so targets go round a pool.
 */
function writeRequest(name, targets) {
  const free = [...targets];
  let n = 0;
  return {
    headers: { 'content-type': 'application/json' },
    setupRequest(req, context) {
      const target = free.shift() ?? targets[n % targets.length];
      context.target = target;
      const stamp = `Bench ${name} ${n++}`;
      const input =
        name === 'comment'
          ? { issueKey: target.key, body: stamp }
          : name === 'recommendation'
            ? {
                issueKey: target.key,
                version: target.version,
                discipline: target.discipline,
                optionId: target.optionId,
                rationale: stamp,
              }
            : {
                issueKey: target.key,
                version: target.version,
                optionId: target.optionId,
                rationale: stamp,
              };
      return {
        ...req,
        headers: { ...req.headers, cookie: target.person.cookie },
        body: JSON.stringify({ query: OPERATIONS[name], variables: { input } }),
      };
    },
    onResponse(status, body, context) {
      // The version the write left, or on CONFLICT the current one (counted as an error).
      const version = /"(?:version|currentVersion)":(\d+)/.exec(body);
      if (version && context.target) context.target.version = Number(version[1]);
      if (context.target && !free.includes(context.target)) free.push(context.target);
    },
  };
}

function fmt(value, fixed = 0) {
  // Slow paths (a handful of answers per run) keep their decimals.
  const digits = fixed === 0 && Math.abs(value) < 10 ? 1 : fixed;
  return value === undefined || value === null || Number.isNaN(value)
    ? '–'
    : value.toLocaleString('en-US', {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
      });
}

function table(run) {
  const lines = [
    `| path | product req/s | p50 ms | p99 ms | raw-SQL req/s | bare req/s | product / raw-SQL | target | result | errors |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |`,
  ];
  let failed = 0;
  for (const [label, row] of run.rows) {
    const product = median(row.product.map((m) => m.rps));
    const sql = median(row.sql.map((m) => m.rps));
    const bare = row.bare.length ? median(row.bare.map((m) => m.rps)) : null;
    const ratio = product / sql;
    const errors = [...row.product, ...row.sql, ...row.bare].reduce((sum, m) => sum + m.errors, 0);
    const pass = ratio >= TARGET && errors === 0;
    if (!pass) failed++;
    lines.push(
      `| ${label}${row.sql === row.bare ? '' : ''} | ${fmt(product)} | ${fmt(median(row.product.map((m) => m.p50)))} | ${fmt(median(row.product.map((m) => m.p99)))} | ${fmt(sql)} | ${bare === null ? 'n/a' : fmt(bare)} | ${fmt(ratio, 2)}x | ${TARGET}x | ${pass ? 'PASS' : 'FAIL'} | ${errors} |`,
    );
    const firstError = [...row.product, ...row.sql, ...row.bare].find(
      (m) => m.firstError,
    )?.firstError;
    if (firstError) console.log(`first error on ${label}: ${firstError}`);
  }
  return { text: lines.join('\n'), failed };
}

async function main() {
  for (const file of ['apps/api/dist/main.js', 'libs/domain/dist/index.js'])
    if (!existsSync(join(PRODUCT, file)))
      throw new Error(`${file} is missing: build first (npm run bench:http builds).`);
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], {
    cwd: ROOT,
    encoding: 'utf8',
  }).stdout.trim();
  console.log(
    `bench:http at ${commit}, ${new Date().toISOString()}, ${cpus().length} cores, Node ${process.version}; ` +
      `${ROUNDS} rounds × ${SECONDS} s, ${CONNECTIONS} connections, synchronous=${SYNCHRONOUS}, ` +
      `product built in ${PRODUCT}`,
  );
  let failed = 0;
  let mismatches = 0;
  const tables = [];
  for (const name of DATASETS) {
    const began = performance.now();
    const run = await runDataset(name);
    const { text, failed: f } = table(run);
    failed += f;
    mismatches += run.mismatches;
    tables.push(
      `### ${name} (${((performance.now() - began) / 1000).toFixed(0)} s)\n\n${text}\n\n` +
        `Hash chain after the raw writes: ${run.chain}.`,
    );
    console.log(`\n${tables.at(-1)}\n`);
  }
  console.log(
    'Writes: raw-SQL is the raw durable write (a comment + its chained event, one transaction, same synchronous), at the same connection count; there is no bare floor for writes.',
  );
  console.log(`\n${tables.join('\n\n')}\n`);
  console.log(`${failed} below target, ${mismatches} floor mismatches.`);
  process.exitCode = failed === 0 && mismatches === 0 ? 0 : 1;
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(cleanUp);
