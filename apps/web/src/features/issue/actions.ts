import {
  IssueStatus,
  ProgramRoleKind,
  allowedCommands,
  type LifecycleCommandType,
} from '@ipt/domain';

/** The lifecycle actions the page offers as buttons (comments have their own form). */
export type IssueAction = Exclude<LifecycleCommandType, 'COMMENT' | 'COMPLETE_ACTION_ITEM'>;

/** Button names, in the order the action bar shows them (the lead's browser tests use them). */
export const ACTION_BUTTON_LABELS: Readonly<Record<IssueAction, string>> = {
  TRIAGE: 'Triage',
  UPDATE: 'Edit',
  ADD_OPTION: 'Add option',
  SUBMIT_RECOMMENDATION: 'Recommend',
  WAIVE_DISCIPLINE: 'Waive discipline',
  RECORD_DECISION: 'Record decision',
  ESCALATE: 'Escalate',
  RESOLVE: 'Resolve',
  CLOSE: 'Close issue',
  WITHDRAW: 'Withdraw',
  FILE_NON_CONCURRENCE: 'File non-concurrence',
};

const ACTION_ORDER = Object.keys(ACTION_BUTTON_LABELS) as IssueAction[];

/** The step that moves the issue on; shown as the primary button when offered. */
const PRIMARY_ORDER: readonly IssueAction[] = [
  'TRIAGE',
  'RECORD_DECISION',
  'SUBMIT_RECOMMENDATION',
  'RESOLVE',
  'CLOSE',
];

export interface OfferedAction {
  readonly action: IssueAction;
  readonly label: string;
  readonly primary: boolean;
}

/** The buttons for exactly the actions the API says the viewer may take now (`viewerActions`). */
export function offeredActions(viewerActions: readonly string[]): OfferedAction[] {
  const offered = ACTION_ORDER.filter((action) => viewerActions.includes(action));
  const primary = PRIMARY_ORDER.find((action) => offered.includes(action));
  return offered.map((action) => ({
    action,
    label: ACTION_BUTTON_LABELS[action],
    primary: action === primary,
  }));
}

export function mayComment(viewerActions: readonly string[]): boolean {
  return viewerActions.includes('COMMENT');
}

/**
 * Whether the viewer may mark an action item done: an open item of the decision in force, while
 * the issue's status admits it, and the viewer is its assignee or a program manager.
 */
export function mayCompleteActionItem(input: {
  status: IssueStatus;
  decisionSuperseded: boolean;
  doneAt: string | null;
  assigneeId: string;
  viewerId: string | null;
  viewerRole: string | null | undefined;
}): boolean {
  if (input.doneAt !== null || input.decisionSuperseded || input.viewerId === null) return false;
  if (!allowedCommands(input.status).includes('COMPLETE_ACTION_ITEM')) return false;
  return (
    input.assigneeId === input.viewerId || input.viewerRole === ProgramRoleKind.PROGRAM_MANAGER
  );
}

/**
 * The disciplines the viewer may recommend for: those they represent on the issue's current team
 * that are required and not waived.
 */
export function recommendableDisciplines(input: {
  viewerId: string | null;
  members: readonly { discipline: string; user: { id: string } }[];
  coverage: readonly { discipline: string; state: string }[];
}): string[] {
  if (input.viewerId === null) return [];
  const mine = new Set(
    input.members.filter((m) => m.user.id === input.viewerId).map((m) => m.discipline),
  );
  return input.coverage
    .filter((entry) => entry.state !== 'WAIVED' && mine.has(entry.discipline))
    .map((entry) => entry.discipline);
}
