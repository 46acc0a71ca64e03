import { sampleStd } from "./moments";
import { requireNonEmpty, requirePeriodsPerYear, TRADING_DAYS } from "./series";

/**
 * Annualised volatility: the sample standard deviation of the periodic returns (n − 1) times √ppy
 * (empyrical's annual_volatility). 0 for a constant series.
 * @throws #DIV/0! for a single return (n − 1 = 0)
 * @example annualVolatility([0.01, -0.01], 252) // √((0.01² + 0.01²) / 1)·√252 = 0.224499
 */
export function annualVolatility(returns: Float64Array, ppy = TRADING_DAYS): number {
  requireNonEmpty("returns", returns);
  requirePeriodsPerYear(ppy);
  return sampleStd(returns) * Math.sqrt(ppy);
}
