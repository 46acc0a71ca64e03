import { finalGrowth } from "./growth";
import { requirePeriodsPerYear, TRADING_DAYS } from "./series";

/**
 * Compound annual growth rate over all n periods (empyrical's annual_return):
 *   CAGR = (Π(1 + rₖ))^(ppy/n) − 1,
 * computed as expm1(ln(growth)·ppy/n) to keep the digits of small rates. −1 once wiped out.
 * @example cagr([0.01, -0.02, 0.03, -0.04, 0.05], 252) // 1.027649952^(252/5) − 1 = 2.9530
 */
export function cagr(returns: Float64Array, ppy = TRADING_DAYS): number {
  requirePeriodsPerYear(ppy);
  const years = returns.length / ppy;
  return Math.expm1(Math.log(finalGrowth(returns)) / years);
}
