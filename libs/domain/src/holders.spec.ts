import { HoldingState, holdersOf, isNudgeable, nextNudgeAt } from './holders';

const team = [
  { userId: 'eng-1', discipline: 'engineering', decisionAuthority: false },
  { userId: 'eng-2', discipline: 'engineering', decisionAuthority: false },
  { userId: 'cost-1', discipline: 'cost', decisionAuthority: false },
  { userId: 'test-1', discipline: 'test', decisionAuthority: false },
  { userId: 'lead', discipline: 'program-management', decisionAuthority: true },
];
const state = (overrides: Partial<HoldingState>): HoldingState => ({
  status: 'IN_REVIEW',
  ownerId: 'owner',
  requiredDisciplines: ['engineering', 'cost', 'test'],
  recommendedDisciplines: [],
  waivedDisciplines: [],
  currentTeamMembers: team,
  programManagerIds: ['pm'],
  ...overrides,
});

describe(holdersOf.name, () => {
  it('names the representatives of the disciplines still pending while recommendations are due', () => {
    const holders = holdersOf(
      state({ recommendedDisciplines: ['cost'], waivedDisciplines: ['test'] }),
    );
    expect(holders).toEqual([
      { userId: 'eng-1', reason: 'RECOMMENDATION', disciplines: ['engineering'] },
      { userId: 'eng-2', reason: 'RECOMMENDATION', disciplines: ['engineering'] },
    ]);
  });

  it('names one person once, with every pending discipline they represent', () => {
    const both = [
      { userId: 'multi', discipline: 'engineering', decisionAuthority: false },
      { userId: 'multi', discipline: 'cost', decisionAuthority: false },
    ];
    expect(holdersOf(state({ currentTeamMembers: both }))).toEqual([
      { userId: 'multi', reason: 'RECOMMENDATION', disciplines: ['engineering', 'cost'] },
    ]);
  });

  it('falls back to the program managers when no one on the team represents a pending discipline', () => {
    expect(
      holdersOf(state({ recommendedDisciplines: ['engineering', 'cost'], currentTeamMembers: [] })),
    ).toEqual([{ userId: 'pm', reason: 'PROGRAM_MANAGER', disciplines: [] }]);
  });

  it('names the decision authorities on the current team while the decision is due', () => {
    expect(holdersOf(state({ status: 'AWAITING_DECISION' }))).toEqual([
      { userId: 'lead', reason: 'DECISION', disciplines: [] },
    ]);
  });

  it('names the owner in triage and resolution, the program managers when there is none', () => {
    expect(holdersOf(state({ status: 'OPEN' }))).toEqual([
      { userId: 'owner', reason: 'OWNER', disciplines: [] },
    ]);
    expect(holdersOf(state({ status: 'DECIDED' }))).toEqual([
      { userId: 'owner', reason: 'OWNER', disciplines: [] },
    ]);
    expect(holdersOf(state({ status: 'OPEN', ownerId: null }))).toEqual([
      { userId: 'pm', reason: 'PROGRAM_MANAGER', disciplines: [] },
    ]);
  });

  it('names nobody once the issue has ended', () => {
    for (const status of ['RESOLVED', 'CLOSED', 'WITHDRAWN'] as const) {
      expect(holdersOf(state({ status }))).toEqual([]);
      expect(isNudgeable(status)).toBe(false);
    }
    expect(isNudgeable('AWAITING_DECISION')).toBe(true);
  });
});

describe(nextNudgeAt.name, () => {
  const zone = 'America/New_York';
  // 09:00 on Tuesday 3 March 2026 in New York.
  const now = new Date('2026-03-03T14:00:00.000Z');

  it('allows a first nudge', () => {
    expect(nextNudgeAt(null, now, zone)).toBeNull();
  });

  it('refuses a second the same local day, until the next local midnight', () => {
    // 00:30 the same local day is 05:30 UTC.
    expect(nextNudgeAt(new Date('2026-03-03T05:30:00.000Z'), now, zone)?.toISOString()).toBe(
      '2026-03-04T05:00:00.000Z',
    );
  });

  it('allows one again on a later local day, even if less than 24 hours have passed', () => {
    // 23:00 on 2 March in New York is already 3 March in UTC.
    expect(nextNudgeAt(new Date('2026-03-03T04:00:00.000Z'), now, zone)).toBeNull();
  });
});
