import 'reflect-metadata';
import { isAbsolute, join } from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { systemClock } from '../common/clock';
import { findRepositoryRoot } from '../config/config';
import { generateProgram, type GenerateSummary } from './generate/program';

export { generateProgram } from './generate/program';
export type { GenerateOptions, GenerateSummary } from './generate/program';

const USAGE = `Usage: npm run generate -- --issues N [--database data/generated.sqlite] [--force]
       [--seed 1] [--now 2026-11-30T17:00:00Z] [--span-days 1460] [--program GEN]

Builds a realistic program of N issues (log-normal stage durations, per-discipline and
per-authority differences, escalations, the hash-chained event log) in a new SQLite file.`;

export const DEFAULT_GENERATED_DATABASE = 'data/generated.sqlite';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      issues: { type: 'string' },
      database: { type: 'string', default: DEFAULT_GENERATED_DATABASE },
      force: { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
      now: { type: 'string' },
      'span-days': { type: 'string' },
      program: { type: 'string', default: 'GEN' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.issues) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const issues = Number(values.issues);
  const seed = Number(values.seed);
  // The wall clock is read once, here: the generation's "now" unless --now names one.
  const now = values.now ? new Date(values.now) : systemClock.now();
  if (
    !Number.isInteger(issues) ||
    issues < 1 ||
    !Number.isInteger(seed) ||
    Number.isNaN(now.getTime())
  ) {
    console.error(USAGE);
    return 2;
  }
  const database = isAbsolute(values.database)
    ? values.database
    : join(findRepositoryRoot(), values.database);
  const bar = new SingleBar({
    format: 'issues {bar} {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted}',
    stream: process.stderr,
    hideCursor: true,
    etaBuffer: 50,
    fps: 5,
    // Also when stderr is a log file, not a terminal: a line every ten seconds.
    noTTYOutput: true,
    notTTYSchedule: 10_000,
  });
  const barStarted = performance.now();
  bar.start(issues, 0, { rate: '0' });
  let summary: GenerateSummary;
  try {
    summary = await generateProgram({
      issues,
      database,
      force: values.force,
      seed,
      now,
      programKey: values.program.toUpperCase(),
      ...(values['span-days'] ? { spanDays: Number(values['span-days']) } : {}),
      onProgress: (done) => {
        const seconds = (performance.now() - barStarted) / 1000;
        bar.update(done, { rate: seconds > 0 ? Math.round(done / seconds).toString() : '0' });
      },
      onRollupProgress: (done, total) => {
        if (done === total || done % 50_000 === 0)
          console.error(`rolling up timeliness facts: ${done}/${total} issues`);
      },
    });
  } finally {
    bar.stop();
  }
  printSummary(summary);
  return 0;
}

export function printSummary(summary: GenerateSummary): void {
  const rows = Object.entries(summary.counts).sort(([a], [b]) => a.localeCompare(b));
  console.log(
    `Generated program ${summary.programKey} (${summary.issues} issues, seed ${summary.seed}, now ${summary.now.toISOString()})`,
  );
  console.log(`  into ${summary.database}`);
  for (const [table, count] of rows)
    console.log(`  ${table.padEnd(28)} ${count.toLocaleString('en-US').padStart(14)}`);
  console.log(
    `  elapsed ${(summary.elapsedMs / 1000).toFixed(1)} s, of which rolling up the timeliness facts ${(summary.rollupMs / 1000).toFixed(1)} s`,
  );
  console.log(`  file size ${(summary.fileBytes / 1024 / 1024).toFixed(1)} MiB`);
  console.log(
    `  due dates cross-checked against the domain's policyDueAt: ${summary.dueDatesChecked}`,
  );
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
