import { IssueStatus } from './enums';

/**
 * Where a decision's action item stands. Work a decision assigned binds only while that decision
 * does and while its issue is still being worked: an item of a superseded decision is no longer
 * binding, and one left open when its issue was closed or withdrawn is not waited on (neither
 * counts against anyone's timeliness, neither is announced as due or overdue).
 */
export const ActionItemStanding = {
  DONE: 'DONE',
  /** Its decision was superseded before it was done. */
  SUPERSEDED: 'SUPERSEDED',
  /** Its issue was closed or withdrawn before it was done. */
  DROPPED: 'DROPPED',
  OVERDUE: 'OVERDUE',
  OPEN: 'OPEN',
} as const;
export type ActionItemStanding = (typeof ActionItemStanding)[keyof typeof ActionItemStanding];

export interface ActionItemState {
  readonly dueAt: Date;
  readonly doneAt: Date | null;
  readonly decisionSuperseded: boolean;
  readonly issueStatus: IssueStatus;
}

export function actionItemStanding(item: ActionItemState, now: Date): ActionItemStanding {
  if (item.doneAt !== null) return ActionItemStanding.DONE;
  if (item.decisionSuperseded) return ActionItemStanding.SUPERSEDED;
  if (item.issueStatus === IssueStatus.CLOSED || item.issueStatus === IssueStatus.WITHDRAWN) {
    return ActionItemStanding.DROPPED;
  }
  return item.dueAt.getTime() < now.getTime()
    ? ActionItemStanding.OVERDUE
    : ActionItemStanding.OPEN;
}
