/** Partition rounds allowed per rank before the range is sorted instead (a guard against bad pivots). */
const MAX_ROUNDS = 64;

/**
 * Rearrange `a` so that a[k] holds the value of rank k (0-based) of a[lo…hi], with nothing larger before
 * it and nothing smaller after it inside the range: Hoare's FIND (quickselect) with a median-of-three
 * pivot. Expected O(hi − lo); equal values (a plan's depleted paths, a deterministic path) split evenly.
 */
function selectRank(a: Float64Array, k: number, lo: number, hi: number): void {
  for (let round = 0; hi > lo; round++) {
    if (round === MAX_ROUNDS) {
      a.subarray(lo, hi + 1).sort();
      return;
    }
    const mid = (lo + hi) >>> 1;
    const x = a[lo];
    const y = a[mid];
    const z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    // Now a[lo…j] ≤ pivot ≤ a[i…hi] and every value strictly between j and i equals the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/**
 * Percentiles of unsorted values as PERCENTILE.INC (linear interpolation between closest ranks, as
 * percentileSorted in percentile.ts) without sorting them: each needed rank ⌊(n − 1)·p⌋ and the next one are
 * selected in increasing order, each search starting where the previous one left off. Reorders `values`.
 * @param ps fractions from 0 to 1, in increasing order
 * @example percentilesInPlace(Float64Array.of(4, 1, 3, 2), [0.25, 0.5]) // [1.75, 2.5]
 */
export function percentilesInPlace(values: Float64Array, ps: readonly number[]): Float64Array {
  const n = values.length;
  const out = new Float64Array(ps.length);
  let start = 0; // a[start…n − 1] holds exactly the values of ranks start…n − 1
  ps.forEach((p, q) => {
    const rank = (n - 1) * p;
    const below = Math.floor(rank);
    if (below >= start) {
      selectRank(values, below, start, n - 1);
      start = below;
    }
    const fraction = rank - below;
    if (fraction === 0 || below + 1 >= n) {
      out[q] = values[below];
      return;
    }
    // The next rank is the smallest value after position `below`: move it next to it.
    if (below + 1 >= start) {
      let smallest = below + 1;
      for (let i = below + 2; i < n; i++) if (values[i] < values[smallest]) smallest = i;
      const t = values[below + 1];
      values[below + 1] = values[smallest];
      values[smallest] = t;
      start = below + 1;
    }
    out[q] = values[below] + fraction * (values[below + 1] - values[below]);
  });
  return out;
}
