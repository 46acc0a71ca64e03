import { invalid } from "./errors";
import { choleskySolve, SquareMatrix, squareMatrix } from "./matrix";
import { requireLength, sum } from "./portfolio";

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

/**
 * Risk contributions xᵢ·(Rx)ᵢ whose spread (max − min) is within this fraction of their mean count as
 * equal: the solver's answer is checked against it before it is returned.
 */
export const EQUAL_RISK_TOLERANCE = 1e-9;
/** Newton iterations allowed: a solvable problem takes 5–40 (damped steps far away, then quadratic). */
const MAX_ITERATIONS = 100;
/** Stop when Newton's decrement² (about twice the distance to the minimum of F) is this small. */
const CONVERGED = 1e-22;
/** Damped steps while the decrement is above this (Nesterov's bound for the quadratic region is 0.38). */
const FULL_STEP_DECREMENT = 0.25;
/** A coordinate beyond this means F has no minimum: a long-only mix of the assets is (nearly) riskless. */
const DIVERGED = 1e12;

const noSolution = () =>
  invalid(
    "correlations",
    "no equal-risk solution exists (a mix of these assets with positive weights is riskless, or too nearly so)"
  );

/** Spread of the risk contributions xᵢ·(Rx)ᵢ relative to their mean. */
function riskSpread(x: Float64Array, rx: Float64Array): number {
  let lowest = Infinity;
  let highest = -Infinity;
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    const contribution = x[i] * rx[i];
    lowest = Math.min(lowest, contribution);
    highest = Math.max(highest, contribution);
    total += contribution;
  }
  return (highest - lowest) / (total / x.length);
}

/**
 * Equal-risk-contribution weights: every asset contributes the same wᵢ·(Σw)ᵢ to the variance, w > 0,
 * Σw = 1 (Maillard, Roncalli & Teiletche, 2010). In correlation units xᵢ = σᵢ·wᵢ (up to scale) this is
 * xᵢ·(Rx)ᵢ equal for all i, and x is the minimiser of the strictly convex, self-concordant
 *   F(x) = ½·xᵀRx − Σ ln xᵢ,   whose gradient Rx − 1/x vanishes exactly when xᵢ·(Rx)ᵢ = 1 for all i.
 * Solved by Newton's method (Spinu, 2013): the step Δ solves (R + diag(1/x²))·Δ = Rx − 1/x by Cholesky;
 * with the decrement λ = √(gradientᵀΔ) the step is damped, x ← x − Δ/(1 + λ), while λ > 0.25, which keeps
 * x > 0 and converges from any start (Nesterov, Lectures on Convex Optimization §5.1), then full steps
 * converge quadratically. Scaling to correlations keeps nearly singular matrices (ρ = ±0.99999, an index
 * fund and its inverse) well within reach. F has no minimum when some long-only mix of the assets is
 * riskless (ρ = −1 between an index and its inverse): then no equal-risk solution exists.
 * The result is checked before it is returned: risk contributions equal within
 * {@link EQUAL_RISK_TOLERANCE}, or #VALUE! — never weights that did not converge.
 * @throws #VALUE! "correlations: no equal-risk solution exists (…)"
 * @example equalRiskContributionWeights([0.15, 0.10], identity) // [0.4, 0.6]: with two assets ERC is inverse-vol
 */
export function equalRiskContributionWeights(
  vols: Float64Array,
  correlations: SquareMatrix
): Float64Array {
  requirePositive(vols);
  requireLength("correlations", { length: correlations.n }, vols.length, "one row per volatility");
  const n = vols.length;
  const r = correlations.data;
  // Start on the ray x = t·1 at its minimum: d/dt (½t²·1ᵀR1 − n·ln t) = 0 gives t = √(n / 1ᵀR1).
  const allOnes = sum(r);
  if (!(allOnes > 0)) throw noSolution();
  const x = new Float64Array(n).fill(Math.sqrt(n / allOnes));
  const rx = new Float64Array(n);
  const gradient = new Float64Array(n);
  const step = new Float64Array(n);
  const hessian = squareMatrix(n, new Float64Array(n * n));
  const work = new Float64Array(n * n);
  const multiply = () => {
    for (let i = 0; i < n; i++) {
      let total = 0;
      for (let j = 0; j < n; j++) total += r[i * n + j] * x[j];
      rx[i] = total;
    }
  };
  let converged = false;
  for (let iteration = 0; iteration < MAX_ITERATIONS && !converged; iteration++) {
    multiply();
    for (let i = 0; i < n; i++) {
      gradient[i] = rx[i] - 1 / x[i];
      for (let j = 0; j < n; j++) hessian.data[i * n + j] = r[i * n + j];
      hessian.data[i * n + i] += 1 / (x[i] * x[i]);
    }
    if (!choleskySolve(hessian, gradient, work, step)) throw noSolution();
    let decrement2 = 0; // λ² = gradientᵀ·H⁻¹·gradient
    for (let i = 0; i < n; i++) decrement2 += gradient[i] * step[i];
    const scale = decrement2 > FULL_STEP_DECREMENT ** 2 ? 1 / (1 + Math.sqrt(decrement2)) : 1;
    for (let i = 0; i < n; i++) {
      x[i] -= scale * step[i];
      if (!(x[i] > 0 && x[i] < DIVERGED)) throw noSolution();
    }
    converged = decrement2 < CONVERGED;
  }
  multiply();
  if (!(riskSpread(x, rx) <= EQUAL_RISK_TOLERANCE)) throw noSolution();
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = x[i] / vols[i];
  return normalise(w);
}
