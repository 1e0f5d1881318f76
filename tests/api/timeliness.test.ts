import { addCalendarDays, instantAtLocal, timelinessReport } from '@ipt/domain';
import { DatabaseService } from 'api/src/database/database.service';
import { EscalationEntity } from 'api/src/issues/escalation.entity';
import { IssueEntity } from 'api/src/issues/issue.entity';
import type { Caller } from 'api/src/common/caller';
import { IssueCommands } from 'api/src/issues/commands';
import { OptionEntity } from 'api/src/issues/option.entity';
import { ProgramEntity } from 'api/src/programs/program.entity';
import { loadFactsFromTables } from 'api/src/timeliness/facts';
import { replayFacts } from 'api/src/timeliness/replay';
import { TimelinessSweepService } from 'api/src/timeliness/timeliness-sweep.service';
import { UserEntity } from 'api/src/users/user.entity';
import { T0, TestApp, startTestApp } from '../support/app';
import { ADD_MEMBER, CREATE_PROGRAM, CREATE_TEAM, CREATE_USER } from '../support/administration';
import { ApiClient } from '../support/client';
import { firstBrokenEvent } from '../support/database';

/**
 * The timeliness query on a hand-built history whose every figure is worked out below. Program
 * TX keeps UTC and counts calendar days, so the arithmetic is plain. Its policy for consequence 3:
 * triage 2 days, recommendations 3, decision 2, resolution 10; one day's grace at WIPT and IIPT.
 *
 *   day = days after T0 (Monday 2 March 2026, 14:00 UTC). A policy due date "day n" falls at the
 *   end of that day (23:59:59.999 UTC, 10 h less 1 ms after day n's 14:00).
 *   X1  raised 0 (WIPT); triaged 1 for engineering + cost; engineering 2 (1 day), cost 5
 *       (4 days, due 4: late); ready 5, decided 6 (due 7); resolved 8.
 *   X2  raised 1+1h; triaged 1+2h for engineering; engineering 3 (1 day 22 h); ready 3,
 *       decision due 5; escalated by policy 6+12h (grace ended with day 6) to the IIPT, ready
 *       there at once (on day 7, UTC), due 9; decided 8 with an action item due 10, still open.
 *   X3  raised 9, never triaged: triage due 11.
 *   as of day 12, period [day 0, day 12].
 */
const DAY = 86_400_000;
const HOUR = 3_600_000;
const at = (days: number, hours = 0) => new Date(Date.parse(T0) + days * DAY + hours * HOUR);
const iso = (days: number, hours = 0) => at(days, hours).toISOString();
/** The end of day `days` in TX's zone (UTC), when a policy due date falls: 10 h less 1 ms after 14:00. */
const due = (days: number) => new Date(at(days, 10).getTime() - 1);
const dueIso = (days: number) => due(days).toISOString();

const POLICY = `mutation ($input: UpdateTimelinessPolicyInput!) {
  updateTimelinessPolicy(input: $input) { recomputedIssues policy { dayKind isDefault programVersion } }
}`;

const REPORT = `query ($programKey: String!, $filter: TimelinessFilterInput, $asOf: DateTime, $listLimit: Int) {
  timeliness(programKey: $programKey, filter: $filter, asOf: $asOf, listLimit: $listLimit) {
    overdueIssueCount overdueActionItemCount forecastCount
    asOf from to computedFrom timeZone
    headline {
      open { value previous } overdue { value previous }
      medianResolutionDays { value previous } decisionOnTimeRate { value previous }
      escalationRate { value previous }
    }
    aging { label count raisedFrom raisedTo }
    resolution { count p50Days p90Days }
    recommendationLatency { discipline disciplineName count p50Days p90Days onTimeRate late pending }
    recommendationOnTimeRate
    decisionLatencyByAuthority { teamName tier authorityNames count p50Days p90Days onTimeRate pending }
    decisionLatencyByTier { tier count p50Days p90Days onTimeRate }
    decisionOnTimeRate escalationRate wiptResolutionShare
    tierDwell { tier open openAge { count p50Days p90Days } completed { count p50Days p90Days } }
    overdueIssues { issueKey stage dueAt lateByDays tier teamName }
    overdueActionItems { issueKey title assigneeName dueAt lateByDays }
    weekly { weekStart opened closed overdue }
    forecasts { issueKey teamName basis basisCount p50At p90At basisLabel }
  }
}`;

type Report = {
  timeliness: {
    computedFrom: string;
    overdueIssueCount: number;
    overdueActionItemCount: number;
    forecastCount: number;
    headline: Record<string, { value: number | null; previous: number | null }>;
    aging: { label: string; count: number; raisedFrom: string; raisedTo: string }[];
    resolution: { count: number; p50Days: number | null; p90Days: number | null };
    recommendationLatency: Record<string, unknown>[];
    recommendationOnTimeRate: number | null;
    decisionLatencyByAuthority: Record<string, unknown>[];
    decisionLatencyByTier: Record<string, unknown>[];
    decisionOnTimeRate: number | null;
    escalationRate: number | null;
    wiptResolutionShare: number | null;
    tierDwell: Record<string, unknown>[];
    overdueIssues: Record<string, unknown>[];
    overdueActionItems: Record<string, unknown>[];
    weekly: Record<string, unknown>[];
    forecasts: Record<string, unknown>[];
  };
};

describe('timeliness on a hand-built history', () => {
  let app: TestApp;
  let admin: ApiClient;
  let issues: IssueCommands;
  let db: DatabaseService;
  const people = new Map<string, UserEntity>();
  const team: Record<'oipt' | 'iipt' | 'wipt', string> = { oipt: '', iipt: '', wipt: '' };
  const made: Record<string, IssueEntity> = {};

  const as = (who: string): Caller => ({ user: people.get(who)!, at: app.clock.now() });
  const option = async (issue: IssueEntity) =>
    (await db.reader.findOneByOrFail(OptionEntity, { issueId: issue.id, label: 'A' })).id;

  beforeAll(async () => {
    // The story runs twelve days; sessions must outlive it.
    app = await startTestApp({ env: { SESSION_TTL_HOURS: String(24 * 90) } });
    admin = await app.as('admin@example.com');
    issues = app.running.app.get(IssueCommands);
    db = app.running.app.get(DatabaseService);

    // Program TX; the admin who creates it is its program manager.
    await admin.ok(CREATE_PROGRAM, {
      input: { key: 'TX', name: 'Timeliness program', phase: 'EMD', timeZone: 'UTC' },
    });
    const create = async (name: string, tier: string, parentTeamId?: string) =>
      (
        await admin.ok<{ createTeam: { id: string } }>(CREATE_TEAM, {
          input: { programKey: 'TX', name, tier, parentTeamId },
        })
      ).createTeam.id;
    team.oipt = await create('TX OIPT', 'OIPT');
    team.iipt = await create('TX IIPT', 'IIPT', team.oipt);
    team.wipt = await create('TX WIPT', 'WIPT', team.iipt);
    const person = async (key: string, name: string) => {
      await admin.ok(CREATE_USER, {
        input: { email: `${key}@tx.example.org`, name, password: 'tx-pass-123' },
      });
      people.set(
        key,
        await db.reader.findOneByOrFail(UserEntity, { email: `${key}@tx.example.org` }),
      );
    };
    await person('eng', 'Erin Engineer');
    await person('cost', 'Cary Cost');
    await person('wlead', 'Wendy WIPT Lead');
    await person('ilead', 'Ian IIPT Lead');
    people.set('pm', await db.reader.findOneByOrFail(UserEntity, { email: 'admin@example.com' }));
    const member = (teamId: string, who: string, discipline: string, lead = false) =>
      admin.ok(ADD_MEMBER, {
        input: {
          teamId,
          userId: people.get(who)!.id,
          discipline,
          role: lead ? 'LEAD' : 'CORE',
          decisionAuthority: lead,
        },
      });
    for (const t of [team.wipt, team.iipt]) {
      await member(t, 'eng', 'engineering');
      await member(t, 'cost', 'cost');
    }
    await member(team.wipt, 'wlead', 'program-management', true);
    await member(team.iipt, 'ilead', 'program-management', true);

    const program = await db.reader.findOneByOrFail(ProgramEntity, { key: 'TX' });
    const policy = await admin.ok<{
      updateTimelinessPolicy: { recomputedIssues: number; policy: { isDefault: boolean } };
    }>(POLICY, {
      input: {
        programKey: 'TX',
        programVersion: program.version,
        allowances: [1, 2, 3, 4, 5].map((consequence) => ({
          consequence,
          triage: 2,
          recommendations: 3,
          decision: 2,
          resolution: 10,
        })),
        dayKind: 'CALENDAR',
        holidays: [],
        autoEscalationGrace: [
          { tier: 'WIPT', days: 1 },
          { tier: 'IIPT', days: 1 },
          { tier: 'OIPT', days: null },
        ],
      },
    });
    expect(policy.updateTimelinessPolicy).toEqual({
      recomputedIssues: 0,
      policy: { dayKind: 'CALENDAR', isDefault: false, programVersion: program.version + 1 },
    });

    const raise = (title: string) =>
      issues.raise(as('eng'), {
        programKey: 'TX',
        teamId: team.wipt,
        title,
        conditionStatement: `${title}: it happened.`,
        impactArea: 'SCHEDULE',
      });
    const triage = async (issue: IssueEntity, disciplines: string[]) => {
      const triaged = await issues.triage(as('pm'), {
        issueKey: issue.key,
        version: issue.version,
        ownerId: people.get('eng')!.id,
        consequence: 3,
        requiredDisciplines: disciplines,
      });
      return issues.addOption(as('pm'), {
        issueKey: triaged.key,
        version: triaged.version,
        title: 'Option A',
      });
    };
    const recommend = async (issue: IssueEntity, who: string, discipline: string) =>
      issues.submitRecommendation(as(who), {
        issueKey: issue.key,
        version: issue.version,
        discipline,
        optionId: await option(issue),
        rationale: `${discipline} says A`,
      });
    const fresh = (issue: IssueEntity) => db.reader.findOneByOrFail(IssueEntity, { id: issue.id });

    app.clock.set(at(0));
    made['X1'] = await raise('X1 bracket cracks');
    app.clock.set(at(1));
    made['X1'] = await triage(made['X1'], ['engineering', 'cost']);
    app.clock.set(at(1, 1));
    made['X2'] = await raise('X2 late harness');
    app.clock.set(at(1, 2));
    made['X2'] = await triage(made['X2'], ['engineering']);
    app.clock.set(at(2));
    made['X1'] = await recommend(made['X1'], 'eng', 'engineering');
    app.clock.set(at(3));
    made['X2'] = await recommend(made['X2'], 'eng', 'engineering');
    app.clock.set(at(5));
    made['X1'] = await recommend(made['X1'], 'cost', 'cost');
    app.clock.set(at(6));
    made['X1'] = await issues.recordDecision(as('wlead'), {
      issueKey: made['X1'].key,
      version: made['X1'].version,
      optionId: await option(made['X1']),
      rationale: 'A it is.',
    });
    // The sweep: not yet an hour before the grace period ends; then once, and only once. (It
    // sweeps the demo program too; only TX is looked at here.)
    const sweep = app.running.app.get(TimelinessSweepService);
    const txKeys = async (instant: Date) =>
      (await sweep.sweep(instant)).escalated.filter((key) => key.startsWith('TX-'));
    expect(await txKeys(at(5, 23))).toEqual([]);
    expect(await txKeys(at(6, 12))).toEqual([made['X2'].key]);
    expect(await txKeys(at(6, 13))).toEqual([]);
    made['X2'] = await fresh(made['X2']);
    app.clock.set(at(8));
    made['X1'] = await issues.resolve(as('pm'), {
      issueKey: made['X1'].key,
      version: made['X1'].version,
    });
    made['X2'] = await issues.recordDecision(as('ilead'), {
      issueKey: made['X2'].key,
      version: made['X2'].version,
      optionId: await option(made['X2']),
      rationale: 'A, with an ICD update.',
      actionItems: [{ title: 'Update the ICD', assigneeId: people.get('eng')!.id, dueAt: at(10) }],
    });
    app.clock.set(at(9));
    made['X3'] = await raise('X3 paint spec');
    app.clock.set(at(12));
  });
  afterAll(() => app.stop());

  it('gives due dates from the policy as each stage starts, and escalates by policy once', async () => {
    const x1 = await db.reader.findOneByOrFail(IssueEntity, { id: made['X1']!.id });
    expect([x1.triageDueAt, x1.recommendationsDueAt, x1.decisionDueAt, x1.resolutionDueAt]).toEqual(
      [due(2), due(4), due(7), due(16)],
    );
    expect(x1.manualDueStages).toEqual([]);
    const x2 = await db.reader.findOneByOrFail(IssueEntity, { id: made['X2']!.id });
    // Escalated at 6+12h (early on day 7), ready at the IIPT at once: decision due 2 days later.
    expect([x2.currentTier, x2.tierEnteredAt, x2.readyAt, x2.decisionDueAt]).toEqual([
      'IIPT',
      at(6, 12),
      at(6, 12),
      due(9),
    ]);
    const escalations = await db.reader.findBy(EscalationEntity, { issueId: x2.id });
    expect(escalations).toEqual([
      expect.objectContaining({
        source: 'POLICY',
        escalatedById: null,
        fromTier: 'WIPT',
        toTier: 'IIPT',
        escalatedAt: at(6, 12),
        policyBreachKey: `${x2.id}:WIPT:${dueIso(5)}`,
        fromStage: 'DECISION',
        fromStageStartedAt: at(3),
        fromStageDueAt: due(5),
        reason:
          'Decision due 7 Mar 2026 at WIPT is overdue past the 1-day grace period of the program’s timeliness policy.',
      }),
    ]);
  });

  it('answers every figure as worked out by hand', async () => {
    const { timeliness: r } = await admin.ok<Report>(REPORT, {
      programKey: 'TX',
      filter: { from: iso(0), to: iso(12) },
    });
    expect(r.computedFrom).toBe('CURRENT_STATE');
    expect(r.headline).toEqual({
      open: { value: 2, previous: 1 },
      overdue: { value: 1, previous: 0 },
      medianResolutionDays: { value: 8, previous: null },
      decisionOnTimeRate: { value: 1, previous: null },
      escalationRate: { value: 1 / 3, previous: 0 },
    });
    // X2 is 10 days old (raised 1+1h), X3 3 days; as of 14 March.
    expect(r.aging.map((b) => [b.label, b.count, b.raisedFrom, b.raisedTo])).toEqual([
      ['0-7 days', 1, '2026-03-07', '2026-03-14'],
      ['8-15 days', 1, '2026-02-27', '2026-03-06'],
      ['16-30 days', 0, '2026-02-12', '2026-02-26'],
      ['31-60 days', 0, '2026-01-13', '2026-02-11'],
      ['>60 days', 0, '2000-01-01', '2026-01-12'],
    ]);
    expect(r.resolution).toEqual({ count: 1, p50Days: 8, p90Days: 8 });
    expect(r.recommendationLatency).toEqual([
      {
        discipline: 'cost',
        disciplineName: expect.any(String),
        count: 1,
        p50Days: 4,
        p90Days: 4,
        onTimeRate: 0,
        late: 1,
        pending: 0,
      },
      {
        discipline: 'engineering',
        disciplineName: expect.any(String),
        count: 2,
        p50Days: 1,
        p90Days: 46 / 24,
        onTimeRate: 1,
        late: 0,
        pending: 0,
      },
    ]);
    expect(r.recommendationOnTimeRate).toBeCloseTo(2 / 3, 12);
    expect(r.decisionLatencyByAuthority).toEqual([
      {
        teamName: 'TX IIPT',
        tier: 'IIPT',
        authorityNames: ['Ian IIPT Lead'],
        count: 1,
        p50Days: 1.5,
        p90Days: 1.5,
        onTimeRate: 1,
        pending: 0,
      },
      {
        teamName: 'TX WIPT',
        tier: 'WIPT',
        authorityNames: ['Wendy WIPT Lead'],
        count: 1,
        p50Days: 1,
        p90Days: 1,
        onTimeRate: 1,
        pending: 0,
      },
    ]);
    expect(r.decisionLatencyByTier).toEqual([
      { tier: 'WIPT', count: 1, p50Days: 1, p90Days: 1, onTimeRate: 1 },
      { tier: 'IIPT', count: 1, p50Days: 1.5, p90Days: 1.5, onTimeRate: 1 },
      { tier: 'OIPT', count: 0, p50Days: null, p90Days: null, onTimeRate: null },
    ]);
    expect([r.decisionOnTimeRate, r.escalationRate, r.wiptResolutionShare]).toEqual([
      1,
      1 / 3,
      0.5,
    ]);
    // WIPT: X3 there 3 days; stays that ended: X2 5 days 11 hours, X1 8 days.
    expect(r.tierDwell).toEqual([
      {
        tier: 'WIPT',
        open: 1,
        openAge: { count: 1, p50Days: 3, p90Days: 3 },
        completed: { count: 2, p50Days: 5 + 11 / 24, p90Days: 8 },
      },
      {
        tier: 'IIPT',
        open: 1,
        openAge: { count: 1, p50Days: 5.5, p90Days: 5.5 },
        completed: { count: 0, p50Days: null, p90Days: null },
      },
      {
        tier: 'OIPT',
        open: 0,
        openAge: { count: 0, p50Days: null, p90Days: null },
        completed: { count: 0, p50Days: null, p90Days: null },
      },
    ]);
    expect(r.overdueIssues).toEqual([
      {
        issueKey: made['X3']!.key,
        stage: 'TRIAGE',
        dueAt: dueIso(11),
        lateByDays: expect.closeTo(14 / 24, 6),
        tier: 'WIPT',
        teamName: 'TX WIPT',
      },
    ]);
    expect(r.overdueActionItems).toEqual([
      {
        issueKey: made['X2']!.key,
        title: 'Update the ICD',
        assigneeName: 'Erin Engineer',
        dueAt: iso(10),
        lateByDays: 2,
      },
    ]);
    // Week 1 ends Monday 9 March 00:00: X2's WIPT decision (due day 5) was late then.
    expect(r.weekly).toEqual([
      { weekStart: '2026-03-02', opened: 2, closed: 0, overdue: 1 },
      { weekStart: '2026-03-09', opened: 1, closed: 1, overdue: 1 },
    ]);
    expect(r.forecasts).toEqual([]);
    expect([r.overdueIssueCount, r.overdueActionItemCount, r.forecastCount]).toEqual([1, 1, 0]);
  });

  it('lists the most urgent first up to listLimit, and always counts them all', async () => {
    const pm = await app.as('pm@example.com');
    // 1,000 covers the demo many times over; the whole report at 10,000 is past the request cost
    // budget (ADR 19), which a smaller selection stays within.
    const all = (await pm.ok<Report>(REPORT, { programKey: 'HX', listLimit: 1_000 })).timeliness;
    // The demo program has several of each; a limit of 2 keeps the first two of each list.
    expect(all.overdueIssues.length).toBeGreaterThan(2);
    expect(all.forecasts.length).toBeGreaterThan(2);
    const two = (await pm.ok<Report>(REPORT, { programKey: 'HX', listLimit: 2 })).timeliness;
    expect(two.overdueIssues).toEqual(all.overdueIssues.slice(0, 2));
    expect(two.overdueActionItems).toEqual(all.overdueActionItems.slice(0, 2));
    expect(two.forecasts).toEqual(all.forecasts.slice(0, 2));
    expect([two.overdueIssueCount, two.overdueActionItemCount, two.forecastCount]).toEqual([
      all.overdueIssues.length,
      all.overdueActionItems.length,
      all.forecasts.length,
    ]);
    // Unasked, a report lists up to 100 of each: all of them on a program this size.
    const unasked = (await pm.ok<Report>(REPORT, { programKey: 'HX' })).timeliness;
    expect(unasked.overdueIssues).toEqual(all.overdueIssues);
    // Asked without the lists, so the cost budget (ADR 19) leaves the argument's own check to speak.
    const COUNTS = `query ($listLimit: Int) { timeliness(programKey: "HX", listLimit: $listLimit) { forecastCount } }`;
    for (const listLimit of [0, 10_001]) {
      const refused = await pm.request(COUNTS, { listLimit });
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'listLimit',
      });
    }
  });

  it('replays a past as-of instant from the event log, ignoring everything after it', async () => {
    const { timeliness: r } = await admin.ok<Report>(REPORT, { programKey: 'TX', asOf: iso(7) });
    expect(r.computedFrom).toBe('EVENT_REPLAY');
    // Day 7: X1 decided, not yet resolved; X2 waiting on the IIPT since 6+12h; X3 not raised.
    expect(r.headline['open']!.value).toBe(2);
    expect(r.resolution.count).toBe(0);
    expect(r.decisionLatencyByTier.map((t) => t['count'])).toEqual([1, 0, 0]);
    expect(r.overdueIssues).toEqual([]);
    expect(r.forecasts).toEqual([
      {
        issueKey: made['X2']!.key,
        teamName: 'TX IIPT',
        basis: 'NONE',
        basisCount: 0,
        p50At: null,
        p90At: null,
        basisLabel: 'Too few past decisions to forecast from',
      },
    ]);
    // Slowest first; an authority with no decision yet (only one pending) comes last.
    expect(r.decisionLatencyByAuthority).toEqual([
      expect.objectContaining({ teamName: 'TX WIPT', count: 1, p50Days: 1, pending: 0 }),
      expect.objectContaining({ teamName: 'TX IIPT', count: 0, p50Days: null, pending: 1 }),
    ]);
  });

  it('reads the same facts from the tables as it replays from the events', async () => {
    for (const key of ['TX', 'HX']) {
      const program = await db.reader.findOneByOrFail(ProgramEntity, { key });
      const asOf = app.clock.now().getTime();
      const window = { asOf, from: asOf - 84 * DAY, to: asOf, timeZone: program.timeZone };
      const tables = await loadFactsFromTables(db.reader, {
        programId: program.id,
        since: window.from - 84 * DAY,
        asOf,
      });
      const events = await replayFacts(db.reader, program.id, asOf, window.from - 84 * DAY, {
        fromRollup: false,
      });
      const byId = <T extends { issueId?: string; id?: string }>(list: readonly T[]) =>
        [...list].map((x) => JSON.stringify(x)).sort();
      const shown = new Set(tables.issues.map((i) => i.id));
      // The tables are read for the window; the replay holds every issue ever raised.
      expect(byId(events.issues.filter((i) => shown.has(i.id)))).toEqual(byId(tables.issues));
      expect(byId(events.escalations.filter((e) => shown.has(e.issueId)))).toEqual(
        byId(tables.escalations),
      );
      expect(byId(events.actionItems.filter((a) => shown.has(a.issueId)))).toEqual(
        byId(tables.actionItems),
      );
      expect(timelinessReport(events, window)).toEqual(timelinessReport(tables, window));
      expect(timelinessReport(tables, window).headline.open.value).toBeGreaterThan(0);
    }
  });

  it('closes each week with what the tracker lists as ended that week (the closed bar’s link)', async () => {
    // What a dashboard week's "closed" bar opens: the tracker's issues that ended from the week's
    // Monday to its Sunday, the local dates made instants in the program's zone as the web does.
    const trackerCount = async (
      programKey: string,
      timeZone: string,
      weekStart: string,
      scope: Record<string, unknown>,
    ) =>
      (
        await admin.ok<{ issues: { totalCount: number } }>(
          `query ($programKey: String, $teamId: ID, $tier: Tier, $consequence: [Int!],
                  $endedFrom: DateTime, $endedTo: DateTime) {
             issues(programKey: $programKey, teamId: $teamId, tier: $tier,
                    consequence: $consequence, endedFrom: $endedFrom, endedTo: $endedTo,
                    first: 1) { totalCount }
           }`,
          {
            programKey,
            ...scope,
            endedFrom: instantAtLocal(weekStart, 0, timeZone).toISOString(),
            endedTo: instantAtLocal(addCalendarDays(weekStart, 7), 0, timeZone).toISOString(),
          },
        )
      ).issues.totalCount;
    const hardware = (
      await admin.ok<{ program: { teams: { id: string; name: string }[] } }>(
        `query { program(key: "HX") { teams { id name } } }`,
      )
    ).program.teams.find((t) => t.name === 'Radio Hardware WIPT')!.id;
    const cases: [string, Record<string, unknown>][] = [
      ['TX', {}],
      ['HX', {}],
      ['HX', { tier: 'WIPT' }],
      ['HX', { consequence: [4, 5] }],
      ['HX', { teamId: hardware }],
    ];
    let closedInAll = 0;
    for (const [programKey, scope] of cases) {
      const { timeliness: r } = await admin.ok<Report & { timeliness: { timeZone: string } }>(
        REPORT,
        // Half a year of weeks, the demo's history with them.
        { programKey, filter: { ...scope, from: new Date(app.clock.now().getTime() - 182 * DAY) } },
      );
      const weeks = r.weekly as { weekStart: string; closed: number }[];
      const tracker = await Promise.all(
        weeks.map((w) => trackerCount(programKey, r.timeZone, w.weekStart, scope)),
      );
      expect({ programKey, scope, closed: tracker }).toEqual({
        programKey,
        scope,
        closed: weeks.map((w) => w.closed),
      });
      closedInAll += tracker.reduce((sum, n) => sum + n, 0);
    }
    // Not vacuous: issues ended in several of those weeks (TX has one, the demo many more).
    expect(closedInAll).toBeGreaterThan(10);
  });

  it('shows stage clocks on the issue, and my decisions for the leadership view', async () => {
    const ilead = app.client();
    await ilead.login('ilead@tx.example.org', 'tx-pass-123');
    const issue = await ilead.ok<{
      issue: { stageClocks: Record<string, unknown>[]; decisionForecast: unknown };
    }>(
      `query ($key: String!) { issue(key: $key) {
        stageClocks { stage state startedAt dueAt dueSource finishedAt elapsedDays lateByDays }
        decisionForecast { basis }
      } }`,
      { key: made['X2']!.key },
    );
    expect(issue.issue.stageClocks).toEqual([
      {
        stage: 'TRIAGE',
        state: 'FINISHED',
        startedAt: iso(1, 1),
        dueAt: dueIso(3),
        dueSource: 'POLICY',
        finishedAt: iso(1, 2),
        elapsedDays: 1 / 24,
        lateByDays: 0,
      },
      {
        // Covered already when it reached the IIPT: the review there took no time, and had no
        // due date of its own.
        stage: 'RECOMMENDATIONS',
        state: 'FINISHED',
        startedAt: iso(6, 12),
        dueAt: null,
        dueSource: null,
        finishedAt: iso(6, 12),
        elapsedDays: 0,
        lateByDays: 0,
      },
      {
        stage: 'DECISION',
        state: 'FINISHED',
        startedAt: iso(6, 12),
        dueAt: dueIso(9),
        dueSource: 'POLICY',
        finishedAt: iso(8),
        elapsedDays: 1.5,
        lateByDays: 0,
      },
      {
        stage: 'RESOLUTION',
        state: 'RUNNING',
        startedAt: iso(8),
        dueAt: dueIso(18),
        dueSource: 'POLICY',
        finishedAt: null,
        elapsedDays: 4,
        lateByDays: 0,
      },
    ]);
    expect(issue.issue.decisionForecast).toBeNull();
    const mine = await ilead.ok<{ myDecisionTimeliness: Record<string, unknown> }>(
      `query { myDecisionTimeliness(programKey: "TX") {
        pending { issueKey } decided decidedOnTime decidedLate decidedUntimed onTimeRate
        decisions { issueKey tier readyAt decidedAt dueAt latencyDays marginDays }
      } }`,
    );
    expect(mine.myDecisionTimeliness).toEqual({
      pending: [],
      decided: 1,
      decidedOnTime: 1,
      decidedLate: 0,
      decidedUntimed: 0,
      onTimeRate: 1,
      decisions: [
        {
          issueKey: made['X2']!.key,
          tier: 'IIPT',
          readyAt: iso(6, 12),
          decidedAt: iso(8),
          dueAt: dueIso(9),
          latencyDays: 1.5,
          marginDays: expect.closeTo(-34 / 24, 6),
        },
      ],
    });
  });

  it('refuses a future as-of, a backwards period and bad consequence levels, clearly', async () => {
    const ask = (variables: Record<string, unknown>) =>
      admin.request(REPORT, { programKey: 'TX', ...variables });
    const future = await ask({ asOf: iso(13) });
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asOf' });
    const backwards = await ask({ filter: { from: iso(5), to: iso(2) } });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.from',
    });
    const level = await ask({ filter: { consequence: [7] } });
    expect(level.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.consequence',
    });
    const unknown = await admin.request(REPORT, { programKey: 'NOPE' });
    expect(unknown.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const outsider = await app.as('engineering@example.com');
    const refused = await outsider.request(REPORT, { programKey: 'TX' });
    expect(refused.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });

  it('keeps the event chain intact', async () => {
    expect(await firstBrokenEvent(app)).toBeNull();
  });
});
