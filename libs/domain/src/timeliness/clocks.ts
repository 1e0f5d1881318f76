import type { Consequence, IssueStatus, Stage } from '../enums';
import { STAGES } from '../enums';
import { dueAfter, type WorkCalendar } from './calendar';
import type { TimelinessPolicy } from './policy';

/** Epoch milliseconds: facts and clocks are numbers so a million issues stay cheap to scan. */
export type Instant = number;

export const DAY_MS = 86_400_000;

/** The instants of an issue that its stage clocks are made of. */
export interface IssueClockFacts {
  readonly status: IssueStatus;
  readonly consequence: Consequence | null;
  readonly raisedAt: Instant;
  /** When the issue came to its current tier: raised there, or escalated there. */
  readonly tierEnteredAt: Instant;
  readonly triagedAt: Instant | null;
  /** When every required discipline was covered at the current tier (the decision stage began). */
  readonly readyAt: Instant | null;
  readonly decidedAt: Instant | null;
  readonly resolvedAt: Instant | null;
  readonly closedAt: Instant | null;
  readonly withdrawnAt: Instant | null;
  readonly due: Readonly<Record<Stage, Instant | null>>;
  /** Stages whose due date a person set on purpose; the policy leaves those alone. */
  readonly manualDueStages: readonly Stage[];
}

export type StageState = 'NOT_STARTED' | 'RUNNING' | 'FINISHED';
export type DueSource = 'POLICY' | 'MANUAL';

export interface StageClock {
  readonly stage: Stage;
  readonly state: StageState;
  readonly startedAt: Instant | null;
  readonly dueAt: Instant | null;
  readonly dueSource: DueSource | null;
  readonly finishedAt: Instant | null;
  /** Time on the clock so far (running) or in all (finished); never negative. */
  readonly elapsedMs: number;
  /** How far past the due date it finished, or is now; 0 when on time. */
  readonly lateByMs: number;
}

/** When each stage's clock started, from the issue's instants (null: not yet). */
export function stageStart(issue: IssueClockFacts, stage: Stage): Instant | null {
  switch (stage) {
    case 'TRIAGE':
      return issue.raisedAt;
    case 'RECOMMENDATIONS':
      // An escalation restarts the review at the new tier.
      return issue.triagedAt === null ? null : Math.max(issue.triagedAt, issue.tierEnteredAt);
    case 'DECISION':
      return issue.readyAt;
    case 'RESOLUTION':
      return issue.decidedAt;
  }
}

/** When each stage's clock stopped (null: still running or not started). */
export function stageFinish(issue: IssueClockFacts, stage: Stage): Instant | null {
  const next: Record<Stage, Instant | null> = {
    TRIAGE: issue.triagedAt,
    RECOMMENDATIONS: issue.readyAt ?? issue.decidedAt,
    DECISION: issue.decidedAt,
    RESOLUTION: issue.resolvedAt ?? issue.closedAt,
  };
  return next[stage] ?? issue.withdrawnAt ?? (stage === 'RESOLUTION' ? null : issue.closedAt);
}

/**
 * Every stage's clock as of an instant. Facts later than `asOf` do not exist yet, so the clocks of
 * a past instant are what they were then.
 */
export function stageClocks(issue: IssueClockFacts, asOf: Instant): StageClock[] {
  return STAGES.map((stage) => stageClock(issue, stage, asOf));
}

export function stageClock(issue: IssueClockFacts, stage: Stage, asOf: Instant): StageClock {
  const manual = issue.manualDueStages.includes(stage);
  const startedAt = seen(stageStart(issue, stage), asOf);
  const dueAt = issue.due[stage];
  const dueSource: DueSource | null = dueAt === null ? null : manual ? 'MANUAL' : 'POLICY';
  if (startedAt === null) {
    return {
      stage,
      state: 'NOT_STARTED',
      startedAt: null,
      dueAt,
      dueSource,
      finishedAt: null,
      elapsedMs: 0,
      lateByMs: 0,
    };
  }
  const rawFinish = seen(stageFinish(issue, stage), asOf);
  // A finish before the start belongs to an earlier round (e.g. before an escalation).
  const finishedAt = rawFinish !== null && rawFinish >= startedAt ? rawFinish : null;
  const end = finishedAt ?? asOf;
  return {
    stage,
    state: finishedAt === null ? 'RUNNING' : 'FINISHED',
    startedAt,
    dueAt,
    dueSource,
    finishedAt,
    elapsedMs: Math.max(0, end - startedAt),
    lateByMs: dueAt === null ? 0 : Math.max(0, end - dueAt),
  };
}

function seen(instant: Instant | null, asOf: Instant): Instant | null {
  return instant !== null && instant <= asOf ? instant : null;
}

/** The consequence level whose allowances apply to an issue not yet rated. */
export const UNRATED_CONSEQUENCE: Consequence = 3;

/** The due date the policy gives a stage that started at `start`. */
export function policyDueAt(
  stage: Stage,
  start: Instant,
  consequence: Consequence | null,
  policy: TimelinessPolicy,
  calendar: WorkCalendar,
): Instant {
  const days = policy.allowances[consequence ?? UNRATED_CONSEQUENCE][stage];
  return dueAfter(new Date(start), days, policy.dayKind, calendar).getTime();
}

export interface DueDateChange {
  readonly stage: Stage;
  readonly from: Instant | null;
  readonly to: Instant;
}

/**
 * The policy due dates an issue should carry now: for every started, unfinished stage whose date
 * no person set. Finished stages keep theirs (a finished clock never changes).
 */
export function policyDueDateChanges(
  issue: IssueClockFacts,
  policy: TimelinessPolicy,
  calendar: WorkCalendar,
  asOf: Instant,
): DueDateChange[] {
  const changes: DueDateChange[] = [];
  for (const stage of STAGES) {
    if (issue.manualDueStages.includes(stage)) continue;
    const clock = stageClock(issue, stage, asOf);
    if (clock.state !== 'RUNNING' || clock.startedAt === null) continue;
    const to = policyDueAt(stage, clock.startedAt, issue.consequence, policy, calendar);
    if (to !== issue.due[stage]) changes.push({ stage, from: issue.due[stage], to });
  }
  return changes;
}

/** The stage whose clock runs while the issue is open, by its status. */
export function runningStage(issue: IssueClockFacts, asOf: Instant): StageClock | null {
  for (const stage of STAGES) {
    const clock = stageClock(issue, stage, asOf);
    if (clock.state === 'RUNNING') return clock;
  }
  return null;
}
