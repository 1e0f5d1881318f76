import { IssueStatus, Stage, stageOfStatus } from './enums';
import { pendingDisciplines } from './coverage';
import { addCalendarDays, instantAtLocal, localDateOf } from './timeliness/calendar';

/**
 * Who holds an issue: the people whose move it is now, so a program manager knows whom to chase
 * when it is overdue. It follows the running stage:
 *
 * - recommendations: the representatives, on the issue's current team, of each discipline still
 *   pending (neither recommended nor waived);
 * - decision: the members with decision authority on the current team;
 * - triage and resolution: the issue's owner (resolution is carrying out the decision).
 *
 * When nobody fits (no representative of a pending discipline on the team, no authority, no
 * owner), the program managers hold it: it is theirs to staff, waive or reassign.
 */
export const HoldingReason = {
  /** Owes a pending discipline's recommendation. */
  RECOMMENDATION: 'RECOMMENDATION',
  /** Has decision authority on the team the decision waits on. */
  DECISION: 'DECISION',
  /** Owns the issue while it is triaged or its decision carried out. */
  OWNER: 'OWNER',
  /** Runs the program, and nobody else can make the next move. */
  PROGRAM_MANAGER: 'PROGRAM_MANAGER',
} as const;
export type HoldingReason = (typeof HoldingReason)[keyof typeof HoldingReason];

/** A member of the issue's current team, as far as holding it goes (active people only). */
export interface TeamMemberOnIssue {
  readonly userId: string;
  readonly discipline: string;
  readonly decisionAuthority: boolean;
}

export interface HoldingState {
  readonly status: IssueStatus;
  readonly ownerId: string | null;
  readonly requiredDisciplines: readonly string[];
  /** Disciplines with a current (not superseded) recommendation. */
  readonly recommendedDisciplines: readonly string[];
  readonly waivedDisciplines: readonly string[];
  /** Active members of the issue's current team. */
  readonly currentTeamMembers: readonly TeamMemberOnIssue[];
  /** Active program managers of the issue's program. */
  readonly programManagerIds: readonly string[];
}

export interface Holder {
  readonly userId: string;
  readonly reason: HoldingReason;
  /** The pending disciplines this person represents (recommendations only), in required order. */
  readonly disciplines: readonly string[];
}

/** The people whose move it is now, in a stable order; none once the issue has ended. */
export function holdersOf(state: HoldingState): Holder[] {
  const stage = stageOfStatus(state.status);
  if (stage === null) return [];
  const holders = stageHolders(stage, state);
  if (holders.length > 0) return holders;
  return [...new Set(state.programManagerIds)].map((userId) => ({
    userId,
    reason: HoldingReason.PROGRAM_MANAGER,
    disciplines: [],
  }));
}

function stageHolders(stage: Stage, state: HoldingState): Holder[] {
  switch (stage) {
    case Stage.RECOMMENDATIONS: {
      const pending = pendingDisciplines(
        state.requiredDisciplines,
        state.recommendedDisciplines,
        state.waivedDisciplines,
      );
      const byUser = new Map<string, string[]>();
      for (const discipline of pending) {
        for (const member of state.currentTeamMembers) {
          if (member.discipline !== discipline) continue;
          byUser.set(member.userId, [...(byUser.get(member.userId) ?? []), discipline]);
        }
      }
      return [...byUser].map(([userId, disciplines]) => ({
        userId,
        reason: HoldingReason.RECOMMENDATION,
        disciplines,
      }));
    }
    case Stage.DECISION:
      return [
        ...new Set(
          state.currentTeamMembers.filter((m) => m.decisionAuthority).map((m) => m.userId),
        ),
      ].map((userId) => ({ userId, reason: HoldingReason.DECISION, disciplines: [] }));
    case Stage.TRIAGE:
    case Stage.RESOLUTION:
      return state.ownerId
        ? [{ userId: state.ownerId, reason: HoldingReason.OWNER, disciplines: [] }]
        : [];
  }
}

/**
 * A nudge is one reminder from a program manager to a person holding an issue. A person is nudged
 * about an issue at most once per local day of the program: more would be noise, and the overdue
 * notifications already repeat what is late. Returns when the next nudge is possible (the next
 * local midnight) while today's has been given, null when one may be given now.
 */
export function nextNudgeAt(lastNudgedAt: Date | null, now: Date, timeZone: string): Date | null {
  if (lastNudgedAt === null) return null;
  const today = localDateOf(now, timeZone);
  if (localDateOf(lastNudgedAt, timeZone) < today) return null;
  return instantAtLocal(addCalendarDays(today, 1), 0, timeZone);
}

/** Whether an issue in this status can be nudged: only while one of its stages' clocks runs. */
export function isNudgeable(status: IssueStatus): boolean {
  return stageOfStatus(status) !== null;
}
