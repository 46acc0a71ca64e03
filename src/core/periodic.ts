import { invalid } from "./errors";
import { PeriodCode, periodIndex, requireDates } from "./excel-date";
import { compound } from "./growth";
import { requireNonEmpty } from "./series";

/** Compounded returns of calendar periods, one row per period that has data. */
export interface Periodic {
  /** The date (Excel serial) of each period's last row. */
  readonly dates: Float64Array;
  /** One array per series: each period's compounded return. */
  readonly returns: Float64Array[];
  /** Index of each period's first row in the input, and one past the last (periods + 1 items). */
  readonly starts: Int32Array;
}

/**
 * Compounds periodic returns into calendar periods (empyrical's aggregate_returns): each period's return
 * is Π(1 + rₖ) − 1 over its rows (0 once wiped out, so −100%). A partial first or last period is kept as it
 * is. Monthly returns of daily data are what monthly-data tools (Portfolio Visualizer, testfol.io) report,
 * so ANNVOL, MAXDD and SHARPE with ppy = 12 over them reproduce those tools' figures.
 * @param series one or more series aligned with `dates`
 * @param dates ascending Excel serials, one per row
 * @example periodicReturns([[0.01, 0.02, -0.01]], [45320, 45321, 45323], "M") // 2024-01-30, 31, 02-02
 *   // dates [45321, 45323], returns [[1.01·1.02 − 1 = 0.0302, −0.01]]
 */
export function periodicReturns(
  series: readonly Float64Array[],
  dates: Float64Array,
  frequency: PeriodCode
): Periodic {
  const n = dates.length;
  requireNonEmpty("returns", dates);
  requireDates(dates);
  for (const s of series)
    if (s.length !== n) throw invalid("dates", `${n} rows, expected ${s.length} (one per return)`);
  // First rows of the periods: where the period index changes.
  const firsts: number[] = [0];
  let current = periodIndex(dates[0], frequency);
  for (let t = 1; t < n; t++) {
    const index = periodIndex(dates[t], frequency);
    if (index !== current) firsts.push(t);
    current = index;
  }
  firsts.push(n);
  const starts = Int32Array.from(firsts);
  const periods = starts.length - 1;
  const lastDates = new Float64Array(periods);
  for (let p = 0; p < periods; p++) lastDates[p] = dates[starts[p + 1] - 1];
  const returns = series.map((s) => {
    const out = new Float64Array(periods);
    for (let p = 0; p < periods; p++) {
      let value = 1;
      for (let t = starts[p]; t < starts[p + 1]; t++) value = compound(value, s[t]);
      out[p] = value - 1;
    }
    return out;
  });
  return { dates: lastDates, returns, starts };
}
