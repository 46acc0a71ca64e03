import {
  EfficientFrontier,
  FrontierSegment,
  frontierReturn,
  frontierVolatility,
  weightsAt,
} from "./efficient-frontier";
import { invalid, short } from "./errors";
import { quadraticForm } from "./matrix";

/**
 * Portfolios picked from a traced frontier (efficient-frontier.ts): FRONTIER's points equally spaced in
 * volatility, and OPTIMIZE's objectives. On a segment w(λ) = base + λ·slope, the expected return is
 * linear in λ, E(λ) = e₀ + e₁λ, and the variance quadratic, σ²(λ) = q₀ + q₁λ + q₂λ², both increasing
 * along the frontier; so each target is met by solving a linear or quadratic equation on the right
 * segment, exactly, and the Sharpe ratio's maximum on a segment has a closed form.
 */

export interface FrontierPortfolio {
  readonly weights: Float64Array;
  readonly expectedReturn: number;
  readonly volatility: number;
}

/** A segment with its return and variance as polynomials in λ, and its values at both ends. */
interface Piece {
  readonly segment: FrontierSegment;
  /** E(λ) = e0 + e1·λ */
  readonly e0: number;
  readonly e1: number;
  /** σ²(λ) = q0 + q1·λ + q2·λ² */
  readonly q0: number;
  readonly q1: number;
  readonly q2: number;
  /** The segment's last λ: its end, or its start for the last segment (whose weights do not move). */
  readonly last: number;
}

function pieces(frontier: EfficientFrontier): Piece[] {
  const { covariance, excess, borrowingRate } = frontier;
  return frontier.segments.map((segment) => {
    const { base, slope } = segment;
    let e0 = borrowingRate;
    let e1 = 0;
    for (let i = 0; i < base.length; i++) {
      e0 += excess[i] * base[i];
      e1 += excess[i] * slope[i];
    }
    return {
      segment,
      e0,
      e1,
      q0: quadraticForm(covariance, base),
      q1: 2 * quadraticForm(covariance, base, slope),
      q2: quadraticForm(covariance, slope),
      last: segment.end === Infinity ? segment.start : segment.end,
    };
  });
}

function portfolioAt(frontier: EfficientFrontier, piece: Piece, lambda: number): FrontierPortfolio {
  const weights = weightsAt(piece.segment, lambda);
  return {
    weights,
    expectedReturn: frontierReturn(frontier, weights),
    volatility: frontierVolatility(frontier, weights),
  };
}

const clamp = (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi);

/** The λ in [start, last] at which σ²(λ) = target: the larger root of q₂λ² + q₁λ + q₀ − target, in its stable form. */
function lambdaForVariance(piece: Piece, target: number): number {
  const { q0, q1, q2, segment, last } = piece;
  if (last === segment.start) return last;
  const discriminant = Math.sqrt(Math.max(q1 * q1 - 4 * q2 * (q0 - target), 0));
  const root =
    q1 >= 0 ? (2 * (target - q0)) / (q1 + discriminant) : (-q1 + discriminant) / (2 * q2);
  return clamp(Number.isFinite(root) ? root : segment.start, segment.start, last);
}

const variance = (p: Piece, lambda: number) => p.q0 + lambda * (p.q1 + lambda * p.q2);

/**
 * The minimum-volatility portfolio (λ = 0).
 * @example minimumVolatility(frontier).weights // two uncorrelated assets at 20% and 5%: [1/17, 16/17]
 */
export function minimumVolatility(frontier: EfficientFrontier): FrontierPortfolio {
  const first = pieces(frontier)[0];
  return portfolioAt(frontier, first, 0);
}

/**
 * The highest-return portfolio (the least volatile one when several reach the highest return).
 * @example highestReturn(frontier).weights // up to 300% with the best asset above the borrowing rate: [3, 0]
 */
export function highestReturn(frontier: EfficientFrontier): FrontierPortfolio {
  const all = pieces(frontier);
  const top = all[all.length - 1];
  return portfolioAt(frontier, top, top.last);
}

/**
 * `points` portfolios equally spaced in volatility from the minimum-volatility portfolio to the
 * highest-return one (FRONTIER). When the two are the same portfolio, every point is that portfolio.
 * @example frontierPoints(frontier, 20).map((p) => p.volatility) // 20 evenly spaced volatilities
 */
export function frontierPoints(frontier: EfficientFrontier, points: number): FrontierPortfolio[] {
  const all = pieces(frontier);
  const low = Math.sqrt(Math.max(all[0].q0, 0));
  const top = all[all.length - 1];
  const high = Math.sqrt(Math.max(variance(top, top.last), 0));
  return Array.from({ length: points }, (_, k) => {
    if (k === 0) return portfolioAt(frontier, all[0], 0);
    if (k === points - 1) return portfolioAt(frontier, top, top.last);
    const target = low + ((high - low) * k) / (points - 1);
    const piece = all.find((p) => variance(p, p.last) >= target * target) ?? top;
    return portfolioAt(frontier, piece, lambdaForVariance(piece, target * target));
  });
}

/**
 * MINVOL: the least volatile portfolio whose expected return is at least `target` (the
 * minimum-volatility portfolio itself when it already earns that much).
 * @throws #VALUE! naming target when no portfolio reaches it
 * @example minimumVolatilityFor(frontier, 0.084).weights // [0.4, 1.6] on the levered ray of the two-asset test
 */
export function minimumVolatilityFor(
  frontier: EfficientFrontier,
  target: number
): FrontierPortfolio {
  const all = pieces(frontier);
  const top = all[all.length - 1];
  const highest = top.e0 + top.e1 * top.last;
  if (target > highest + 1e-12 * Math.max(1, Math.abs(highest)))
    throw invalid(
      "target",
      `${short(target)} is above the highest expected return reachable (${short(highest)})`
    );
  if (target <= all[0].e0) return portfolioAt(frontier, all[0], 0);
  const piece = all.find((p) => p.e0 + p.e1 * p.last >= target) ?? top;
  const lambda = piece.e1 > 0 ? (target - piece.e0) / piece.e1 : piece.segment.start;
  return portfolioAt(frontier, piece, clamp(lambda, piece.segment.start, piece.last));
}

/**
 * MAXRETURN: the highest-return portfolio whose volatility is at most `target` (the highest-return
 * portfolio itself when its volatility is within it).
 * @throws #VALUE! naming target when it is below the minimum volatility
 * @example maximumReturnFor(frontier, 0.15).expectedReturn // template up to 200%: 9.09% (unlevered: 7%)
 */
export function maximumReturnFor(frontier: EfficientFrontier, target: number): FrontierPortfolio {
  const all = pieces(frontier);
  const lowest = Math.sqrt(Math.max(all[0].q0, 0));
  if (target < lowest - 1e-12 * Math.max(1, lowest))
    throw invalid(
      "target",
      `${short(target)} is below the lowest volatility reachable (${short(lowest)})`
    );
  const top = all[all.length - 1];
  const piece = all.find((p) => variance(p, p.last) >= target * target) ?? top;
  return portfolioAt(frontier, piece, lambdaForVariance(piece, target * target));
}

/**
 * MAXSHARPE: the portfolio with the highest (E − riskFree)/σ, ties broken toward the smallest total
 * exposure (DESIGN.md §4). When some portfolio earns more than riskFree the best one is on the
 * frontier (the least volatile portfolio with its return has a Sharpe ratio at least as high). On a
 * segment h(λ) = (e₀ − r + e₁λ)/√σ²(λ); h′(λ) = 0 is linear in λ because the λ² terms cancel:
 * λ* = ((e₀ − r)·q₁/2 − e₁·q₀) / (e₁·q₁/2 − (e₀ − r)·q₂). The candidates are each segment's ends and λ*
 * when it falls inside, taken in increasing λ — along the frontier the exposure Σw does not fall — so
 * the first best is the least exposed (without a premium, scaling the tangency portfolio up keeps its
 * Sharpe ratio: the unlevered one is returned).
 * @throws #VALUE! when no portfolio's expected return exceeds riskFree
 * @example maximumSharpe(frontier, 0.03).weights // template: [0.2619, 0.7381, 0], the stocks/bonds tangency
 */
export function maximumSharpe(frontier: EfficientFrontier, riskFree: number): FrontierPortfolio {
  const all = pieces(frontier);
  const top = all[all.length - 1];
  const highest = top.e0 + top.e1 * top.last;
  if (!(highest > riskFree))
    throw invalid(
      "objective",
      `MAXSHARPE needs an expected return above financing_rate (${short(riskFree)}); the highest reachable is ${short(highest)}`
    );
  let best: { piece: Piece; lambda: number; sharpe: number } | undefined;
  for (const piece of all) {
    const { e1, q0, q1, q2, segment, last } = piece;
    const excess0 = piece.e0 - riskFree;
    const candidates = [segment.start];
    const denominator = e1 * (q1 / 2) - excess0 * q2;
    const stationary = (excess0 * (q1 / 2) - e1 * q0) / denominator;
    if (stationary > segment.start && stationary < last) candidates.push(stationary);
    if (last > segment.start) candidates.push(last);
    for (const lambda of candidates) {
      const sharpe = (excess0 + e1 * lambda) / Math.sqrt(variance(piece, lambda));
      if (best === undefined || sharpe > best.sharpe + 1e-12 * Math.abs(best.sharpe))
        best = { piece, lambda, sharpe };
    }
  }
  return portfolioAt(frontier, best!.piece, best!.lambda);
}
