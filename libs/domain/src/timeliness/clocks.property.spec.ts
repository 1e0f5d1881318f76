import fc from 'fast-check';
import { STAGES, type Stage } from '../enums';
import {
  DAY_MS,
  policyDueAt,
  policyDueDateChanges,
  stageClock,
  stageClocks,
  type IssueClockFacts,
} from './clocks';
import { DEFAULT_TIMELINESS_POLICY } from './policy';

const calendar = { timeZone: 'America/New_York', holidays: new Set(['2026-07-03']) };
const START = Date.UTC(2026, 0, 5, 14);

/** An issue history: each step some hours after the last, stopping anywhere along the way. */
const history = fc
  .record({
    gaps: fc.array(fc.integer({ min: 0, max: 40 * 24 }), { minLength: 5, maxLength: 5 }),
    reached: fc.integer({ min: 0, max: 5 }),
    withdrawn: fc.boolean(),
    escalatedAfterTriage: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
    due: fc.array(fc.option(fc.integer({ min: -10 * 24, max: 60 * 24 }), { nil: null }), {
      minLength: 4,
      maxLength: 4,
    }),
    manual: fc.subarray([...STAGES]),
    consequence: fc.constantFrom(1, 2, 3, 4, 5, null),
  })
  .map((h): IssueClockFacts => {
    const at: number[] = [];
    let t = START;
    for (const gap of h.gaps) at.push((t += gap * 3_600_000));
    const [triaged, ready, decided, resolved, closed] = at as [
      number,
      number,
      number,
      number,
      number,
    ];
    const reachedAt = (step: number, instant: number) => (h.reached > step ? instant : null);
    const triagedAt = reachedAt(0, triaged);
    const tierEnteredAt =
      triagedAt !== null && h.escalatedAfterTriage !== null
        ? Math.min(triagedAt + h.escalatedAfterTriage * 3_600_000, ready - 1)
        : START;
    const status = ['OPEN', 'IN_REVIEW', 'AWAITING_DECISION', 'DECIDED', 'RESOLVED', 'CLOSED'][
      h.reached
    ] as IssueClockFacts['status'];
    const withdrawn = h.withdrawn && h.reached <= 2;
    const due = Object.fromEntries(
      STAGES.map((stage, i) => [stage, h.due[i] == null ? null : START + h.due[i]! * 3_600_000]),
    ) as Record<Stage, number | null>;
    return {
      status: withdrawn ? 'WITHDRAWN' : status,
      consequence: h.consequence as IssueClockFacts['consequence'],
      raisedAt: START,
      tierEnteredAt: Math.max(START, tierEnteredAt),
      triagedAt,
      readyAt: reachedAt(1, ready),
      decidedAt: reachedAt(2, decided),
      resolvedAt: reachedAt(3, resolved),
      closedAt: reachedAt(4, closed),
      withdrawnAt: withdrawn ? (at[h.reached] as number) + 3_600_000 : null,
      due,
      manualDueStages: h.manual,
    };
  });

const asOf = fc.integer({ min: 0, max: 400 * 24 }).map((hours) => START + hours * 3_600_000);

describe('stage clocks (properties)', () => {
  it('are never negative, and run only from a start that has happened', () => {
    fc.assert(
      fc.property(history, asOf, (issue, at) => {
        for (const clock of stageClocks(issue, at)) {
          expect(clock.elapsedMs).toBeGreaterThanOrEqual(0);
          expect(clock.lateByMs).toBeGreaterThanOrEqual(0);
          if (clock.startedAt !== null) expect(clock.startedAt).toBeLessThanOrEqual(at);
          if (clock.finishedAt !== null) {
            expect(clock.finishedAt).toBeGreaterThanOrEqual(clock.startedAt as number);
            expect(clock.finishedAt).toBeLessThanOrEqual(at);
          }
          if (clock.state === 'NOT_STARTED') expect(clock.elapsedMs).toBe(0);
        }
      }),
    );
  });

  it('never change once finished, however late one looks', () => {
    fc.assert(
      fc.property(
        history,
        asOf,
        fc.integer({ min: 1, max: 1000 * 24 }),
        (issue, at, laterHours) => {
          const later = at + laterHours * 3_600_000;
          for (const stage of STAGES) {
            const then = stageClock(issue, stage, at);
            if (then.state === 'FINISHED') expect(stageClock(issue, stage, later)).toEqual(then);
          }
        },
      ),
    );
  });

  it('run at most one stage at a time', () => {
    fc.assert(
      fc.property(history, asOf, (issue, at) => {
        const running = stageClocks(issue, at).filter((c) => c.state === 'RUNNING');
        expect(running.length).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('take policy due dates only for running stages no person dated', () => {
    fc.assert(
      fc.property(history, asOf, (issue, at) => {
        for (const change of policyDueDateChanges(issue, DEFAULT_TIMELINESS_POLICY, calendar, at)) {
          const clock = stageClock(issue, change.stage, at);
          expect(clock.state).toBe('RUNNING');
          expect(issue.manualDueStages).not.toContain(change.stage);
          expect(change.to).toBe(
            policyDueAt(
              change.stage,
              clock.startedAt as number,
              issue.consequence,
              DEFAULT_TIMELINESS_POLICY,
              calendar,
            ),
          );
          expect(change.to).toBeGreaterThan(clock.startedAt as number);
        }
      }),
    );
  });
});

describe('stage clocks (examples)', () => {
  const issue: IssueClockFacts = {
    status: 'AWAITING_DECISION',
    consequence: 4,
    raisedAt: START,
    tierEnteredAt: START,
    triagedAt: START + DAY_MS,
    readyAt: START + 6 * DAY_MS,
    decidedAt: null,
    resolvedAt: null,
    closedAt: null,
    withdrawnAt: null,
    due: {
      TRIAGE: START + 3 * DAY_MS,
      RECOMMENDATIONS: START + 4 * DAY_MS,
      DECISION: START + 10 * DAY_MS,
      RESOLUTION: null,
    },
    manualDueStages: ['DECISION'],
  };

  it('show each stage started, due, finished and late by how much', () => {
    const clocks = stageClocks(issue, START + 12 * DAY_MS);
    expect(
      clocks.map((c) => [c.stage, c.state, c.elapsedMs / DAY_MS, c.lateByMs / DAY_MS]),
    ).toEqual([
      ['TRIAGE', 'FINISHED', 1, 0],
      ['RECOMMENDATIONS', 'FINISHED', 5, 2],
      ['DECISION', 'RUNNING', 6, 2],
      ['RESOLUTION', 'NOT_STARTED', 0, 0],
    ]);
    expect(clocks.map((c) => c.dueSource)).toEqual(['POLICY', 'POLICY', 'MANUAL', null]);
  });

  it('restart the review at a new tier after an escalation', () => {
    const escalated = {
      ...issue,
      status: 'IN_REVIEW' as const,
      readyAt: null,
      tierEnteredAt: START + 8 * DAY_MS,
    };
    const review = stageClock(escalated, 'RECOMMENDATIONS', START + 9 * DAY_MS);
    expect(review).toMatchObject({
      state: 'RUNNING',
      startedAt: START + 8 * DAY_MS,
      elapsedMs: DAY_MS,
    });
  });

  it('give a consequence-4 review 7 business days, skipping the weekend', () => {
    // Tuesday 6 January 2026, 09:00 New York -> the end of Thursday 15 January there.
    expect(
      new Date(
        policyDueAt('RECOMMENDATIONS', START + DAY_MS, 4, DEFAULT_TIMELINESS_POLICY, calendar),
      ).toISOString(),
    ).toBe('2026-01-16T04:59:59.999Z');
  });
});
