import { invalid } from "./errors";
import { DEFAULT_DAYS, financingCost, financingRows, requireDays } from "./financing";
import { closeAtWipeOut, wipedOutAt } from "./growth";
import { requireNonEmpty, TRADING_DAYS } from "./series";

export { dayGaps } from "./financing";

/**
 * One day's return of a leveraged fund that resets its exposure daily (DESIGN.md §1):
 *   X·r − ER/252 − (X − 1)·(rate + spread)·days/360
 * r the index's total return that day, X the leverage, ER the annual expense ratio (charged per trading
 * day), rate the annual short-term borrowing rate and spread the swap premium over it (ACT/360 over the
 * calendar days since the previous trading day). All decimals. A day whose leveraged loss would exceed
 * 100% wipes the fund out: the return is −1, never lower (see {@link wipedOutAt}).
 * @example letfDailyReturn(0.01, 3, 0.0092, 0.0287, 1, 0) // 0.03 − 0.0000365079 − 0.0001594444 = 0.0298040476
 * @example letfDailyReturn(-0.4, 3) // −1.2 would be below −100%: −1
 */
export function letfDailyReturn(
  r: number,
  leverage: number,
  expenseRatio = 0,
  rate = 0,
  days = DEFAULT_DAYS,
  spread = 0
): number {
  requireDays(days);
  return wipedOutAt(fundReturn(r, leverage, expenseRatio / TRADING_DAYS, rate, spread, days));
}

/** The model of one row, with the expense ratio already turned into a daily charge. */
function fundReturn(
  r: number,
  leverage: number,
  dailyExpense: number,
  rate: number,
  spread: number,
  days: number
): number {
  const exposureReturn = leverage * r;
  return exposureReturn - dailyExpense - financingCost(leverage, rate, spread, days);
}

/**
 * {@link letfDailyReturn} for every row of an index series. `rates` (annual decimals) and `days`
 * (calendar days per row, e.g. from {@link dayGaps}) are one number for every row or one value per row.
 * The first day at or below −100% wipes the fund out: −1 that day and 0 on every later day, as a real
 * fund is closed ({@link closeAtWipeOut}).
 * @param out optional array of the same length to write into (no allocation)
 * @example letfSeries([0.01, -0.02], 3, 0, 0, DEFAULT_DAYS, 0) // [0.03, -0.06]
 */
export function letfSeries(
  indexReturns: Float64Array,
  leverage: number,
  expenseRatio: number,
  rates: Float64Array | number,
  days: Float64Array | number,
  spread: number,
  out: Float64Array = new Float64Array(indexReturns.length)
): Float64Array {
  const n = indexReturns.length;
  requireNonEmpty("index_returns", indexReturns);
  const { rateRows, rateAll, dayRows, daysAll } = financingRows(rates, days, n);
  if (out.length !== n) throw invalid("out", `${out.length} items, expected ${n}`);
  const dailyExpense = expenseRatio / TRADING_DAYS;
  for (let t = 0; t < n; t++) {
    const rate = rateRows === null ? rateAll : rateRows[t];
    const accrued = dayRows === null ? daysAll : dayRows[t];
    out[t] = fundReturn(indexReturns[t], leverage, dailyExpense, rate, spread, accrued);
  }
  return closeAtWipeOut(out);
}
