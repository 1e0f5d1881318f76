/**
 * Percentiles by the nearest-rank method: the p-th percentile of n values is the value at rank
 * ceil(p/100 * n) in ascending order (p50 of [1,2,3,4] is 2). Found by quickselect, without
 * sorting the whole sample, since dashboards take many percentiles of large samples.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`p must be in (0, 100], not ${p}`);
  if (values.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * values.length));
  return select([...values], rank - 1);
}

/** The k-th smallest (0-based) of `values`, rearranging them in place (Hoare's quickselect). */
function select(values: number[], k: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const pivot = values[(low + high) >> 1] as number;
    let i = low;
    let j = high;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        [values[i], values[j]] = [values[j] as number, values[i] as number];
        i++;
        j--;
      }
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else return values[k] as number;
  }
  return values[k] as number;
}
