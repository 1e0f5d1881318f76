import { ImpactArea, IssueStatus, Tier } from './enums';

/** How the product names its statuses, tiers and impact areas, in the API and every screen. */
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

export const IMPACT_AREA_LABELS: Readonly<Record<ImpactArea, string>> = {
  [ImpactArea.COST]: 'Cost',
  [ImpactArea.SCHEDULE]: 'Schedule',
  [ImpactArea.PERFORMANCE]: 'Performance',
};

/** The label of the option added after `index` others: A, B, ... Z, AA, AB, ... */
export function optionLabel(index: number): string {
  let label = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    label = String.fromCharCode(65 + ((n - 1) % 26)) + label;
  }
  return label;
}
