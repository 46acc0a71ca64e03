import { invalid } from "./errors";
import { FundTable, lookThrough } from "./fund-exposure";
import { nearestInHull } from "./nearest-point";

/** The mix of funds whose look-through exposure is closest to a target. */
export interface FundMix {
  /** w ≥ 0, one per fund in the table's row order, Σw ≤ max_total; the rest of the money, 1 − Σw, is cash. */
  readonly weights: Float64Array;
  /** ‖Σ_f w_f·E[f, ·] − target‖: 0 when the target is reachable. */
  readonly residual: number;
}

/**
 * Size a mix of funds to target exposures (FUNDS.MIX): least squares
 *   minimise ‖Eᵀw − target‖²   subject to   w ≥ 0,  Σw ≤ max_total,
 * E the fund table (rows = funds, columns = asset classes). The exposures reachable under the
 * constraints are exactly the convex hull of 0 (all cash) and max_total·E[f, ·] for every fund f, so the
 * answer is the projection of the target onto that polytope, found by Wolfe's nearest-point algorithm
 * ({@link nearestInHull}); the weight of fund f is max_total × the weight of its vertex.
 *
 * Ties: when several mixes are equally close (a rank-deficient table — two funds with identical
 * exposures, or one a multiple or blend of others) the look-through exposure is the same for all of
 * them and the mix returned is the one Wolfe's search reaches: of identical funds only the first in the
 * table's order is used, cash comes before a fund with no exposure at all, and the mix never holds more
 * than (number of asset classes + 1) funds and cash together.
 * @param maxTotal the most money the funds may take (default 1 = 100%); 0 gives all cash
 * @example fundMix([0.6, 0.4, 0.2], ntsxRsst) // NTSX = (0.9, 0.6, 0), RSST = (1, 0, 1):
 *   // weights ≈ (0.549, 0.153), residual ≈ 0.0969 (60/40 + 20% trend is out of reach of these two)
 */
export function fundMix(target: Float64Array, table: FundTable, maxTotal = 1): FundMix {
  const { funds, classes, exposures } = table;
  if (target.length !== classes)
    throw invalid(
      "target",
      `${target.length} items, expected ${classes} (one per asset class of fund_table)`
    );
  if (!(maxTotal >= 0 && Number.isFinite(maxTotal))) throw invalid("max_total", "negative");
  // Vertex 0 is cash (the origin); vertex f + 1 is all of max_total in fund f.
  const vertices = new Float64Array((funds + 1) * classes);
  for (let i = 0; i < funds * classes; i++) {
    vertices[classes + i] = maxTotal * exposures[i];
    if (!Number.isFinite(vertices[classes + i]))
      throw invalid("max_total", "too large for these exposures");
  }
  const { weights: vertexWeights } = nearestInHull(vertices, classes, target);
  const weights = new Float64Array(funds);
  for (let f = 0; f < funds; f++) weights[f] = maxTotal * vertexWeights[f + 1];
  // The residual of the mix as returned, recomputed from its weights.
  const reached = lookThrough(weights, table).exposures;
  let squares = 0;
  for (let k = 0; k < classes; k++) squares += (reached[k] - target[k]) ** 2;
  return { weights, residual: Math.sqrt(squares) };
}
