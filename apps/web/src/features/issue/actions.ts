import {
  IssueStatus,
  ProgramRoleKind,
  allowedCommands,
  authorize,
  type Actor,
  type IssueScope,
  type LifecycleCommandType,
  type TeamRole,
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

/** A member of the issue's current team, as the issue page loads them. */
export interface TeamMember {
  readonly discipline: string;
  readonly role: TeamRole;
  readonly decisionAuthority: boolean;
  readonly user: { readonly id: string };
}

/**
 * The viewer as the domain's permission rules (`authorize`) see them, from what the issue page
 * knows: their role in the program and their memberships on the issue's current team. That is
 * all the rules used here look at; memberships on other teams are not loaded, so this is not an
 * answer for rules about other teams.
 */
function viewerOnIssueTeam(
  viewerId: string,
  viewerRole: string | null | undefined,
  currentTeamId: string,
  members: readonly TeamMember[],
): Actor {
  const programRole =
    viewerRole === ProgramRoleKind.PROGRAM_MANAGER || viewerRole === ProgramRoleKind.MEMBER
      ? viewerRole
      : null;
  return {
    userId: viewerId,
    isSystemAdmin: false,
    programRole,
    memberships: members
      .filter((member) => member.user.id === viewerId)
      .map(({ discipline, role, decisionAuthority }) => ({
        teamId: currentTeamId,
        discipline,
        role,
        decisionAuthority,
      })),
  };
}

/**
 * Whether the viewer may mark an action item done: an open item of the decision in force, while
 * the issue's status admits it, and the domain's rule lets them (its assignee or a program
 * manager).
 */
export function mayCompleteActionItem(input: {
  status: IssueStatus;
  issue: IssueScope;
  decisionSuperseded: boolean;
  doneAt: string | null;
  assigneeId: string;
  viewerId: string | null;
  viewerRole: string | null | undefined;
}): boolean {
  if (input.doneAt !== null || input.decisionSuperseded || input.viewerId === null) return false;
  if (!allowedCommands(input.status).includes('COMPLETE_ACTION_ITEM')) return false;
  const viewer = viewerOnIssueTeam(input.viewerId, input.viewerRole, input.issue.currentTeamId, []);
  return authorize(viewer, {
    action: 'COMPLETE_ACTION_ITEM',
    issue: input.issue,
    assigneeId: input.assigneeId,
  }).allowed;
}

/**
 * The disciplines the viewer may recommend for: required and not waived, and the domain's rule
 * lets them (they represent it on the issue's current team, whose `members` these are).
 */
export function recommendableDisciplines(input: {
  viewerId: string | null;
  members: readonly TeamMember[];
  coverage: readonly { discipline: string; state: string }[];
}): string[] {
  const { viewerId } = input;
  if (viewerId === null) return [];
  // The members are the current team's, so the rule is asked about that one team, by any name.
  const issue: IssueScope = { currentTeamId: 'current-team', ownerId: null };
  const viewer = viewerOnIssueTeam(viewerId, null, issue.currentTeamId, input.members);
  return input.coverage
    .filter(
      (entry) =>
        entry.state !== 'WAIVED' &&
        authorize(viewer, { action: 'SUBMIT_RECOMMENDATION', issue, discipline: entry.discipline })
          .allowed,
    )
    .map((entry) => entry.discipline);
}
