import { requireLength, sum } from "./portfolio";

export interface ReturnCosts {
  /** Annual rate paid on borrowing and earned on unlent cash; omit when the weights already hold the financing leg. */
  readonly financingRate?: number;
  /** Annual spread paid over the financing rate on the borrowed amount. */
  readonly premium?: number;
  /** Annual fee on the whole position. */
  readonly fee?: number;
}

/**
 * Expected arithmetic return of a stacked portfolio (DESIGN.md §1):
 *   E = Σ wᵢ·μᵢ + (1 − Σ wᵢ)·rate − max(Σ wᵢ − 1, 0)·premium − fee.
 * Without `financingRate` the weights are complete (a cash asset at −1 is the financing leg) and the
 * premium is paid on the borrowed amount, the sum of the negative weights:
 *   E = Σ wᵢ·μᵢ − premium·Σ max(−wᵢ, 0) − fee,
 * so the implicit and explicit forms of the same portfolio give the same number.
 * @example expectedReturn([1, 1], [0.07, 0.05], { financingRate: 0.03, premium: 0.004, fee: 0.01 }) // 0.076
 */
export function expectedReturn(
  weights: Float64Array,
  returns: Float64Array,
  costs: ReturnCosts = {}
): number {
  requireLength("returns", returns, weights.length, "one per weight");
  const { financingRate, premium = 0, fee = 0 } = costs;
  let weighted = 0;
  let borrowedExplicitly = 0;
  for (let i = 0; i < weights.length; i++) {
    weighted += weights[i] * returns[i];
    borrowedExplicitly += Math.max(-weights[i], 0);
  }
  if (financingRate === undefined) return weighted - premium * borrowedExplicitly - fee;
  const exposure = sum(weights);
  return weighted + (1 - exposure) * financingRate - Math.max(exposure - 1, 0) * premium - fee;
}
