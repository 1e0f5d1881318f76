import { Tier, ladderProblem, orderAsLadder, tierRank, type LadderTeam } from '@ipt/domain';
import type { SetupTeam } from '../api/types';

/**
 * The program's teams as the set-up screen shows them: a tier tree (OIPT at the top, IIPTs under
 * it, WIPTs under those) built on the domain's ladder order, and the parents a team may take,
 * decided by the same rule the API enforces (`ladderProblem`).
 */

export interface TeamNode<T extends LadderTeam> {
  team: T;
  /** 1 for a team at the top of a ladder. */
  level: number;
  parent: TeamNode<T> | null;
  children: TeamNode<T>[];
}

/** A team as the domain's ladder rules see it. */
export function toLadderTeam(team: SetupTeam): LadderTeam {
  return {
    id: team.id,
    name: team.name,
    tier: team.tier,
    parentTeamId: team.parentTeam?.id ?? null,
    active: team.active,
  };
}

/**
 * Nests the teams in ladder order (`orderAsLadder`): each team under its parent; teams whose
 * parent is missing, and the first of any loop of stored parent links, become roots.
 */
export function buildTeamTree<T extends LadderTeam>(teams: readonly T[]): TeamNode<T>[] {
  const roots: TeamNode<T>[] = [];
  const placed = new Map<string, TeamNode<T>>();
  for (const team of orderAsLadder(teams)) {
    const parent = team.parentTeamId === null ? undefined : placed.get(team.parentTeamId);
    const node: TeamNode<T> = {
      team,
      level: parent ? parent.level + 1 : 1,
      parent: parent ?? null,
      children: [],
    };
    if (parent) parent.children.push(node);
    else roots.push(node);
    placed.set(team.id, node);
  }
  return roots;
}

/** The nodes a person sees, top to bottom: children of collapsed nodes are hidden. */
export function visibleNodes<T extends LadderTeam>(
  roots: readonly TeamNode<T>[],
  collapsed: ReadonlySet<string>,
): TeamNode<T>[] {
  const out: TeamNode<T>[] = [];
  const walk = (nodes: readonly TeamNode<T>[]) => {
    for (const node of nodes) {
      out.push(node);
      if (!collapsed.has(node.team.id)) walk(node.children);
    }
  };
  walk(roots);
  return out;
}

/**
 * The teams `team` may escalate to, in ladder order: those the ladder rules accept as its
 * parent. An OIPT takes none. `team` is the team as it is about to be (a new team: any id not
 * among `teams`).
 */
export function parentOptions<T extends LadderTeam>(team: LadderTeam, teams: readonly T[]): T[] {
  if (team.tier === Tier.OIPT) return [];
  return orderAsLadder(teams).filter(
    (candidate) =>
      candidate.id !== team.id &&
      ladderProblem({ ...team, parentTeamId: candidate.id }, teams)?.field !== 'parentTeamId',
  );
}

/**
 * The parent a new team of `tier` most likely wants: the first valid team one tier up (a WIPT's
 * IIPT, an IIPT's OIPT), else the first valid one; null when there is none (or for an OIPT).
 */
export function defaultParentId(tier: Tier, teams: readonly LadderTeam[]): string | null {
  const options = parentOptions(
    { id: '', name: '', tier, parentTeamId: null, active: true },
    teams,
  ).filter((t) => t.active);
  const nextUp = options.find((t) => tierRank(t.tier) === tierRank(tier) + 1);
  return (nextUp ?? options[0])?.id ?? null;
}
