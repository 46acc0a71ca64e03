import { divByZero, invalid } from "./errors";
import { Portfolio } from "./portfolio";
import { portfolioVolatility } from "./volatility";

/**
 * Scale factor k so that the portfolio k·w has volatility `targetVol`: σ(k·w) = |k|·σ(w), so
 * k = targetVol / σ(w).
 * @example leverageFor(0.10, p) // with σ(p) = 0.05 → 2
 */
export function leverageFor(targetVol: number, p: Portfolio): number {
  if (targetVol < 0) throw invalid("target_vol", "negative");
  const vol = portfolioVolatility(p);
  if (vol === 0) throw divByZero("portfolio has zero volatility");
  return targetVol / vol;
}
