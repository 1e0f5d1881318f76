import { existsSync, rmSync, statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import {
  DEFAULT_DISCIPLINES,
  DEFAULT_TIMELINESS_POLICY,
  ProgramRoleKind,
  type TimelinessPolicy,
} from '@ipt/domain';
import { hashPassword } from '../../auth/passwords';
import { openDatabases } from '../../database/data-source';
import { backfillIssueFacts } from '../../timeliness/issue-facts.rollup';
import {
  ALL_DISCIPLINES,
  GENERATED_PASSWORD,
  GENERATED_PROGRAM,
  TEAMS,
  type TeamSpec,
} from './cast';
import { DueDates } from './due-dates';
import { IssueSimulation, type Person, type Team, type World } from './issue-simulation';
import { Random } from './random';
import { Sink } from './sink';

const HOUR = 3_600_000;
const DAY = 86_400_000;

export interface GenerateOptions {
  readonly issues: number;
  /** SQLite file to create. */
  readonly database: string;
  /** Replace an existing file. */
  readonly force?: boolean;
  readonly seed?: number;
  /** The generation's "now": the last issues are raised just before it. */
  readonly now: Date;
  /** How many days the issues are spread over, ending at `now` (default four years). */
  readonly spanDays?: number;
  readonly programKey?: string;
  /** Issues per write transaction. */
  readonly batchSize?: number;
  /** Called as issues are written (done so far, total). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Called as the issues' timeliness facts are rolled up, after they are all generated. */
  readonly onRollupProgress?: (done: number, total: number) => void;
}

export interface GenerateSummary {
  readonly database: string;
  readonly programKey: string;
  readonly programId: string;
  readonly now: Date;
  readonly seed: number;
  readonly issues: number;
  /** Rows written per table. */
  readonly counts: Readonly<Record<string, number>>;
  readonly elapsedMs: number;
  /** Of which rolling up the issues' timeliness facts (the API's own code, as at its start). */
  readonly rollupMs: number;
  readonly fileBytes: number;
  /** Due dates recomputed with the domain's own functions, as a check. */
  readonly dueDatesChecked: number;
}

/**
 * Indexes on these tables are dropped while loading and rebuilt once at the end (faster). The
 * events table is the exception: its rows are large, so a rebuild means scanning gigabytes; its
 * (issue_id, seq) and (program_id, seq) keys grow in order anyway (time-ordered ids), and only
 * (program_id, at), whose keys arrive out of order, is rebuilt.
 */
const BULK_TABLES = [
  'issues',
  'issue_required_disciplines',
  'options',
  'recommendations',
  'waivers',
  'decisions',
  'action_items',
  'escalations',
  'non_concurrences',
  'events',
];

/**
 * Builds a realistic program of any size in a new SQLite database: the app's migrations make the
 * schema, then rows go in with prepared statements in large transactions. See the README's
 * "Scale" section for what a million issues cost.
 */
export async function generateProgram(options: GenerateOptions): Promise<GenerateSummary> {
  const started = performance.now();
  if (!Number.isInteger(options.issues) || options.issues < 1)
    throw new Error(`--issues must be a whole number >= 1, not ${options.issues}`);
  const seed = options.seed ?? 1;
  const now = options.now.getTime();
  if (Number.isNaN(now)) throw new Error('--now is not an instant');
  const programKey = options.programKey ?? 'GEN';
  const path = options.database;
  if (existsSync(path)) {
    if (!options.force)
      throw new Error(`${path} already exists; pass --force to replace it, or name another file.`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  }

  // The app's own migrations build the schema; then the loader takes the file alone, with no
  // journal on disk while loading (a failed run leaves a file to delete, which --force does), so every
  // page is written once, and WAL again at the end as the app keeps it.
  const databases = await openDatabases({ kind: 'sqlite', path, synchronous: 'NORMAL' });
  await databases.close();
  const db = new BetterSqlite3(path);
  let programId: string;
  let counts: Record<string, number>;
  let dueDatesChecked: number;
  try {
    // SQLite leaves WAL only for a rollback journal; better-sqlite3's defensive mode refuses OFF,
    // and MEMORY keeps the rollback journal off the disk, which is what matters here.
    db.pragma('journal_mode = DELETE');
    db.pragma('journal_mode = MEMORY');
    if (db.pragma('journal_mode', { simple: true }) !== 'memory')
      throw new Error(`Could not take ${path} out of WAL mode for loading`);
    db.pragma('foreign_keys = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    db.pragma('temp_store = MEMORY');
    const indexes = db
      .prepare(
        `SELECT name, tbl_name AS "table", sql FROM sqlite_master
         WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${BULK_TABLES.map(() => '?').join(', ')})`,
      )
      .all(...BULK_TABLES)
      .filter(
        (index) =>
          (index as { table: string }).table !== 'events' ||
          /\("program_id", "at"\)/.test((index as { sql: string }).sql),
      ) as { name: string; sql: string }[];
    for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);

    const random = new Random(seed);
    const sink = new Sink(db);
    const policy: TimelinessPolicy = DEFAULT_TIMELINESS_POLICY;
    const due = new DueDates(policy, {
      timeZone: GENERATED_PROGRAM.timeZone,
      holidays: new Set(policy.holidays),
    });
    const spanDays = options.spanDays ?? 4 * 365;
    const start = now - spanDays * DAY;
    const setupAt = start - 7 * DAY;
    const passwordHash = await hashPassword(GENERATED_PASSWORD, {
      memoryCostKiB: 19_456,
      timeCost: 2,
    });

    const setup = db.transaction(() =>
      setUpProgram(sink, random, programKey, setupAt, passwordHash),
    );
    const cast = setup();
    programId = cast.programId;

    const world: World = {
      programId,
      programKey,
      programManager: cast.programManager,
      now,
      random,
      due,
      sink,
      workTime: (instant) => workTime(instant, due, random),
    };
    const raiseTimes = raiseInstants(options.issues, start, now, due, random);
    const raiseTeams = cast.teams.map(
      (team) => [team, TEAMS.find((t) => t.ref === team.ref)?.raiseWeight ?? 0] as const,
    );
    const batchSize = options.batchSize ?? 5000;
    let done = 0;
    const batch = db.transaction((count: number) => {
      for (let i = 0; i < count; i++) {
        const number = done + 1;
        const team = random.weighted(raiseTeams);
        new IssueSimulation(world, number, team, raiseTimes.next()).run();
        done++;
        if (done % 1000 === 0) options.onProgress?.(done, options.issues);
      }
    });
    while (done < options.issues) {
      batch(Math.min(batchSize, options.issues - done));
      // Let timers run between transactions (the progress bar draws from one).
      await new Promise((resolve) => setImmediate(resolve));
    }
    options.onProgress?.(done, options.issues);
    db.prepare('UPDATE programs SET next_issue_number = ? WHERE id = ?').run(
      options.issues + 1,
      programId,
    );

    for (const index of indexes) db.exec(index.sql);
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('journal_mode = WAL');
    counts = Object.fromEntries(sink.counts);
    dueDatesChecked = due.checked;
  } finally {
    db.close();
  }
  // The roll-up of each issue's facts, by the code the API fills in a database's missing rows
  // with when it starts (and keeps them with on every write).
  const rollupStarted = performance.now();
  const app = await openDatabases({ kind: 'sqlite', path, synchronous: 'NORMAL' });
  try {
    await backfillIssueFacts(
      app.reader.manager,
      (work) => app.writer.transaction(work),
      options.onRollupProgress,
    );
  } finally {
    await app.close();
  }
  const rollupMs = performance.now() - rollupStarted;
  return {
    database: path,
    programKey,
    programId,
    now: new Date(now),
    seed,
    issues: options.issues,
    counts,
    elapsedMs: performance.now() - started,
    rollupMs,
    fileBytes: statSync(path).size,
    dueDatesChecked,
  };
}

interface Cast {
  readonly programId: string;
  readonly programManager: Person;
  readonly teams: Team[];
}

/** The program, its disciplines, people, teams and memberships, with the events the API writes. */
function setUpProgram(
  sink: Sink,
  random: Random,
  programKey: string,
  at: number,
  passwordHash: string,
): Cast {
  const iso = new Date(at).toISOString();
  const programId = random.uuid();
  const domain = `${programKey.toLowerCase()}.example.com`;
  const people = new Map<string, Person & { email: string }>();
  const person = (email: string, name: string, isSystemAdmin = false) => {
    const existing = people.get(email);
    if (existing) return existing;
    const user = { id: random.uuid(), email, name, pace: random.logNormal(1, 0.25) };
    sink.insert('users', {
      id: user.id,
      email,
      name,
      password_hash: passwordHash,
      active: 1,
      is_system_admin: isSystemAdmin ? 1 : 0,
      created_at: iso,
      updated_at: iso,
    });
    sink.event({
      programId: null,
      issueId: null,
      actorId: null,
      type: 'USER_CREATED',
      entityType: 'User',
      entityId: user.id,
      before: null,
      after: { email, name, isSystemAdmin },
      at,
    });
    people.set(email, user);
    return user;
  };
  person(`admin@${domain}`, 'Generated Admin', true);
  const pm = person(`pm@${domain}`, 'Program Manager');

  const program = { key: programKey, ...GENERATED_PROGRAM };
  sink.insert('programs', {
    id: programId,
    key: programKey,
    name: program.name,
    phase: program.phase,
    time_zone: program.timeZone,
    timeliness_policy: null,
    next_issue_number: 1,
    version: 1,
    created_at: iso,
    updated_at: iso,
  });
  sink.event({
    programId,
    issueId: null,
    actorId: null,
    type: 'PROGRAM_CREATED',
    entityType: 'Program',
    entityId: programId,
    before: null,
    after: program,
    at,
  });
  for (const d of DEFAULT_DISCIPLINES) {
    sink.insert('disciplines', {
      id: random.uuid(),
      program_id: programId,
      code: d.code,
      name: d.name,
      agree_role: d.agreeRole ? 1 : 0,
      active: 1,
    });
  }

  const teams = new Map<string, Team>();
  const memberOf = new Set<string>([pm.id]);
  for (const spec of TEAMS) {
    const parent = spec.parent ? (teams.get(spec.parent) ?? null) : null;
    const team = createTeam(sink, random, programId, spec, parent, at, (email, name) =>
      person(`${email}@${domain}`, name),
    );
    teams.set(spec.ref, team);
    const members: [Person & { email?: string }, string, string, boolean][] = [
      [team.lead, 'program-management', 'LEAD', true],
      ...[...team.reps].map(
        ([discipline, rep]) =>
          [rep, discipline, spec.tier === 'OIPT' ? 'ADVISORY' : 'CORE', false] as [
            Person,
            string,
            string,
            boolean,
          ],
      ),
    ];
    if (spec.tier === 'OIPT') members.push([pm, 'program-management', 'CORE', false]);
    for (const [member, discipline, role, decisionAuthority] of members) {
      const id = random.uuid();
      memberOf.add(member.id);
      sink.insert('memberships', {
        id,
        team_id: team.id,
        user_id: member.id,
        discipline,
        role,
        decision_authority: decisionAuthority ? 1 : 0,
        created_at: iso,
      });
      sink.event({
        programId,
        issueId: null,
        actorId: null,
        type: 'MEMBER_ADDED',
        entityType: 'Membership',
        entityId: id,
        before: null,
        after: {
          team: team.name,
          user: [...people.values()].find((p) => p.id === member.id)?.email ?? member.id,
          discipline,
          role,
          decisionAuthority,
        },
        at,
      });
    }
  }
  for (const userId of memberOf) {
    sink.insert('program_roles', {
      id: random.uuid(),
      program_id: programId,
      user_id: userId,
      role: userId === pm.id ? ProgramRoleKind.PROGRAM_MANAGER : ProgramRoleKind.MEMBER,
      created_at: iso,
    });
  }
  return { programId, programManager: pm, teams: [...teams.values()] };
}

function createTeam(
  sink: Sink,
  random: Random,
  programId: string,
  spec: TeamSpec,
  parent: Team | null,
  at: number,
  person: (email: string, name: string) => Person,
): Team {
  const iso = new Date(at).toISOString();
  const id = random.uuid();
  const lead = person(`lead.${spec.ref}`, `${spec.name} Lead`);
  const reps = new Map<string, Person>();
  for (const discipline of spec.disciplines) {
    if (!(ALL_DISCIPLINES as readonly string[]).includes(discipline))
      throw new Error(`Team ${spec.ref} names unknown discipline ${discipline}`);
    reps.set(discipline, person(`${discipline}.${spec.ref}`, `${spec.name} ${discipline} rep`));
  }
  sink.insert('teams', {
    id,
    program_id: programId,
    name: spec.name,
    tier: spec.tier,
    parent_team_id: parent?.id ?? null,
    charter: spec.charter,
    active: 1,
    version: 1,
    created_at: iso,
    updated_at: iso,
  });
  sink.event({
    programId,
    issueId: null,
    actorId: null,
    type: 'TEAM_CREATED',
    entityType: 'Team',
    entityId: id,
    before: null,
    after: { name: spec.name, tier: spec.tier, parentTeamId: parent?.id ?? null },
    at,
  });
  return {
    id,
    ref: spec.ref,
    name: spec.name,
    tier: spec.tier,
    parent,
    disciplines: spec.disciplines,
    lead,
    reps,
    decisionMedianDays: spec.decisionMedianDays,
    subjects: spec.subjects,
  };
}

const WORK_START = 8 * HOUR;
const WORK_END = 18 * HOUR;

/** The instant itself in working hours (weekdays 08:00-18:00 local), else the next start + a bit. */
function workTime(instant: number, due: DueDates, random: Random): number {
  const local = instant + due.offsetMinutes(instant) * 60_000;
  let day = Math.floor(local / DAY);
  const msOfDay = local - day * DAY;
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  if (weekday >= 1 && weekday <= 5 && msOfDay >= WORK_START && msOfDay < WORK_END) return instant;
  if (!(weekday >= 1 && weekday <= 5 && msOfDay < WORK_START)) day++;
  while ((day + 4) % 7 === 0 || (day + 4) % 7 === 6) day++;
  const date = new Date(day * DAY).toISOString().slice(0, 10);
  return due.instantAtLocal(date, WORK_START + random.int(0, 120) * 60_000);
}

/**
 * `count` raise instants in time order, spread evenly (with jitter) over the working hours between
 * `start` and `now`: issue numbers follow raise order, as in the API.
 */
function raiseInstants(
  count: number,
  start: number,
  now: number,
  due: DueDates,
  random: Random,
): { next(): number } {
  const windows: [number, number][] = [];
  let total = 0;
  for (let day = Math.floor(start / DAY); day <= Math.floor(now / DAY) + 1; day++) {
    const weekday = (day + 4) % 7;
    if (weekday === 0 || weekday === 6) continue;
    const date = new Date(day * DAY).toISOString().slice(0, 10);
    const from = Math.max(due.instantAtLocal(date, WORK_START), start);
    const to = Math.min(due.instantAtLocal(date, WORK_END), now - 1);
    if (to <= from) continue;
    windows.push([from, to]);
    total += to - from;
  }
  let index = 0;
  let before = 0;
  let i = 0;
  return {
    next() {
      const point = ((i++ + random.next()) * total) / count;
      while (index < windows.length - 1 && point >= before + windowLength(windows[index])) {
        before += windowLength(windows[index]);
        index++;
      }
      const [from, to] = windows[index] as [number, number];
      return Math.min(from + Math.floor(point - before), to);
    },
  };
}

function windowLength(window: [number, number] | undefined): number {
  return window ? window[1] - window[0] : 0;
}
