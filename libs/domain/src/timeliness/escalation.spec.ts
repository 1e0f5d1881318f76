import { policyEscalationBreach } from './escalation';
import { DEFAULT_TIMELINESS_POLICY, type TimelinessPolicy } from './policy';

const calendar = { timeZone: 'UTC', holidays: new Set<string>() };
const policy: TimelinessPolicy = {
  ...DEFAULT_TIMELINESS_POLICY,
  dayKind: 'CALENDAR',
  autoEscalationGraceDays: { WIPT: 2 },
};
const due = Date.UTC(2026, 2, 2, 12);
const candidate = {
  id: 'i1',
  status: 'AWAITING_DECISION' as const,
  tier: 'WIPT' as const,
  decisionDueAt: due,
  hasParentTeam: true,
};

describe('policyEscalationBreach', () => {
  it('escalates once the grace period after an overdue decision has passed, not before', () => {
    // Due Monday 2 March; two days' grace end with Wednesday 4 March.
    const graceEndsAt = Date.UTC(2026, 2, 5) - 1;
    expect(policyEscalationBreach(candidate, policy, calendar, graceEndsAt)).toBeNull();
    const breach = policyEscalationBreach(candidate, policy, calendar, graceEndsAt + 1);
    expect(breach).toMatchObject({
      key: 'i1:WIPT:2026-03-02T12:00:00.000Z',
      graceDays: 2,
      graceEndsAt,
    });
    expect(breach?.reason).toBe(
      'Decision due 2 Mar 2026 at WIPT is overdue past the 2-day grace period of the program’s timeliness policy.',
    );
  });

  it('leaves alone tiers without a grace period, the top of the ladder, and settled issues', () => {
    const late = due + 30 * 86_400_000;
    expect(
      policyEscalationBreach({ ...candidate, tier: 'IIPT' }, policy, calendar, late),
    ).toBeNull();
    expect(
      policyEscalationBreach({ ...candidate, hasParentTeam: false }, policy, calendar, late),
    ).toBeNull();
    expect(
      policyEscalationBreach({ ...candidate, status: 'DECIDED' }, policy, calendar, late),
    ).toBeNull();
    expect(
      policyEscalationBreach({ ...candidate, decisionDueAt: null }, policy, calendar, late),
    ).toBeNull();
  });
});
