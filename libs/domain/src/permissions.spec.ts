import { Actor, DomainError, assertAuthorized, authorize } from './index';

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
