import { divByZero, invalid } from "./errors";
import { requireNonEmpty, requirePeriodsPerYear, TRADING_DAYS } from "./series";

/**
 * Omega ratio (empyrical's omega_ratio): Σ max(x, 0) ÷ Σ max(−x, 0), the gains above a threshold over the
 * losses below it, with x = r − τ and τ = (1 + required_return)^(1/ppy) − 1 the annual required return
 * compounded down to one period.
 * @throws #DIV/0! when no return is below the threshold
 * @example omega([0.02, -0.01, 0.01], 0, 252) // (0.02 + 0.01) / 0.01 = 3
 */
export function omega(returns: Float64Array, requiredReturn = 0, ppy = TRADING_DAYS): number {
  requireNonEmpty("returns", returns);
  requirePeriodsPerYear(ppy);
  if (!(requiredReturn > -1)) throw invalid("required_return", "must be above -100%");
  const threshold = Math.expm1(Math.log1p(requiredReturn) / ppy);
  let gains = 0;
  let losses = 0;
  for (let t = 0; t < returns.length; t++) {
    const x = returns[t] - threshold;
    if (x > 0) gains += x;
    else losses -= x;
  }
  if (losses === 0) throw divByZero("no returns below the required return");
  return gains / losses;
}
