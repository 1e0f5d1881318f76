import { Tier, tierRank } from './enums';

/**
 * The escalation ladder of one program (docs/domain.md#the-ladder): WIPT -> IIPT -> OIPT. The
 * API enforces these rules on every team change; the set-up screen uses them to offer only valid
 * parents.
 */
export interface LadderTeam {
  readonly id: string;
  readonly name: string;
  readonly tier: Tier;
  readonly parentTeamId: string | null;
  readonly active: boolean;
}

export interface LadderProblem {
  /** The input field to show the problem beside. */
  readonly field: 'parentTeamId' | 'tier' | 'active';
  readonly message: string;
}

/**
 * Why `team`, as it is about to be, cannot sit where it asks to on its program's ladder; null
 * when it can. `programTeams` are the program's teams as stored (the team itself may be among
 * them, with its old values; it is replaced by `team`).
 *
 * - An OIPT tops the ladder: it has no parent, and a program has at most one active OIPT.
 * - A parent is a team of the same program, of a strictly higher tier, and active when the team is.
 * - Parent links never form a cycle.
 */
export function ladderProblem(
  team: LadderTeam,
  programTeams: readonly LadderTeam[],
): LadderProblem | null {
  const teams = new Map(programTeams.map((t) => [t.id, t]));
  teams.set(team.id, team);

  if (team.tier === Tier.OIPT) {
    if (team.parentTeamId !== null) {
      return {
        field: 'parentTeamId',
        message: 'An OIPT tops the escalation ladder and has no parent team; leave it out.',
      };
    }
    const otherOipt = programTeams.find(
      (t) => t.id !== team.id && t.tier === Tier.OIPT && t.active,
    );
    if (team.active && otherOipt) {
      return {
        // A new OIPT is refused for its tier; reactivating an old one, for being reactivated.
        field: wasActive(team, programTeams) ? 'tier' : 'active',
        message: `The program already has an active OIPT (${otherOipt.name}); a program has one.`,
      };
    }
    return null;
  }

  if (team.parentTeamId === null) return null;
  if (team.parentTeamId === team.id) {
    return { field: 'parentTeamId', message: 'A team cannot be its own parent.' };
  }
  const parent = teams.get(team.parentTeamId);
  if (!parent) {
    return {
      field: 'parentTeamId',
      message: `There is no team ${team.parentTeamId} in this program to escalate to.`,
    };
  }
  if (tierRank(parent.tier) <= tierRank(team.tier)) {
    return {
      field: 'parentTeamId',
      message: `A ${team.tier}'s parent must be of a higher tier (WIPT < IIPT < OIPT); ${parent.name} is a ${parent.tier}.`,
    };
  }
  if (team.active && !parent.active) {
    return {
      field: 'parentTeamId',
      message: `${parent.name} is inactive; an active team cannot escalate to it. Choose another parent or reactivate ${parent.name} first.`,
    };
  }
  // Strictly rising tiers already rule out cycles; this guards against stored data that does not.
  const seen = new Set<string>([team.id]);
  for (let at: LadderTeam | undefined = parent; at;) {
    if (seen.has(at.id)) {
      return {
        field: 'parentTeamId',
        message: `Making ${parent.name} the parent of ${team.name} would create a loop in the ladder.`,
      };
    }
    seen.add(at.id);
    at = at.parentTeamId === null ? undefined : teams.get(at.parentTeamId);
  }
  return null;
}

/** Whether the team was active before this change (a new team counts as active). */
function wasActive(team: LadderTeam, programTeams: readonly LadderTeam[]): boolean {
  return programTeams.find((t) => t.id === team.id)?.active ?? true;
}

/** Why `team` cannot be deactivated as far as the ladder goes (active teams escalate to it); or null. */
export function deactivationProblem(
  team: LadderTeam,
  programTeams: readonly LadderTeam[],
): string | null {
  const children = programTeams
    .filter((t) => t.parentTeamId === team.id && t.id !== team.id && t.active)
    .map((t) => t.name)
    .sort((a, b) => a.localeCompare(b));
  if (children.length === 0) return null;
  return `${team.name} is the parent of active team${children.length > 1 ? 's' : ''} ${children.join(', ')}; give ${children.length > 1 ? 'them' : 'it'} another parent or deactivate ${children.length > 1 ? 'them' : 'it'} first.`;
}

/**
 * The program's teams as a tier tree, flattened depth-first: each top team (OIPT first, then
 * lower tiers without a parent) followed by the teams below it; siblings by tier, highest first,
 * then by name.
 */
export function orderAsLadder<T extends LadderTeam>(teams: readonly T[]): T[] {
  const ids = new Set(teams.map((t) => t.id));
  const byRank = (a: T, b: T) =>
    tierRank(b.tier) - tierRank(a.tier) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  const children = new Map<string | null, T[]>();
  for (const team of teams) {
    const parent =
      team.parentTeamId !== null && ids.has(team.parentTeamId) ? team.parentTeamId : null;
    children.set(parent, [...(children.get(parent) ?? []), team]);
  }
  const ordered: T[] = [];
  const placed = new Set<string>();
  const visit = (team: T) => {
    if (placed.has(team.id)) return;
    placed.add(team.id);
    ordered.push(team);
    for (const child of [...(children.get(team.id) ?? [])].sort(byRank)) visit(child);
  };
  for (const top of [...(children.get(null) ?? [])].sort(byRank)) visit(top);
  // Teams caught in a loop of stored parent links are listed last rather than dropped.
  for (const team of [...teams].sort(byRank)) visit(team);
  return ordered;
}
