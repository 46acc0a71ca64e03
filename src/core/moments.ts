import { divByZero } from "./errors";
import { requireNonEmpty } from "./series";

/**
 * Arithmetic mean Σx / n.
 * @example mean([1, 2, 6]) // 3
 */
export function mean(values: Float64Array): number {
  requireNonEmpty("returns", values);
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total / values.length;
}

/**
 * Sample standard deviation √(Σ(x − x̄)² / (n − 1)) (numpy's std with ddof=1, Excel's STDEV.S), in two
 * passes for accuracy. Exactly 0 when every value is the same, so callers can test a zero denominator
 * with === 0 (one pass of rounding in x̄ would otherwise leave a ~1e-19 residue).
 * @throws #DIV/0! with fewer than 2 values (n − 1 = 0)
 * @example sampleStd([1, 2, 6]) // √((4 + 1 + 9) / 2) = √7
 */
export function sampleStd(values: Float64Array): number {
  const n = values.length;
  if (n < 2) throw divByZero("needs at least 2 periods");
  let lowest = values[0];
  let highest = values[0];
  for (let i = 1; i < n; i++) {
    if (values[i] < lowest) lowest = values[i];
    if (values[i] > highest) highest = values[i];
  }
  if (lowest === highest) return 0;
  const centre = mean(values);
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const deviation = values[i] - centre;
    squares += deviation * deviation;
  }
  return Math.sqrt(squares / (n - 1));
}
