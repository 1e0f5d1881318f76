/** Where an issue stands in its lifecycle (see lifecycle.ts for the moves between them). */
export const IssueStatus = {
  OPEN: 'OPEN',
  IN_REVIEW: 'IN_REVIEW',
  AWAITING_DECISION: 'AWAITING_DECISION',
  DECIDED: 'DECIDED',
  RESOLVED: 'RESOLVED',
  CLOSED: 'CLOSED',
  WITHDRAWN: 'WITHDRAWN',
} as const;
export type IssueStatus = (typeof IssueStatus)[keyof typeof IssueStatus];
export const ISSUE_STATUSES: readonly IssueStatus[] = Object.values(IssueStatus);

/** IPT tiers, lowest first: issues climb this ladder when a tier cannot resolve them. */
export const Tier = { WIPT: 'WIPT', IIPT: 'IIPT', OIPT: 'OIPT' } as const;
export type Tier = (typeof Tier)[keyof typeof Tier];
export const TIERS_LOWEST_FIRST: readonly Tier[] = [Tier.WIPT, Tier.IIPT, Tier.OIPT];

export function tierRank(tier: Tier): number {
  return TIERS_LOWEST_FIRST.indexOf(tier);
}

export const TeamRole = { LEAD: 'LEAD', CORE: 'CORE', ADVISORY: 'ADVISORY' } as const;
export type TeamRole = (typeof TeamRole)[keyof typeof TeamRole];

export const ProgramRoleKind = { PROGRAM_MANAGER: 'PROGRAM_MANAGER', MEMBER: 'MEMBER' } as const;
export type ProgramRoleKind = (typeof ProgramRoleKind)[keyof typeof ProgramRoleKind];

/** What an issue hurts (DAU risk/issue practice rates consequence on one of these). */
export const ImpactArea = {
  COST: 'COST',
  SCHEDULE: 'SCHEDULE',
  PERFORMANCE: 'PERFORMANCE',
} as const;
export type ImpactArea = (typeof ImpactArea)[keyof typeof ImpactArea];

/** Consequence rating, 1 = minimal .. 5 = critical. */
export type Consequence = 1 | 2 | 3 | 4 | 5;
export const CONSEQUENCE_LEVELS: readonly Consequence[] = [1, 2, 3, 4, 5];
export const CONSEQUENCE_LABELS: Readonly<Record<Consequence, string>> = {
  1: 'Minimal',
  2: 'Minor',
  3: 'Moderate',
  4: 'Significant',
  5: 'Critical',
};

export function isConsequence(value: number): value is Consequence {
  return Number.isInteger(value) && value >= 1 && value <= 5;
}

/** Who moved an issue up the ladder: a person, or the program's timeliness policy. */
export const EscalationSource = { PERSON: 'PERSON', POLICY: 'POLICY' } as const;
export type EscalationSource = (typeof EscalationSource)[keyof typeof EscalationSource];

/** The timed stages of an issue; each has a due date and a clock. */
export const Stage = {
  TRIAGE: 'TRIAGE',
  RECOMMENDATIONS: 'RECOMMENDATIONS',
  DECISION: 'DECISION',
  RESOLUTION: 'RESOLUTION',
} as const;
export type Stage = (typeof Stage)[keyof typeof Stage];
export const STAGES: readonly Stage[] = Object.values(Stage);

/** The stage whose clock runs while an issue is in a status; none once it has ended. */
export function stageOfStatus(status: IssueStatus): Stage | null {
  switch (status) {
    case IssueStatus.OPEN:
      return Stage.TRIAGE;
    case IssueStatus.IN_REVIEW:
      return Stage.RECOMMENDATIONS;
    case IssueStatus.AWAITING_DECISION:
      return Stage.DECISION;
    case IssueStatus.DECIDED:
      return Stage.RESOLUTION;
    case IssueStatus.RESOLVED:
    case IssueStatus.CLOSED:
    case IssueStatus.WITHDRAWN:
      return null;
  }
}
