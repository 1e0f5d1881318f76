import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { DataSource } from 'typeorm';
import { systemClock } from '../common/clock';
import { type DatabaseConfig, loadConfig } from '../config/config';
import { readerOptions, writerOptions } from '../database/data-source';
import { ProgramEntity } from '../programs/program.entity';
import { type RecordBreak, type RecordReport, verifyRecord } from '../verification/record-verifier';

const USAGE = `Usage: npm run verify

Recomputes the hash chain of every event and every decision's content hash in the database
DATABASE_URL names (default sqlite:data/ipt.sqlite), reading it only. Exits 0 when the whole
record verifies, 1 at a break (printed), 2 when it could not check.`;

/** Exit codes: a break and a failure to check must not look alike to a script. */
const INTACT = 0;
const BROKEN = 1;
const NOT_CHECKED = 2;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { help: { type: 'boolean', default: false } } });
  if (values.help) {
    console.log(USAGE);
    return INTACT;
  }
  const { database } = loadConfig();
  if (database.kind === 'sqlite' && !existsSync(database.path)) {
    console.error(`There is no database at ${database.path} (DATABASE_URL). ${USAGE}`);
    return NOT_CHECKED;
  }
  // Read only: on SQLite a read-only connection; on PostgreSQL no migration is run.
  const dataSource = new DataSource(readerOptions(database) ?? writerOptions(database));
  await dataSource.initialize();
  try {
    if (await dataSource.showMigrations()) {
      console.error(
        'The database is not at the current schema: start the app once on it (it migrates as it starts), then verify.',
      );
      return NOT_CHECKED;
    }
    const checkedAt = systemClock.now();
    const report = await withProgressBar((bar) =>
      verifyRecord(dataSource.manager, {
        onStart: (events) => bar.start(events, 0),
        onProgress: (events) => bar.update(events),
      }),
    );
    const programs = await dataSource.manager.find(ProgramEntity, { order: { key: 'ASC' } });
    console.log(describeReport(report, describeDatabase(database), checkedAt, programs));
    return report.firstBreak ? BROKEN : INTACT;
  } finally {
    await dataSource.destroy();
  }
}

async function withProgressBar<T>(work: (bar: SingleBar) => Promise<T>): Promise<T> {
  const bar = new SingleBar({
    format: 'events {bar} {percentage}% | {value}/{total} | ETA {eta_formatted}',
    stream: process.stderr,
    hideCursor: true,
    etaBuffer: 50,
    fps: 5,
    // Also when stderr is a log file, not a terminal: a line every ten seconds.
    noTTYOutput: true,
    notTTYSchedule: 10_000,
  });
  try {
    return await work(bar);
  } finally {
    bar.stop();
  }
}

/** The database as the report names it: never a password. */
export function describeDatabase(database: DatabaseConfig): string {
  if (database.kind === 'sqlite') return database.path;
  try {
    const url = new URL(database.url);
    url.password = '';
    return url.toString();
  } catch {
    return 'the PostgreSQL database in DATABASE_URL';
  }
}

const count = (n: number) => n.toLocaleString('en-US');

/** What the operator reads: what was checked, per program, and the first break. */
export function describeReport(
  report: RecordReport,
  database: string,
  checkedAt: Date,
  programs: readonly Pick<ProgramEntity, 'id' | 'key' | 'name'>[],
): string {
  const lines = [`Checked the record in ${database} at ${checkedAt.toISOString()}:`];
  const range =
    report.firstSeq === null
      ? ''
      : ` (seq ${count(report.firstSeq)} to ${count(report.lastSeq ?? 0)})`;
  lines.push(
    `  ${count(report.events)} events${range}: ${report.chainIntact ? 'chain intact' : 'CHAIN BROKEN'}`,
  );
  lines.push(`  ${count(report.decisions)} decisions`);
  const names = new Map(programs.map((p) => [p.id, `${p.key} ${p.name}`]));
  const rows = [...report.programs].sort((a, b) =>
    (a.programId === null ? '' : (names.get(a.programId) ?? a.programId)).localeCompare(
      b.programId === null ? '' : (names.get(b.programId) ?? b.programId),
    ),
  );
  for (const tally of rows) {
    const name =
      tally.programId === null
        ? '(no program: accounts)'
        : (names.get(tally.programId) ?? tally.programId);
    const state = tally.firstBreak ? `broken at ${where(tally.firstBreak)}` : 'intact';
    lines.push(
      `    ${name}: ${count(tally.events)} events, ${count(tally.decisions)} decisions, ${state}`,
    );
  }
  if (report.firstBreak) {
    const found = report.firstBreak;
    lines.push(
      `BROKEN: ${count(report.breaks)} ${report.breaks === 1 ? 'break' : 'breaks'}; the first at ${where(found)}${found.at ? ` recorded ${found.at.toISOString()}` : ''}:`,
      `  ${found.problem}`,
    );
  } else {
    lines.push(
      'VERIFIED: every event follows from its content and the event before it, and every decision matches its content hash and the event that recorded it.',
    );
  }
  return lines.join('\n');
}

function where(found: RecordBreak): string {
  const parts = [
    found.seq === null ? `decision ${found.decisionId ?? ''}` : `event #${found.seq}`,
    found.eventType,
    found.issueKey ? `issue ${found.issueKey}` : null,
  ];
  return parts.filter((part): part is string => Boolean(part)).join(' ');
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = NOT_CHECKED;
    },
  );
}
