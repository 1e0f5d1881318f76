/**
 * Discipline coverage: for each discipline an issue requires, whether it has recommended,
 * been waived by a program manager, or is still pending. An issue is ready for decision
 * exactly when nothing is pending.
 */
export const CoverageState = {
  RECOMMENDED: 'RECOMMENDED',
  WAIVED: 'WAIVED',
  PENDING: 'PENDING',
} as const;
export type CoverageState = (typeof CoverageState)[keyof typeof CoverageState];

export interface CoverageEntry<R, W> {
  readonly discipline: string;
  readonly state: CoverageState;
  /** The discipline's current recommendation, when it has one. */
  readonly recommendation: R | null;
  readonly waiver: W | null;
}

/**
 * One entry per required discipline, in the order required. A recommendation counts when it is
 * current (the newest of its discipline, not superseded); a waiver wins over a later recommendation
 * only when no recommendation exists, since a waiver is refused once a discipline has recommended.
 */
export function disciplineCoverage<
  R extends { readonly discipline: string; readonly supersededAt?: Date | null },
  W extends { readonly discipline: string },
>(
  requiredDisciplines: readonly string[],
  recommendations: readonly R[],
  waivers: readonly W[],
): CoverageEntry<R, W>[] {
  return requiredDisciplines.map((discipline) => {
    const recommendation =
      recommendations.find((r) => r.discipline === discipline && !r.supersededAt) ?? null;
    const waiver = waivers.find((w) => w.discipline === discipline) ?? null;
    const state = recommendation
      ? CoverageState.RECOMMENDED
      : waiver
        ? CoverageState.WAIVED
        : CoverageState.PENDING;
    return { discipline, state, recommendation, waiver };
  });
}

export function pendingDisciplines(
  requiredDisciplines: readonly string[],
  recommendedDisciplines: readonly string[],
  waivedDisciplines: readonly string[],
): string[] {
  return requiredDisciplines.filter(
    (d) => !recommendedDisciplines.includes(d) && !waivedDisciplines.includes(d),
  );
}

export function coverageIsComplete(
  requiredDisciplines: readonly string[],
  recommendedDisciplines: readonly string[],
  waivedDisciplines: readonly string[],
): boolean {
  return (
    pendingDisciplines(requiredDisciplines, recommendedDisciplines, waivedDisciplines).length === 0
  );
}
