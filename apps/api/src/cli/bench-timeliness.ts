import 'reflect-metadata';
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import Database from 'better-sqlite3';
import { DAY_MS, timelinessReport, weeksOf, type Tier, type TimelinessReport } from '@ipt/domain';
import { AppModule } from '../app.module';
import { FixedClock } from '../common/clock';
import { loadConfig } from '../config/config';
import { findRepositoryRoot } from '../config/config';
import { ProgramEntity } from '../programs/program.entity';
import { DatabaseService } from '../database/database.service';
import { loadFactsFromTables, windowDecisions } from '../timeliness/facts';
import { canonicalFacts, loadRolledUpFacts } from '../timeliness/issue-facts.rollup';
import { TimelinessService } from '../timeliness/timeliness.service';
import { UserEntity } from '../users/user.entity';
import { DemoService } from '../demo/demo.service';
import { rawFigures, type RawFigures, type RawFilter } from './bench/raw-sql';
import { generateProgram, printSummary, DEFAULT_GENERATED_DATABASE } from './generate';

const USAGE = `Usage: npm run bench -- [--sizes demo,10000,100000,1000000] [--runs 7]
       npm run bench -- --database data/generated.sqlite [--runs 5] [--past-days 90]
       [--now <ISO instant>] [--program GEN] [--skip-past] [--past-timeout-minutes 30]

Measures the timeliness query (the product's TimelinessService, as the GraphQL resolver calls it)
beside hand-written SQL for the same figures. Without --database: the demo program and generated
programs of 10k, 100k and 1M issues, each in its own process, generated once into
${join(tmpdir(), 'ipt-bench')} (1M takes half an hour or more; BENCH_SKIP_1M=1 leaves it out),
printing per size the product's median, the SQL's, their ratio, peak RSS and heap, and the
longest event-loop block during a request. With --database: that file, in detail.`;

/** Where generated programs are kept between runs. */
const BENCH_DIR = join(tmpdir(), 'ipt-bench');
/** The instant every generated program is generated up to (its "now"). */
const GENERATED_NOW = new Date('2026-11-30T17:00:00.000Z');

/** One size's figures, from its own process. */
interface SizeResult {
  readonly label: string;
  readonly issues: number;
  readonly productMs: number;
  readonly sqlMs: number;
  readonly agree: boolean;
  readonly firstMs: number;
  /** Longest event-loop block during the measured requests (warm), and during the first one. */
  readonly blockMs: number;
  readonly firstBlockMs: number;
  /** monitorEventLoopDelay's max over the measured requests. */
  readonly delayMaxMs: number;
  readonly rssPeakMiB: number;
  readonly heapPeakMiB: number;
  readonly heapHeldMiB: number;
  readonly startMs: number;
}

interface Scenario {
  readonly label: string;
  readonly filter: RawFilter;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      database: { type: 'string', default: DEFAULT_GENERATED_DATABASE },
      runs: { type: 'string', default: '7' },
      'past-days': { type: 'string', default: '90' },
      now: { type: 'string' },
      program: { type: 'string', default: 'GEN' },
      'skip-past': { type: 'boolean', default: false },
      'past-only': { type: 'boolean', default: false },
      'past-timeout-minutes': { type: 'string', default: '30' },
      sizes: { type: 'string' },
      'size-child': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const databaseNamed = process.argv.slice(2).some((a) => a.startsWith('--database'));
  if (!databaseNamed && !values['size-child']) return benchSizes(values.sizes, values.runs);
  if (values['size-child']) {
    process.send?.(await measureSize(values.database, values.program, Number(values.runs)));
    return 0;
  }
  const path = isAbsolute(values.database)
    ? values.database
    : join(findRepositoryRoot(), values.database);
  if (!existsSync(path)) {
    if (values.database !== DEFAULT_GENERATED_DATABASE) {
      console.error(`${path} does not exist. Generate one: npm run generate -- --issues 1000000`);
      return 1;
    }
    console.error(
      `${path} does not exist. For the figures in the README run ` +
        '`npm run generate -- --issues 1000000` first (about half an hour); ' +
        'generating 100,000 issues now to have something to measure.',
    );
    printSummary(
      await generateProgram({
        issues: 100_000,
        database: path,
        // A fixed instant: the benchmark's "now" is read back from the file.
        now: new Date('2026-11-30T17:00:00.000Z'),
      }),
    );
  }
  const runs = Math.max(1, Number(values.runs));
  const raw = new Database(path, { readonly: true, fileMustExist: true });
  const programKey = values.program.toUpperCase();
  const program = raw
    .prepare('SELECT id, key, time_zone FROM programs WHERE key = ?')
    .get(programKey) as { id: string; key: string; time_zone: string } | undefined;
  if (!program) {
    console.error(`No program ${programKey} in ${path}.`);
    return 1;
  }
  // The generation's "now" is the instant of its last event unless named.
  const now = values.now
    ? Date.parse(values.now)
    : Date.parse(
        (
          raw.prepare('SELECT max(at) at FROM events WHERE program_id = ?').get(program.id) as {
            at: string;
          }
        ).at,
      );
  const pastAsOf = now - Number(values['past-days']) * DAY_MS;

  const startStarted = performance.now();
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({
      config: {
        ...loadConfig(),
        database: { kind: 'sqlite', path, synchronous: 'FULL' },
        demo: false,
        timelinessSweepSeconds: 0,
        // The replay's process measures the replay alone: no facts cache in its memory.
        ...(values['past-only'] ? { timelinessFactsCachePrograms: 0 } : {}),
      },
      clock: new FixedClock(new Date(now)),
    }),
    { logger: ['error'] },
  );
  // Start-up checks the roll-up and loads the facts cache of the largest programs (ADR 13).
  const startMs = performance.now() - startStarted;
  try {
    const service = app.get(TimelinessService);
    const user = await pmOf(app, program.id);

    if (values['past-only']) {
      // A slow replay is measured once; a fast one like the rest (warm-up, then the median).
      const past = () => service.report(user, programKey, {}, new Date(pastAsOf));
      const started = performance.now();
      await past();
      const first = performance.now() - started;
      const times = first > 10_000 ? [first] : await measure(runs, past, false);
      process.send?.({ times, rss: process.resourceUsage().maxRSS * 1024 });
      return 0;
    }

    const counts = raw
      .prepare(
        `SELECT (SELECT count(*) FROM issues WHERE program_id = @p) issues,
                (SELECT count(*) FROM events WHERE program_id = @p) events`,
      )
      .get({ p: program.id }) as { issues: number; events: number };
    const wipt = raw
      .prepare(`SELECT id, name FROM teams WHERE program_id = ? AND tier = 'WIPT' ORDER BY name`)
      .get(program.id) as { id: string; name: string };
    console.log(
      `Timeliness benchmark: ${path} (${(statSync(path).size / 2 ** 30).toFixed(1)} GiB), ` +
        `program ${programKey}: ${counts.issues.toLocaleString('en-US')} issues, ` +
        `${counts.events.toLocaleString('en-US')} events; as of ${new Date(now).toISOString()}; ` +
        `median of ${runs} runs after one warm-up.\n`,
    );
    const scenarios: Scenario[] = [
      { label: 'current, whole program', filter: {} },
      { label: 'current, tier WIPT', filter: { tier: 'WIPT' as Tier } },
      { label: 'current, discipline contracting', filter: { discipline: 'contracting' } },
      { label: `current, team ${wipt.name}`, filter: { teamId: wipt.id } },
    ];
    const header = `${'figure set'.padEnd(48)} ${'product ms'.padStart(11)} ${'raw SQL ms'.padStart(11)} ${'ratio'.padStart(7)}  agree`;
    console.log(header);
    console.log('-'.repeat(header.length + 10));
    const db = app.get(DatabaseService);
    // The first request after start finds the facts cache loaded at start-up; the runs below find
    // it current (one look at the event log) and compute.
    const coldStarted = performance.now();
    await service.report(user, programKey, {}, null);
    const coldMs = performance.now() - coldStarted;
    for (const scenario of scenarios) {
      const input = { ...scenario.filter };
      const programEntity = await db.reader.findOneByOrFail(ProgramEntity, { id: program.id });
      const window = service.window(programEntity, input, null);
      const weeks = weeksOf({
        asOf: window.asOf,
        from: window.from,
        to: window.to,
        timeZone: program.time_zone,
      });
      const product = await measure(runs, () => service.report(user, programKey, input, null));
      const sql = await measure(runs, async () =>
        rawFigures(
          raw,
          { programId: program.id, asOf: window.asOf, from: window.from, to: window.to, weeks },
          scenario.filter,
        ),
      );
      // Agreement: the product's figures (facts + libs/domain) against the SQL's, once.
      const facts = await service.facts(window);
      const report = timelinessReport(
        facts,
        { asOf: window.asOf, from: window.from, to: window.to, timeZone: program.time_zone },
        scenario.filter,
      );
      const differences = compare(
        report,
        rawFigures(
          raw,
          { programId: program.id, asOf: window.asOf, from: window.from, to: window.to, weeks },
          scenario.filter,
        ),
      );
      const p = median(product);
      const s = median(sql);
      console.log(
        `${scenario.label.padEnd(48)} ${p.toFixed(0).padStart(11)} ${s.toFixed(0).padStart(11)} ${(p / s).toFixed(1).padStart(6)}x  ${
          differences.length === 0 ? 'yes' : `NO: ${differences.slice(0, 4).join('; ')}`
        }`,
      );
    }
    console.log(
      `\nAPI start-up (roll-up check, loading the facts cache): ${startMs.toFixed(0)} ms; ` +
        `first request after it (whole program): ${coldMs.toFixed(0)} ms`,
    );
    // What stays in memory between requests: the facts cache (and the app). `npm run bench` runs
    // node with --expose-gc, so this counts what is still referenced, not garbage.
    (globalThis as { gc?: () => void }).gc?.();
    const memory = process.memoryUsage();
    console.log(
      `memory holding the facts cache: heap used ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB, ` +
        `RSS ${(memory.rss / 2 ** 20).toFixed(0)} MiB (peak so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB)`,
    );
    await explainCurrentView(app, program.id, program.time_zone, service);
    if (!values['skip-past']) {
      // Replay holds the events up to as-of in memory: its own process, with room to do so.
      console.log(
        `\npast as-of ${new Date(pastAsOf).toISOString()} (${values['past-days']} days back, event replay, whole program):`,
      );
      const outcome = await pastInChild(
        process.argv.slice(2),
        Math.min(runs, 3),
        Number(values['past-timeout-minutes']) * 60_000,
      );
      console.log(
        outcome.ok
          ? `  product ${median(outcome.times).toFixed(0)} ms (median of ${outcome.times.length}), peak RSS ${(outcome.rss / 2 ** 20).toFixed(0)} MiB`
          : `  failed: ${outcome.error}`,
      );
    }
    return 0;
  } finally {
    raw.close();
    await app.close();
  }
}

/**
 * The whole-program current view once more, step by step: what reading the roll-up costs beside
 * reading the same facts from the six tables, what computing the figures costs, and whether the
 * roll-up holds exactly what the tables give.
 */
async function explainCurrentView(
  app: INestApplicationContext,
  programId: string,
  timeZone: string,
  service: TimelinessService,
): Promise<void> {
  const db = app.get(DatabaseService);
  const programEntity = await db.reader.findOneByOrFail(ProgramEntity, { id: programId });
  const window = service.window(programEntity, {}, null);
  const factsWindow = {
    programId,
    since: window.from - (window.to - window.from),
    asOf: window.asOf,
  };
  const timed = async <T>(work: () => Promise<T> | T): Promise<[number, T]> => {
    const started = performance.now();
    const value = await work();
    return [performance.now() - started, value];
  };
  const [rollupMs, rolledUp] = await timed(() => loadRolledUpFacts(db.reader, factsWindow));
  const [decisionsMs] = await timed(() => windowDecisions(db.reader, factsWindow));
  const [reportMs] = await timed(() =>
    timelinessReport(rolledUp, { asOf: window.asOf, from: window.from, to: window.to, timeZone }),
  );
  const [tablesMs, fromTables] = await timed(() => loadFactsFromTables(db.reader, factsWindow));
  const same =
    JSON.stringify(canonicalFacts(rolledUp)) === JSON.stringify(canonicalFacts(fromTables));
  const n = (value: number) => value.toLocaleString('en-US');
  console.log(
    `\nwhole program, step by step (one run each): ${n(rolledUp.issues.length)} issues in the window, ` +
      `${n(rolledUp.recommendations.length)} recommendations, ${n(rolledUp.decisions.length)} decisions\n` +
      `  facts from the roll-up       ${rollupMs.toFixed(0).padStart(7)} ms (of which decisions ${decisionsMs.toFixed(0)} ms)\n` +
      `  figures in libs/domain       ${reportMs.toFixed(0).padStart(7)} ms\n` +
      `  facts from the tables, without the roll-up ${tablesMs.toFixed(0)} ms (${(tablesMs / rollupMs).toFixed(1)}x the roll-up)\n` +
      `  roll-up equals the tables: ${same ? 'yes' : 'NO'}`,
  );
}

/** Every size in its own process (memory and event loop its own), then one table. */
async function benchSizes(sizesOption: string | undefined, runs: string): Promise<number> {
  const skip1M = /^(1|true|yes)$/i.test(process.env['BENCH_SKIP_1M'] ?? '');
  const sizes = (sizesOption ?? 'demo,10000,100000,1000000')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '' && !(skip1M && s === '1000000'));
  mkdirSync(BENCH_DIR, { recursive: true });
  const results: SizeResult[] = [];
  for (const size of sizes) {
    const path = join(BENCH_DIR, size === 'demo' ? 'demo.sqlite' : `generated-${size}.sqlite`);
    if (!existsSync(path)) {
      if (size === 'demo') await createDemo(path);
      else {
        const issues = Number(size);
        if (!Number.isInteger(issues) || issues < 1) {
          console.error(`--sizes: ${size} is neither demo nor a number of issues.`);
          return 2;
        }
        console.error(`Generating ${issues.toLocaleString('en-US')} issues into ${path} (once)…`);
        printSummary(await generateProgram({ issues, database: path, now: GENERATED_NOW }));
      }
    }
    const result = await sizeInChild(path, size === 'demo' ? 'HX' : 'GEN', runs);
    if ('error' in result) {
      console.error(`${size}: ${result.error}`);
      return 1;
    }
    results.push(result);
    console.error(`measured ${result.label}`);
  }
  const n = (v: number, digits = 0) =>
    v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const columns = [
    ['program', 18],
    ['product ms', 11],
    ['raw SQL ms', 11],
    ['ratio', 7],
    ['agree', 6],
    ['1st req ms', 11],
    ['max block ms', 13],
    ['1st block ms', 13],
    ['ELD max ms', 11],
    ['peak RSS MiB', 13],
    ['peak heap MiB', 14],
    ['held heap MiB', 14],
  ] as const;
  console.log(
    `\nWhole-program timeliness, current view: median of ${runs} requests after a warm-up ` +
      '(product: TimelinessService.report as the resolver calls it; raw SQL: the same figures ' +
      'by hand-written queries). Blocks: the longest gap between ticks of a 1 ms timer during ' +
      'the measured requests and during the first request after start-up; ELD max: ' +
      "monitorEventLoopDelay's max over the measured requests.\n",
  );
  console.log(
    columns.map(([name, w], i) => (i === 0 ? name.padEnd(w) : name.padStart(w))).join(' '),
  );
  for (const r of results) {
    const cells = [
      r.label,
      n(r.productMs, r.productMs < 10 ? 1 : 0),
      n(r.sqlMs, r.sqlMs < 10 ? 1 : 0),
      `${n(r.productMs / r.sqlMs, 2)}x`,
      r.agree ? 'yes' : 'NO',
      n(r.firstMs),
      n(r.blockMs),
      n(r.firstBlockMs),
      n(r.delayMaxMs),
      n(r.rssPeakMiB),
      n(r.heapPeakMiB),
      n(r.heapHeldMiB),
    ];
    console.log(
      cells
        .map((c, i) =>
          i === 0 ? c.padEnd(columns[i]?.[1] ?? 0) : c.padStart(columns[i]?.[1] ?? 0),
        )
        .join(' '),
    );
  }
  return results.every((r) => r.agree) ? 0 : 1;
}

/** The demo program (24 issues), loaded into a new file as the API loads it on first start. */
async function createDemo(path: string): Promise<void> {
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({
      config: {
        ...loadConfig(),
        database: { kind: 'sqlite', path, synchronous: 'NORMAL' },
        demo: true,
        timelinessSweepSeconds: 0,
      },
      clock: new FixedClock(GENERATED_NOW),
    }),
    { logger: ['error'] },
  );
  try {
    await app.get(DemoService).load();
  } finally {
    await app.close();
  }
}

function sizeInChild(
  path: string,
  program: string,
  runs: string,
): Promise<SizeResult | { error: string }> {
  return new Promise((resolve) => {
    let stderr = '';
    const child = fork(
      __filename,
      ['--size-child', '1', '--database', path, '--program', program, '--runs', runs],
      {
        // The parent's node options too: \`node --cpu-prof … bench-timeliness.js\` profiles each size.
        execArgv: [...process.execArgv.filter((a) => a !== '--expose-gc'), '--expose-gc'],
        stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
      },
    );
    let result: SizeResult | null = null;
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    child.on('message', (message) => {
      result = message as SizeResult;
    });
    child.on('exit', (code, signal) => {
      resolve(
        result ?? {
          error: `exit ${code ?? signal}: ${stderr.trim().split('\n').slice(-3).join(' / ')}`,
        },
      );
    });
  });
}

/** One program's whole-program figures, measured in this process (a child of `benchSizes`). */
async function measureSize(path: string, programKey: string, runs: number): Promise<SizeResult> {
  const raw = new Database(path, { readonly: true, fileMustExist: true });
  const program = raw
    .prepare('SELECT id, key, time_zone FROM programs WHERE key = ?')
    .get(programKey) as { id: string; key: string; time_zone: string };
  const now = Date.parse(
    (
      raw.prepare('SELECT max(at) at FROM events WHERE program_id = ?').get(program.id) as {
        at: string;
      }
    ).at,
  );
  const issues = (
    raw.prepare('SELECT count(*) n FROM issues WHERE program_id = ?').get(program.id) as {
      n: number;
    }
  ).n;
  let heapPeak = 0;
  const sampleHeap = () => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  };
  const sampler = setInterval(sampleHeap, 5);
  const startStarted = performance.now();
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({
      config: {
        ...loadConfig(),
        database: { kind: 'sqlite', path, synchronous: 'FULL' },
        demo: false,
        timelinessSweepSeconds: 0,
      },
      clock: new FixedClock(new Date(now)),
    }),
    { logger: ['error'] },
  );
  const startMs = performance.now() - startStarted;
  try {
    const service = app.get(TimelinessService);
    const user = await pmOf(app, program.id);
    const db = app.get(DatabaseService);
    const programEntity = await db.reader.findOneByOrFail(ProgramEntity, { id: program.id });
    const window = service.window(programEntity, {}, null);
    const rawWindow = {
      programId: program.id,
      asOf: window.asOf,
      from: window.from,
      to: window.to,
      weeks: weeksOf({
        asOf: window.asOf,
        from: window.from,
        to: window.to,
        timeZone: program.time_zone,
      }),
    };
    const request = () => service.report(user, program.key, {}, null);
    // The longest gap between the ticks of a 1 ms timer while the work runs: the longest stretch
    // in which nothing else could run. Beside it monitorEventLoopDelay's max, a histogram of its
    // own per phase; it missed the first request's block in our runs (12 ms for a 328 ms gap),
    // so the gap is the figure.
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const watch = async <T>(work: () => Promise<T>): Promise<[T, number, number]> => {
      const delay = monitorEventLoopDelay({ resolution: 1 });
      let last = performance.now();
      let longest = 0;
      let ticking = true;
      const tick = () => {
        const now = performance.now();
        longest = Math.max(longest, now - last);
        last = now;
        if (ticking) setTimeout(tick, 1);
      };
      setTimeout(tick, 1);
      delay.enable();
      await pause(20);
      const value = await work();
      await pause(20);
      delay.disable();
      ticking = false;
      return [value, longest, delay.max / 1e6];
    };
    const [firstMs, firstBlockMs] = await watch(async () => {
      const started = performance.now();
      await request();
      return performance.now() - started;
    });
    sampleHeap();
    await request(); // warm-up
    const [times, blockMs, delayMaxMs] = await watch(async () => {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        await request();
        times.push(performance.now() - started);
        sampleHeap();
        // Let the delay histogram's timer see the loop free between requests.
        await pause(2);
      }
      return times;
    });
    const sql = await measure(runs, async () => rawFigures(raw, rawWindow, {}));
    const facts = await service.facts(window);
    const report = timelinessReport(facts, { ...rawWindow, timeZone: program.time_zone }, {});
    const agree = compare(report, rawFigures(raw, rawWindow, {})).length === 0;
    clearInterval(sampler);
    (globalThis as { gc?: () => void }).gc?.();
    return {
      label:
        programKey === 'HX'
          ? `demo (${issues} issues)`
          : `${issues.toLocaleString('en-US')} issues`,
      issues,
      productMs: median(times),
      sqlMs: median(sql),
      agree,
      firstMs,
      blockMs,
      firstBlockMs,
      delayMaxMs,
      rssPeakMiB: (process.resourceUsage().maxRSS * 1024) / 2 ** 20,
      heapPeakMiB: heapPeak / 2 ** 20,
      heapHeldMiB: process.memoryUsage().heapUsed / 2 ** 20,
      startMs,
    };
  } finally {
    clearInterval(sampler);
    raw.close();
    await app.close();
  }
}

async function pmOf(app: INestApplicationContext, programId: string): Promise<UserEntity> {
  const db = app.get(DatabaseService);
  const row = (await db.reader.query(
    `SELECT user_id FROM program_roles WHERE program_id = ? AND role = 'PROGRAM_MANAGER' LIMIT 1`,
    [programId],
  )) as { user_id: string }[];
  const id = row[0]?.user_id;
  if (!id) throw new Error('The program has no program manager to read the dashboard as.');
  return db.reader.findOneByOrFail(UserEntity, { id });
}

async function measure(
  runs: number,
  work: () => Promise<unknown>,
  warmUp = true,
): Promise<number[]> {
  if (warmUp) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] as number;
}

function pastInChild(
  args: string[],
  runs: number,
  timeoutMs: number,
): Promise<{ ok: true; times: number[]; rss: number } | { ok: false; error: string }> {
  return new Promise((resolve) => {
    let stderr = '';
    const child = fork(__filename, [...args, '--past-only', '--runs', String(runs)], {
      execArgv: ['--max-old-space-size=16384'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const timer = setTimeout(() => {
      stderr += `\nstopped: no answer within ${timeoutMs / 60_000} minutes`;
      child.kill();
    }, timeoutMs);
    let result: { times: number[]; rss: number } | null = null;
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    child.on('message', (message) => {
      result = message as { times: number[]; rss: number };
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (result) resolve({ ok: true, ...result });
      else
        resolve({
          ok: false,
          error: `exit ${code ?? signal}: ${stderr.trim().split('\n').slice(-3).join(' / ')}`,
        });
    });
  });
}

const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

/** Where the product's figures and the SQL's differ (empty: they agree). */
export function compare(report: TimelinessReport, sql: RawFigures): string[] {
  const out: string[] = [];
  const check = (name: string, a: number | null, b: number | null) => {
    if (!close(a, b)) out.push(`${name}: product ${a}, SQL ${b}`);
  };
  check('open', report.headline.open.value, sql.open);
  check('overdue', report.overdueIssues.length, sql.overdue);
  report.aging.forEach((band, i) => check(`aging ${band.label}`, band.count, sql.aging[i] ?? null));
  check('resolution count', report.resolution.count, sql.resolution.count);
  check('resolution p50', report.resolution.p50Days, sql.resolution.p50Days);
  check('resolution p90', report.resolution.p90Days, sql.resolution.p90Days);
  check('decision on-time rate', report.decisionOnTimeRate, sql.decisionOnTimeRate);
  check('escalation rate', report.escalationRate, sql.escalationRate);
  check('overdue action items', report.overdueActionItems.length, sql.overdueActionItems);
  check('disciplines', report.recommendationLatency.length, sql.recommendationLatency.size);
  for (const row of report.recommendationLatency) {
    const other = sql.recommendationLatency.get(row.discipline);
    check(`${row.discipline} count`, row.count, other?.count ?? null);
    check(`${row.discipline} p50`, row.p50Days, other?.p50Days ?? null);
    check(`${row.discipline} p90`, row.p90Days, other?.p90Days ?? null);
    check(`${row.discipline} on-time`, row.onTimeRate, other?.onTimeRate ?? null);
    check(`${row.discipline} pending`, row.pending, other?.pending ?? null);
    check(`${row.discipline} late`, row.late, other?.late ?? null);
  }
  check('authorities', report.decisionLatencyByAuthority.length, sql.decisionByAuthority.size);
  for (const row of report.decisionLatencyByAuthority) {
    const other = sql.decisionByAuthority.get(row.teamId);
    check(`authority ${row.teamId} count`, row.count, other?.count ?? null);
    check(`authority ${row.teamId} p50`, row.p50Days, other?.p50Days ?? null);
    check(`authority ${row.teamId} p90`, row.p90Days, other?.p90Days ?? null);
    check(`authority ${row.teamId} on-time`, row.onTimeRate, other?.onTimeRate ?? null);
    check(`authority ${row.teamId} pending`, row.pending, other?.pending ?? null);
  }
  for (const row of report.decisionLatencyByTier) {
    const other = sql.decisionByTier.get(row.tier);
    check(`tier ${row.tier} count`, row.count, other?.count ?? null);
    check(`tier ${row.tier} p50`, row.p50Days, other?.p50Days ?? null);
    check(`tier ${row.tier} on-time`, row.onTimeRate, other?.onTimeRate ?? null);
  }
  check('weeks', report.weekly.length, sql.weekly.length);
  report.weekly.forEach((week, i) => {
    check(`week ${week.weekStart} opened`, week.opened, sql.weekly[i]?.opened ?? null);
    check(`week ${week.weekStart} closed`, week.closed, sql.weekly[i]?.closed ?? null);
  });
  return out;
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
      if (process.send) process.disconnect();
    },
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exitCode = 1;
    },
  );
}
