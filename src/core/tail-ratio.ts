import { divByZero } from "./errors";
import { percentileSorted } from "./percentile";
import { requireNonEmpty } from "./series";

/**
 * Tail ratio (empyrical's tail_ratio): |95th percentile| ÷ |5th percentile| of the returns (PERCENTILE.INC):
 * above 1, the best days are larger than the worst.
 * @throws #DIV/0! when the 5th percentile is 0
 * @example tailRatio([-0.02, 0.0, 0.01, 0.03]) // P95 = 0.027, P5 = −0.017 → 1.588
 */
export function tailRatio(returns: Float64Array): number {
  requireNonEmpty("returns", returns);
  const sorted = Float64Array.from(returns).sort();
  const low = percentileSorted(sorted, 0.05);
  if (low === 0) throw divByZero("the 5th percentile is 0");
  return Math.abs(percentileSorted(sorted, 0.95)) / Math.abs(low);
}
