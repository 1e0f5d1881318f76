import { DomainError, type DecisionToRecord, type LifecycleState, recordDecision } from './index';

const ready: LifecycleState = {
  status: 'AWAITING_DECISION',
  tier: 'WIPT',
  hasParentTeam: true,
  requiredDisciplines: ['engineering', 'test', 'contracting'],
  recommendedDisciplines: ['engineering', 'test'],
  waivedDisciplines: ['contracting'],
  optionCount: 2,
  openActionItems: 0,
};
const decidedAt = new Date('2026-03-04T15:00:00Z');
const facts: DecisionToRecord = {
  state: ready,
  decisionId: 'decision-2',
  issueId: 'issue-1',
  programId: 'program-1',
  option: { id: 'option-a', label: 'A' },
  rationale: '  Cheapest path to the milestone.  ',
  conditions: ' Re-test after retrofit. ',
  decidedById: 'authority-1',
  team: { id: 'wipt-air', tier: 'WIPT' },
  decidedAt,
  readyAt: new Date('2026-03-02T15:00:00Z'),
  decisionDueAt: new Date('2026-03-06T04:59:59.999Z'),
  currentRecommendations: [
    { id: 'rec-eng', discipline: 'engineering', optionId: 'option-a' },
    { id: 'rec-test', discipline: 'test', optionId: 'option-b' },
  ],
  inForce: null,
  actionItems: [
    {
      id: 'item-1',
      title: ' Retrofit the antenna ',
      assigneeId: 'rep-1',
      dueAt: new Date('2026-03-20T21:00:00Z'),
    },
  ],
};

function refusal(change: Partial<DecisionToRecord>): DomainError {
  try {
    recordDecision({ ...facts, ...change });
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected the decision to be refused');
}

describe('recordDecision', () => {
  it('decides the issue and keeps what the decision considered, its dates and its dissent', () => {
    const recorded = recordDecision(facts);
    expect(recorded.issue).toEqual({ status: 'DECIDED', decidedAt, resolvedAt: null });
    expect(recorded.decision).toEqual({
      id: 'decision-2',
      issueId: 'issue-1',
      programId: 'program-1',
      optionId: 'option-a',
      rationale: 'Cheapest path to the milestone.',
      conditions: 'Re-test after retrofit.',
      decidedById: 'authority-1',
      teamId: 'wipt-air',
      tier: 'WIPT',
      decidedAt,
      readyAt: facts.readyAt,
      dueAt: facts.decisionDueAt,
      consideredRecommendationIds: ['rec-eng', 'rec-test'],
      // Test favoured B; contracting was waived and so has no view to dissent with.
      dissentingDisciplines: ['test'],
      supersedesId: null,
    });
    expect(recorded.superseded).toBeNull();
    expect(recorded.actionItems.map((item) => item.title)).toEqual(['Retrofit the antenna']);
    expect(recorded.openActionItems).toBe(1);
    expect(recorded.eventType).toBe('DECISION_RECORDED');
    expect(recorded.eventBefore).toEqual({ status: 'AWAITING_DECISION' });
  });

  it('writes the event’s after in a fixed key order, with the caller’s content hash', () => {
    const after = recordDecision(facts).eventAfter('hash-1');
    expect(Object.keys(after)).toEqual([
      'option',
      'optionId',
      'rationale',
      'conditions',
      'dissentingDisciplines',
      'contentHash',
      'actionItems',
      'status',
      'decision',
    ]);
    expect(after).toMatchObject({
      option: 'A',
      contentHash: 'hash-1',
      actionItems: 1,
      status: 'DECIDED',
      decision: {
        teamId: 'wipt-air',
        tier: 'WIPT',
        readyAt: '2026-03-02T15:00:00.000Z',
        dueAt: '2026-03-06T04:59:59.999Z',
        actionItems: [
          {
            id: 'item-1',
            title: 'Retrofit the antenna',
            assigneeId: 'rep-1',
            dueAt: '2026-03-20T21:00:00.000Z',
          },
        ],
      },
    });
  });

  it('supersedes the decision in force, reopens a resolved issue, and frees its old action items', () => {
    const recorded = recordDecision({
      ...facts,
      state: { ...ready, status: 'RESOLVED' },
      option: { id: 'option-b', label: 'B' },
      inForce: { id: 'decision-1', optionId: 'option-a' },
      actionItems: [],
    });
    expect(recorded.issue.status).toBe('DECIDED');
    expect(recorded.issue.resolvedAt).toBeNull();
    expect(recorded.decision.supersedesId).toBe('decision-1');
    expect(recorded.decision.dissentingDisciplines).toEqual(['engineering']);
    expect(recorded.superseded).toEqual({
      id: 'decision-1',
      supersededAt: decidedAt,
      supersededById: 'decision-2',
    });
    expect(recorded.openActionItems).toBe(0);
    expect(recorded.eventType).toBe('DECISION_SUPERSEDED');
    expect(recorded.eventBefore).toEqual({
      decisionId: 'decision-1',
      optionId: 'option-a',
      status: 'RESOLVED',
    });
  });

  it('is refused while the issue is still in review', () => {
    const error = refusal({ state: { ...ready, status: 'IN_REVIEW' } });
    expect(error.code).toBe('ILLEGAL_TRANSITION');
  });

  it('refuses an action item due at or before the decision, at its field', () => {
    const [item] = facts.actionItems;
    const error = refusal({ actionItems: [{ ...item!, dueAt: decidedAt }] });
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toMatchObject({ field: 'actionItems.0.dueAt' });
  });

  it('refuses a blank rationale and a blank action item title', () => {
    expect(refusal({ rationale: '  ' }).details).toMatchObject({ field: 'rationale' });
    const [item] = facts.actionItems;
    expect(refusal({ actionItems: [{ ...item!, title: ' ' }] }).details).toMatchObject({
      field: 'actionItems.0.title',
    });
  });
});
