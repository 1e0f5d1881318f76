import { CONSEQUENCE_LABELS, ImpactArea, Tier, isConsequence } from '@ipt/domain';

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
