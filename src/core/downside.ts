import { excessReturns, TRADING_DAYS } from "./series";

/**
 * Downside deviation per period of returns already net of the required return: √(Σ min(aₖ, 0)² / n)
 * over ALL n periods, not only the losing ones (Sortino's denominator).
 * @example downsideDeviation([0.02, -0.01, 0.005]) // √(0.0001 / 3) = 0.0057735
 */
export function downsideDeviation(active: Float64Array): number {
  let squares = 0;
  for (let t = 0; t < active.length; t++) {
    const shortfall = Math.min(active[t], 0);
    squares += shortfall * shortfall;
  }
  return Math.sqrt(squares / active.length);
}

/**
 * Annualised downside risk (empyrical's downside_risk): downsideDeviation(r − required) · √ppy, where a
 * number `requiredReturn` is annual (per period = rate / ppy) and an array holds per-period returns.
 * @example downsideRisk([0.02, -0.01, 0.005], 0, 252) // 0.0057735 · √252 = 0.0916515
 */
export function downsideRisk(
  returns: Float64Array,
  requiredReturn: Float64Array | number = 0,
  ppy = TRADING_DAYS
): number {
  return (
    downsideDeviation(excessReturns(returns, requiredReturn, ppy, "required_return")) *
    Math.sqrt(ppy)
  );
}
