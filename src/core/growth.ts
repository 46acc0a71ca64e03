import { invalid } from "./errors";
import { requireNonEmpty } from "./series";

/**
 * Compounding a value through periodic returns. A return of −100% or worse wipes the value out: it is 0
 * from then on (a holding cannot be worth less than nothing, and no later gain revives it). Every series
 * statistic (drawdowns, CAGR, ...) follows this rule, so a simulated fund that loses everything reads
 * as a −100% drawdown and a CAGR of −100%.
 */

/**
 * A fund's return for one period, at worst −100%: a loss beyond everything the fund holds (a 3x fund on
 * a −40% day) wipes it out rather than leaving it worth less than nothing.
 * @example wipedOutAt(-1.2) // -1; wipedOutAt(0.03) // 0.03
 */
export function wipedOutAt(r: number): number {
  return r < -1 ? -1 : r;
}

/**
 * A fund's returns after its first wipe-out (a row at or below −100%): that row becomes −1 and every
 * later row 0, as a real fund is closed once it has lost everything (nothing is left to earn a return).
 * In place; returns `returns`.
 * @example closeAtWipeOut([0.1, -1.5, 0.2]) // [0.1, -1, 0]
 */
export function closeAtWipeOut(returns: Float64Array): Float64Array {
  for (let t = 0; t < returns.length; t++) {
    if (returns[t] <= -1) {
      returns[t] = -1;
      returns.fill(0, t + 1);
      break;
    }
  }
  return returns;
}

/**
 * The value after one period: value·(1 + r), floored at 0.
 * @example compound(100, 0.05) // 105; compound(100, -1.2) // 0
 */
export function compound(value: number, r: number): number {
  const next = value * (1 + r);
  return next > 0 ? next : 0;
}

/**
 * Value after each period of `startValue` invested: vₖ = vₖ₋₁·(1 + rₖ), v₀ = startValue (not included).
 * @example growth([0.1, -0.5], 100) // [110, 55]
 */
export function growth(
  returns: Float64Array,
  startValue = 1,
  out: Float64Array = new Float64Array(returns.length)
): Float64Array {
  requireNonEmpty("returns", returns);
  if (!(startValue > 0 && startValue < Infinity)) throw invalid("start_value", "must be positive");
  if (out.length !== returns.length)
    throw invalid("out", `${out.length} items, expected ${returns.length}`);
  let value = startValue;
  for (let t = 0; t < returns.length; t++) {
    value = compound(value, returns[t]);
    out[t] = value;
  }
  return out;
}

/**
 * Growth of 1 over the whole series: Π(1 + rₖ) (0 once wiped out).
 * @example finalGrowth([0.01, -0.02, 0.03, -0.04, 0.05]) // 1.027649952 (DESIGN.md §1)
 */
export function finalGrowth(returns: Float64Array): number {
  requireNonEmpty("returns", returns);
  let value = 1;
  for (let t = 0; t < returns.length; t++) value = compound(value, returns[t]);
  return value;
}
