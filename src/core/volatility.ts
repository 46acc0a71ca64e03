import { covarianceMatrix, Portfolio } from "./portfolio";
import { quadraticForm } from "./matrix";

/**
 * Portfolio volatility σ = √(wᵀ Σ w), Σ the covariance matrix (annual, decimal).
 * DESIGN.md §1: vols 15% / 6% / 1%, ρ(s,b) −0.3, ρ(s,c) −0.05, ρ(b,c) 0.1, weights (1, 1, −1) → 0.1443260.
 * @example portfolioVolatility(portfolio([1, 1, -1], [0.15, 0.06, 0.01], corr)) // 0.14432602
 */
export function portfolioVolatility(p: Portfolio): number {
  const variance = quadraticForm(covarianceMatrix(p.vols, p.correlations), p.weights);
  // A PSD matrix gives variance ≥ 0; clamp the −1e-18 rounding noise of a riskless portfolio.
  return Math.sqrt(Math.max(variance, 0));
}
