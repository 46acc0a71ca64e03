import { compound } from "./growth";
import { requireNonEmpty } from "./series";

/** One drawdown, from a peak to the row that regains it (PerformanceAnalytics' findDrawdowns). */
export interface DrawdownEpisode {
  /** The deepest drawdown of the episode, value / peak − 1 (negative). */
  readonly depth: number;
  /** Row of the peak; −1 when the peak is the starting value, before the first row. */
  readonly peak: number;
  /** Row of the deepest point. */
  readonly trough: number;
  /** First row back at (or above) the peak; null while the episode is still open at the end. */
  readonly recovery: number | null;
}

/**
 * Every drawdown episode of a series, deepest first (ties in row order). The value starts at 1 and
 * compounds the returns; an episode starts when the value falls below its running peak (which includes
 * the starting value) and ends on the first row where it is back at that peak — so rows from peak to
 * trough are trough − peak and rows from trough to recovery are recovery − trough, PerformanceAnalytics'
 * "To Trough" and "Recovery" (its "From" is the row after the peak). A wiped-out value never recovers.
 * @example drawdownEpisodes([0.1, -0.5, 1.2, -0.1]) // values 1.1, 0.55, 1.21, 1.089
 *   // [{ depth: −0.5, peak: 0, trough: 1, recovery: 2 }, { depth: 1.089/1.21 − 1 = −0.1, peak: 2, trough: 3, recovery: null }]
 */
export function drawdownEpisodes(returns: Float64Array): DrawdownEpisode[] {
  requireNonEmpty("returns", returns);
  const episodes: DrawdownEpisode[] = [];
  let value = 1;
  let peakValue = 1;
  let peak = -1;
  let trough = -1; // −1: not in a drawdown
  let depth = 0;
  for (let t = 0; t < returns.length; t++) {
    value = compound(value, returns[t]);
    if (value >= peakValue) {
      if (trough >= 0) episodes.push({ depth, peak, trough, recovery: t });
      peakValue = value;
      peak = t;
      trough = -1;
      depth = 0;
      continue;
    }
    const drawdown = value / peakValue - 1;
    if (trough < 0 || drawdown < depth) {
      trough = t;
      depth = drawdown;
    }
  }
  if (trough >= 0) episodes.push({ depth, peak, trough, recovery: null });
  // Array.prototype.sort is stable: equal depths stay in row order.
  return episodes.sort((a, b) => a.depth - b.depth);
}
