/**
 * What kinds of work a person does across the programs they are in, and what follows for the
 * screens: where they land and which screens their navigation offers. A person can do several
 * kinds (a program manager who also decides at the IIPT); the screens are the union, the landing
 * the first that applies, most senior first.
 */
export interface WorkProfile {
  /** Manages accounts and programs across the installation. */
  readonly systemAdmin: boolean;
  /** Program manager of at least one program. */
  readonly programManager: boolean;
  /** Holds decision authority on at least one active team. */
  readonly decisionAuthority: boolean;
  /** Represents a discipline on at least one active team. */
  readonly representative: boolean;
}

export const Screen = {
  DASHBOARD: 'DASHBOARD',
  ISSUES: 'ISSUES',
  INBOX: 'INBOX',
  QUEUE: 'QUEUE',
  DECISION_LOG: 'DECISION_LOG',
  MY_DECISIONS: 'MY_DECISIONS',
  SETUP: 'SETUP',
} as const;
export type Screen = (typeof Screen)[keyof typeof Screen];

/** The screens in navigation order; each with who it is for. */
const SCREENS_FOR: readonly (readonly [Screen, (work: WorkProfile) => boolean])[] = [
  // Timeliness and escalations: for who runs a program and who decides on it.
  [Screen.DASHBOARD, (w) => w.programManager || w.decisionAuthority],
  [Screen.ISSUES, () => true],
  // Recommendations owed and action items assigned: representatives and program managers.
  [Screen.INBOX, (w) => w.representative || w.programManager],
  [Screen.QUEUE, (w) => w.decisionAuthority],
  [Screen.DECISION_LOG, () => true],
  [Screen.MY_DECISIONS, (w) => w.decisionAuthority],
  [Screen.SETUP, (w) => w.programManager || w.systemAdmin],
];

/** The screens a person's navigation offers, in order. Every screen stays reachable by URL. */
export function screensFor(work: WorkProfile): Screen[] {
  return SCREENS_FOR.filter(([, applies]) => applies(work)).map(([screen]) => screen);
}

/**
 * Where a person lands: a program manager on the dashboard, a decision authority on the decision
 * queue, a representative on the inbox, a system admin on set-up; anyone else on the tracker.
 */
export function landingScreen(work: WorkProfile): Screen {
  if (work.programManager) return Screen.DASHBOARD;
  if (work.decisionAuthority) return Screen.QUEUE;
  if (work.representative) return Screen.INBOX;
  if (work.systemAdmin) return Screen.SETUP;
  return Screen.ISSUES;
}
