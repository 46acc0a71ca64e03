import { divByZero, invalid } from "./errors";
import { Portfolio, requireLength } from "./portfolio";
import { portfolioVolatility } from "./volatility";

/**
 * Correlation of the portfolio P with an asset Z, given Z's correlation with each asset:
 * ρ(P, Z) = Σᵢ wᵢ·σᵢ·ρ(i, Z) / σ_P (the covariance of P with Z over σ_P·σ_Z; σ_Z cancels).
 * @throws #DIV/0! when the portfolio has no volatility
 * @example correlationWith(p, [0.1, 1, ...]) // stacked example of DESIGN.md §1 with bonds → 0.0970026
 */
export function correlationWith(
  p: Portfolio,
  withZ: ArrayLike<number>,
  argument = "target"
): number {
  const n = p.weights.length;
  requireLength(argument, withZ, n, "one correlation per asset");
  for (let i = 0; i < n; i++) {
    if (Math.abs(withZ[i]) > 1) throw invalid(argument, `item ${i + 1} is outside -1..1`);
  }
  const volP = portfolioVolatility(p);
  if (volP === 0) throw divByZero("portfolio has zero volatility");
  let covariance = 0;
  for (let i = 0; i < n; i++) covariance += p.weights[i] * p.vols[i] * withZ[i];
  // Clamp rounding just beyond ±1 (e.g. a one-asset portfolio).
  return Math.min(1, Math.max(-1, covariance / volP));
}

/** ρ(P, asset k) for every asset k of the portfolio (including an implicit financing asset). */
export function correlationsWithAssets(p: Portfolio): Float64Array {
  const n = p.weights.length;
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++)
    out[k] = correlationWith(p, p.correlations.data.subarray(k * n, (k + 1) * n));
  return out;
}
