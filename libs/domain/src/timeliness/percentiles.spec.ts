import fc from 'fast-check';
import { percentile } from './percentiles';

/** The oracle: sort everything, take the nearest rank. */
function bySorting(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1] ?? null;
}

describe(percentile.name, () => {
  it('equals the nearest-rank value of the sorted sample', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 100 }),
        (values, p) => {
          expect(percentile(values, p)).toBe(bySorting(values, p));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('takes the nearest rank, not an interpolation', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 90)).toBe(4);
    expect(percentile([], 50)).toBeNull();
  });

  it('leaves the caller’s sample as it was', () => {
    const sample = [5, 1, 4, 2, 3];
    percentile(sample, 50);
    expect(sample).toEqual([5, 1, 4, 2, 3]);
  });
});
