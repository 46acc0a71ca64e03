import { maxDrawdown } from "./drawdown";
import { invalid } from "./errors";
import { requireDates } from "./excel-date";
import { finalGrowth } from "./growth";
import { requireNonEmpty } from "./series";
import { StressEpisode } from "./stress-episodes";

/** What each series did over one episode; null when the data do not cover the whole episode. */
export interface StressResult {
  /** Compounded return from the close of the first day to the close of the last, per series. */
  readonly returns: readonly number[];
  /** Deepest drawdown inside the episode (from its start), per series. */
  readonly maxDrawdowns: readonly number[];
}

/** The first row whose date is after `serial` (binary search over ascending dates). */
function firstAfter(dates: Float64Array, serial: number): number {
  let low = 0;
  let high = dates.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (dates[middle] <= serial) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Each series' return and maximum drawdown over stress windows (DESIGN.md §8). An episode runs from the
 * close of its first day to the close of its last, so it compounds the rows dated after the first day up
 * to the last day (a row's return is measured from the previous row's close). The data cover an episode
 * when they start on or before its first day and end on or after its last; otherwise its result is null
 * (the adapter shows #N/A): a partial window would understate the crash.
 * @example stressTest([[0.1, -0.2, 0.05]], [45300, 45301, 45302], [{ name: "x", first: 45300, last: 45302 }])
 *   // rows 2–3: return 0.8·1.05 − 1 = −0.16, max drawdown −0.2
 */
export function stressTest(
  series: readonly Float64Array[],
  dates: Float64Array,
  episodes: readonly StressEpisode[]
): (StressResult | null)[] {
  requireNonEmpty("returns", dates);
  requireDates(dates);
  for (const s of series)
    if (s.length !== dates.length)
      throw invalid("dates", `${dates.length} rows, expected ${s.length} (one per return)`);
  episodes.forEach((e, k) => {
    if (!(e.last >= e.first))
      throw invalid("episodes", `row ${k + 1} (${e.name}) ends before it starts`);
  });
  const start = dates[0];
  const end = dates[dates.length - 1];
  return episodes.map((e) => {
    if (e.first < start || e.last > end) return null;
    const from = firstAfter(dates, e.first);
    const to = firstAfter(dates, e.last); // one past the last row on or before the last day
    const window = (s: Float64Array) => s.subarray(from, to);
    return {
      returns: series.map((s) => (to > from ? finalGrowth(window(s)) - 1 : 0)),
      maxDrawdowns: series.map((s) => (to > from ? maxDrawdown(window(s)) : 0)),
    };
  });
}
