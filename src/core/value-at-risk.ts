import { invalid } from "./errors";
import { mean, sampleStd } from "./moments";
import { normalQuantile } from "./normal";
import { percentileSorted } from "./percentile";
import { requireNonEmpty } from "./series";

/** "historical": from the returns themselves; "normal": from their mean and sample standard deviation. */
export type RiskMethod = "historical" | "normal";

function requireConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) throw invalid("confidence", "must be between 0 and 1");
}

const ascending = (returns: Float64Array) => Float64Array.from(returns).sort();

/** The normal model's VaR: μ + Φ⁻¹(1 − confidence)·σ, σ the sample standard deviation. */
function normalVar(returns: Float64Array, confidence: number): number {
  return mean(returns) + normalQuantile(1 - confidence) * sampleStd(returns);
}

/**
 * Value at risk as a periodic return (negative for a loss), the worst return to expect with probability
 * `confidence`:
 * - "historical": the (1 − confidence) percentile of the returns with linear interpolation
 *   (PERCENTILE.INC, empyrical's value_at_risk with cutoff = 1 − confidence);
 * - "normal": μ + Φ⁻¹(1 − confidence)·σ with the sample standard deviation (quantstats' value_at_risk).
 * @throws #DIV/0! for the normal method with a single return
 * @example valueAtRisk([1, 81, 82, 83, 84, 85], 0.9) // rank 0.5 → 1 + 0.5·80 = 41 (empyrical's test)
 */
export function valueAtRisk(
  returns: Float64Array,
  confidence = 0.95,
  method: RiskMethod = "historical"
): number {
  requireNonEmpty("returns", returns);
  requireConfidence(confidence);
  if (method === "normal") return normalVar(returns, confidence);
  return percentileSorted(ascending(returns), 1 - confidence);
}

/**
 * Expected shortfall (conditional VaR): the mean return in the worst (1 − confidence) of periods.
 * - "historical": the mean of the ⌊(n − 1)(1 − confidence)⌋ + 1 smallest returns (empyrical's
 *   conditional_value_at_risk);
 * - "normal": the mean of the returns below the normal VaR, or that VaR when none is below it
 *   (quantstats' cvar).
 * @example conditionalValueAtRisk([0.03, -0.02, 0.01, -0.05, 0.02], 0.75) // ⌊4·0.25⌋ + 1 = 2 → (−0.05 − 0.02)/2 = −0.035
 */
export function conditionalValueAtRisk(
  returns: Float64Array,
  confidence = 0.95,
  method: RiskMethod = "historical"
): number {
  requireNonEmpty("returns", returns);
  requireConfidence(confidence);
  if (method === "normal") {
    const cutoff = normalVar(returns, confidence);
    let total = 0;
    let count = 0;
    for (let t = 0; t < returns.length; t++) {
      if (returns[t] < cutoff) {
        total += returns[t];
        count++;
      }
    }
    return count === 0 ? cutoff : total / count;
  }
  const sorted = ascending(returns);
  // (n − 1)(1 − confidence) rounded to 12 digits first: 1 − 0.9 is 0.09999999999999998, and 10 × that must floor to 1.
  const last = Math.floor(Number(((returns.length - 1) * (1 - confidence)).toPrecision(12)));
  let total = 0;
  for (let k = 0; k <= last; k++) total += sorted[k];
  return total / (last + 1);
}
