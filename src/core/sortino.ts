import { downsideDeviation } from "./downside";
import { divByZero } from "./errors";
import { mean } from "./moments";
import { excessReturns, TRADING_DAYS } from "./series";

/**
 * Annualised Sortino ratio (empyrical's sortino_ratio): mean(a) / DD · √ppy with a = r − required
 * return per period and the downside deviation DD = √(Σ min(aₖ, 0)² / n) averaged over ALL n
 * observations, not only the losing ones. `requiredReturn` is annual when a number (per period =
 * rate / ppy) or per-period rates, one per return, when an array.
 * (Equivalently mean(a)·ppy over the annualised downside risk DD·√ppy.)
 * @throws #DIV/0! when no return is below the required return
 * @example sortino([0.02, -0.01, 0.005], 0, 252) // mean 0.005, DD √(0.0001/3) = 0.0057735 → 13.7477
 */
export function sortino(
  returns: Float64Array,
  requiredReturn: Float64Array | number = 0,
  ppy = TRADING_DAYS
): number {
  const active = excessReturns(returns, requiredReturn, ppy, "required_return");
  const downside = downsideDeviation(active);
  if (downside === 0) throw divByZero("no returns below the required return");
  return (mean(active) / downside) * Math.sqrt(ppy);
}
