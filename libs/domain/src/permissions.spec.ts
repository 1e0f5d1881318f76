import {
  Actor,
  DomainError,
  type LifecycleState,
  assertAuthorized,
  authorize,
  viewerCommands,
} from './index';

const issue = { currentTeamId: 'wipt-air', ownerId: 'owner-1' };
const person = (overrides: Partial<Actor>): Actor => ({
  userId: 'u',
  isSystemAdmin: false,
  programRole: null,
  memberships: [],
  ...overrides,
});
const engineer = person({
  programRole: 'MEMBER',
  memberships: [
    { teamId: 'wipt-air', discipline: 'engineering', role: 'CORE', decisionAuthority: false },
  ],
});
const authority = person({
  programRole: 'MEMBER',
  memberships: [
    { teamId: 'wipt-air', discipline: 'program-management', role: 'LEAD', decisionAuthority: true },
  ],
});
const authorityElsewhere = person({
  programRole: 'MEMBER',
  memberships: [
    { teamId: 'oipt', discipline: 'program-management', role: 'LEAD', decisionAuthority: true },
  ],
});
const programManager = person({ programRole: 'PROGRAM_MANAGER' });
const outsider = person({});

describe(authorize.name, () => {
  it('lets only a program manager nudge the people holding an issue', () => {
    expect(authorize(programManager, { action: 'NUDGE_HOLDERS', issue }).allowed).toBe(true);
    // The lead with decision authority on the issue's own team steers it, but does not chase.
    for (const actor of [authority, engineer, outsider]) {
      expect(authorize(actor, { action: 'NUDGE_HOLDERS', issue })).toMatchObject({
        allowed: false,
        requiredRole: 'PROGRAM_MANAGER',
      });
    }
  });

  it('lets a representative recommend only for their own discipline on the issue’s team', () => {
    expect(
      authorize(engineer, { action: 'SUBMIT_RECOMMENDATION', issue, discipline: 'engineering' })
        .allowed,
    ).toBe(true);
    const verdict = authorize(engineer, {
      action: 'SUBMIT_RECOMMENDATION',
      issue,
      discipline: 'cost',
    });
    expect(verdict).toMatchObject({
      allowed: false,
      requiredRole: 'a representative of cost on the issue’s current team',
    });
  });

  it('lets only decision authority on the issue’s current team decide', () => {
    expect(authorize(authority, { action: 'RECORD_DECISION', issue }).allowed).toBe(true);
    expect(authorize(authorityElsewhere, { action: 'RECORD_DECISION', issue }).allowed).toBe(false);
    expect(authorize(engineer, { action: 'RECORD_DECISION', issue }).allowed).toBe(false);
    expect(authorize(programManager, { action: 'RECORD_DECISION', issue }).allowed).toBe(false);
  });

  it('lets program managers and the team lead triage, but not a core member', () => {
    expect(authorize(programManager, { action: 'TRIAGE_ISSUE', issue }).allowed).toBe(true);
    expect(authorize(authority, { action: 'TRIAGE_ISSUE', issue }).allowed).toBe(true);
    expect(authorize(engineer, { action: 'TRIAGE_ISSUE', issue }).allowed).toBe(false);
  });

  it('keeps outsiders out of the program and system admins in', () => {
    expect(authorize(outsider, { action: 'VIEW_PROGRAM' }).allowed).toBe(false);
    expect(authorize(person({ isSystemAdmin: true }), { action: 'VIEW_PROGRAM' }).allowed).toBe(
      true,
    );
    expect(authorize(engineer, { action: 'VIEW_PROGRAM' }).allowed).toBe(true);
  });

  it('throws FORBIDDEN naming the role that is needed', () => {
    expect(() => assertAuthorized(engineer, { action: 'WAIVE_DISCIPLINE', issue })).toThrow(
      DomainError,
    );
    try {
      assertAuthorized(engineer, { action: 'WAIVE_DISCIPLINE', issue });
    } catch (error) {
      expect((error as DomainError).code).toBe('FORBIDDEN');
      expect((error as DomainError).message).toContain('PROGRAM_MANAGER');
    }
  });
});

describe('viewerCommands', () => {
  const inReview: LifecycleState = {
    status: 'IN_REVIEW',
    tier: 'WIPT',
    hasParentTeam: true,
    requiredDisciplines: ['engineering', 'contracting'],
    recommendedDisciplines: [],
    waivedDisciplines: [],
    optionCount: 1,
    openActionItems: 0,
  };
  const lead = person({
    programRole: 'MEMBER',
    memberships: [
      { teamId: 'wipt-air', discipline: 'test', role: 'LEAD', decisionAuthority: false },
    ],
  });

  it('offers a program manager every step the state admits but recommending for a discipline', () => {
    expect(viewerCommands(inReview, programManager, issue)).toEqual([
      'UPDATE',
      'ADD_OPTION',
      'WAIVE_DISCIPLINE',
      'ESCALATE',
      'WITHDRAW',
      'COMMENT',
    ]);
  });

  it('offers a representative of a required discipline its recommendation, not steering', () => {
    expect(viewerCommands(inReview, engineer, issue)).toEqual([
      'ADD_OPTION',
      'SUBMIT_RECOMMENDATION',
      'COMMENT',
    ]);
  });

  it('does not offer a recommendation once the representative’s discipline is waived', () => {
    const waived = { ...inReview, waivedDisciplines: ['engineering'] };
    expect(viewerCommands(waived, engineer, issue)).not.toContain('SUBMIT_RECOMMENDATION');
  });

  it('lets the lead of the current team steer, but not waive', () => {
    expect(viewerCommands(inReview, lead, issue)).toEqual([
      'UPDATE',
      'ADD_OPTION',
      'ESCALATE',
      'WITHDRAW',
      'COMMENT',
    ]);
  });

  it('offers the decision only to decision authority on the current team', () => {
    const ready = { ...inReview, status: 'AWAITING_DECISION' as const };
    expect(viewerCommands(ready, authority, issue)).toContain('RECORD_DECISION');
    expect(viewerCommands(ready, authorityElsewhere, issue)).not.toContain('RECORD_DECISION');
    expect(viewerCommands(ready, programManager, issue)).not.toContain('RECORD_DECISION');
  });

  it('never offers completing an action item, which is offered per item', () => {
    const decided = { ...inReview, status: 'DECIDED' as const, openActionItems: 2 };
    // Resolving and closing wait on the open items; the manager is not on the team to object.
    expect(viewerCommands(decided, programManager, issue)).toEqual(['UPDATE', 'COMMENT']);
    expect(viewerCommands(decided, engineer, issue)).toEqual(['FILE_NON_CONCURRENCE', 'COMMENT']);
  });

  it('offers an outsider nothing, not even a comment', () => {
    expect(viewerCommands(inReview, outsider, issue)).toEqual([]);
  });
});
