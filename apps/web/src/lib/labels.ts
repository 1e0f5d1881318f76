import {
  CONSEQUENCE_LABELS,
  IMPACT_AREA_LABELS,
  isConsequence,
  Stage,
  TIER_NAMES,
} from '@ipt/domain';

/** The stages' names, as the issue page, the clocks and the policy editor show them. */
export const STAGE_NAMES: Readonly<Record<Stage, string>> = {
  [Stage.TRIAGE]: 'Triage',
  [Stage.RECOMMENDATIONS]: 'Recommendations',
  [Stage.DECISION]: 'Decision',
  [Stage.RESOLUTION]: 'Resolution',
};

/** "4 – Significant"; "Not rated" before triage. */
export function consequenceText(consequence: number | null): string {
  if (consequence === null) return 'Not rated';
  return isConsequence(consequence)
    ? `${consequence} – ${CONSEQUENCE_LABELS[consequence]}`
    : String(consequence);
}

/** The program's name for a discipline code, or the code itself for one it does not know. */
export function disciplineNamer(
  disciplines: readonly { code: string; name: string }[],
): (code: string) => string {
  const names = new Map(disciplines.map((d) => [d.code, d.name]));
  return (code) => names.get(code) ?? code;
}

// One definition, in libs/domain; re-exported for this screen's existing imports.
export { IMPACT_AREA_LABELS, TIER_NAMES };
