import { invalid } from "./errors";
import { compound } from "./growth";
import { requireNonEmpty } from "./series";

/**
 * Drawdown after each period: vₖ / max(1, v₁, …, vₖ) − 1, where vₖ is the growth of 1. The running
 * peak starts at the initial value 1 (empyrical / PerformanceAnalytics), so a first-day loss is already
 * a drawdown. Values are decimals in [−1, 0]; −1 once the value is wiped out.
 * @example drawdowns([0.1, -0.5, 0.2]) // [0, -0.5, -0.4]  (values 1.1, 0.55, 0.66; peak 1.1)
 */
export function drawdowns(
  returns: Float64Array,
  out: Float64Array = new Float64Array(returns.length)
): Float64Array {
  requireNonEmpty("returns", returns);
  if (out.length !== returns.length)
    throw invalid("out", `${out.length} items, expected ${returns.length}`);
  let value = 1;
  let peak = 1;
  for (let t = 0; t < returns.length; t++) {
    value = compound(value, returns[t]);
    if (value > peak) peak = value;
    out[t] = value / peak - 1;
  }
  return out;
}

/**
 * Maximum drawdown: the most negative drawdown, min(vₖ / running peak − 1), measured from a peak that
 * includes the starting value 1. 0 when the value never falls below an earlier peak; always ≤ 0.
 * @example maxDrawdown([0.1, -0.5, 0.2]) // -0.5
 */
export function maxDrawdown(returns: Float64Array): number {
  const series = drawdowns(returns);
  let worst = 0;
  for (let t = 0; t < series.length; t++) if (series[t] < worst) worst = series[t];
  return worst;
}
