import { invalid } from "./errors";

export type GeoMethod = "quadratic" | "approx";

/**
 * Compound (geometric) annual return from an arithmetic return μ and a volatility σ.
 * - "quadratic" (the actuarial convention): g = √((1 + μ)² − σ²) − 1
 * - "approx": g = μ − σ²/2
 * @example geometricReturn(0.067, 0.105) // 0.0618212 (DESIGN.md §1: 6.70%, 10.50% → 6.18%)
 */
export function geometricReturn(
  mu: number,
  sigma: number,
  method: GeoMethod = "quadratic"
): number {
  if (sigma < 0) throw invalid("vol", "negative");
  if (method === "approx") return mu - (sigma * sigma) / 2;
  const growth = 1 + mu;
  if (growth <= 0) throw invalid("arith_return", "must be above -100%");
  if (sigma > growth) throw invalid("vol", "exceeds 1 + arith_return");
  return Math.sqrt(growth * growth - sigma * sigma) - 1;
}
