import { Tier, type LadderTeam } from '@ipt/domain';
import { buildTeamTree, defaultParentId, parentOptions, visibleNodes } from './ladder';

function team(
  id: string,
  tier: Tier,
  parentTeamId: string | null,
  active = true,
  name = id,
): LadderTeam {
  return { id, name, tier, parentTeamId, active };
}

// Deliberately out of order: the tree must not depend on the order the API sends.
const hardware = team('hw', Tier.WIPT, 'iipt', true, 'Radio Hardware WIPT');
const sustainment = team('sus', Tier.WIPT, 'iipt', true, 'Test & Sustainment WIPT');
const iipt = team('iipt', Tier.IIPT, 'oipt', true, 'HX Integrating IPT');
const oipt = team('oipt', Tier.OIPT, null, true, 'HX Overarching IPT');
const orphan = team('orphan', Tier.WIPT, null, true, 'Antenna WIPT');
const retired = team('old', Tier.IIPT, 'oipt', false, 'Old Integrating IPT');
const program = [sustainment, hardware, orphan, iipt, retired, oipt];

const names = (nodes: readonly { team: LadderTeam }[]) => nodes.map((n) => n.team.name);

describe('buildTeamTree', () => {
  it('puts the OIPT at the top, IIPTs under it and WIPTs under those, siblings by name', () => {
    const roots = buildTeamTree(program);

    expect(names(roots)).toEqual(['HX Overarching IPT', 'Antenna WIPT']);
    const [top] = roots;
    expect(top!.level).toBe(1);
    expect(names(top!.children)).toEqual(['HX Integrating IPT', 'Old Integrating IPT']);
    const integrating = top!.children[0]!;
    expect(integrating.level).toBe(2);
    expect(integrating.parent).toBe(top);
    expect(names(integrating.children)).toEqual(['Radio Hardware WIPT', 'Test & Sustainment WIPT']);
    expect(integrating.children.every((n) => n.level === 3)).toBe(true);
  });

  it('makes a team whose parent is missing a root, and never loops on bad stored links', () => {
    const a = team('a', Tier.WIPT, 'b');
    const b = team('b', Tier.IIPT, 'a');
    const lost = team('lost', Tier.WIPT, 'gone');
    const roots = buildTeamTree([a, b, lost]);

    expect(names(roots)).toEqual(['lost', 'b']);
    expect(names(roots[1]!.children)).toEqual(['a']);
  });

  it('is empty for a program without teams', () => {
    expect(buildTeamTree([])).toEqual([]);
  });
});

describe('visibleNodes', () => {
  it('lists the tree top-down and hides what is under a collapsed team', () => {
    const roots = buildTeamTree(program);

    expect(names(visibleNodes(roots, new Set()))).toEqual([
      'HX Overarching IPT',
      'HX Integrating IPT',
      'Radio Hardware WIPT',
      'Test & Sustainment WIPT',
      'Old Integrating IPT',
      'Antenna WIPT',
    ]);
    expect(names(visibleNodes(roots, new Set(['iipt'])))).toEqual([
      'HX Overarching IPT',
      'HX Integrating IPT',
      'Old Integrating IPT',
      'Antenna WIPT',
    ]);
  });
});

describe('parentOptions', () => {
  it('offers a WIPT the active teams of a higher tier, in ladder order', () => {
    expect(parentOptions(hardware, program).map((t) => t.name)).toEqual([
      'HX Overarching IPT',
      'HX Integrating IPT',
    ]);
  });

  it('offers an IIPT only the OIPT, and an OIPT nothing', () => {
    expect(parentOptions(iipt, program).map((t) => t.id)).toEqual(['oipt']);
    expect(parentOptions(oipt, program)).toEqual([]);
  });

  it('never offers the team itself, a lower or equal tier, or an inactive team to an active one', () => {
    const offered = parentOptions(sustainment, program).map((t) => t.id);
    expect(offered).not.toContain('sus');
    expect(offered).not.toContain('hw');
    expect(offered).not.toContain('old');
  });

  it('lets an inactive team keep an inactive parent', () => {
    const retiredWipt = team('rw', Tier.WIPT, 'old', false);
    expect(parentOptions(retiredWipt, [...program, retiredWipt]).map((t) => t.id)).toEqual([
      'oipt',
      'iipt',
      'old',
    ]);
  });

  it('works for a team not created yet', () => {
    const draft = team('', Tier.IIPT, null);
    expect(parentOptions(draft, program).map((t) => t.id)).toEqual(['oipt']);
  });
});

describe('defaultParentId', () => {
  it('picks the team one tier up', () => {
    expect(defaultParentId(Tier.WIPT, program)).toBe('iipt');
    expect(defaultParentId(Tier.IIPT, program)).toBe('oipt');
    expect(defaultParentId(Tier.OIPT, program)).toBeNull();
  });

  it('falls back to any valid parent, or none', () => {
    expect(defaultParentId(Tier.WIPT, [oipt])).toBe('oipt');
    expect(defaultParentId(Tier.WIPT, [])).toBeNull();
  });
});
