/**
 * Dissent recorded with a decision (docs/domain.md#recommendations-waivers-and-dissent): every
 * discipline whose current recommendation favoured another option than the one chosen. A waived
 * discipline gave no recommendation, so it cannot dissent; a superseded recommendation is no
 * longer the discipline's view, so it does not count.
 */

/** A recommendation as dissent sees it: whose, for which option, and whether still current. */
export interface DissentInput {
  readonly discipline: string;
  readonly optionId: string;
  /** Set once a newer recommendation of the discipline replaced it. */
  readonly supersededAt?: Date | null;
}

/**
 * The disciplines dissenting from `chosenOptionId`, once each, in the order their
 * recommendations are given.
 */
export function dissentingDisciplines(
  recommendations: readonly DissentInput[],
  chosenOptionId: string,
): string[] {
  const dissenting = new Set<string>();
  for (const recommendation of recommendations) {
    if (recommendation.supersededAt) continue;
    if (recommendation.optionId !== chosenOptionId) dissenting.add(recommendation.discipline);
  }
  return [...dissenting];
}
