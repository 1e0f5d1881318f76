import type { Tier } from '@ipt/domain';
import { TIER_NAMES } from '../lib/labels';

/** A team's name with its tier as a small, explained abbreviation. */
export function TeamName({ team }: { team: { name: string; tier: Tier } }) {
  return (
    <>
      {team.name}{' '}
      <abbr className="tier" title={TIER_NAMES[team.tier]}>
        {team.tier}
      </abbr>
    </>
  );
}
