import type { DecisionFacts, IssueFacts, ProgramFacts } from './report';
import {
  forecastDecisions,
  issueCountsUntil,
  timelinessReport,
  timelinessReportSteps,
} from './report';
import { DAY_MS } from './clocks';

/**
 * A hand-built history, every figure worked out by hand below. UTC, so day boundaries are plain;
 * d(n) is n days after Monday 2 March 2026, 00:00 UTC.
 *
 *   A  WIPT W1  raised d0, triaged d1, ready d4, decided d6 (due d7), resolved d10
 *   B  W1->I1   raised d2, triaged d3, escalated d9 (lands ready at the IIPT), decided d12 (due d11)
 *   C  WIPT W1  raised d20, OPEN, triage due d21
 *   D  WIPT W1  raised d-50, triaged d-49, review due d-40, engineering still owed
 *   E  WIPT W1  raised d5, withdrawn d8
 */
const D0 = Date.UTC(2026, 2, 2);
const d = (n: number) => D0 + n * DAY_MS;

function issue(partial: Partial<IssueFacts> & Pick<IssueFacts, 'id' | 'raisedAt'>): IssueFacts {
  return {
    key: partial.id,
    title: partial.id,
    status: 'OPEN',
    consequence: 3,
    teamId: 'W1',
    tier: 'WIPT',
    tierEnteredAt: partial.raisedAt,
    triagedAt: null,
    readyAt: null,
    decidedAt: null,
    resolvedAt: null,
    closedAt: null,
    withdrawnAt: null,
    due: { TRIAGE: null, RECOMMENDATIONS: null, DECISION: null, RESOLUTION: null },
    manualDueStages: [],
    requiredDisciplines: [],
    pendingDisciplines: [],
    ...partial,
  };
}

const facts: ProgramFacts = {
  issues: [
    issue({
      id: 'A',
      status: 'RESOLVED',
      raisedAt: d(0),
      triagedAt: d(1),
      readyAt: d(4),
      decidedAt: d(6),
      resolvedAt: d(10),
      due: { TRIAGE: d(2), RECOMMENDATIONS: d(3), DECISION: d(7), RESOLUTION: d(20) },
      requiredDisciplines: ['engineering', 'test'],
    }),
    issue({
      id: 'B',
      status: 'DECIDED',
      teamId: 'I1',
      tier: 'IIPT',
      raisedAt: d(2),
      tierEnteredAt: d(9),
      triagedAt: d(3),
      readyAt: d(9),
      decidedAt: d(12),
      due: { TRIAGE: d(4), RECOMMENDATIONS: d(9), DECISION: d(11), RESOLUTION: d(40) },
      requiredDisciplines: ['engineering'],
    }),
    issue({ id: 'C', raisedAt: d(20), due: { ...noDue(), TRIAGE: d(21) } }),
    issue({
      id: 'D',
      status: 'IN_REVIEW',
      raisedAt: d(-50),
      triagedAt: d(-49),
      due: { ...noDue(), TRIAGE: d(-48), RECOMMENDATIONS: d(-40) },
      requiredDisciplines: ['engineering'],
      pendingDisciplines: ['engineering'],
    }),
    issue({
      id: 'E',
      status: 'WITHDRAWN',
      raisedAt: d(5),
      withdrawnAt: d(8),
      due: { ...noDue(), TRIAGE: d(10) },
    }),
  ],
  recommendations: [
    rec('A', 'engineering', d(1), d(3), d(3)),
    rec('A', 'test', d(1), d(4), d(3)),
    // A revision of the same answer: neither a second latency nor late again.
    rec('A', 'test', d(1), d(5), d(3)),
    { ...rec('B', 'engineering', d(3), d(5), d(8)) },
  ],
  decisions: [
    decision('A', 'W1', 'WIPT', d(4), d(6), d(7)),
    decision('B', 'I1', 'IIPT', d(9), d(12), d(11)),
  ],
  escalations: [
    {
      issueId: 'B',
      fromTeamId: 'W1',
      toTeamId: 'I1',
      fromTier: 'WIPT',
      toTier: 'IIPT',
      at: d(9),
      source: 'PERSON',
      // It left the WIPT while awaiting a decision due d11, not yet overdue.
      fromStage: 'DECISION',
      fromStageStartedAt: d(5),
      fromStageDueAt: d(11),
    },
  ],
  actionItems: [
    {
      id: 'B1',
      issueId: 'B',
      title: 'Fit the bracket',
      assigneeId: 'u1',
      dueAt: d(20),
      doneAt: null,
    },
    { id: 'A1', issueId: 'A', title: 'Done early', assigneeId: 'u1', dueAt: d(9), doneAt: d(8) },
  ],
};

function noDue() {
  return { TRIAGE: null, RECOMMENDATIONS: null, DECISION: null, RESOLUTION: null };
}

function rec(
  issueId: string,
  discipline: string,
  requestedAt: number,
  submittedAt: number,
  dueAt: number,
) {
  return {
    issueId,
    discipline,
    teamId: 'W1',
    tier: 'WIPT' as const,
    requestedAt,
    submittedAt,
    dueAt,
  };
}

function decision(
  issueId: string,
  teamId: string,
  tier: DecisionFacts['tier'],
  readyAt: number,
  decidedAt: number,
  dueAt: number,
): DecisionFacts {
  return {
    issueId,
    teamId,
    tier,
    decidedById: 'boss',
    readyAt,
    decidedAt,
    dueAt,
    superseded: false,
  };
}

const window = { asOf: d(29), from: d(1), to: d(29), timeZone: 'UTC' };

describe('timelinessReport on a hand-worked history', () => {
  const report = timelinessReport(facts, window);

  it('ages open issues from raise, in bands', () => {
    // Open at d29: B (27 days), C (9), D (79); A resolved, E withdrawn.
    expect(report.aging.map((band) => [band.label, band.count])).toEqual([
      ['0-7 days', 0],
      ['8-15 days', 1],
      ['16-30 days', 1],
      ['31-60 days', 0],
      ['>60 days', 1],
    ]);
  });

  it('measures resolution, recommendation and decision latency', () => {
    expect(report.resolution).toEqual({ count: 1, p50Days: 10, p90Days: 10 });
    // test: one answer of 3 days, late; engineering: A 2 days and B 2 days, both on time, plus
    // D's engineering owed and overdue now. Slowest median first.
    expect(report.recommendationLatency).toEqual([
      { discipline: 'test', count: 1, p50Days: 3, p90Days: 3, onTimeRate: 0, late: 1, pending: 0 },
      {
        discipline: 'engineering',
        count: 2,
        p50Days: 2,
        p90Days: 2,
        onTimeRate: 1,
        late: 1,
        pending: 1,
      },
    ]);
    expect(report.recommendationOnTimeRate).toBeCloseTo(2 / 3);
    expect(report.decisionLatencyByAuthority).toEqual([
      { teamId: 'I1', tier: 'IIPT', count: 1, p50Days: 3, p90Days: 3, onTimeRate: 0, pending: 0 },
      { teamId: 'W1', tier: 'WIPT', count: 1, p50Days: 2, p90Days: 2, onTimeRate: 1, pending: 0 },
    ]);
    expect(report.decisionLatencyByTier).toEqual([
      { tier: 'WIPT', count: 1, p50Days: 2, p90Days: 2, onTimeRate: 1 },
      { tier: 'IIPT', count: 1, p50Days: 3, p90Days: 3, onTimeRate: 0 },
      { tier: 'OIPT', count: 0, p50Days: null, p90Days: null, onTimeRate: null },
    ]);
    expect(report.decisionOnTimeRate).toBe(0.5);
  });

  it('measures escalation, dwell per tier and the WIPT share', () => {
    // Active in the period: A, B, C, D, E; escalated: B.
    expect(report.escalationRate).toBe(0.2);
    // WIPT: open C (9 days there) and D (79); stays ended in the period: E 3, B 7, A 10 days.
    expect(report.tierDwell[0]).toEqual({
      tier: 'WIPT',
      open: 2,
      openAge: { count: 2, p50Days: 9, p90Days: 79 },
      completed: { count: 3, p50Days: 7, p90Days: 10 },
    });
    expect(report.tierDwell[1]).toEqual({
      tier: 'IIPT',
      open: 1,
      openAge: { count: 1, p50Days: 20, p90Days: 20 },
      completed: { count: 0, p50Days: null, p90Days: null },
    });
    expect(report.tierDwell[2]?.open).toBe(0);
    expect(report.wiptResolutionShare).toBe(0.5);
  });

  it('lists what is overdue now, most overdue first', () => {
    expect(report.overdueIssues).toEqual([
      { issueId: 'D', stage: 'RECOMMENDATIONS', dueAt: d(-40), lateByDays: 69 },
      { issueId: 'C', stage: 'TRIAGE', dueAt: d(21), lateByDays: 8 },
    ]);
    expect(report.overdueActionItems).toEqual([
      { id: 'B1', issueId: 'B', dueAt: d(20), lateByDays: 9 },
    ]);
  });

  it('counts opened, closed and overdue per week (Monday weeks in the program zone)', () => {
    expect(report.weekly).toEqual([
      { weekStart: '2026-03-02', opened: 3, closed: 0, overdue: 1 },
      { weekStart: '2026-03-09', opened: 0, closed: 2, overdue: 1 },
      { weekStart: '2026-03-16', opened: 1, closed: 0, overdue: 1 },
      { weekStart: '2026-03-23', opened: 0, closed: 0, overdue: 2 },
      { weekStart: '2026-03-30', opened: 0, closed: 0, overdue: 2 },
    ]);
  });

  it('counts an issue overdue in the weeks before an escalation restarted its clocks', () => {
    const overdueWhenItLeft: ProgramFacts = {
      ...facts,
      escalations: facts.escalations.map((e) => ({ ...e, fromStageDueAt: d(6) })),
    };
    const weekly = timelinessReport(overdueWhenItLeft, window).weekly;
    // B's WIPT decision was due d6; at the end of the first week (d7) it was late, then escalated.
    expect(weekly.map((w) => w.overdue)).toEqual([2, 1, 1, 2, 2]);
  });

  it('gives each headline figure its value for the period before', () => {
    expect(report.headline).toEqual({
      open: { value: 3, previous: 2 },
      overdue: { value: 2, previous: 1 },
      medianResolutionDays: { value: 10, previous: null },
      decisionOnTimeRate: { value: 0.5, previous: null },
      escalationRate: { value: 0.2, previous: 0 },
    });
  });

  it('ignores what happened after the as-of instant', () => {
    const earlier = timelinessReport(facts, { ...window, asOf: d(7), to: d(7) });
    // At d7: A decided (not yet resolved), B in review, D, and E (withdrawn only at d8) open;
    // C not raised yet.
    expect(earlier.headline.open.value).toBe(4);
    expect(earlier.resolution.count).toBe(0);
    expect(earlier.decisionLatencyByTier[0]?.count).toBe(1);
    expect(earlier.decisionLatencyByTier[1]?.count).toBe(0);
    expect(earlier.escalationRate).toBe(0);
  });

  it('filters by tier, discipline and consequence', () => {
    expect(timelinessReport(facts, window, { tier: 'IIPT' }).headline.open.value).toBe(1);
    const engineering = timelinessReport(facts, window, { discipline: 'engineering' });
    expect(engineering.recommendationLatency.map((r) => r.discipline)).toEqual(['engineering']);
    expect(timelinessReport(facts, window, { consequence: [5] }).headline.open.value).toBe(0);
  });
});

describe('timelinessReportSteps', () => {
  it('gives the same report in steps, pausing between the passes over the facts', () => {
    const steps = timelinessReportSteps(facts, window, { tier: 'WIPT' });
    let pauses = 0;
    let step = steps.next();
    while (!step.done) {
      pauses++;
      step = steps.next();
    }
    // One pause per pass: a server gives other requests a turn at each (ADR 19).
    expect(pauses).toBeGreaterThanOrEqual(8);
    expect(step.value).toEqual(timelinessReport(facts, window, { tier: 'WIPT' }));
  });
});

describe('forecastDecisions', () => {
  const waiting = issue({
    id: 'W',
    status: 'AWAITING_DECISION',
    raisedAt: d(0),
    triagedAt: d(0),
    readyAt: d(10),
  });
  const history = (teamId: string, tier: DecisionFacts['tier'], latencies: number[]) =>
    latencies.map((days, i) =>
      decision(`h${teamId}${i}`, teamId, tier, d(i), d(i + days), d(i + 5)),
    );

  it("uses the authority's own history when it has enough, counting only longer waits", () => {
    const [forecast] = forecastDecisions(
      [waiting],
      history('W1', 'WIPT', [1, 2, 4, 6, 8, 10]),
      {},
      d(13),
    );
    // The 10-day decision lands at d15, after the as-of instant: not history yet. Waited 3 days:
    // of 1, 2, 4, 6, 8 only 4, 6, 8 took longer; p50 = 6, p90 = 8.
    expect(forecast).toMatchObject({
      basis: 'AUTHORITY',
      basisCount: 5,
      p50At: d(16),
      p90At: d(18),
    });
  });

  it("falls back to the tier's, then the program's history, then none", () => {
    const tier = forecastDecisions(
      [waiting],
      [...history('W1', 'WIPT', [4]), ...history('W2', 'WIPT', [4, 4, 4, 4])],
      {},
      d(11),
    );
    expect(tier[0]).toMatchObject({ basis: 'TIER', basisCount: 5, p50At: d(14) });
    const program = forecastDecisions([waiting], history('I1', 'IIPT', [2, 2, 2, 2, 2]), {}, d(11));
    expect(program[0]).toMatchObject({ basis: 'PROGRAM', basisCount: 5, p50At: d(12) });
    const none = forecastDecisions([waiting], history('I1', 'IIPT', [2]), {}, d(11));
    expect(none[0]).toMatchObject({ basis: 'NONE', p50At: null, p90At: null });
  });

  it('expects a decision any time now once the wait outlasts every past one', () => {
    const [forecast] = forecastDecisions(
      [waiting],
      history('W1', 'WIPT', [1, 1, 1, 1, 1]),
      {},
      d(20),
    );
    expect(forecast).toMatchObject({ basis: 'AUTHORITY', p50At: d(20), p90At: d(20) });
  });
});

describe('issueCountsUntil', () => {
  it('keeps an open issue in every window, and a finished one until its last move', () => {
    expect(issueCountsUntil(issue({ id: 'O', raisedAt: d(0) }))).toBe(Infinity);
    // Decided is still open: its resolution clock runs.
    expect(
      issueCountsUntil(issue({ id: 'D', raisedAt: d(0), status: 'DECIDED', decidedAt: d(3) })),
    ).toBe(Infinity);
    expect(
      issueCountsUntil(
        issue({ id: 'R', raisedAt: d(0), status: 'RESOLVED', decidedAt: d(3), resolvedAt: d(5) }),
      ),
    ).toBe(d(5));
    expect(
      issueCountsUntil(
        issue({
          id: 'C',
          raisedAt: d(0),
          status: 'CLOSED',
          resolvedAt: d(5),
          closedAt: d(9),
        }),
      ),
    ).toBe(d(9));
    expect(
      issueCountsUntil(issue({ id: 'W', raisedAt: d(2), status: 'WITHDRAWN', withdrawnAt: d(4) })),
    ).toBe(d(4));
  });

  it('drops only issues no report over the window can count', () => {
    // The report looks back over the period and the one before it (the trend).
    const since = window.from - (window.to - window.from);
    const longGone = [
      issue({ id: 'Z1', raisedAt: d(-100), status: 'WITHDRAWN', withdrawnAt: d(-90) }),
      issue({ id: 'Z2', raisedAt: d(-80), status: 'CLOSED', resolvedAt: d(-60), closedAt: d(-30) }),
    ];
    const all = { ...facts, issues: [...facts.issues, ...longGone] };
    const kept = all.issues.filter((i) => issueCountsUntil(i) >= since);
    expect(kept.map((i) => i.id)).toEqual(facts.issues.map((i) => i.id));
    expect(timelinessReport({ ...all, issues: kept }, window)).toEqual(
      timelinessReport(all, window),
    );
  });
});
