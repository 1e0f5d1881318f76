import fc from 'fast-check';
import { STAGES } from '../enums';
import { DAY_MS } from './clocks';
import { overdueAt, overdueSpansOf, type EscalationFacts, type IssueFacts } from './report';

const START = Date.UTC(2026, 0, 5, 14);
const HOUR = 3_600_000;

/** An issue somewhere along its life, perhaps escalated on the way, with due dates anywhere. */
const scenario = fc
  .record({
    gaps: fc.array(fc.integer({ min: 0, max: 20 * 24 }), { minLength: 5, maxLength: 5 }),
    reached: fc.integer({ min: 0, max: 5 }),
    withdrawn: fc.boolean(),
    escalations: fc.array(
      fc.record({
        at: fc.integer({ min: 1, max: 60 * 24 }),
        stage: fc.option(fc.constantFrom(...STAGES), { nil: null }),
        started: fc.integer({ min: 0, max: 60 * 24 }),
        due: fc.integer({ min: 0, max: 80 * 24 }),
      }),
      { maxLength: 2 },
    ),
    due: fc.array(fc.option(fc.integer({ min: 0, max: 90 * 24 }), { nil: null }), {
      minLength: 4,
      maxLength: 4,
    }),
  })
  .map(({ gaps, reached, withdrawn, escalations, due }) => {
    // Escalations happen after triage, in review; the later steps follow the last of them.
    const triaged = START + (gaps[0] as number) * HOUR;
    const moves: EscalationFacts[] = (reached > 0 ? escalations : [])
      .map((e) => ({
        issueId: 'i',
        fromTeamId: 'a',
        toTeamId: 'b',
        fromTier: 'WIPT' as const,
        toTier: 'IIPT' as const,
        at: triaged + e.at * HOUR,
        source: 'POLICY' as const,
        fromStage: e.stage,
        fromStageStartedAt: START + e.started * HOUR,
        fromStageDueAt: START + e.due * HOUR,
      }))
      .sort((a, b) => a.at - b.at);
    const at: number[] = [triaged];
    let t = moves.at(-1)?.at ?? triaged;
    for (const gap of gaps.slice(1)) at.push((t += gap * HOUR));
    const when = (step: number) => (reached > step ? (at[step] as number) : null);
    const ended = withdrawn && reached <= 2;
    const issue: IssueFacts = {
      id: 'i',
      key: 'I-1',
      title: 'i',
      teamId: 'b',
      tier: 'IIPT',
      status: ended
        ? 'WITHDRAWN'
        : (['OPEN', 'IN_REVIEW', 'AWAITING_DECISION', 'DECIDED', 'RESOLVED', 'CLOSED'][
            reached
          ] as IssueFacts['status']),
      consequence: 3,
      raisedAt: START,
      tierEnteredAt: moves.at(-1)?.at ?? START,
      triagedAt: when(0),
      readyAt: when(1),
      decidedAt: when(2),
      resolvedAt: when(3),
      closedAt: when(4),
      withdrawnAt: ended ? (at[reached] as number) + HOUR : null,
      due: {
        TRIAGE: due[0] == null ? null : START + due[0] * HOUR,
        RECOMMENDATIONS: due[1] == null ? null : START + due[1] * HOUR,
        DECISION: due[2] == null ? null : START + due[2] * HOUR,
        RESOLUTION: due[3] == null ? null : START + due[3] * HOUR,
      },
      manualDueStages: [],
      requiredDisciplines: [],
      pendingDisciplines: [],
    };
    return { issue, moves };
  });

describe('overdue spans (the weekly series’ fast path)', () => {
  it('say an issue is overdue exactly when asking overdueAt instant by instant would', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.array(fc.integer({ min: -DAY_MS, max: 120 * DAY_MS }), { minLength: 1, maxLength: 20 }),
        ({ issue, moves }, offsets) => {
          const spans = overdueSpansOf(issue, moves);
          const byIssue = new Map([[issue.id, moves]]);
          for (const offset of offsets) {
            const t = START + offset;
            const inSpans = spans.filter((s) => s.after < t && t < s.before).length;
            expect(inSpans).toBe(overdueAt(issue, t, byIssue) === null ? 0 : 1);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
