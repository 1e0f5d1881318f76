import { dissentingDisciplines } from './index';

const at = new Date('2026-03-02T15:00:00Z');

describe('dissentingDisciplines', () => {
  it('is empty when every discipline favoured the chosen option', () => {
    const recommendations = [
      { discipline: 'engineering', optionId: 'a' },
      { discipline: 'test', optionId: 'a' },
    ];
    expect(dissentingDisciplines(recommendations, 'a')).toEqual([]);
  });

  it('names, in the order given, the disciplines that favoured another option on a split', () => {
    const recommendations = [
      { discipline: 'logistics', optionId: 'b' },
      { discipline: 'engineering', optionId: 'a' },
      { discipline: 'cost', optionId: 'c' },
    ];
    expect(dissentingDisciplines(recommendations, 'a')).toEqual(['logistics', 'cost']);
    expect(dissentingDisciplines(recommendations, 'b')).toEqual(['engineering', 'cost']);
  });

  it('ignores superseded recommendations: only a discipline’s current view counts', () => {
    const recommendations = [
      { discipline: 'engineering', optionId: 'b', supersededAt: at },
      { discipline: 'engineering', optionId: 'a', supersededAt: null },
      { discipline: 'test', optionId: 'a', supersededAt: at },
      { discipline: 'test', optionId: 'b' },
    ];
    expect(dissentingDisciplines(recommendations, 'a')).toEqual(['test']);
  });

  it('never names a waived discipline, which gave no recommendation', () => {
    // Contracting was required and waived: it has no recommendation, so nothing to dissent with.
    const recommendations = [{ discipline: 'engineering', optionId: 'a' }];
    expect(dissentingDisciplines(recommendations, 'b')).toEqual(['engineering']);
    expect(dissentingDisciplines([], 'b')).toEqual([]);
  });

  it('names a discipline once, even when it is given twice', () => {
    const recommendations = [
      { discipline: 'cost', optionId: 'b' },
      { discipline: 'cost', optionId: 'c' },
    ];
    expect(dissentingDisciplines(recommendations, 'a')).toEqual(['cost']);
  });
});
