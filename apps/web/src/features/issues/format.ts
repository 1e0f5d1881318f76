import { CONSEQUENCE_LABELS, IssueStatus, Tier, isConsequence } from '@ipt/domain';

export const STATUS_LABELS: Readonly<Record<IssueStatus, string>> = {
  [IssueStatus.OPEN]: 'Open',
  [IssueStatus.IN_REVIEW]: 'In review',
  [IssueStatus.AWAITING_DECISION]: 'Awaiting decision',
  [IssueStatus.DECIDED]: 'Decided',
  [IssueStatus.RESOLVED]: 'Resolved',
  [IssueStatus.CLOSED]: 'Closed',
  [IssueStatus.WITHDRAWN]: 'Withdrawn',
};

export const TIER_NAMES: Readonly<Record<Tier, string>> = {
  [Tier.WIPT]: 'Working-level IPT',
  [Tier.IIPT]: 'Integrating IPT',
  [Tier.OIPT]: 'Overarching IPT',
};

export function formatStatus(status: string): string {
  return STATUS_LABELS[status as IssueStatus] ?? status;
}

/** "4 – Significant" (falls back to the bare number if the API ever sends something else). */
/** Consequence is rated at triage, so an open issue may not have one yet. */
export function formatConsequence(consequence: number | null): string {
  if (consequence === null) return 'Not rated';
  return isConsequence(consequence)
    ? `${consequence} – ${CONSEQUENCE_LABELS[consequence]}`
    : String(consequence);
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** A date-time as a calendar date in the reader's locale and time zone. */
export function formatDate(isoDateTime: string): string {
  const date = new Date(isoDateTime);
  return Number.isNaN(date.getTime()) ? isoDateTime : dateFormat.format(date);
}
