import { growHoldings, hasDrifted, LARGE_VALUE, rescale, setHoldings, SMALL_VALUE } from "./drift";
import { Frequency, nextPeriodStart, requireDates } from "./excel-date";
import { invalid } from "./errors";
import { sum } from "./portfolio";
import { requireAlignedSeries } from "./series";

/**
 * When a backtest rebalances to its target weights:
 * - "calendar": at the first row of each new day, ISO week (Monday-start), month, quarter (Jan, Apr,
 *   Jul, Oct) or year, read from the rows' Excel serial dates;
 * - "rows": every `every` rows (rows 0, k, 2k, …);
 * - "none": only at the start (buy and hold).
 */
export type Schedule =
  | { readonly kind: "calendar"; readonly frequency: Frequency; readonly dates: Float64Array }
  | { readonly kind: "rows"; readonly every: number }
  | { readonly kind: "none" };

function checkSchedule(schedule: Schedule, rows: number): void {
  if (schedule.kind === "calendar") {
    if (schedule.dates.length !== rows)
      throw invalid(
        "dates",
        `${schedule.dates.length} items, expected ${rows} (one per row of returns)`
      );
    requireDates(schedule.dates);
  } else if (schedule.kind === "rows") {
    if (!(Number.isInteger(schedule.every) && schedule.every >= 1))
      throw invalid("rebalance", "must be a whole number of rows (1 or more)");
  }
}

/**
 * The row after `row` where the schedule rebalances next (n when never): the first row of the next
 * calendar period, row + k for "every k rows". Called once per rebalance, so the row loop of
 * {@link backtest} compares one integer per row whatever the schedule.
 */
function nextScheduledRow(schedule: Schedule, row: number, rows: number): number {
  switch (schedule.kind) {
    case "none":
      return rows;
    case "rows":
      return row + schedule.every;
    case "calendar": {
      const { dates, frequency } = schedule;
      const start = nextPeriodStart(dates[row], frequency);
      let next = row + 1;
      while (next < rows && dates[next] < start) next++;
      return next;
    }
  }
}

/**
 * Periodic returns of a portfolio whose weights drift with returns between rebalances.
 *
 * The portfolio starts at the target weights (row 0 always uses them). At the start of a row it is
 * rebalanced back to the targets when the schedule begins a new period there, or, with `band`, when
 * any asset's weight has drifted by more than `band` (absolute, e.g. 0.05 = 5 points) from its target:
 * the band is checked at every row in addition to the schedule (use schedule "none" for a band alone).
 * Between rebalances each holding grows by its own return: hᵢ ← hᵢ·(1 + rᵢ) (see drift.ts).
 *
 * Weights may be negative (a cash series at −1 is the financing leg of 100/100) and need not sum to 1:
 * the remainder 1 − Σw is cash earning nothing. If the portfolio's value falls to 0 or below (an
 * over-levered portfolio wiped out), that row returns −1 and every later row 0: there is nothing left.
 *
 * Cost: O(rows × assets), no allocation per row.
 * @param returns one series per asset, all the same length
 * @param band optional drift threshold, a positive decimal
 * @param out optional array of the row count to write into
 * @example backtest([[0.1, 0], [0, 0]], [0.5, 0.5], { kind: "none" }) // [0.05, 0]
 */
export function backtest(
  returns: readonly Float64Array[],
  weights: Float64Array,
  schedule: Schedule,
  band?: number,
  out: Float64Array = new Float64Array(returns[0]?.length ?? 0)
): Float64Array {
  const n = requireAlignedSeries(returns, weights);
  checkSchedule(schedule, n);
  if (band !== undefined && !(band > 0 && band < Infinity))
    throw invalid("band", "must be positive");
  if (out.length !== n) throw invalid("out", `${out.length} items, expected ${n}`);

  const assets = weights.length;
  const cashWeight = 1 - sum(weights);
  const held = new Float64Array(assets);
  let scheduled = 0; // the next row where the schedule rebalances; row 0 starts at the targets
  let value = 1;
  let cash = 0;
  for (let t = 0; t < n; t++) {
    let rebalance = t === scheduled;
    if (rebalance) scheduled = nextScheduledRow(schedule, t, n);
    if (!rebalance && band !== undefined) rebalance = hasDrifted(held, weights, value, band);
    if (rebalance) {
      setHoldings(held, weights, value);
      cash = cashWeight * value;
    }
    const next = cash + growHoldings(held, returns, t);
    if (next <= 0) {
      out[t] = -1;
      out.fill(0, t + 1);
      return out;
    }
    out[t] = next / value - 1;
    value = next;
    if (value > LARGE_VALUE || value < SMALL_VALUE) {
      rescale(held, value);
      cash /= value;
      value = 1;
    }
  }
  return out;
}
