import { invalid } from "./errors";
import { financingCost, financingRows } from "./financing";
import { closeAtWipeOut } from "./growth";
import { sum } from "./portfolio";
import { requireAlignedSeries, TRADING_DAYS } from "./series";

/**
 * Daily returns of a stacked fund that rebalances to its weights every day and borrows what it holds
 * beyond 100% (DESIGN.md §4 STACKED):
 *   Σwᵢ·rᵢ − (Σw − 1)·(rate + premium)·days/360 − fee/252
 * e.g. 100% stocks + 100% bonds pays the rate plus premium on the 100% borrowed. The financing term is
 * the leveraged fund's ({@link financingCost}) with exposure Σw; below 100% exposure the cash earns the rate (not the premium).
 * `rates` (annual) and `days` are one number for every row or one value per row, as in letfSeries.
 * The first day at or below −100% (a leveraged day's loss, or a short leg's gain against the fund)
 * wipes the fund out: −1 that day and 0 on every later day ({@link closeAtWipeOut}).
 * @param returns one series per asset, all the same length
 * @param fee annual fee, charged per trading day
 * @param out optional array of the row count to write into (no allocation)
 * @example stackedSeries([[0.01], [0.002]], [1, 1], 0.036, 1, 0, 0) // 0.012 − 0.036/360 = 0.0119
 */
export function stackedSeries(
  returns: readonly Float64Array[],
  weights: Float64Array,
  rates: Float64Array | number,
  days: Float64Array | number,
  premium: number,
  fee: number,
  out: Float64Array = new Float64Array(returns[0]?.length ?? 0)
): Float64Array {
  const n = requireAlignedSeries(returns, weights);
  const { rateRows, rateAll, dayRows, daysAll } = financingRows(rates, days, n);
  if (out.length !== n) throw invalid("out", `${out.length} items, expected ${n}`);
  const exposure = sum(weights);
  const dailyFee = fee / TRADING_DAYS;
  // Asset by asset down each column (sequential memory), then the costs.
  out.fill(0);
  for (let i = 0; i < returns.length; i++) {
    const series = returns[i];
    const weight = weights[i];
    for (let t = 0; t < n; t++) out[t] += weight * series[t];
  }
  for (let t = 0; t < n; t++) {
    const rate = rateRows === null ? rateAll : rateRows[t];
    const accrued = dayRows === null ? daysAll : dayRows[t];
    out[t] -= financingCost(exposure, rate, premium, accrued) + dailyFee;
  }
  return closeAtWipeOut(out);
}
