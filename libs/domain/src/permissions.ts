import { DomainError, forbidden } from './errors';
import { ProgramRoleKind, TeamRole } from './enums';
import { availableCommands, type LifecycleCommandType, type LifecycleState } from './lifecycle';

/**
 * Who may do what (docs/domain.md#who-may-do-what): program managers run the issue from raise to
 * closure, representatives give their own discipline's input on their own team's issues, and
 * only a member flagged with decision authority on the issue's current team decides.
 */

export interface ActorMembership {
  readonly teamId: string;
  readonly discipline: string;
  readonly role: TeamRole;
  readonly decisionAuthority: boolean;
}

/** The signed-in person as seen from one program. */
export interface Actor {
  readonly userId: string;
  readonly isSystemAdmin: boolean;
  /** The person's role in this program; null when they have none. */
  readonly programRole: ProgramRoleKind | null;
  /** Their memberships on this program's teams. */
  readonly memberships: readonly ActorMembership[];
}

/** The issue an action concerns, reduced to what permissions depend on. */
export interface IssueScope {
  readonly currentTeamId: string;
  readonly ownerId: string | null;
}

export type Permission =
  | { readonly action: 'VIEW_PROGRAM' }
  | { readonly action: 'ADMINISTER_PROGRAM' }
  | { readonly action: 'RAISE_ISSUE'; readonly teamId: string }
  | { readonly action: 'TRIAGE_ISSUE'; readonly issue: IssueScope }
  | { readonly action: 'UPDATE_ISSUE'; readonly issue: IssueScope }
  | { readonly action: 'ADD_OPTION'; readonly issue: IssueScope }
  | {
      readonly action: 'SUBMIT_RECOMMENDATION';
      readonly issue: IssueScope;
      readonly discipline: string;
    }
  | { readonly action: 'WAIVE_DISCIPLINE'; readonly issue: IssueScope }
  | { readonly action: 'RECORD_DECISION'; readonly issue: IssueScope }
  | { readonly action: 'ESCALATE_ISSUE'; readonly issue: IssueScope }
  | { readonly action: 'RESOLVE_ISSUE'; readonly issue: IssueScope }
  | { readonly action: 'CLOSE_ISSUE'; readonly issue: IssueScope }
  | { readonly action: 'WITHDRAW_ISSUE'; readonly issue: IssueScope }
  | { readonly action: 'COMMENT'; readonly issue: IssueScope }
  | { readonly action: 'FILE_NON_CONCURRENCE'; readonly issue: IssueScope }
  | {
      readonly action: 'COMPLETE_ACTION_ITEM';
      readonly issue: IssueScope;
      readonly assigneeId: string;
    }
  | { readonly action: 'NUDGE_HOLDERS'; readonly issue: IssueScope }
  | { readonly action: 'MANAGE_USERS' }
  | { readonly action: 'CREATE_PROGRAM' };

export type PermissionAction = Permission['action'];

export type Verdict =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly requiredRole: string; readonly reason: string };

const ALLOWED: Verdict = { allowed: true };

type Refusal = Extract<Verdict, { readonly allowed: false }>;

function refuse(requiredRole: string, reason: string): Refusal {
  return { allowed: false, requiredRole, reason };
}

/** The one answer to anyone outside a program, about anything in it (ADR 7). */
const NOT_IN_PROGRAM = refuse('a role in the program', 'You are not a member of this program.');

const isProgramManager = (actor: Actor): boolean =>
  actor.programRole === ProgramRoleKind.PROGRAM_MANAGER;
const isInProgram = (actor: Actor): boolean =>
  actor.programRole !== null || actor.memberships.length > 0;
const onTeam = (actor: Actor, teamId: string): ActorMembership[] =>
  actor.memberships.filter((m) => m.teamId === teamId);
const leadsTeam = (actor: Actor, teamId: string): boolean =>
  onTeam(actor, teamId).some((m) => m.role === TeamRole.LEAD);

/** Program managers, and the lead of the team the issue sits with, steer an issue. */
function mayStewardIssue(actor: Actor, issue: IssueScope, doing: string): Verdict {
  if (isProgramManager(actor) || leadsTeam(actor, issue.currentTeamId)) return ALLOWED;
  return refuse(
    'PROGRAM_MANAGER or LEAD of the issue’s current team',
    `Only a program manager or the lead of the issue’s current team may ${doing}.`,
  );
}

export function authorize(actor: Actor, permission: Permission): Verdict {
  switch (permission.action) {
    case 'VIEW_PROGRAM':
      return actor.isSystemAdmin || isInProgram(actor) ? ALLOWED : NOT_IN_PROGRAM;
    case 'ADMINISTER_PROGRAM':
      return actor.isSystemAdmin || isProgramManager(actor)
        ? ALLOWED
        : refuse(
            'PROGRAM_MANAGER or system admin',
            'Only a program manager or a system admin may change the program set-up.',
          );
    case 'MANAGE_USERS':
    case 'CREATE_PROGRAM':
      return actor.isSystemAdmin
        ? ALLOWED
        : refuse('system admin', 'Only a system admin may manage accounts and create programs.');
    case 'RAISE_ISSUE':
      return isProgramManager(actor) || onTeam(actor, permission.teamId).length > 0
        ? ALLOWED
        : refuse(
            'PROGRAM_MANAGER or a member of the team',
            'Raise an issue on a team you belong to (program managers may raise on any team).',
          );
    case 'TRIAGE_ISSUE':
      return mayStewardIssue(actor, permission.issue, 'triage an issue');
    case 'UPDATE_ISSUE':
      return mayStewardIssue(actor, permission.issue, 'edit an issue');
    case 'ESCALATE_ISSUE':
      return mayStewardIssue(actor, permission.issue, 'escalate an issue');
    case 'RESOLVE_ISSUE':
      return mayStewardIssue(actor, permission.issue, 'resolve an issue');
    case 'CLOSE_ISSUE':
      return mayStewardIssue(actor, permission.issue, 'close an issue');
    case 'WITHDRAW_ISSUE':
      return mayStewardIssue(actor, permission.issue, 'withdraw an issue');
    case 'WAIVE_DISCIPLINE':
      return isProgramManager(actor)
        ? ALLOWED
        : refuse('PROGRAM_MANAGER', 'Only a program manager may waive a required discipline.');
    case 'ADD_OPTION':
      return isProgramManager(actor) ||
        permission.issue.ownerId === actor.userId ||
        onTeam(actor, permission.issue.currentTeamId).length > 0
        ? ALLOWED
        : refuse(
            'PROGRAM_MANAGER, the issue owner or a member of its current team',
            'Only the issue’s owner, a program manager or a member of its current team may add options.',
          );
    case 'SUBMIT_RECOMMENDATION':
      return onTeam(actor, permission.issue.currentTeamId).some(
        (m) => m.discipline === permission.discipline,
      )
        ? ALLOWED
        : refuse(
            `a representative of ${permission.discipline} on the issue’s current team`,
            `Only a representative of ${permission.discipline} on the issue’s current team may recommend for it.`,
          );
    case 'RECORD_DECISION':
      return onTeam(actor, permission.issue.currentTeamId).some((m) => m.decisionAuthority)
        ? ALLOWED
        : refuse(
            'decision authority on the issue’s current team',
            'Only a member with decision authority on the issue’s current team may record a decision.',
          );
    case 'COMMENT':
      return isProgramManager(actor) || actor.memberships.length > 0
        ? ALLOWED
        : refuse(
            'PROGRAM_MANAGER or a team member',
            'Only program managers and team members may comment.',
          );
    case 'FILE_NON_CONCURRENCE':
      return onTeam(actor, permission.issue.currentTeamId).length > 0
        ? ALLOWED
        : refuse(
            'a member of the issue’s current team',
            'Only a member of the issue’s current team may file a non-concurrence.',
          );
    case 'NUDGE_HOLDERS':
      // Chasing people across the program is the program manager's job; a reminder from anyone
      // else would be noise with no authority behind it.
      return isProgramManager(actor)
        ? ALLOWED
        : refuse(
            'PROGRAM_MANAGER',
            'Only a program manager of the issue’s program may nudge the people holding it.',
          );
    case 'COMPLETE_ACTION_ITEM':
      return isProgramManager(actor) || permission.assigneeId === actor.userId
        ? ALLOWED
        : refuse(
            'the assignee or PROGRAM_MANAGER',
            'Only the assignee or a program manager may complete an action item.',
          );
  }
}

/** The permission each lifecycle command needs on an issue (recommending also names a discipline). */
const PERMISSION_OF_COMMAND: Readonly<
  Record<
    Exclude<LifecycleCommandType, 'SUBMIT_RECOMMENDATION' | 'COMPLETE_ACTION_ITEM'>,
    Exclude<PermissionAction, 'SUBMIT_RECOMMENDATION' | 'COMPLETE_ACTION_ITEM'>
  >
> = {
  TRIAGE: 'TRIAGE_ISSUE',
  UPDATE: 'UPDATE_ISSUE',
  ADD_OPTION: 'ADD_OPTION',
  WAIVE_DISCIPLINE: 'WAIVE_DISCIPLINE',
  RECORD_DECISION: 'RECORD_DECISION',
  ESCALATE: 'ESCALATE_ISSUE',
  RESOLVE: 'RESOLVE_ISSUE',
  CLOSE: 'CLOSE_ISSUE',
  WITHDRAW: 'WITHDRAW_ISSUE',
  COMMENT: 'COMMENT',
  FILE_NON_CONCURRENCE: 'FILE_NON_CONCURRENCE',
};

/**
 * The commands the actor may take on the issue now: those the lifecycle admits in its state
 * (`availableCommands`) that the actor is also authorized for. Recommending is offered when the
 * actor represents, on the issue's current team, a required discipline that is not waived. Completing an action
 * item is never offered here: who may depends on the item (its assignee), so it is offered per item.
 */
export function viewerCommands(
  state: LifecycleState,
  actor: Actor,
  issue: IssueScope,
): LifecycleCommandType[] {
  return availableCommands(state).filter((command) => {
    if (command === 'COMPLETE_ACTION_ITEM') return false;
    if (command === 'SUBMIT_RECOMMENDATION') {
      // Only for a discipline the lifecycle would take a recommendation for: required, not waived.
      return state.requiredDisciplines.some(
        (discipline) =>
          !state.waivedDisciplines.includes(discipline) &&
          authorize(actor, { action: 'SUBMIT_RECOMMENDATION', issue, discipline }).allowed,
      );
    }
    return authorize(actor, { action: PERMISSION_OF_COMMAND[command], issue } as Permission)
      .allowed;
  });
}

/** Throws FORBIDDEN, saying which role is needed, unless the actor may. */
export function assertAuthorized(actor: Actor, permission: Permission): void {
  const verdict = authorize(actor, permission);
  if (!verdict.allowed) throw refusal(verdict);
}

/**
 * The FORBIDDEN an outsider gets, for what is asked of a program that is missing or that holds
 * nothing by that name: word for word the refusal for what does exist, so the answer never says
 * whether it does (ADR 7).
 */
export function notInProgram(): DomainError {
  return refusal(NOT_IN_PROGRAM);
}

function refusal(verdict: Refusal): DomainError {
  return forbidden(`${verdict.reason} (needs: ${verdict.requiredRole})`, verdict.requiredRole);
}
