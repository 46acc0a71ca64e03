import { cagr } from "./cagr";
import { maxDrawdown } from "./drawdown";
import { divByZero } from "./errors";
import { TRADING_DAYS } from "./series";

/**
 * Calmar ratio over the whole series (empyrical's calmar_ratio): CAGR / |maximum drawdown|.
 * @throws #DIV/0! when the series has no drawdown
 * @example calmar([0.1, -0.5, 0.2], 3) // CAGR 0.66 − 1 = −0.34 (3 periods = 1 year), max DD −0.5 → −0.68
 */
export function calmar(returns: Float64Array, ppy = TRADING_DAYS): number {
  const growthRate = cagr(returns, ppy);
  const worst = maxDrawdown(returns);
  if (worst === 0) throw divByZero("no drawdown");
  return growthRate / -worst;
}
