import { divByZero } from "./errors";
import { mean, sampleStd } from "./moments";
import { requirePaired } from "./paired-moments";
import { requirePeriodsPerYear, TRADING_DAYS } from "./series";

/** Active returns rₖ − bₖ. */
function active(returns: Float64Array, benchmark: Float64Array, ppy: number): Float64Array {
  requirePaired(returns, benchmark);
  requirePeriodsPerYear(ppy);
  const out = new Float64Array(returns.length);
  for (let t = 0; t < returns.length; t++) out[t] = returns[t] - benchmark[t];
  return out;
}

/**
 * Annualised tracking error: the sample standard deviation of the active returns r − b, × √ppy
 * (PerformanceAnalytics' TrackingError).
 * @throws #DIV/0! with a single period
 * @example trackingError([0.02, 0.0], [0.01, 0.01], 252) // active 0.01, −0.01: std 0.0141421 · √252 = 0.2245
 */
export function trackingError(
  returns: Float64Array,
  benchmark: Float64Array,
  ppy = TRADING_DAYS
): number {
  return sampleStd(active(returns, benchmark, ppy)) * Math.sqrt(ppy);
}

/**
 * Information ratio: mean(r − b) ÷ its sample standard deviation × √ppy — the Sharpe ratio of the active
 * returns (empyrical's excess_sharpe, annualised).
 * @throws #DIV/0! when the active returns are constant
 * @example informationRatio([0.02, 0.0, 0.03], [0.01, 0.01, 0.01], 252) // mean 0.00667, std 0.01528 → 6.928
 */
export function informationRatio(
  returns: Float64Array,
  benchmark: Float64Array,
  ppy = TRADING_DAYS
): number {
  const a = active(returns, benchmark, ppy);
  const spread = sampleStd(a);
  if (spread === 0) throw divByZero("active returns have no volatility");
  return (mean(a) / spread) * Math.sqrt(ppy);
}
