import { mayCompleteActionItem, offeredActions, recommendableDisciplines } from './actions';

describe('which actions the page offers', () => {
  it('offers exactly the viewer actions, in a fixed order, with one primary step', () => {
    expect(
      offeredActions(['COMMENT', 'WITHDRAW', 'UPDATE', 'RECORD_DECISION', 'ADD_OPTION']),
    ).toEqual([
      { action: 'UPDATE', label: 'Edit', primary: false },
      { action: 'ADD_OPTION', label: 'Add option', primary: false },
      { action: 'RECORD_DECISION', label: 'Record decision', primary: true },
      { action: 'WITHDRAW', label: 'Withdraw', primary: false },
    ]);
    expect(offeredActions(['COMMENT'])).toEqual([]);
    expect(offeredActions(['SOMETHING_NEW'])).toEqual([]);
  });

  it('lets the assignee or a program manager complete an open item of the decision in force', () => {
    const item = {
      status: 'DECIDED' as const,
      issue: { currentTeamId: 'wipt', ownerId: 'u3' },
      decisionSuperseded: false,
      doneAt: null,
      assigneeId: 'u1',
      viewerId: 'u1',
      viewerRole: 'MEMBER',
    };
    expect(mayCompleteActionItem(item)).toBe(true);
    expect(mayCompleteActionItem({ ...item, viewerId: 'u2' })).toBe(false);
    expect(mayCompleteActionItem({ ...item, viewerId: 'u2', viewerRole: 'PROGRAM_MANAGER' })).toBe(
      true,
    );
    expect(mayCompleteActionItem({ ...item, doneAt: '2026-03-01T00:00:00.000Z' })).toBe(false);
    expect(mayCompleteActionItem({ ...item, decisionSuperseded: true })).toBe(false);
    expect(mayCompleteActionItem({ ...item, status: 'CLOSED' })).toBe(false);
  });

  it('offers a recommendation only for disciplines the viewer represents, required and not waived', () => {
    const member = (discipline: string, id: string) => ({
      discipline,
      role: 'CORE' as const,
      decisionAuthority: false,
      user: { id },
    });
    const members = [
      member('engineering', 'u1'),
      member('test', 'u1'),
      member('cost', 'u1'),
      member('logistics', 'u2'),
    ];
    const coverage = [
      { discipline: 'engineering', state: 'RECOMMENDED' },
      { discipline: 'test', state: 'WAIVED' },
      { discipline: 'logistics', state: 'PENDING' },
    ];
    expect(recommendableDisciplines({ viewerId: 'u1', members, coverage })).toEqual([
      'engineering',
    ]);
    expect(recommendableDisciplines({ viewerId: 'u2', members, coverage })).toEqual(['logistics']);
    // Not on the team: no discipline to recommend for.
    expect(recommendableDisciplines({ viewerId: 'u3', members, coverage })).toEqual([]);
    expect(recommendableDisciplines({ viewerId: null, members, coverage })).toEqual([]);
  });
});
