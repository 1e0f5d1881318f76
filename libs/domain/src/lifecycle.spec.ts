import {
  IllegalTransitionError,
  IssueStatus,
  LifecycleState,
  Tier,
  availableCommands,
  transition,
} from './index';

const inReview: LifecycleState = {
  status: IssueStatus.IN_REVIEW,
  tier: Tier.WIPT,
  hasParentTeam: true,
  requiredDisciplines: ['engineering', 'test'],
  recommendedDisciplines: [],
  waivedDisciplines: [],
  optionCount: 2,
  openActionItems: 0,
};

describe('transition', () => {
  it('triages an open issue into review', () => {
    const sut = transition(
      { ...inReview, status: IssueStatus.OPEN, requiredDisciplines: [] },
      {
        type: 'TRIAGE',
        requiredDisciplines: ['engineering'],
      },
    );
    expect(sut).toEqual({ status: IssueStatus.IN_REVIEW, tier: Tier.WIPT, statusChanged: true });
  });

  it('refuses triage without a required discipline', () => {
    expect(() =>
      transition(
        { ...inReview, status: IssueStatus.OPEN },
        { type: 'TRIAGE', requiredDisciplines: [] },
      ),
    ).toThrow(/at least one required discipline/);
  });

  it('stays in review until every required discipline is covered', () => {
    const first = transition(inReview, {
      type: 'SUBMIT_RECOMMENDATION',
      discipline: 'engineering',
    });
    expect(first.status).toBe(IssueStatus.IN_REVIEW);
    expect(first.statusChanged).toBe(false);

    const second = transition(
      { ...inReview, recommendedDisciplines: ['engineering'] },
      { type: 'SUBMIT_RECOMMENDATION', discipline: 'test' },
    );
    expect(second).toEqual({
      status: IssueStatus.AWAITING_DECISION,
      tier: Tier.WIPT,
      statusChanged: true,
    });
  });

  it('counts a waiver as coverage', () => {
    const sut = transition(
      { ...inReview, recommendedDisciplines: ['engineering'] },
      { type: 'WAIVE_DISCIPLINE', discipline: 'test' },
    );
    expect(sut.status).toBe(IssueStatus.AWAITING_DECISION);
  });

  it('refuses a recommendation from a discipline the issue does not require', () => {
    expect(() =>
      transition(inReview, { type: 'SUBMIT_RECOMMENDATION', discipline: 'cost' }),
    ).toThrow(/cost is not a required discipline/);
  });

  it('refuses a decision before coverage is complete, naming the status and the allowed moves', () => {
    let error: unknown;
    try {
      transition(inReview, { type: 'RECORD_DECISION', actionItems: 0 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(IllegalTransitionError);
    const illegal = error as IllegalTransitionError;
    expect(illegal.code).toBe('ILLEGAL_TRANSITION');
    expect(illegal.message).toContain('IN_REVIEW');
    expect(illegal.message).toContain('submit a recommendation');
    expect(illegal.details['currentStatus']).toBe('IN_REVIEW');
    expect(illegal.details['allowedCommands']).toContain('SUBMIT_RECOMMENDATION');
    expect(illegal.details['allowedCommands']).not.toContain('RECORD_DECISION');
  });

  it('supersedes a decision on a resolved issue by reopening it as decided', () => {
    const sut = transition(
      { ...inReview, status: IssueStatus.RESOLVED },
      { type: 'RECORD_DECISION', actionItems: 1 },
    );
    expect(sut.status).toBe(IssueStatus.DECIDED);
  });

  it('closes a decided issue only when its action items are done', () => {
    const decided = { ...inReview, status: IssueStatus.DECIDED };
    expect(() => transition({ ...decided, openActionItems: 2 }, { type: 'CLOSE' })).toThrow(
      /2 action items are still open/,
    );
    expect(transition(decided, { type: 'CLOSE' }).status).toBe(IssueStatus.CLOSED);
  });

  it('escalates to the parent tier and back into review while disciplines are pending', () => {
    const sut = transition(
      { ...inReview, recommendedDisciplines: ['engineering'] },
      { type: 'ESCALATE', parentTier: Tier.IIPT },
    );
    expect(sut).toEqual({ status: IssueStatus.IN_REVIEW, tier: Tier.IIPT, statusChanged: false });
  });

  it('escalates a fully covered issue straight to the new tier’s decision', () => {
    const sut = transition(
      {
        ...inReview,
        status: IssueStatus.AWAITING_DECISION,
        recommendedDisciplines: ['engineering', 'test'],
      },
      { type: 'ESCALATE', parentTier: Tier.IIPT },
    );
    expect(sut).toEqual({
      status: IssueStatus.AWAITING_DECISION,
      tier: Tier.IIPT,
      statusChanged: false,
    });
  });

  it('refuses to escalate past the OIPT', () => {
    expect(() =>
      transition(
        { ...inReview, tier: Tier.OIPT, hasParentTeam: false },
        { type: 'ESCALATE', parentTier: Tier.OIPT },
      ),
    ).toThrow(/top of its ladder \(OIPT\)/);
  });

  it.each([IssueStatus.CLOSED, IssueStatus.WITHDRAWN])(
    'lets a %s issue take only comments',
    (status) => {
      expect(availableCommands({ ...inReview, status })).toEqual(['COMMENT']);
      expect(() => transition({ ...inReview, status }, { type: 'WITHDRAW' })).toThrow(
        IllegalTransitionError,
      );
    },
  );

  it('offers the decision only once the issue awaits it', () => {
    expect(availableCommands(inReview)).not.toContain('RECORD_DECISION');
    expect(availableCommands({ ...inReview, status: IssueStatus.AWAITING_DECISION })).toContain(
      'RECORD_DECISION',
    );
  });
});
