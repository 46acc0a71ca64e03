import { invalid, short } from "./errors";
import { quadraticForm, SquareMatrix, symmetricEigenvalues } from "./matrix";
import { covarianceMatrix, requireLength } from "./portfolio";
import {
  LinearConstraint,
  solveQuadraticProgram,
  WorkingSet,
  workingSetSolver,
} from "./quadratic-program";

/**
 * The stacked efficient frontier (DESIGN.md §4, FRONTIER): long-only weights w ≥ 0 on the assets with a
 * total exposure 1 ≤ Σw ≤ max_total, the exposure above 100% paying the borrowing rate
 * (financing_rate + premium). Expected return, from §1 with the financing leg 1 − Σw:
 *
 *   E(w) = Σwμ + (1 − Σw)·rate − max(Σw − 1, 0)·premium.
 *
 * The kink of max(·, 0) at 100% is handled exactly, by the borrowing b = Σw − 1 as a variable of its
 * own: the constraints are Σw − b = 1 with 0 ≤ b ≤ max_total − 1, where E = Σwμ − b·(rate + premium)
 * is linear in (w, b). Eliminating b leaves exactly the constraints 1 ≤ Σw ≤ max_total and the linear
 * objective aᵀw + c with a = μ − c, c = rate + premium: no smoothing, and below 100% no borrowing.
 * (A portfolio holds the assets only; a cash asset in the table is held like any other.)
 *
 * Every frontier portfolio minimises ½wᵀΣw − λ·aᵀw for some risk tolerance λ ≥ 0 (λ = 0: the
 * minimum-volatility portfolio; λ → ∞: the highest-return one). Its working set — the weights at 0 and
 * whether Σw sits at 1 or at max_total — changes at finitely many λ, and between two changes w(λ) is
 * affine in λ: the frontier is a chain of segments w = base + λ·slope (Markowitz's critical line
 * algorithm). The chain starts at the minimum-volatility portfolio, found by the active-set method
 * (quadratic-program.ts), and follows λ upwards: at each change of working set the KKT equations of the
 * new set are solved afresh (no updating, so no drift), giving every segment exactly.
 */

export interface FrontierProblem {
  /** Expected arithmetic return of each asset. */
  readonly returns: Float64Array;
  /** Volatility of each asset, all above 0. */
  readonly vols: Float64Array;
  /** Positive definite. */
  readonly correlations: SquareMatrix;
  /** Largest total exposure Σw, 1 or more (2 = up to 200%). */
  readonly maxTotal: number;
  /** Paid on the exposure above 100%: financing_rate + premium. */
  readonly borrowingRate: number;
}

/** One piece of the frontier: w(λ) = base + λ·slope for start ≤ λ ≤ end. */
export interface FrontierSegment {
  readonly start: number;
  /** Infinity for the last segment, on which the weights no longer move (slope ≈ 0). */
  readonly end: number;
  readonly base: Float64Array;
  readonly slope: Float64Array;
}

export interface EfficientFrontier {
  readonly covariance: SquareMatrix;
  /** a = μ − borrowing rate, so that E(w) = aᵀw + borrowing rate. */
  readonly excess: Float64Array;
  readonly borrowingRate: number;
  /** In increasing λ; segments of zero length are left out. */
  readonly segments: readonly FrontierSegment[];
}

/** Eigenvalues below this are a singular correlation matrix (the PSD check allows −1e-10 as rounding). */
const SINGULAR_EIGENVALUE = 1e-10;
/** Event tests are relative to the problem's scales: 1e-11 of a typical slope is rounding, not a slope. */
const SLOPE_TOLERANCE = 1e-11;

/**
 * Check a frontier problem's inputs (vols above 0, correlations positive definite: with a singular
 * matrix some portfolio has no risk of its own and the frontier portfolios are not unique).
 */
function checkProblem(problem: FrontierProblem): void {
  const { returns, vols, correlations, maxTotal, borrowingRate } = problem;
  const n = returns.length;
  if (n === 0) throw invalid("returns", "no assets");
  requireLength("vols", vols, n, "one per return");
  if (correlations.n !== n)
    throw invalid("correlations", `${correlations.n}×${correlations.n}, expected ${n}×${n}`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(returns[i])) throw invalid("returns", `item ${i + 1} is not finite`);
    if (!(vols[i] > 0 && vols[i] < Infinity))
      throw invalid(
        "vols",
        `item ${i + 1} must be above 0 (the optimiser needs every asset risky)`
      );
  }
  if (!(maxTotal >= 1 && maxTotal < Infinity))
    throw invalid("max_total", "must be 1 (100%) or more");
  if (!Number.isFinite(borrowingRate)) throw invalid("financing_rate", "must be a number");
  const smallest = symmetricEigenvalues(correlations)[0];
  if (smallest < SINGULAR_EIGENVALUE) {
    // Below 1e-15 the eigenvalue of an exactly singular matrix is rounding noise: it is shown as 0.
    const shown = Math.abs(smallest) < 1e-15 ? 0 : smallest;
    throw invalid(
      "correlations",
      shown < 0
        ? `not positive semi-definite (smallest eigenvalue ${short(shown)})`
        : `singular (smallest eigenvalue ${short(shown)}): no asset may be a combination of others`
    );
  }
}

/** 1 ≤ Σw ≤ max_total, as one equality when max_total is 1. */
function exposureConstraints(n: number, maxTotal: number): LinearConstraint[] {
  const ones = new Float64Array(n).fill(1);
  if (maxTotal === 1) return [{ coefficients: ones, bound: 1, equality: true }];
  return [
    { coefficients: ones, bound: 1 },
    { coefficients: new Float64Array(n).fill(-1), bound: -maxTotal },
  ];
}

/** The mean of `values` over the free variables (0 when every variable is fixed). */
function meanOverFree(values: Float64Array, fixed: Uint8Array): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    if (fixed[i] === 0) {
      sum += values[i];
      count++;
    }
  }
  return count === 0 ? 0 : sum / count;
}

const dot = (a: Float64Array, b: Float64Array) => {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += a[i] * b[i];
  return total;
};

/**
 * Trace the frontier of a problem: every segment from the minimum-volatility portfolio (λ = 0) to the
 * highest-return one.
 * @throws #VALUE! naming the argument for bad inputs (vols not above 0, a singular correlation matrix, max_total below 1)
 * @example efficientFrontier({ returns: [0.07, 0.05], vols: [0.15, 0.06], correlations, maxTotal: 1, borrowingRate: 0.03 }).segments
 */
export function efficientFrontier(problem: FrontierProblem): EfficientFrontier {
  checkProblem(problem);
  const { returns, vols, correlations, maxTotal, borrowingRate } = problem;
  const n = returns.length;
  const covariance = covarianceMatrix(vols, correlations);
  const excess = Float64Array.from(returns, (mu) => mu - borrowingRate);
  const constraints = exposureConstraints(n, maxTotal);

  // λ = 0: the minimum-volatility portfolio, from the least risky asset alone (a feasible vertex).
  let leastRisky = 0;
  for (let i = 1; i < n; i++) if (vols[i] < vols[leastRisky]) leastRisky = i;
  const start = new Float64Array(n);
  start[leastRisky] = 1;
  const minimum = solveQuadraticProgram(
    { hessian: covariance, linear: new Float64Array(n), constraints },
    start
  );

  // Scales of the event tests: dw/dλ is of order a/σ², a multiplier's slope of order a.
  let varianceScale = 0;
  for (let i = 0; i < n; i++) varianceScale = Math.max(varianceScale, covariance.data[i * n + i]);
  const excessScale = excess.reduce((m, a) => Math.max(m, Math.abs(a)), 0);
  const weightSlopeTolerance = (SLOPE_TOLERANCE * excessScale) / varianceScale;
  const multiplierSlopeTolerance = SLOPE_TOLERANCE * excessScale;

  const fixed = Uint8Array.from(minimum.working.fixed);
  let active = [...minimum.working.active];
  const noBounds = new Float64Array(constraints.length);
  const segments: FrontierSegment[] = [];
  let lambda = 0;
  let lastChange = "";
  const maxChanges = 20 * (n + constraints.length) + 20;
  for (let change = 0; change <= maxChanges; change++) {
    const working: WorkingSet = { fixed, active };
    const solve = workingSetSolver(covariance, constraints, working);
    // The KKT solution is affine in λ: the linear term is −λ·a and the bounds do not depend on λ.
    const at0 = solve(
      new Float64Array(n),
      Float64Array.from(active, (k) => constraints[k].bound)
    );
    // While an exposure constraint holds Σw fixed, a common shift of a moves only its multiplier, so a
    // is centred on the free assets first: the weights' slope then comes without the cancellation of a
    // large common part (returns close together far from the borrowing rate). With the one active row
    // cₖ = ±1, stationarity Σw − λ(a′ + shift·1) − yₖcₖ − z = 0 gives yₖ = y′ₖ − λ·shift·cₖ, z unchanged.
    const shift = active.length === 1 ? meanOverFree(excess, fixed) : 0;
    const perLambda = solve(
      excess.map((a) => shift - a),
      noBounds.subarray(0, active.length)
    );
    if (shift !== 0)
      perLambda.constraintMultipliers[0] -= shift * constraints[active[0]].coefficients[0];

    // The first λ ≥ the current one at which the working set stops being optimal.
    let next = Infinity;
    let event = "";
    const consider = (key: string, value: number, slope: number, tolerance: number) => {
      if (!(slope < -tolerance)) return; // only a quantity falling towards its limit of 0 ends the segment
      const at = Math.max(lambda, -value / slope);
      if (key === lastChange && at === lambda) return; // just changed here: not back at once
      if (at < next) {
        next = at;
        event = key;
      }
    };
    for (let i = 0; i < n; i++) {
      if (fixed[i] === 0) consider(`fix ${i}`, at0.x[i], perLambda.x[i], weightSlopeTolerance);
      else
        consider(
          `free ${i}`,
          at0.boundMultipliers[i],
          perLambda.boundMultipliers[i],
          multiplierSlopeTolerance
        );
    }
    constraints.forEach((c, k) => {
      const a = active.indexOf(k);
      if (a >= 0) {
        if (!c.equality)
          consider(
            `release ${k}`,
            at0.constraintMultipliers[a],
            perLambda.constraintMultipliers[a],
            multiplierSlopeTolerance
          );
      } else {
        consider(
          `activate ${k}`,
          dot(c.coefficients, at0.x) - c.bound,
          dot(c.coefficients, perLambda.x),
          weightSlopeTolerance
        );
      }
    });

    if (next > lambda) segments.push({ start: lambda, end: next, base: at0.x, slope: perLambda.x });
    if (next === Infinity) return { covariance, excess, borrowingRate, segments };
    const [kind, which] = event.split(" ");
    const index = Number(which);
    if (kind === "fix") fixed[index] = 1;
    else if (kind === "free") fixed[index] = 0;
    else if (kind === "release") active = active.filter((k) => k !== index);
    else active = [...active, index].sort((a, b) => a - b);
    lastChange = event;
    lambda = next;
  }
  throw invalid(
    "correlations",
    `the optimiser found no end to the frontier after ${maxChanges} changes`
  );
}

/**
 * The weights at λ on a segment (the last segment's weights do not move: its start is used), with the
 * rounding noise of weights at 0 (|w| below 1e-14) set to exactly 0.
 * @example weightsAt({ start: 0, end: 1, base: [0.5, 0.5], slope: [1, -1] }, 0.25) // [0.75, 0.25]
 */
export function weightsAt(segment: FrontierSegment, lambda: number): Float64Array {
  const at = segment.end === Infinity ? segment.start : lambda;
  return segment.base.map((b, i) => {
    const w = b + at * segment.slope[i];
    return Math.abs(w) < 1e-14 ? 0 : w;
  });
}

/**
 * E(w) = aᵀw + borrowing rate (valid for Σw ≥ 1, as on the frontier).
 * @example frontierReturn(frontier, [2, 0]) // 2·7% − (2 − 1)·3% = 11% with stocks at 7% and borrowing at 3%
 */
export function frontierReturn(frontier: EfficientFrontier, weights: Float64Array): number {
  return dot(frontier.excess, weights) + frontier.borrowingRate;
}

/**
 * √(wᵀΣw).
 * @example frontierVolatility(frontier, [2, 0]) // 2·15% = 30% for 200% stocks at 15%
 */
export function frontierVolatility(frontier: EfficientFrontier, weights: Float64Array): number {
  return Math.sqrt(Math.max(quadraticForm(frontier.covariance, weights), 0));
}
