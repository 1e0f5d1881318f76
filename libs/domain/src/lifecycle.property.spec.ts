import fc from 'fast-check';
import {
  IllegalTransitionError,
  IssueStatus,
  LifecycleCommand,
  LifecycleState,
  TIERS_LOWEST_FIRST,
  Tier,
  transition,
  transitionByStatus,
} from './index';

/**
 * Drives random command sequences through the state machine and compares every step with a
 * deliberately naive model written from the prose of docs/domain.md#the-issue-lifecycle, so a
 * change to either shows up as a disagreement with a shrunk counter-example.
 */

const DISCIPLINES = ['engineering', 'test', 'cost'] as const;

interface ModelIssue {
  status: IssueStatus;
  tierIndex: number;
  required: string[];
  recommended: string[];
  waived: string[];
  options: number;
  openActions: number;
}

function modelAccepts(m: ModelIssue, c: LifecycleCommand): IssueStatus | null {
  const s = m.status;
  const covered = (required: string[], recommended: string[], waived: string[]) =>
    required.every((d) => recommended.includes(d) || waived.includes(d));
  const beforeDecision = s === 'OPEN' || s === 'IN_REVIEW' || s === 'AWAITING_DECISION';
  if (c.type === 'COMMENT') return s;
  if (s === 'CLOSED' || s === 'WITHDRAWN') return null;
  switch (c.type) {
    case 'TRIAGE':
      return s === 'OPEN' && c.requiredDisciplines.length > 0 ? 'IN_REVIEW' : null;
    case 'UPDATE': {
      if (s === 'RESOLVED') return null;
      if (c.requiredDisciplines === undefined) return s;
      if (c.requiredDisciplines.length === 0 || s === 'DECIDED') return null;
      if (s === 'OPEN') return s;
      return covered([...c.requiredDisciplines], m.recommended, m.waived)
        ? 'AWAITING_DECISION'
        : 'IN_REVIEW';
    }
    case 'ADD_OPTION':
      return beforeDecision ? s : null;
    case 'SUBMIT_RECOMMENDATION': {
      const ok =
        (s === 'IN_REVIEW' || s === 'AWAITING_DECISION') &&
        m.required.includes(c.discipline) &&
        !m.waived.includes(c.discipline) &&
        m.options > 0;
      if (!ok) return null;
      if (s === 'AWAITING_DECISION') return s;
      return covered(m.required, [...m.recommended, c.discipline], m.waived)
        ? 'AWAITING_DECISION'
        : 'IN_REVIEW';
    }
    case 'WAIVE_DISCIPLINE': {
      const ok =
        s === 'IN_REVIEW' &&
        m.required.includes(c.discipline) &&
        !m.waived.includes(c.discipline) &&
        !m.recommended.includes(c.discipline);
      if (!ok) return null;
      return covered(m.required, m.recommended, [...m.waived, c.discipline])
        ? 'AWAITING_DECISION'
        : 'IN_REVIEW';
    }
    case 'RECORD_DECISION':
      return (s === 'AWAITING_DECISION' || s === 'DECIDED' || s === 'RESOLVED') && m.options > 0
        ? 'DECIDED'
        : null;
    case 'COMPLETE_ACTION_ITEM':
      return s === 'DECIDED' && m.openActions > 0 ? s : null;
    case 'FILE_NON_CONCURRENCE':
      return s === 'DECIDED' || s === 'RESOLVED' ? s : null;
    case 'ESCALATE':
      if (!((s === 'IN_REVIEW' || s === 'AWAITING_DECISION') && m.tierIndex < 2)) return null;
      return covered(m.required, m.recommended, m.waived) ? 'AWAITING_DECISION' : 'IN_REVIEW';
    case 'RESOLVE':
      return s === 'DECIDED' && m.openActions === 0 ? 'RESOLVED' : null;
    case 'CLOSE':
      return (s === 'DECIDED' && m.openActions === 0) || s === 'RESOLVED' ? 'CLOSED' : null;
    case 'WITHDRAW':
      return beforeDecision ? 'WITHDRAWN' : null;
  }
}

/** Records the side facts an accepted command leaves behind (what the API would store). */
function applyFacts(m: ModelIssue, c: LifecycleCommand, status: IssueStatus): ModelIssue {
  const next = { ...m, status };
  switch (c.type) {
    case 'TRIAGE':
      return { ...next, required: [...c.requiredDisciplines] };
    case 'UPDATE':
      return c.requiredDisciplines ? { ...next, required: [...c.requiredDisciplines] } : next;
    case 'ADD_OPTION':
      return { ...next, options: m.options + 1 };
    case 'SUBMIT_RECOMMENDATION':
      return { ...next, recommended: [...new Set([...m.recommended, c.discipline])] };
    case 'WAIVE_DISCIPLINE':
      return { ...next, waived: [...m.waived, c.discipline] };
    case 'RECORD_DECISION':
      return { ...next, openActions: c.actionItems };
    case 'COMPLETE_ACTION_ITEM':
      return { ...next, openActions: m.openActions - 1 };
    case 'ESCALATE':
      return { ...next, tierIndex: m.tierIndex + 1 };
    default:
      return next;
  }
}

function toLifecycleState(m: ModelIssue): LifecycleState {
  return {
    status: m.status,
    tier: TIERS_LOWEST_FIRST[m.tierIndex] as Tier,
    hasParentTeam: m.tierIndex < 2,
    requiredDisciplines: m.required,
    recommendedDisciplines: m.recommended,
    waivedDisciplines: m.waived,
    optionCount: m.options,
    openActionItems: m.openActions,
  };
}

function subsets<T>(items: readonly T[]): T[][] {
  return items.reduce<T[][]>(
    (all, item) => [...all, ...all.map((subset) => [...subset, item])],
    [[]],
  );
}

/** Every concrete command the generator may pick (the escalation target is filled in per step). */
const ALL_COMMANDS: readonly LifecycleCommand[] = [
  ...subsets(DISCIPLINES).map((requiredDisciplines) => ({
    type: 'TRIAGE' as const,
    requiredDisciplines,
  })),
  { type: 'UPDATE' },
  ...subsets(DISCIPLINES).map((requiredDisciplines) => ({
    type: 'UPDATE' as const,
    requiredDisciplines,
  })),
  { type: 'ADD_OPTION' },
  ...DISCIPLINES.map((d) => ({ type: 'SUBMIT_RECOMMENDATION' as const, discipline: d })),
  ...DISCIPLINES.map((d) => ({ type: 'WAIVE_DISCIPLINE' as const, discipline: d })),
  ...[0, 1, 2].map((actionItems) => ({ type: 'RECORD_DECISION' as const, actionItems })),
  { type: 'COMPLETE_ACTION_ITEM' },
  { type: 'FILE_NON_CONCURRENCE' },
  { type: 'ESCALATE', parentTier: Tier.IIPT },
  { type: 'RESOLVE' },
  { type: 'CLOSE' },
  { type: 'WITHDRAW' },
  { type: 'COMMENT' },
];

/**
 * A step either picks among the commands the model accepts (most of the time, so runs walk deep
 * into the lifecycle) or among all commands (so refusals are exercised in every status).
 */
const step = fc.record({
  preferLegal: fc.integer({ min: 0, max: 9 }).map((n) => n < 7),
  pick: fc.nat(),
});

/** Ending an issue early cuts a run short, so those moves are drawn less often than the rest. */
const TYPE_WEIGHT: Partial<Record<LifecycleCommand['type'], number>> = {
  WITHDRAW: 1,
  COMMENT: 1,
  UPDATE: 2,
  ESCALATE: 2,
};
const DEFAULT_TYPE_WEIGHT = 8;

/** Picks a command type by weight, then one of its variants, so no type crowds out the rest. */
function pickByType(pool: readonly LifecycleCommand[], pick: number): LifecycleCommand {
  const types = [...new Set(pool.map((c) => c.type))];
  const weights = types.map((type) => TYPE_WEIGHT[type] ?? DEFAULT_TYPE_WEIGHT);
  let ticket = pick % weights.reduce((sum, w) => sum + w, 0);
  let chosen = 0;
  while (ticket >= (weights[chosen] ?? 0)) ticket -= weights[chosen++] ?? 0;
  const variants = pool.filter((c) => c.type === types[chosen]);
  return variants[Math.floor(pick / 97) % variants.length] as LifecycleCommand;
}

describe('issue lifecycle against a model', () => {
  it('accepts and refuses exactly what the model does, and lands in the same status', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (steps) => {
        let model: ModelIssue = {
          status: IssueStatus.OPEN,
          tierIndex: 0,
          required: [],
          recommended: [],
          waived: [],
          options: 0,
          openActions: 0,
        };
        for (const { preferLegal, pick } of steps) {
          // The escalation target is a fact of the team tree: the next tier up.
          const concrete = ALL_COMMANDS.map((c) =>
            c.type === 'ESCALATE'
              ? {
                  type: 'ESCALATE' as const,
                  parentTier: TIERS_LOWEST_FIRST[Math.min(model.tierIndex + 1, 2)] as Tier,
                }
              : c,
          );
          const legal = concrete.filter((candidate) => modelAccepts(model, candidate) !== null);
          const c = pickByType(preferLegal && legal.length > 0 ? legal : concrete, pick);
          const expected = modelAccepts(model, c);
          let actual: IssueStatus | null;
          try {
            actual = transition(toLifecycleState(model), c).status;
          } catch (error) {
            expect(error).toBeInstanceOf(IllegalTransitionError);
            expect((error as IllegalTransitionError).details['currentStatus']).toBe(model.status);
            actual = null;
          }
          expect({ command: c, from: model.status, to: actual }).toEqual({
            command: c,
            from: model.status,
            to: expected,
          });
          if (actual !== null) model = applyFacts(model, c, actual);
          // Invariants that hold whatever the sequence.
          if (model.status === 'AWAITING_DECISION') {
            expect(
              model.required.every(
                (d) => model.recommended.includes(d) || model.waived.includes(d),
              ),
            ).toBe(true);
          }
          expect(model.openActions).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('commands decided by the status alone', () => {
  it('answer the same whatever the other facts of the issue', () => {
    const names = fc.subarray([...DISCIPLINES]);
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.values(IssueStatus)),
        fc.constantFrom(...TIERS_LOWEST_FIRST),
        fc.record({
          hasParentTeam: fc.boolean(),
          requiredDisciplines: names,
          recommendedDisciplines: names,
          waivedDisciplines: names,
          optionCount: fc.nat(5),
          openActionItems: fc.nat(5),
        }),
        (status, tier, facts) => {
          const full: LifecycleState = { status, tier, ...facts };
          expect(transitionByStatus(status, tier, { type: 'COMMENT' })).toEqual(
            transition(full, { type: 'COMMENT' }),
          );
        },
      ),
    );
  });
});
