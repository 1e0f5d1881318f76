import { ActionItemStanding, actionItemStanding } from './action-items';
import { IssueStatus } from './enums';

const now = new Date('2026-03-10T12:00:00Z');
const item = {
  dueAt: new Date('2026-03-20T12:00:00Z'),
  doneAt: null,
  decisionSuperseded: false,
  issueStatus: IssueStatus.DECIDED,
};

describe(actionItemStanding.name, () => {
  it('is open before its due date and overdue after', () => {
    expect(actionItemStanding(item, now)).toBe(ActionItemStanding.OPEN);
    expect(actionItemStanding({ ...item, dueAt: new Date('2026-03-01T00:00:00Z') }, now)).toBe(
      ActionItemStanding.OVERDUE,
    );
  });

  it('is done once done, whatever happened since', () => {
    const done = { ...item, doneAt: new Date('2026-03-05T00:00:00Z') };
    expect(actionItemStanding({ ...done, decisionSuperseded: true }, now)).toBe(
      ActionItemStanding.DONE,
    );
    expect(actionItemStanding({ ...done, issueStatus: IssueStatus.CLOSED }, now)).toBe(
      ActionItemStanding.DONE,
    );
  });

  it('no longer binds once its decision is superseded, even past its due date', () => {
    expect(
      actionItemStanding(
        { ...item, decisionSuperseded: true, dueAt: new Date('2026-03-01T00:00:00Z') },
        now,
      ),
    ).toBe(ActionItemStanding.SUPERSEDED);
  });

  it('is dropped when its issue was closed or withdrawn with it still open', () => {
    for (const issueStatus of [IssueStatus.CLOSED, IssueStatus.WITHDRAWN]) {
      expect(actionItemStanding({ ...item, issueStatus }, now)).toBe(ActionItemStanding.DROPPED);
    }
    expect(actionItemStanding({ ...item, issueStatus: IssueStatus.RESOLVED }, now)).toBe(
      ActionItemStanding.OPEN,
    );
  });
});
