import { DomainError, ErrorCode } from './errors';
import { IssueStatus, Tier } from './enums';
import { coverageIsComplete } from './coverage';

/**
 * The issue lifecycle as one state machine. The API asks it before every change to an issue;
 * the web app asks it which actions to offer. Both therefore agree on what is legal.
 *
 * OPEN -> IN_REVIEW -> AWAITING_DECISION -> DECIDED -> RESOLVED -> CLOSED, WITHDRAWN from any
 * status before a decision; escalation sends an issue one tier up, back to IN_REVIEW (or straight
 * to AWAITING_DECISION when its recommendations already cover every required discipline); a new
 * decision on a DECIDED or RESOLVED issue supersedes the current one.
 */

/** The facts about an issue that its legal moves depend on. */
export interface LifecycleState {
  readonly status: IssueStatus;
  readonly tier: Tier;
  /** Whether the issue's current team has a parent team to escalate to. */
  readonly hasParentTeam: boolean;
  readonly requiredDisciplines: readonly string[];
  /** Disciplines with a current (not superseded) recommendation. */
  readonly recommendedDisciplines: readonly string[];
  readonly waivedDisciplines: readonly string[];
  readonly optionCount: number;
  readonly openActionItems: number;
}

export type LifecycleCommand =
  | { readonly type: 'TRIAGE'; readonly requiredDisciplines: readonly string[] }
  | { readonly type: 'UPDATE'; readonly requiredDisciplines?: readonly string[] }
  | { readonly type: 'ADD_OPTION' }
  | { readonly type: 'SUBMIT_RECOMMENDATION'; readonly discipline: string }
  | { readonly type: 'WAIVE_DISCIPLINE'; readonly discipline: string }
  | { readonly type: 'RECORD_DECISION'; readonly actionItems: number }
  | { readonly type: 'COMPLETE_ACTION_ITEM' }
  | { readonly type: 'FILE_NON_CONCURRENCE' }
  | { readonly type: 'ESCALATE'; readonly parentTier: Tier }
  | { readonly type: 'RESOLVE' }
  | { readonly type: 'CLOSE' }
  | { readonly type: 'WITHDRAW' }
  | { readonly type: 'COMMENT' };

export type LifecycleCommandType = LifecycleCommand['type'];

/** Which commands each status admits at all (guards may still refuse one). */
export const COMMANDS_BY_STATUS: Readonly<Record<IssueStatus, readonly LifecycleCommandType[]>> = {
  OPEN: ['TRIAGE', 'UPDATE', 'ADD_OPTION', 'WITHDRAW', 'COMMENT'],
  IN_REVIEW: [
    'UPDATE',
    'ADD_OPTION',
    'SUBMIT_RECOMMENDATION',
    'WAIVE_DISCIPLINE',
    'ESCALATE',
    'WITHDRAW',
    'COMMENT',
  ],
  AWAITING_DECISION: [
    'UPDATE',
    'ADD_OPTION',
    'SUBMIT_RECOMMENDATION',
    'RECORD_DECISION',
    'ESCALATE',
    'WITHDRAW',
    'COMMENT',
  ],
  DECIDED: [
    'UPDATE',
    'RECORD_DECISION',
    'COMPLETE_ACTION_ITEM',
    'FILE_NON_CONCURRENCE',
    'RESOLVE',
    'CLOSE',
    'COMMENT',
  ],
  RESOLVED: ['RECORD_DECISION', 'FILE_NON_CONCURRENCE', 'CLOSE', 'COMMENT'],
  CLOSED: ['COMMENT'],
  WITHDRAWN: ['COMMENT'],
};

/** How each command reads to a person, for error messages and menus. */
export const COMMAND_LABELS: Readonly<Record<LifecycleCommandType, string>> = {
  TRIAGE: 'triage',
  UPDATE: 'edit',
  ADD_OPTION: 'add an option',
  SUBMIT_RECOMMENDATION: 'submit a recommendation',
  WAIVE_DISCIPLINE: 'waive a discipline',
  RECORD_DECISION: 'record a decision',
  COMPLETE_ACTION_ITEM: 'complete an action item',
  FILE_NON_CONCURRENCE: 'file a non-concurrence',
  ESCALATE: 'escalate',
  RESOLVE: 'resolve',
  CLOSE: 'close',
  WITHDRAW: 'withdraw',
  COMMENT: 'comment',
};

export interface TransitionResult {
  readonly status: IssueStatus;
  /** The status actually changed (a recommendation need not move the issue on). */
  readonly statusChanged: boolean;
  readonly tier: Tier;
}

export function allowedCommands(status: IssueStatus): readonly LifecycleCommandType[] {
  return COMMANDS_BY_STATUS[status];
}

/**
 * The commands whose guards pass as well, for menus. Commands that need an argument
 * (a discipline, a parent tier) are offered when some argument would pass.
 */
export function availableCommands(state: LifecycleState): LifecycleCommandType[] {
  return allowedCommands(state.status).filter(
    (type) => guardRefusal(state, sampleCommand(state, type)) === null,
  );
}

export class IllegalTransitionError extends DomainError {
  constructor(
    readonly currentStatus: IssueStatus,
    readonly command: LifecycleCommandType,
    reason: string,
  ) {
    const allowed = allowedCommands(currentStatus);
    super(
      ErrorCode.ILLEGAL_TRANSITION,
      `Cannot ${COMMAND_LABELS[command]}: ${reason} Allowed while ${currentStatus}: ${allowed
        .map((type) => COMMAND_LABELS[type])
        .join(', ')}.`,
      { currentStatus, command, allowedCommands: allowed },
    );
    this.name = 'IllegalTransitionError';
  }
}

/**
 * Applies a command to an issue's lifecycle state: the new status, or an
 * IllegalTransitionError naming the current status and the allowed moves.
 */
export function transition(state: LifecycleState, command: LifecycleCommand): TransitionResult {
  if (!allowedCommands(state.status).includes(command.type)) {
    throw new IllegalTransitionError(state.status, command.type, `the issue is ${state.status}.`);
  }
  const refusal = guardRefusal(state, command);
  if (refusal !== null) {
    throw new IllegalTransitionError(state.status, command.type, refusal);
  }
  const next = nextStatusAndTier(state, command);
  return { ...next, statusChanged: next.status !== state.status };
}

/** A comment: allowed in every status, with no guard beyond it (see `guardRefusal`). */
export type StatusOnlyCommand = Extract<LifecycleCommand, { type: 'COMMENT' }>;

/**
 * `transition` for a command decided by the status alone: a writer need not read the issue's
 * other facts (recommendations, options, action items) to ask it. Same answer, same refusal.
 */
export function transitionByStatus(
  status: IssueStatus,
  tier: Tier,
  command: StatusOnlyCommand,
): TransitionResult {
  return transition(
    {
      status,
      tier,
      hasParentTeam: false,
      requiredDisciplines: [],
      recommendedDisciplines: [],
      waivedDisciplines: [],
      optionCount: 0,
      openActionItems: 0,
    },
    command,
  );
}

/** Why a command admitted by the status is still refused, or null when it may proceed. */
function guardRefusal(state: LifecycleState, command: LifecycleCommand): string | null {
  switch (command.type) {
    case 'TRIAGE':
      return command.requiredDisciplines.length === 0
        ? 'an issue needs at least one required discipline to be triaged.'
        : null;
    case 'UPDATE':
      if (command.requiredDisciplines !== undefined && command.requiredDisciplines.length === 0) {
        return 'an issue needs at least one required discipline.';
      }
      if (command.requiredDisciplines !== undefined && state.status === IssueStatus.DECIDED) {
        return 'the required disciplines are fixed once a decision is recorded.';
      }
      return null;
    case 'SUBMIT_RECOMMENDATION':
      if (!state.requiredDisciplines.includes(command.discipline)) {
        return `${command.discipline} is not a required discipline on this issue.`;
      }
      if (state.waivedDisciplines.includes(command.discipline)) {
        return `${command.discipline} has been waived on this issue.`;
      }
      return state.optionCount === 0
        ? 'a recommendation favours an option, and the issue has none yet.'
        : null;
    case 'WAIVE_DISCIPLINE':
      if (!state.requiredDisciplines.includes(command.discipline)) {
        return `${command.discipline} is not a required discipline on this issue.`;
      }
      if (state.waivedDisciplines.includes(command.discipline)) {
        return `${command.discipline} is already waived.`;
      }
      return state.recommendedDisciplines.includes(command.discipline)
        ? `${command.discipline} has already recommended.`
        : null;
    case 'RECORD_DECISION':
      return state.optionCount === 0
        ? 'a decision chooses an option, and the issue has none.'
        : null;
    case 'COMPLETE_ACTION_ITEM':
      return state.openActionItems === 0 ? 'the decision has no open action items.' : null;
    case 'ESCALATE':
      if (!state.hasParentTeam || state.tier === Tier.OIPT) {
        return `the issue sits at the top of its ladder (${state.tier}); the decision authority on this team decides it.`;
      }
      return null;
    case 'RESOLVE':
    case 'CLOSE':
      if (state.status === IssueStatus.DECIDED && state.openActionItems > 0) {
        return `${state.openActionItems} action item${state.openActionItems === 1 ? ' is' : 's are'} still open.`;
      }
      return null;
    case 'ADD_OPTION':
    case 'FILE_NON_CONCURRENCE':
    case 'WITHDRAW':
    case 'COMMENT':
      return null;
  }
}

function nextStatusAndTier(
  state: LifecycleState,
  command: LifecycleCommand,
): { status: IssueStatus; tier: Tier } {
  const stay = { status: state.status, tier: state.tier };
  switch (command.type) {
    case 'TRIAGE':
      return { status: IssueStatus.IN_REVIEW, tier: state.tier };
    case 'UPDATE': {
      if (command.requiredDisciplines === undefined || state.status === IssueStatus.OPEN)
        return stay;
      const complete = coverageIsComplete(
        command.requiredDisciplines,
        state.recommendedDisciplines,
        state.waivedDisciplines,
      );
      // A change of required disciplines can make an issue ready, or un-ready, for decision.
      return {
        status: complete ? IssueStatus.AWAITING_DECISION : IssueStatus.IN_REVIEW,
        tier: state.tier,
      };
    }
    case 'SUBMIT_RECOMMENDATION':
      return readyIfCovered(
        state,
        [...state.recommendedDisciplines, command.discipline],
        state.waivedDisciplines,
      );
    case 'WAIVE_DISCIPLINE':
      return readyIfCovered(state, state.recommendedDisciplines, [
        ...state.waivedDisciplines,
        command.discipline,
      ]);
    case 'RECORD_DECISION':
      return { status: IssueStatus.DECIDED, tier: state.tier };
    case 'ESCALATE':
      // Back to review at the parent team, keeping every recommendation. When those already cover
      // every required discipline there is nothing left to gather: the issue is ready for the new
      // tier's decision authority at once, rather than stuck in review with nothing pending.
      return {
        status: coverageIsComplete(
          state.requiredDisciplines,
          state.recommendedDisciplines,
          state.waivedDisciplines,
        )
          ? IssueStatus.AWAITING_DECISION
          : IssueStatus.IN_REVIEW,
        tier: command.parentTier,
      };
    case 'RESOLVE':
      return { status: IssueStatus.RESOLVED, tier: state.tier };
    case 'CLOSE':
      return { status: IssueStatus.CLOSED, tier: state.tier };
    case 'WITHDRAW':
      return { status: IssueStatus.WITHDRAWN, tier: state.tier };
    case 'ADD_OPTION':
    case 'COMPLETE_ACTION_ITEM':
    case 'FILE_NON_CONCURRENCE':
    case 'COMMENT':
      return stay;
  }
}

function readyIfCovered(
  state: LifecycleState,
  recommended: readonly string[],
  waived: readonly string[],
): { status: IssueStatus; tier: Tier } {
  if (state.status !== IssueStatus.IN_REVIEW) return { status: state.status, tier: state.tier };
  const complete = coverageIsComplete(state.requiredDisciplines, recommended, waived);
  return {
    status: complete ? IssueStatus.AWAITING_DECISION : IssueStatus.IN_REVIEW,
    tier: state.tier,
  };
}

/** A representative command of a type, used to ask whether any argument would pass its guard. */
function sampleCommand(state: LifecycleState, type: LifecycleCommandType): LifecycleCommand {
  switch (type) {
    case 'TRIAGE':
      return {
        type,
        requiredDisciplines: state.requiredDisciplines.length ? state.requiredDisciplines : ['any'],
      };
    case 'UPDATE':
      return { type };
    case 'SUBMIT_RECOMMENDATION': {
      const open = state.requiredDisciplines.find((d) => !state.waivedDisciplines.includes(d));
      return { type, discipline: open ?? '' };
    }
    case 'WAIVE_DISCIPLINE': {
      const pending = state.requiredDisciplines.find(
        (d) => !state.waivedDisciplines.includes(d) && !state.recommendedDisciplines.includes(d),
      );
      return { type, discipline: pending ?? '' };
    }
    case 'RECORD_DECISION':
      return { type, actionItems: 0 };
    case 'ESCALATE':
      return { type, parentTier: Tier.OIPT };
    default:
      return { type } as LifecycleCommand;
  }
}
