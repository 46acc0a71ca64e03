import { divByZero } from "./errors";
import { mean, sampleStd } from "./moments";
import { excessReturns, TRADING_DAYS } from "./series";

/**
 * Annualised Sharpe ratio (empyrical's sharpe_ratio): mean(excess) / std(excess, n − 1) · √ppy, with
 * excess = r − risk-free per period. A number `riskFree` is an annual rate (per period = rate / ppy);
 * an array holds per-period rates, one per return.
 * @throws #DIV/0! when the excess returns are constant (no volatility) or there is only one
 * @example sharpe([0.01, -0.005, 0.02], 0, 252) // mean 0.008333, std 0.012583 → 10.5130
 */
export function sharpe(
  returns: Float64Array,
  riskFree: Float64Array | number = 0,
  ppy = TRADING_DAYS
): number {
  const excess = excessReturns(returns, riskFree, ppy, "risk_free");
  const spread = sampleStd(excess);
  if (spread === 0) throw divByZero("returns have no volatility");
  return (mean(excess) / spread) * Math.sqrt(ppy);
}
