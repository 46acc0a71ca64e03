/**
 * Percentile of sorted values by linear interpolation between closest ranks: Excel's PERCENTILE.INC
 * and numpy's default method "linear". The rank h = (n − 1)·p (0-based); the result is
 * x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]).
 * @param sorted values in ascending order, at least one
 * @param p a fraction from 0 to 1
 * @example percentileSorted([1, 2, 3, 4], 0.25) // h = 0.75 → 1 + 0.75·(2 − 1) = 1.75
 */
export function percentileSorted(sorted: Float64Array, p: number): number {
  const rank = (sorted.length - 1) * p;
  const below = Math.floor(rank);
  const fraction = rank - below;
  if (below + 1 >= sorted.length) return sorted[sorted.length - 1];
  return sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
}
