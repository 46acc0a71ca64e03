import { invalid } from "./errors";
import { SquareMatrix } from "./matrix";
import { covarianceMatrix, requireLength } from "./portfolio";

function requirePositive(vols: Float64Array): void {
  for (let i = 0; i < vols.length; i++) {
    if (!(vols[i] > 0)) throw invalid("vols", `item ${i + 1} must be positive`);
  }
}

function normalise(w: Float64Array): Float64Array {
  let total = 0;
  for (let i = 0; i < w.length; i++) total += w[i];
  for (let i = 0; i < w.length; i++) w[i] /= total;
  return w;
}

/**
 * Inverse-volatility weights wᵢ = (1/σᵢ) / Σⱼ(1/σⱼ).
 * @example inverseVolatilityWeights([0.15, 0.10]) // [0.4, 0.6]
 */
export function inverseVolatilityWeights(vols: Float64Array): Float64Array {
  requirePositive(vols);
  const w = new Float64Array(vols.length);
  for (let i = 0; i < vols.length; i++) w[i] = 1 / vols[i];
  return normalise(w);
}

const MAX_SWEEPS = 10_000;

/**
 * Equal-risk-contribution weights: every asset contributes the same wᵢ·(Σw)ᵢ to the variance, w > 0,
 * Σw = 1. Solved by cyclical coordinate descent on ½yᵀΣy − Σ ln yᵢ (Griveau-Billion, Richard and
 * Roncalli, 2013): each step takes the positive root of Σᵢᵢ·yᵢ² + cᵢ·yᵢ − 1 = 0 with
 * cᵢ = Σ_{j≠i} Σᵢⱼ·yⱼ; the minimiser, normalised to sum 1, is the ERC portfolio.
 * @example equalRiskContributionWeights([0.15, 0.10], identity) // [0.4, 0.6]: with two assets ERC is inverse-vol
 */
export function equalRiskContributionWeights(
  vols: Float64Array,
  correlations: SquareMatrix
): Float64Array {
  requirePositive(vols);
  requireLength("correlations", { length: correlations.n }, vols.length, "one row per volatility");
  const sigma = covarianceMatrix(vols, correlations);
  const n = vols.length;
  const y = inverseVolatilityWeights(vols);
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let largestChange = 0;
    for (let i = 0; i < n; i++) {
      const sii = sigma.data[i * n + i];
      let c = 0;
      for (let j = 0; j < n; j++) if (j !== i) c += sigma.data[i * n + j] * y[j];
      const next = (-c + Math.sqrt(c * c + 4 * sii)) / (2 * sii);
      largestChange = Math.max(largestChange, Math.abs(next - y[i]) / next);
      y[i] = next;
    }
    if (largestChange < 1e-15) break;
  }
  return normalise(y);
}
