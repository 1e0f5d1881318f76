// npm run bench:web: what a browser sees of the two screens people open most, in real Chromium.
// Starts the built app (API serving the built web app) on 127.0.0.1 and a free port with a temp
// SQLite database, and measures, signed in as the program manager:
//   1. Lighthouse (performance only) on the dashboard and the tracker of the demo program, with
//      its desktop preset and its default mobile preset (simulated throttling): score, LCP, TBT,
//      CLS, FCP and bytes transferred, medians of BENCH_WEB_RUNS runs, beside the targets, and
//      the audits that cost the most in the median run.
//   2. The tracker's time to first rows: from navigation start of /issues?program=KEY until the
//      first issue row's link is laid out, in a fresh browser context per run (cold HTTP cache,
//      warm server), on the demo program and on a generated program of 100,000 issues, with the
//      GraphQL requests and bytes the page fetched before its first rows and by 2 s after.
// Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium), headless, --no-sandbox (root).
// Everything binds 127.0.0.1, stops by itself and removes its temp dirs, also on failure.
//   BENCH_WEB_RUNS (3)              runs per measurement (medians of them)
//   BENCH_WEB_SKIP_100K (false)     true: the demo program only
//   BENCH_WEB_SKIP_LIGHTHOUSE (false) true: time to first rows only
//   BENCH_WEB_TIMEOUT_SECONDS (120) longest wait for the tracker's first rows
//   BENCH_WEB_REPORT_DIR            where to keep each Lighthouse report (JSON); none by default
//   BENCH_100K_FILE (<tmpdir>/ipt-bench-http/gen-100000.sqlite): shared with bench:http,
//                                   generated once, then reused
//   BENCH_PRODUCT_ROOT              a clean build of a commit to measure instead of this tree's
/* global document, window, location, requestAnimationFrame -- in the functions run in the page */
import Database from 'better-sqlite3';
import lighthouse, { desktopConfig } from 'lighthouse';
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = join(import.meta.dirname, '../..');
const PRODUCT = process.env.BENCH_PRODUCT_ROOT ?? ROOT;
const RUNS = Math.max(1, Number(process.env.BENCH_WEB_RUNS ?? 3));
const SKIP_100K = process.env.BENCH_WEB_SKIP_100K === 'true';
const SKIP_LIGHTHOUSE = process.env.BENCH_WEB_SKIP_LIGHTHOUSE === 'true';
const TIMEOUT_MS = Number(process.env.BENCH_WEB_TIMEOUT_SECONDS ?? 120) * 1000;
const REPORT_DIR = process.env.BENCH_WEB_REPORT_DIR;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const GENERATED = process.env.BENCH_100K_FILE ?? join(tmpdir(), 'ipt-bench-http/gen-100000.sqlite');

/**
 * The first issue row's link in the tracker's table: the table's class, a row the table numbers
 * (virtualised or not) and the link every row carries to its issue.
 */
const FIRST_ROW = 'table.issues-grid tbody tr[data-row-index] a';
/** How long after the first rows the tracker's GraphQL traffic is still counted. */
const AFTER_MS = 2000;
const TARGETS = {
  score: { desktop: 90, mobile: 75 },
  lcpSeconds: { desktop: 2.5, mobile: null },
  firstRowsSeconds: 1.5,
  firstRowsRatio: 2,
};
/** Debian's Chromium on a machine with no network: nothing may call out. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--mute-audio',
];

const children = new Set();
const folders = new Set();
const browsers = new Set();
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

function temporaryFolder(prefix) {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  folders.add(folder);
  return folder;
}

async function startProduct(databaseFile, demo) {
  const child = spawn(process.execPath, [join(PRODUCT, 'apps/api/dist/main.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: `sqlite:${databaseFile}`,
      IPT_DEMO: demo ? 'true' : 'false',
      ARGON2_MEMORY_KIB: '1024',
      ARGON2_TIME_COST: '1',
      TIMELINESS_SWEEP_SECONDS: '0',
      NOTIFICATION_SWEEP_SECONDS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The API did not start:\n${output}`)), 180_000);
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

async function stopProduct(product) {
  if (product.child.exitCode !== null) return;
  const exited = new Promise((resolve) => product.child.once('exit', resolve));
  product.child.kill('SIGTERM');
  await exited;
}

/** Signs in through the API's login mutation; the session cookie as Playwright takes it. */
async function signIn(url, email, password) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query:
        'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { id } }',
      variables: { email, password },
    }),
  });
  const body = await response.json();
  const setCookie = response.headers.get('set-cookie');
  if (!body.data || !setCookie)
    throw new Error(`Sign-in as ${email} failed: ${JSON.stringify(body)}`);
  const [pair] = setCookie.split(';');
  const at = pair.indexOf('=');
  return {
    name: pair.slice(0, at),
    value: pair.slice(at + 1),
    url,
    httpOnly: true,
    sameSite: 'Lax',
  };
}

function programKey(file) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT key FROM programs ORDER BY created_at LIMIT 1').pluck().get();
  } finally {
    db.close();
  }
}

async function prepareDemo() {
  const folder = temporaryFolder('ipt-bench-web-');
  const file = join(folder, 'ipt.sqlite');
  return { name: 'demo', file, demo: true, manager: 'pm@example.com', password: 'ipt-demo-pass' };
}

/** The generated program of 100,000 issues: made once into BENCH_100K_FILE, copied per run. */
function prepare100k() {
  if (!existsSync(GENERATED)) {
    mkdirSync(join(GENERATED, '..'), { recursive: true });
    // Generated under another name and renamed when complete: an interrupted run leaves no
    // half-made file for the next to reuse.
    const partial = `${GENERATED}.partial`;
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      rmSync(`${partial}${suffix}`, { force: true });
    const began = performance.now();
    const run = spawnSync(
      process.execPath,
      [join(PRODUCT, 'apps/api/dist/cli/generate.js'), '--issues', '100000', '--database', partial],
      { cwd: ROOT, stdio: 'inherit' },
    );
    if (run.status !== 0) throw new Error('Generating the program failed');
    renameSync(partial, GENERATED);
    console.log(
      `Generated 100,000 issues in ${((performance.now() - began) / 1000).toFixed(0)} s into ${GENERATED}`,
    );
  } else {
    console.log(`Reusing the generated program ${GENERATED}`);
  }
  const folder = temporaryFolder('ipt-bench-web-');
  const file = join(folder, 'ipt.sqlite');
  copyFileSync(GENERATED, file);
  return {
    name: '100k',
    file,
    demo: false,
    manager: 'pm@gen.example.com',
    password: 'ipt-generated-pass',
  };
}

const median = (values) => {
  const sorted = values
    .filter((v) => typeof v === 'number' && !Number.isNaN(v))
    .sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function fmt(value, digits = 0) {
  return value === undefined || value === null || Number.isNaN(value)
    ? '–'
    : value.toLocaleString('en-US', {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
      });
}

// ---------------------------------------------------------------------------------------------
// Lighthouse

/**
 * Chromium with a user data dir of our own, the session cookie in its jar (so the page's
 * fetches and its WebSocket carry it, as a signed-in person's would) and a DevTools port that
 * Lighthouse connects to. Lighthouse clears caches and storage per run but not cookies.
 */
async function launchForLighthouse(cookie) {
  const profile = temporaryFolder('ipt-bench-web-chromium-');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, '--remote-debugging-port=0', '--remote-debugging-address=127.0.0.1'],
  });
  browsers.add(context);
  await context.addCookies([cookie]);
  const portFile = join(profile, 'DevToolsActivePort');
  for (let n = 0; n < 100 && !existsSync(portFile); n++)
    await new Promise((resolve) => setTimeout(resolve, 100));
  const port = Number(readFileSync(portFile, 'utf8').split('\n')[0]);
  if (!port) throw new Error('Chromium did not say its DevTools port');
  return { context, port };
}

const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  speedIndex: 'speed-index',
  bytes: 'total-byte-weight',
};

/**
 * A Lighthouse run, again (up to 3 tries) when Lighthouse reports a run-time error: on a loaded
 * machine its trace sometimes misses the navigation (NO_NAVSTART, NO_FCP).
 */
async function runLighthouse(port, url, preset) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await lighthouseOnce(port, url, preset);
    } catch (error) {
      if (attempt >= 3 || !error.lighthouseRuntimeError) throw error;
      console.log(`(${preset} ${url}: ${error.message}; trying again)`);
    }
  }
}

async function lighthouseOnce(port, url, preset) {
  const flags = {
    port,
    hostname: '127.0.0.1',
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
  };
  const result = await lighthouse(url, flags, preset === 'desktop' ? desktopConfig : undefined);
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError)
    throw Object.assign(new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`), {
      lighthouseRuntimeError: true,
    });
  const landed = new URL(lhr.finalDisplayedUrl);
  if (landed.pathname !== new URL(url).pathname)
    throw new Error(`Lighthouse landed on ${lhr.finalDisplayedUrl}, not ${url}: not signed in?`);
  const figures = { score: (lhr.categories.performance.score ?? NaN) * 100 };
  for (const [name, id] of Object.entries(METRICS)) figures[name] = lhr.audits[id]?.numericValue;
  return { figures, lhr, warnings: lhr.runWarnings ?? [] };
}

/** The audits that cost this run the most: failed opportunities and diagnostics, heaviest first. */
function diagnostics(lhr) {
  const metricIds = new Set(Object.values(METRICS));
  const refs = lhr.categories.performance.auditRefs.filter((ref) => !metricIds.has(ref.id));
  const found = [];
  for (const ref of refs) {
    const audit = lhr.audits[ref.id];
    if (!audit || audit.score === null || audit.score >= 0.9) continue;
    if (!['numeric', 'binary', 'metricSavings'].includes(audit.scoreDisplayMode)) continue;
    const savings = audit.metricSavings ?? {};
    const weight =
      (savings.LCP ?? 0) +
      (savings.TBT ?? 0) +
      (savings.FCP ?? 0) +
      (audit.details?.overallSavingsMs ?? 0);
    found.push({
      id: ref.id,
      title: audit.title,
      display: audit.displayValue ?? '',
      weight,
      savings,
    });
  }
  return found.sort((a, b) => b.weight - a.weight);
}

/** Where main-thread time went and which scripts took it, and what the LCP was made of. */
function breakdown(lhr) {
  // Simulated throttling (both presets) scales main-thread times by the CPU slowdown it assumes.
  const cpu = lhr.configSettings.throttling?.cpuSlowdownMultiplier ?? 1;
  const lines = [
    cpu === 1
      ? 'main-thread times as observed'
      : `main-thread times: the observed ones × ${cpu} (the preset's simulated CPU slowdown)`,
  ];
  const main = lhr.audits['mainthread-work-breakdown'];
  if (main?.details?.items)
    lines.push(
      `main thread ${main.displayValue}: ` +
        main.details.items
          .slice(0, 4)
          .map((item) => `${item.groupLabel ?? item.group} ${fmt(item.duration)} ms`)
          .join(', '),
    );
  const bootup = lhr.audits['bootup-time'];
  if (bootup?.details?.items)
    lines.push(
      `JS execution ${bootup.displayValue}: ` +
        bootup.details.items
          .slice(0, 3)
          .map(
            (item) => `${shortUrl(item.url)} ${fmt(item.total)} ms (eval ${fmt(item.scripting)})`,
          )
          .join(', '),
    );
  const lcpElement = lhr.audits['largest-contentful-paint-element'];
  const tables = lcpElement?.details?.items ?? [];
  const element = tables[0]?.items?.[0]?.node;
  const phases = tables[1]?.items;
  if (element || phases)
    lines.push(
      `LCP element ${element ? `${element.nodeLabel?.slice(0, 50)} (${element.selector?.slice(-60)})` : '?'}` +
        (phases ? `; ${phases.map((p) => `${p.phase} ${fmt(p.timing)} ms`).join(', ')}` : ''),
    );
  const server = lhr.audits['server-response-time'];
  if (server?.numericValue !== undefined)
    lines.push(`document response ${fmt(server.numericValue)} ms (observed)`);
  const tasks = lhr.audits['long-tasks'];
  if (tasks?.details?.items?.length)
    lines.push(
      `longest tasks: ${tasks.details.items
        .slice(0, 4)
        .map((t) => `${fmt(t.duration)} ms ${shortUrl(t.url)}`)
        .join(', ')}`,
    );
  return lines;
}

function shortUrl(url) {
  if (!url) return '';
  try {
    const parsed = new URL(url);
    return parsed.pathname.split('/').pop() || parsed.pathname;
  } catch {
    return url;
  }
}

async function lighthouseSection(product, key, cookie) {
  const screens = [
    ['dashboard', `${product.url}/dashboard?program=${key}`],
    ['tracker', `${product.url}/issues?program=${key}`],
  ];
  const presets = ['desktop', 'mobile'];
  const runs = new Map();
  const { context, port } = await launchForLighthouse(cookie);
  try {
    // A first pass per screen, not counted: the server's caches warm as a visitor's would find them.
    for (const [, url] of screens) await runLighthouse(port, url, 'desktop');
    for (let run = 1; run <= RUNS; run++) {
      for (const [screen, url] of screens)
        for (const preset of presets) {
          const began = performance.now();
          const result = await runLighthouse(port, url, preset);
          const key = `${screen} ${preset}`;
          if (!runs.has(key)) runs.set(key, { screen, preset, results: [] });
          runs.get(key).results.push(result);
          const f = result.figures;
          console.log(
            `lighthouse ${run}/${RUNS} ${key}: score ${fmt(f.score)}, LCP ${fmt(f.lcp / 1000, 2)} s, ` +
              `TBT ${fmt(f.tbt)} ms, CLS ${fmt(f.cls, 3)}, FCP ${fmt(f.fcp / 1000, 2)} s, ` +
              `${fmt(f.bytes / 1024, 1)} KiB (${((performance.now() - began) / 1000).toFixed(0)} s)` +
              (result.warnings.length ? `; warnings: ${result.warnings.join(' | ')}` : ''),
          );
          if (REPORT_DIR) {
            mkdirSync(REPORT_DIR, { recursive: true });
            writeFileSync(
              join(REPORT_DIR, `${screen}-${preset}-${run}.json`),
              JSON.stringify(result.lhr),
            );
          }
        }
    }
  } finally {
    browsers.delete(context);
    await context.close();
  }
  return runs;
}

function lighthouseTable(runs) {
  const lines = [
    '| screen | preset | score | target | LCP s | target | TBT ms | CLS | FCP s | Speed Index s | transfer KiB | result |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  let failed = 0;
  const notes = [];
  for (const { screen, preset, results } of runs.values()) {
    const m = (name) => median(results.map((r) => r.figures[name]));
    const score = m('score');
    const lcp = m('lcp') / 1000;
    const scoreTarget = TARGETS.score[preset];
    const lcpTarget = TARGETS.lcpSeconds[preset];
    const misses = [];
    if (score < scoreTarget) misses.push(`score ${fmt(scoreTarget - score)} short`);
    if (lcpTarget !== null && lcp > lcpTarget) misses.push(`LCP ${fmt(lcp - lcpTarget, 2)} s over`);
    if (misses.length) failed++;
    lines.push(
      `| ${screen} | ${preset} | ${fmt(score)} | ≥ ${scoreTarget} | ${fmt(lcp, 2)} | ${lcpTarget === null ? '–' : `≤ ${lcpTarget}`} | ${fmt(m('tbt'))} | ${fmt(m('cls'), 3)} | ${fmt(m('fcp') / 1000, 2)} | ${fmt(m('speedIndex') / 1000, 2)} | ${fmt(m('bytes') / 1024, 1)} | ${misses.length ? `FAIL (${misses.join(', ')})` : 'PASS'} |`,
    );
    // The run whose score is the median: what bounds it.
    const sorted = [...results].sort((a, b) => a.figures.score - b.figures.score);
    const middle = sorted[Math.floor(sorted.length / 2)];
    const top = diagnostics(middle.lhr).slice(0, 6);
    notes.push(
      `${screen} ${preset} (median-score run, score ${fmt(middle.figures.score)}; scores of the runs: ${results.map((r) => fmt(r.figures.score)).join(', ')}):\n` +
        breakdown(middle.lhr)
          .map((line) => `  - ${line}`)
          .join('\n') +
        (top.length
          ? `\n  - audits below 0.9: ${top.map((d) => `${d.title}${d.display ? ` (${d.display})` : ''}`).join('; ')}`
          : '\n  - no audit below 0.9'),
    );
  }
  return { text: lines.join('\n'), notes: notes.join('\n'), failed };
}

// ---------------------------------------------------------------------------------------------
// The tracker's time to first rows

/** One visit in a new context (cold HTTP cache): first rows and the GraphQL traffic around them. */
async function firstRowsVisit(browser, cookie, url) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  try {
    await context.addCookies([cookie]);
    await context.addInitScript((selector) => {
      // Checked every frame from the document's start: the first frame in which the first row's
      // link is in the document and laid out (the frame that paints it), in ms since navigation
      // start (performance.now()'s origin in a document).
      const check = () => {
        const link = document.querySelector(selector);
        const box = link?.getBoundingClientRect();
        if (box && box.width > 0 && box.height > 0) {
          window.__benchFirstRows = performance.now();
          return;
        }
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    }, FIRST_ROW);
    const page = await context.newPage();
    const graphql = [];
    // Every request's times, for the timeline of what came before the first rows.
    const everything = [];
    page.on('requestfinished', (request) => {
      const timing = request.timing();
      everything.push({
        name: shortUrl(request.url()) || request.url(),
        graphql: request.url().includes('/graphql') && request.method() === 'POST',
        start: timing.startTime,
        waiting: timing.responseStart >= 0 ? timing.responseStart - timing.requestStart : NaN,
        end: timing.startTime + timing.responseEnd,
        operation: null,
      });
      if (!everything.at(-1).graphql) return;
      let operation = '?';
      try {
        const body = request.postDataJSON();
        operation =
          body.operationName ?? /(?:query|mutation)\s+(\w+)/.exec(body.query ?? '')?.[1] ?? '?';
      } catch {
        // Not JSON: counted all the same.
      }
      everything.at(-1).name = operation;
      graphql.push(
        request.sizes().then((sizes) => ({
          operation,
          start: timing.startTime,
          end: timing.startTime + timing.responseEnd,
          bytes: sizes.responseBodySize + sizes.responseHeadersSize,
        })),
      );
    });
    let failedRequests = 0;
    page.on('requestfailed', (request) => {
      if (request.url().includes('/graphql')) failedRequests++;
    });
    const began = performance.now();
    await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT_MS });
    await page.waitForFunction(() => window.__benchFirstRows !== undefined, null, {
      timeout: TIMEOUT_MS,
      polling: 50,
    });
    const wall = performance.now() - began;
    const { firstRows, origin, path } = await page.evaluate(() => ({
      firstRows: window.__benchFirstRows,
      origin: performance.timeOrigin,
      path: location.pathname + location.search,
    }));
    if (!path.startsWith('/issues')) throw new Error(`The tracker went to ${path}: not signed in?`);
    // What was asked for by 2 s after the first rows, once those answers are in (or 10 s more).
    const horizon = origin + firstRows + AFTER_MS;
    await page.waitForTimeout(Math.max(0, horizon - Date.now()) + 200);
    const settleUntil = Date.now() + 10_000;
    let requests = await Promise.all(graphql);
    while (Date.now() < settleUntil) {
      await page.waitForTimeout(250);
      const now = await Promise.all(graphql);
      if (now.length === requests.length) break;
      requests = now;
    }
    requests = await Promise.all(graphql);
    const at = origin + firstRows;
    const before = requests.filter((r) => r.start <= at);
    const by = requests.filter((r) => r.start <= horizon);
    const rowCount = await page.locator(FIRST_ROW).count();
    return {
      firstRows,
      wall,
      rowCount,
      failedRequests,
      before: {
        count: before.length,
        bytes: sum(before.filter((r) => r.end <= at).map((r) => r.bytes)),
      },
      after: {
        count: by.length,
        bytes: sum(by.filter((r) => r.end <= horizon).map((r) => r.bytes)),
      },
      operations: countBy(by.map((r) => r.operation)),
      // ms since navigation start: start-end (server wait) of each request begun before the rows.
      timeline: everything
        .filter((r) => r.start <= at)
        .sort((a, b) => a.start - b.start)
        .map(
          (r) =>
            `${r.name} ${fmt(r.start - origin)}-${fmt(r.end - origin)}` +
            (r.graphql && !Number.isNaN(r.waiting) ? ` (wait ${fmt(r.waiting)})` : ''),
        ),
      domContentLoaded: await page.evaluate(
        () => performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd,
      ),
    };
  } finally {
    await context.close();
  }
}

const sum = (values) => values.reduce((a, b) => a + b, 0);
function countBy(values) {
  const counts = new Map();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([name, n]) => `${name}×${n}`).join(', ');
}

async function firstRowsSection(dataset, product, key, cookie) {
  const url = `${product.url}/issues?program=${encodeURIComponent(key)}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  browsers.add(browser);
  try {
    // A first visit, printed, not counted: on the 100k program the first after start-up, with the
    // server's caches cold (on the demo Lighthouse has warmed them).
    const first = await firstRowsVisit(browser, cookie, url);
    console.log(`${dataset.name} first visit (not counted): first rows ${fmt(first.firstRows)} ms`);
    const visits = [];
    for (let run = 1; run <= RUNS; run++) {
      const visit = await firstRowsVisit(browser, cookie, url);
      visits.push(visit);
      console.log(
        `${dataset.name} run ${run}/${RUNS}: first rows ${fmt(visit.firstRows)} ms (${fmt(visit.wall)} ms from goto), ` +
          `${visit.rowCount} issue rows in the DOM; GraphQL before: ${visit.before.count} req ${fmt(visit.before.bytes / 1024, 1)} KiB, ` +
          `by +2 s: ${visit.after.count} req ${fmt(visit.after.bytes / 1024, 1)} KiB (${visit.operations})` +
          (visit.failedRequests ? `, ${visit.failedRequests} failed` : ''),
      );
    }
    return { name: dataset.name, key, first, visits };
  } finally {
    browsers.delete(browser);
    await browser.close();
  }
}

function firstRowsTable(results) {
  const demo = results.find((r) => r.name === 'demo');
  const lines = [
    '| program | first rows ms (median) | runs ms | first visit ms | GraphQL req before | KiB before | GraphQL req by +2 s | KiB by +2 s | target | result |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  ];
  let failed = 0;
  const demoMedian = demo ? median(demo.visits.map((v) => v.firstRows)) : NaN;
  for (const result of results) {
    const m = (pick) => median(result.visits.map(pick));
    const firstRows = m((v) => v.firstRows);
    let target = '–';
    let verdict = '–';
    if (result.name !== 'demo') {
      const ratio = firstRows / demoMedian;
      const misses = [];
      if (firstRows > TARGETS.firstRowsSeconds * 1000)
        misses.push(`${fmt(firstRows / 1000 - TARGETS.firstRowsSeconds, 2)} s over`);
      if (ratio > TARGETS.firstRowsRatio) misses.push(`${fmt(ratio, 2)}× the demo's`);
      target = `≤ ${TARGETS.firstRowsSeconds} s and ≤ ${TARGETS.firstRowsRatio}× demo (${fmt(ratio, 2)}×)`;
      verdict = misses.length ? `FAIL (${misses.join(', ')})` : 'PASS';
      if (misses.length) failed++;
    }
    lines.push(
      `| ${result.name} (${result.key}) | ${fmt(firstRows)} | ${result.visits.map((v) => fmt(v.firstRows)).join(', ')} | ${fmt(result.first.firstRows)} | ${fmt(m((v) => v.before.count))} | ${fmt(m((v) => v.before.bytes) / 1024, 1)} | ${fmt(m((v) => v.after.count))} | ${fmt(m((v) => v.after.bytes) / 1024, 1)} | ${target} | ${verdict} |`,
    );
  }
  const timelines = results.map((result) => {
    const sorted = [...result.visits].sort((a, b) => a.firstRows - b.firstRows);
    const visit = sorted[Math.floor(sorted.length / 2)];
    return (
      `${result.name} (median run): DOMContentLoaded ${fmt(visit.domContentLoaded)} ms, first rows ` +
      `${fmt(visit.firstRows)} ms; requests begun before, ms since navigation start:\n  ` +
      visit.timeline.join(', ')
    );
  });
  return { text: lines.join('\n'), timelines: timelines.join('\n'), failed };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  for (const file of ['apps/api/dist/main.js', 'apps/web/dist/index.html'])
    if (!existsSync(join(PRODUCT, file)))
      throw new Error(`${file} is missing: build first (npm run bench:web builds).`);
  if (!existsSync(CHROMIUM))
    throw new Error(`No Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH).`);
  const git = (...args) =>
    spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  const changed = git('status', '--porcelain', '--', 'apps', 'libs')
    ? ' (apps/ or libs/ changed)'
    : '';
  const chromiumVersion = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  const lighthouseVersion = JSON.parse(
    readFileSync(join(ROOT, 'node_modules/lighthouse/package.json'), 'utf8'),
  ).version;
  console.log(
    `bench:web, harness at ${git('rev-parse', '--short', 'HEAD')}${PRODUCT === ROOT ? changed : ''}, ${new Date().toISOString()}, ${cpus().length} cores, ` +
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}, Node ${process.version}, ` +
      `${chromiumVersion}, Lighthouse ${lighthouseVersion}; ${RUNS} runs; product built in ${PRODUCT}`,
  );

  // The 100k program is copied (2.3 GiB) only when its turn comes.
  const datasets = [prepareDemo];
  if (!SKIP_100K) datasets.push(prepare100k);
  let lighthouseResult = null;
  const firstRows = [];
  for (const prepare of datasets) {
    const dataset = await prepare();
    const product = await startProduct(dataset.file, dataset.demo);
    try {
      const key = programKey(dataset.file);
      const cookie = await signIn(product.url, dataset.manager, dataset.password);
      console.log(`\n== ${dataset.name}: program ${key} on ${product.url}, as ${dataset.manager}`);
      if (dataset.name === 'demo' && !SKIP_LIGHTHOUSE) {
        lighthouseResult = lighthouseTable(await lighthouseSection(product, key, cookie));
        console.log(`\n${lighthouseResult.text}\n`);
      }
      firstRows.push(await firstRowsSection(dataset, product, key, cookie));
    } finally {
      await stopProduct(product);
      rmSync(dataset.file, { force: true });
    }
  }

  console.log(
    `\nbench:web, ${RUNS} runs, medians; load average now ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  let failed = 0;
  if (lighthouseResult) {
    console.log(
      `\n### Lighthouse (performance), demo program, as the program manager\n\n${lighthouseResult.text}\n\n` +
        `What bounds them:\n${lighthouseResult.notes}`,
    );
    failed += lighthouseResult.failed;
  }
  const rows = firstRowsTable(firstRows);
  failed += rows.failed;
  console.log(
    `\n### Tracker: time to first rows (navigation start to the first row laid out; fresh context per run, warm server)\n\n${rows.text}\n\n${rows.timelines}\n`,
  );
  console.log(`${failed} below target.`);
  process.exitCode = failed === 0 ? 0 : 1;
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    for (const browser of browsers) await browser.close().catch(() => {});
    cleanUp();
  });
