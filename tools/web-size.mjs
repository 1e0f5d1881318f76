// node tools/web-size.mjs [--budget KiB] [--json]: the JavaScript a first visit to each screen
// of the built web app (apps/web/dist) downloads, read from Vite's manifest: the entry chunk and
// its static imports, plus the screen's route chunk and its static imports. Printed per screen
// as raw, gzip and brotli KiB, with the bytes on the wire (page, style sheets and scripts as the
// API serves them to a browser that accepts brotli) and the JavaScript the screen fetches later,
// on demand (charts as they scroll into view). Fails above the budget (150 KiB gzipped; ADR 0021).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { constants, brotliCompressSync, gzipSync } from 'node:zlib';

const ROOT = join(import.meta.dirname, '..');
const DIST = join(ROOT, 'apps/web/dist');
const args = process.argv.slice(2);
const budgetAt = args.indexOf('--budget');
const BUDGET_KIB = budgetAt >= 0 ? Number(args[budgetAt + 1]) : 150;
const JSON_OUTPUT = args.includes('--json');

/** The route each lazily loaded screen module answers (apps/web/src/app/router.tsx). */
const ROUTES = {
  'src/features/dashboard/components/LandingRedirect.tsx': '/',
  'src/features/issues/components/IssuesPage.tsx': '/issues',
  'src/features/issue/IssuePage.tsx': '/issues/:key',
  'src/features/inbox/InboxPage.tsx': '/inbox',
  'src/features/queue/DecisionQueuePage.tsx': '/queue',
  'src/features/decision-log/DecisionLogPage.tsx': '/decisions',
  'src/features/setup/SetupPage.tsx': '/setup',
  'src/features/dashboard/DashboardPage.tsx': '/dashboard',
  'src/features/leadership/LeadershipPage.tsx': '/leadership',
  'src/features/notifications/NotificationsPage.tsx': '/notifications',
};

const manifestFile = join(DIST, '.vite/manifest.json');
if (!existsSync(manifestFile)) {
  console.error(`No ${manifestFile}: build the web app first (npx nx run web:build).`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);

/** Every chunk `keys` load before running: themselves and their static imports, transitively. */
function closure(keys, into = new Set()) {
  for (const key of keys) {
    if (into.has(key)) continue;
    into.add(key);
    closure(manifest[key].imports ?? [], into);
  }
  return into;
}

const sizes = new Map();
/** Raw, gzip (level 9) and brotli (quality 11) bytes of a file in dist, and what is served. */
function size(file) {
  if (!sizes.has(file)) {
    const content = readFileSync(join(DIST, file));
    const gzip = gzipSync(content, { level: 9 }).length;
    const br = brotliCompressSync(content, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    }).length;
    // The server sends the precompressed .br file when the build wrote one (ADR 0021).
    const served = existsSync(join(DIST, `${file}.br`))
      ? statSync(join(DIST, `${file}.br`)).size
      : content.length;
    sizes.set(file, { raw: content.length, gzip, br, served });
  }
  return sizes.get(file);
}

function total(files, field) {
  return [...files].reduce((sum, file) => sum + size(file)[field], 0);
}

function measure(name, route, keys) {
  const chunks = closure(keys);
  const js = new Set([...chunks].map((key) => manifest[key].file));
  const css = new Set([...chunks].flatMap((key) => manifest[key].css ?? []));
  // What the screen fetches afterwards, on demand: its own dynamic imports (not other screens).
  const later = new Set();
  for (const key of chunks) {
    if (key === entryKey) continue;
    for (const lazy of closure(manifest[key].dynamicImports ?? [])) {
      if (!chunks.has(lazy)) later.add(manifest[lazy].file);
    }
  }
  const page = ['index.html', ...css, ...js];
  return {
    screen: route,
    module: name,
    files: js.size,
    jsRawKiB: total(js, 'raw') / 1024,
    jsGzipKiB: total(js, 'gzip') / 1024,
    jsBrotliKiB: total(js, 'br') / 1024,
    wireBeforeKiB: total(page, 'raw') / 1024,
    wireKiB: total(page, 'served') / 1024,
    laterGzipKiB: total(later, 'gzip') / 1024,
  };
}

const screens = [measure('sign-in (entry only)', '/sign-in', [entryKey])];
for (const key of manifest[entryKey].dynamicImports ?? []) {
  screens.push(measure(manifest[key].name ?? key, ROUTES[key] ?? key, [entryKey, key]));
}

const over = screens.filter((screen) => screen.jsGzipKiB > BUDGET_KIB);
if (JSON_OUTPUT) {
  console.log(JSON.stringify({ budgetKiB: BUDGET_KIB, screens }, null, 2));
} else {
  const kib = (value) => value.toFixed(1).padStart(7);
  console.log(
    `${'screen'.padEnd(16)}${'files'.padStart(6)} ${'JS raw'.padStart(7)} ${'JS gzip'.padStart(7)} ${'JS br'.padStart(7)} ${'wire'.padStart(7)} ${'uncompr.'.padStart(8)} ${'later'.padStart(7)}  (KiB)`,
  );
  for (const s of screens) {
    console.log(
      `${s.screen.padEnd(16)}${String(s.files).padStart(6)} ${kib(s.jsRawKiB)} ${kib(s.jsGzipKiB)} ${kib(s.jsBrotliKiB)} ${kib(s.wireKiB)} ${kib(s.wireBeforeKiB).padStart(8)} ${kib(s.laterGzipKiB)}${s.jsGzipKiB > BUDGET_KIB ? '  OVER' : ''}`,
    );
  }
  console.log(
    `First-visit JavaScript per screen, gzipped: at most ${Math.max(...screens.map((s) => s.jsGzipKiB)).toFixed(1)} KiB; budget ${BUDGET_KIB} KiB${over.length ? `; over it: ${over.map((s) => s.screen).join(', ')}` : ', every screen within it'}.`,
  );
  console.log(
    'wire: index.html, CSS and JS as served to a browser accepting br; uncompr.: the same files uncompressed; later: JS (gzip) fetched on demand once the screen shows.',
  );
}
if (over.length) process.exit(1);
