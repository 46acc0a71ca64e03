import { invalid } from "./errors";
import { normalCdf, normalQuantile } from "./normal";

/**
 * The annualised return over a horizon of T years is modelled as normal with mean g (the compound
 * return) and standard deviation σ/√T: averaging T independent years shrinks the spread by √T.
 */
function horizonSpread(vol: number, years: number): number {
  if (vol < 0) throw invalid("vol", "negative");
  if (!(years > 0)) throw invalid("years", "must be positive");
  return vol / Math.sqrt(years);
}

/**
 * Annualised return at a percentile over `years`: g + Φ⁻¹(p)·σ/√T.
 * @param percentile a fraction strictly between 0 and 1, like PERCENTILE.INC's k
 * @example horizonPercentile(0.06, 0.1, 4, 0.1) // 0.06 − 1.2815516·0.05 = −0.00407758
 */
export function horizonPercentile(
  geoReturn: number,
  vol: number,
  years: number,
  percentile: number
): number {
  const spread = horizonSpread(vol, years);
  if (!(percentile > 0 && percentile < 1))
    throw invalid("percentile", "must be between 0 and 1 (exclusive)");
  return geoReturn + normalQuantile(percentile) * spread;
}

/**
 * Probability that the annualised return over `years` exceeds `target`: Φ((g − target)·√T/σ).
 * With σ = 0 the outcome is certain: 1 when g > target, else 0.
 * @example horizonProbability(0.06, 0.1, 4, 0) // Φ(1.2) = 0.8849303
 */
export function horizonProbability(
  geoReturn: number,
  vol: number,
  years: number,
  target: number
): number {
  const spread = horizonSpread(vol, years);
  if (spread === 0) return geoReturn > target ? 1 : 0;
  return normalCdf((geoReturn - target) / spread);
}
