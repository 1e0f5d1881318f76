// Reports the JavaScript a first visit downloads (the entry script and the chunks index.html
// preloads), gzipped, and fails the build above the budget. Route chunks load later, on demand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KIB = 250;
const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [
  ...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g),
].map((match) => match[1]);

let total = 0;
for (const file of new Set(initial)) {
  const size = gzipSync(readFileSync(join(dist, file))).length;
  total += size;
  console.log(`  ${file.padEnd(48)} ${(size / 1024).toFixed(1).padStart(7)} KiB gzip`);
}
const verdict = total / 1024 <= BUDGET_KIB ? 'within' : 'OVER';
console.log(
  `Initial JavaScript: ${(total / 1024).toFixed(1)} KiB gzipped, ${verdict} the ${BUDGET_KIB} KiB budget.`,
);
if (verdict === 'OVER') process.exit(1);
