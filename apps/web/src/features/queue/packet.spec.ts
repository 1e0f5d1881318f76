import {
  disciplineNamer,
  readinessPacket,
  tallySummary,
  type PacketCoverage,
  type PacketOption,
} from './packet';

const options: PacketOption[] = [
  { id: 'a', label: 'A', title: 'Redesign' },
  { id: 'b', label: 'B', title: 'Derate' },
  { id: 'c', label: 'C', title: 'Accept' },
];

const nameOf = disciplineNamer([
  { code: 'engineering', name: 'Systems engineering' },
  { code: 'test', name: 'Test & evaluation' },
  { code: 'cost', name: 'Cost & financial management' },
]);

function recommends(discipline: string, option: string): PacketCoverage {
  return {
    discipline,
    state: 'RECOMMENDED',
    recommendation: {
      id: `${discipline}-r`,
      rationale: `${discipline} rationale`,
      impactAssessment: '',
      alternatives: '',
      submittedAt: '2026-03-01T10:00:00.000Z',
      option: { id: option, label: option.toUpperCase() },
      author: { name: `${discipline} rep` },
    },
    waiver: null,
  };
}

function waived(discipline: string, reason: string): PacketCoverage {
  return {
    discipline,
    state: 'WAIVED',
    recommendation: null,
    waiver: { reason, waivedAt: '2026-03-01T09:00:00.000Z', waivedBy: { name: 'Pat Morgan' } },
  };
}

const pending = (discipline: string): PacketCoverage => ({
  discipline,
  state: 'PENDING',
  recommendation: null,
  waiver: null,
});

describe('the readiness packet', () => {
  it('tallies each option, zero included, and names the dissenters from the favourite', () => {
    const packet = readinessPacket(
      options,
      [recommends('engineering', 'b'), recommends('test', 'a'), recommends('cost', 'b')],
      nameOf,
    );
    expect(packet.tally.map((t) => [t.option.label, t.votes.map((v) => v.discipline)])).toEqual([
      ['A', ['test']],
      ['B', ['engineering', 'cost']],
      ['C', []],
    ]);
    expect(packet.mostFavoured.map((o) => o.label)).toEqual(['B']);
    expect(packet.dissent.map((v) => [v.disciplineName, v.optionLabel])).toEqual([
      ['Test & evaluation', 'A'],
    ]);
    expect(packet.votes[0]).toMatchObject({
      discipline: 'engineering',
      disciplineName: 'Systems engineering',
      rationale: 'engineering rationale',
      authorName: 'engineering rep',
    });
    expect(tallySummary(packet)).toBe('B is favoured by 2 of 3 disciplines.');
  });

  it('finds no dissent when every discipline agrees', () => {
    const packet = readinessPacket(
      options,
      [recommends('engineering', 'a'), recommends('test', 'a')],
      nameOf,
    );
    expect(packet.dissent).toEqual([]);
    expect(tallySummary(packet)).toBe('A is favoured by every recommending discipline (2).');
  });

  it('treats a tie as several favourites, dissent being only those outside them', () => {
    const packet = readinessPacket(
      options,
      [
        recommends('engineering', 'a'),
        recommends('test', 'b'),
        recommends('cost', 'c'),
        recommends('safety', 'a'),
        recommends('logistics', 'b'),
      ],
      nameOf,
    );
    expect(packet.mostFavoured.map((o) => o.label)).toEqual(['A', 'B']);
    expect(packet.dissent.map((v) => v.discipline)).toEqual(['cost']);
    // A code the program does not name is shown as is.
    expect(packet.votes.find((v) => v.discipline === 'safety')?.disciplineName).toBe('safety');
    expect(tallySummary(packet)).toBe(
      'No single favourite: A and B are each favoured by 2 of 5 disciplines.',
    );
  });

  it('lists waivers with their reasons and anything still pending', () => {
    const packet = readinessPacket(
      options,
      [recommends('engineering', 'a'), waived('cost', 'No cost impact.'), pending('test')],
      nameOf,
    );
    expect(packet.waivers).toEqual([
      {
        discipline: 'cost',
        disciplineName: 'Cost & financial management',
        reason: 'No cost impact.',
        waivedByName: 'Pat Morgan',
        waivedAt: '2026-03-01T09:00:00.000Z',
      },
    ]);
    expect(packet.pending).toEqual([{ discipline: 'test', disciplineName: 'Test & evaluation' }]);
    expect(packet.dissent).toEqual([]);
  });

  it('has no favourite and no dissent when everything was waived', () => {
    const packet = readinessPacket(options, [waived('engineering', 'Not needed.')], nameOf);
    expect(packet.mostFavoured).toEqual([]);
    expect(packet.dissent).toEqual([]);
    expect(tallySummary(packet)).toBe('No discipline has recommended an option.');
  });
});
