import {
  addCalendarDays,
  DEFAULT_TIMELINESS_POLICY,
  endOfLocalDay,
  localDateOf,
  localDateTimeOf,
  policyDueAt,
  usFederalHolidaysBetween,
  type Consequence,
  type TimelinessPolicy,
} from '@ipt/domain';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DatabaseService } from 'api/src/database/database.service';
import { EscalationEntity } from 'api/src/issues/escalation.entity';
import { IssueEntity } from 'api/src/issues/issue.entity';
import { IssueCommands } from 'api/src/issues/commands';
import { ProgramEntity } from 'api/src/programs/program.entity';
import { TimelinessSweepService } from 'api/src/timeliness/timeliness-sweep.service';
import { T0, TestApp, startTestApp } from '../support/app';
import { DAY_MS, IssueBuilder } from '../support/builders';
import { ApiClient } from '../support/client';
import { firstBrokenEvent } from '../support/database';

/** The built sweep CLI (`npm test` builds the API first). */
const SWEEP = join(__dirname, '../../apps/api/dist/cli/sweep.js');

const POLICY_FIELDS = `allowances { consequence triage recommendations decision resolution }
  dayKind holidays autoEscalationGrace { tier days } isDefault programVersion`;
const GET = `query { timelinessPolicy(programKey: "HX") { ${POLICY_FIELDS} } }`;
const UPDATE = `mutation ($input: UpdateTimelinessPolicyInput!) {
  updateTimelinessPolicy(input: $input) { recomputedIssues policy { ${POLICY_FIELDS} } }
}`;

/** The input that sets `policy` on HX, given the program version read. */
function input(policy: TimelinessPolicy, programVersion: number) {
  return {
    programKey: 'HX',
    programVersion,
    allowances: ([1, 2, 3, 4, 5] as Consequence[]).map((consequence) => ({
      consequence,
      triage: policy.allowances[consequence].TRIAGE,
      recommendations: policy.allowances[consequence].RECOMMENDATIONS,
      decision: policy.allowances[consequence].DECISION,
      resolution: policy.allowances[consequence].RESOLUTION,
    })),
    dayKind: policy.dayKind,
    holidays: [...policy.holidays],
    autoEscalationGrace: (['WIPT', 'IIPT', 'OIPT'] as const).map((tier) => ({
      tier,
      days: policy.autoEscalationGraceDays[tier] ?? null,
    })),
  };
}

describe('the timeliness policy', () => {
  let app: TestApp;
  let build: IssueBuilder;
  let pm: ApiClient;
  let db: DatabaseService;
  const made: Record<string, IssueEntity> = {};
  const reload = (name: string) => db.reader.findOneByOrFail(IssueEntity, { id: made[name]!.id });
  const version = async () =>
    (await db.reader.findOneByOrFail(ProgramEntity, { key: 'HX' })).version;

  beforeAll(async () => {
    app = await startTestApp();
    build = await IssueBuilder.create(app);
    pm = await app.as('pm@example.com');
    db = app.running.app.get(DatabaseService);
    const issues = app.running.app.get(IssueCommands);

    made['open'] = await build.raise('Policy: still in triage');
    made['byPolicy'] = await build.addOptions(
      await issues.triage(build.caller('pm'), {
        issueKey: (made['raisedForReview'] = await build.raise('Policy: review by policy')).key,
        version: 1,
        ownerId: build.user('pm').id,
        consequence: 3,
        requiredDisciplines: ['engineering'],
      }),
    );
    // Triaged with dates set by hand: the policy leaves them alone.
    made['byHand'] = await build.inReview('Policy: review dated by hand', ['engineering']);
  });
  afterAll(() => app.stop());

  it('ships sensible defaults, tighter for higher consequence, on the federal holidays', async () => {
    const { timelinessPolicy } = await pm.ok<{ timelinessPolicy: Record<string, unknown> }>(GET);
    // The demo program starts from the defaults on the US federal holiday calendar of its years.
    expect(timelinessPolicy).toMatchObject({ isDefault: false, dayKind: 'BUSINESS' });
    const rows = timelinessPolicy['allowances'] as { consequence: number; decision: number }[];
    expect(rows.map((r) => r.decision)).toEqual([15, 10, 7, 5, 2]);
    expect(timelinessPolicy['holidays']).toEqual(usFederalHolidaysBetween(2025, 2028));
    expect(timelinessPolicy['holidays']).toContain('2026-12-25');
  });

  it('gives the running stages the policy’s dates, and a person’s dates stay theirs', async () => {
    const byPolicy = await reload('byPolicy');
    const calendar = { timeZone: 'America/New_York', holidays: new Set<string>() };
    expect(byPolicy.manualDueStages).toEqual([]);
    expect(byPolicy.recommendationsDueAt?.getTime()).toBe(
      policyDueAt(
        'RECOMMENDATIONS',
        byPolicy.triagedAt!.getTime(),
        3,
        DEFAULT_TIMELINESS_POLICY,
        calendar,
      ),
    );
    const byHand = await reload('byHand');
    expect(byHand.manualDueStages).toEqual(['RECOMMENDATIONS', 'DECISION', 'RESOLUTION']);
  });

  it('recomputes open stages on a change, not finished ones, and says so in the timeline', async () => {
    const before = {
      open: await reload('open'),
      byPolicy: await reload('byPolicy'),
      byHand: await reload('byHand'),
    };
    const tighter: TimelinessPolicy = {
      ...DEFAULT_TIMELINESS_POLICY,
      dayKind: 'CALENDAR',
      allowances: {
        ...DEFAULT_TIMELINESS_POLICY.allowances,
        3: { TRIAGE: 1, RECOMMENDATIONS: 2, DECISION: 2, RESOLUTION: 20 },
      },
      holidays: ['2026-12-25'],
    };
    app.clock.advance(60_000);
    const changed = await pm.ok<{
      updateTimelinessPolicy: { recomputedIssues: number; policy: Record<string, unknown> };
    }>(UPDATE, { input: input(tighter, await version()) });
    expect(changed.updateTimelinessPolicy.policy).toMatchObject({
      isDefault: false,
      dayKind: 'CALENDAR',
      holidays: ['2026-12-25'],
    });
    expect(changed.updateTimelinessPolicy.recomputedIssues).toBeGreaterThanOrEqual(2);

    // Due at the end of the day, in the program's zone, one and two calendar days on.
    const endOfDayAfter = (start: Date, days: number) =>
      endOfLocalDay(
        addCalendarDays(localDateOf(start, 'America/New_York'), days),
        'America/New_York',
      );
    const open = await reload('open');
    expect(open.triageDueAt).toEqual(endOfDayAfter(open.raisedAt, 1));
    expect(localDateTimeOf(open.triageDueAt!, 'America/New_York')).toMatch(/T23:59:59-0[45]:00$/);
    const byPolicy = await reload('byPolicy');
    expect(byPolicy.recommendationsDueAt).toEqual(endOfDayAfter(byPolicy.triagedAt!, 2));
    // Triage finished before the change: its date stands.
    expect(byPolicy.triageDueAt).toEqual(before.byPolicy.triageDueAt);
    expect(byPolicy.version).toBe(before.byPolicy.version + 1);
    const byHand = await reload('byHand');
    expect(byHand.recommendationsDueAt).toEqual(before.byHand.recommendationsDueAt);
    expect(byHand.version).toBe(before.byHand.version);

    const timeline = await pm.ok<{
      issue: { timeline: { type: string; actor: unknown; before: string; after: string }[] };
    }>(
      `query ($key: String!) { issue(key: $key) { timeline { type actor { id } before after } } }`,
      {
        key: byPolicy.key,
      },
    );
    const recomputed = timeline.issue.timeline.filter((e) => e.type === 'DUE_DATES_RECOMPUTED');
    expect(recomputed).toHaveLength(1);
    // The program manager's change did it.
    expect(recomputed[0]!.actor).toEqual({ id: build.user('pm').id });
    expect(JSON.parse(recomputed[0]!.before)).toEqual({
      dueDates: { RECOMMENDATIONS: before.byPolicy.recommendationsDueAt!.toISOString() },
    });
    expect(JSON.parse(recomputed[0]!.after)).toMatchObject({
      dueDates: { RECOMMENDATIONS: byPolicy.recommendationsDueAt!.toISOString() },
      reason: 'The program’s timeliness policy changed.',
    });
    expect(await firstBrokenEvent(app)).toBeNull();
  });

  it('refuses stale versions, impossible values, and anyone but the program manager', async () => {
    const stale = await pm.request(UPDATE, {
      input: input(DEFAULT_TIMELINESS_POLICY, (await version()) - 1),
    });
    expect(stale.errors?.[0]?.extensions.code).toBe('CONFLICT');

    const zero = input(DEFAULT_TIMELINESS_POLICY, await version());
    zero.allowances[2] = { ...zero.allowances[2]!, decision: 0 };
    const refused = await pm.request(UPDATE, { input: zero });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'allowances.3.DECISION',
    });
    expect(refused.errors?.[0]?.message).toMatch(/whole number from 1 to 365, not 0/);

    const missing = input(DEFAULT_TIMELINESS_POLICY, await version());
    missing.allowances.pop();
    expect((await pm.request(UPDATE, { input: missing })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'allowances',
    });
    // A holiday is a calendar day that exists (the Date scalar): no month 13, no 30 February.
    for (const notADay of ['2026-13-45', '2026-02-30', '2026-03-01T00:00:00Z', '']) {
      const badDay = {
        ...input(DEFAULT_TIMELINESS_POLICY, await version()),
        holidays: ['2026-12-25', notADay],
      };
      const [error] = (await pm.request(UPDATE, { input: badDay })).errors ?? [];
      expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'holidays' });
      expect(error?.message).toMatch(/^holidays must be a calendar day such as 2026-03-01/);
    }

    const engineer = await app.as('engineering@example.com');
    const forbidden = await engineer.request(UPDATE, {
      input: input(DEFAULT_TIMELINESS_POLICY, await version()),
    });
    expect(forbidden.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    // Nothing of the refused changes was written.
    expect(
      (await pm.ok<{ timelinessPolicy: { dayKind: string } }>(GET)).timelinessPolicy,
    ).toMatchObject({ dayKind: 'CALENDAR' });
  });
});

describe('escalation by policy with two API instances sweeping at once', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  /** One sweep in its own process (the built CLI), as a second API instance would run it. */
  function sweepInAnotherProcess(at: Date): Promise<string[]> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [SWEEP, '--at', at.toISOString()], {
        env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: app.database.url },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      // The answer is the JSON on stdout; stderr only explains a failure (on PostgreSQL the pg
      // driver may print a deprecation warning there).
      let output = '';
      let errors = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
      child.on('exit', (code) =>
        code === 0
          ? resolve((JSON.parse(output) as { escalated: string[] }).escalated)
          : reject(new Error(`sweep exited with ${code}: ${output}${errors}`)),
      );
    });
  }

  it('escalates each breach once, never past the top tier', async () => {
    const later = new Date(Date.parse(T0) + 40 * DAY_MS);
    const [a, b] = await Promise.all([sweepInAnotherProcess(later), sweepInAnotherProcess(later)]);
    const escalated = [...a, ...b];
    expect(escalated.length).toBeGreaterThan(0);
    expect(new Set(escalated).size).toBe(escalated.length);

    const db = app.running.app.get(DatabaseService);
    const byPolicy = await db.reader.findBy(EscalationEntity, { source: 'POLICY' });
    expect(byPolicy).toHaveLength(escalated.length);
    const breaches = byPolicy.map((e) => `${e.issueId} ${e.fromTier}`);
    expect(new Set(breaches).size).toBe(breaches.length);
    expect(byPolicy.every((e) => e.fromTier !== 'OIPT' && e.escalatedById === null)).toBe(true);

    // Another round at the same instant, in this process, finds nothing left to do.
    const again = await app.running.app.get(TimelinessSweepService).sweep(later);
    expect(again.escalated).toEqual([]);
    expect(await firstBrokenEvent(app)).toBeNull();
  });
});
