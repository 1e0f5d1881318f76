import {
  CONSEQUENCE_LABELS,
  IMPACT_AREA_LABELS,
  isConsequence,
  IssueStatus,
  Stage,
  STATUS_LABELS,
  TIER_NAMES,
} from '@ipt/domain';

/** The stage whose clock runs, as the due-date column names it. */
export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  [Stage.TRIAGE]: 'Triage',
  [Stage.RECOMMENDATIONS]: 'Recommendations',
  [Stage.DECISION]: 'Decision',
  [Stage.RESOLUTION]: 'Resolution',
};

export function formatStatus(status: string): string {
  return STATUS_LABELS[status as IssueStatus] ?? status;
}

/**
 * "4 – Significant" (the bare number if the API ever sends something else). Consequence is rated
 * at triage, so an open issue may not have one yet.
 */
export function formatConsequence(consequence: number | null): string {
  if (consequence === null) return 'Not rated';
  return isConsequence(consequence)
    ? `${consequence} – ${CONSEQUENCE_LABELS[consequence]}`
    : String(consequence);
}

const numberFormat = new Intl.NumberFormat();

/** "1 issue", "2,400 issues". */
export function formatIssueCount(count: number): string {
  return `${numberFormat.format(count)} ${count === 1 ? 'issue' : 'issues'}`;
}

export function formatNumber(count: number): string {
  return numberFormat.format(count);
}

// One definition, in libs/domain; re-exported for this screen's existing imports.
export { IMPACT_AREA_LABELS, STATUS_LABELS, TIER_NAMES };
