import { ProgramRoleKind, TeamRole, Tier } from '@ipt/domain';

/** How the set-up screen names the domain's values (the domain holds the values, not these words). */
export const TEAM_ROLE_LABELS: Readonly<Record<TeamRole, string>> = {
  [TeamRole.LEAD]: 'Lead',
  [TeamRole.CORE]: 'Core',
  [TeamRole.ADVISORY]: 'Advisory',
};

export const TEAM_ROLES: readonly TeamRole[] = [TeamRole.LEAD, TeamRole.CORE, TeamRole.ADVISORY];

export const PROGRAM_ROLE_LABELS: Readonly<Record<ProgramRoleKind, string>> = {
  [ProgramRoleKind.PROGRAM_MANAGER]: 'Program manager',
  [ProgramRoleKind.MEMBER]: 'Member',
};

export { TIER_NAMES } from '@ipt/domain';

/** Highest first, as the ladder reads top-down. */
export const TIERS_HIGHEST_FIRST: readonly Tier[] = [Tier.OIPT, Tier.IIPT, Tier.WIPT];

export function yesNo(value: boolean): string {
  return value ? 'Yes' : 'No';
}

/** The discipline's name in this program, or its code when the program does not know it. */
export function disciplineName(
  code: string,
  disciplines: readonly { code: string; name: string }[],
): string {
  return disciplines.find((d) => d.code === code)?.name ?? code;
}
