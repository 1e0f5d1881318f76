import { CoverageState, disciplineCoverage, pendingDisciplines } from './coverage';

describe(disciplineCoverage.name, () => {
  const recommendation = (discipline: string, supersededAt: Date | null = null) => ({
    discipline,
    supersededAt,
  });

  it('reports each required discipline as recommended, waived or pending, in order', () => {
    const sut = disciplineCoverage(
      ['engineering', 'test', 'cost'],
      [recommendation('engineering')],
      [{ discipline: 'test' }],
    );
    expect(sut.map((entry) => [entry.discipline, entry.state])).toEqual([
      ['engineering', CoverageState.RECOMMENDED],
      ['test', CoverageState.WAIVED],
      ['cost', CoverageState.PENDING],
    ]);
  });

  it('ignores superseded recommendations and disciplines that are not required', () => {
    const sut = disciplineCoverage(
      ['engineering'],
      [
        recommendation('engineering', new Date('2026-01-01T00:00:00Z')),
        recommendation('logistics'),
      ],
      [],
    );
    expect(sut).toHaveLength(1);
    expect(sut[0]?.state).toBe(CoverageState.PENDING);
  });

  it('lists what is still pending', () => {
    expect(pendingDisciplines(['a', 'b', 'c'], ['a'], ['c'])).toEqual(['b']);
  });
});
