import { Tier } from './enums';
import { LadderTeam, deactivationProblem, ladderProblem, orderAsLadder } from './ladder';

const team = (
  id: string,
  tier: Tier,
  parentTeamId: string | null = null,
  active = true,
): LadderTeam => ({ id, name: id.toUpperCase(), tier, parentTeamId, active });

describe(ladderProblem.name, () => {
  const oipt = team('oipt', Tier.OIPT);
  const iipt = team('iipt', Tier.IIPT, 'oipt');
  const wipt = team('wipt', Tier.WIPT, 'iipt');
  const program = [oipt, iipt, wipt];

  it.each([
    ['a WIPT under an IIPT', team('new', Tier.WIPT, 'iipt')],
    ['a WIPT straight under the OIPT', team('new', Tier.WIPT, 'oipt')],
    ['an IIPT under the OIPT', team('new', Tier.IIPT, 'oipt')],
    ['a team without a parent', team('new', Tier.WIPT)],
    ['the OIPT itself, unchanged', oipt],
    ['an inactive WIPT under an inactive IIPT', team('new', Tier.WIPT, 'old', false)],
  ])('accepts %s', (_case, candidate) => {
    const old = team('old', Tier.IIPT, 'oipt', false);
    expect(ladderProblem(candidate, [...program, old])).toBeNull();
  });

  it.each([
    ['an OIPT with a parent', team('new', Tier.OIPT, 'iipt'), 'parentTeamId', /no parent/],
    ['a second active OIPT', team('new', Tier.OIPT), 'tier', /already has an active OIPT/],
    ['a team as its own parent', team('wipt', Tier.WIPT, 'wipt'), 'parentTeamId', /own parent/],
    ['a parent from elsewhere', team('new', Tier.WIPT, 'nope'), 'parentTeamId', /no team nope/],
    ['a WIPT under a WIPT', team('new', Tier.WIPT, 'wipt'), 'parentTeamId', /WIPT is a WIPT/],
    ['an IIPT under an IIPT', team('new', Tier.IIPT, 'iipt'), 'parentTeamId', /higher tier/],
    ['an IIPT under a WIPT', team('new', Tier.IIPT, 'wipt'), 'parentTeamId', /higher tier/],
  ])('refuses %s', (_case, candidate, field, message) => {
    const sut = ladderProblem(candidate, program);
    expect(sut?.field).toBe(field);
    expect(sut?.message).toMatch(message);
  });

  it('refuses reactivating an old OIPT beside the active one, on the active field', () => {
    const old = team('old', Tier.OIPT, null, false);
    expect(ladderProblem({ ...old, active: true }, [...program, old])?.field).toBe('active');
  });

  it('refuses an active team under an inactive parent', () => {
    const old = team('old', Tier.IIPT, 'oipt', false);
    expect(ladderProblem(team('new', Tier.WIPT, 'old'), [...program, old])?.message).toMatch(
      /OLD is inactive/,
    );
  });

  it('refuses a loop even when stored tiers would not show it', () => {
    // Corrupt stored data: the OIPT-tier check cannot see a loop through mis-tiered teams.
    const a = team('a', Tier.OIPT, null);
    const b = team('b', Tier.IIPT, 'c');
    const c = team('c', Tier.OIPT, 'b');
    expect(ladderProblem(team('new', Tier.WIPT, 'b'), [a, b, c])?.message).toMatch(/loop/);
  });
});

describe(deactivationProblem.name, () => {
  it('refuses deactivating a team that active teams escalate to, naming them', () => {
    const teams = [
      team('oipt', Tier.OIPT),
      team('w2', Tier.WIPT, 'oipt'),
      team('w1', Tier.WIPT, 'oipt'),
      team('w3', Tier.WIPT, 'oipt', false),
    ];
    expect(deactivationProblem(teams[0]!, teams)).toBe(
      'OIPT is the parent of active teams W1, W2; give them another parent or deactivate them first.',
    );
  });

  it('lets a team go when nothing active escalates to it', () => {
    const teams = [team('oipt', Tier.OIPT), team('w', Tier.WIPT, 'oipt', false)];
    expect(deactivationProblem(teams[0]!, teams)).toBeNull();
    expect(deactivationProblem(teams[1]!, teams)).toBeNull();
  });
});

describe(orderAsLadder.name, () => {
  it('lists the OIPT first, each team followed by the teams below it', () => {
    const teams = [
      team('wb', Tier.WIPT, 'iipt'),
      team('loose', Tier.WIPT),
      team('wa', Tier.WIPT, 'iipt'),
      team('wdirect', Tier.WIPT, 'oipt'),
      team('iipt', Tier.IIPT, 'oipt'),
      team('oipt', Tier.OIPT),
      team('orphan', Tier.IIPT, 'gone'),
    ];
    expect(orderAsLadder(teams).map((t) => t.id)).toEqual([
      'oipt',
      'iipt',
      'wa',
      'wb',
      'wdirect',
      'orphan',
      'loose',
    ]);
  });

  it('keeps teams caught in a loop of stored links', () => {
    const teams = [team('a', Tier.IIPT, 'b'), team('b', Tier.IIPT, 'a')];
    expect(orderAsLadder(teams).map((t) => t.id)).toEqual(['a', 'b']);
  });

  it('lists nothing for a program without teams', () => {
    expect(orderAsLadder([])).toEqual([]);
  });
});
