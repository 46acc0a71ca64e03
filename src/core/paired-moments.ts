import { divByZero, invalid } from "./errors";
import { mean, sampleStd } from "./moments";
import { requireNonEmpty } from "./series";

/** Throws unless `benchmark` has one value per return. */
export function requirePaired(returns: Float64Array, benchmark: Float64Array): void {
  requireNonEmpty("returns", returns);
  if (benchmark.length !== returns.length)
    throw invalid(
      "benchmark",
      `${benchmark.length} items, expected ${returns.length} (one per return)`
    );
}

/**
 * Sample covariance Σ(x − x̄)(y − ȳ) / (n − 1) (numpy's cov, Excel's COVARIANCE.S).
 * @throws #DIV/0! with fewer than 2 pairs
 * @example sampleCovariance([1, 2, 3], [1, 3, 2]) // ((−1)(−1) + 0 + (1)(0)) / 2 = 0.5
 */
export function sampleCovariance(x: Float64Array, y: Float64Array): number {
  requirePaired(x, y);
  if (x.length < 2) throw divByZero("needs at least 2 periods");
  const mx = mean(x);
  const my = mean(y);
  let total = 0;
  for (let t = 0; t < x.length; t++) total += (x[t] - mx) * (y[t] - my);
  return total / (x.length - 1);
}

/**
 * Pearson correlation cov(x, y) / (σx·σy) (Excel's CORREL).
 * @throws #DIV/0! when either series is constant
 * @example correlation([1, 2, 3], [1, 3, 2]) // 0.5 / (1 · 1) = 0.5
 */
export function correlation(x: Float64Array, y: Float64Array): number {
  const sxy = sampleCovariance(x, y);
  const spread = sampleStd(x) * sampleStd(y); // exactly 0 when either is constant
  if (spread === 0) throw divByZero("a series has no volatility");
  return sxy / spread;
}
