import { requireNonEmpty, requirePeriodsPerYear, requireWhole, TRADING_DAYS } from "./series";

/** Trailing-window results aligned with the input rows. */
export interface Rolling {
  /** One value per input row; values[i] belongs to the window that ends at row i. */
  readonly values: Float64Array;
  /**
   * The first row with a full window (window − 1). Rows before it have no value: their entries are 0
   * and must not be shown (the adapter puts #N/A there so charts leave a gap).
   */
  readonly firstIndex: number;
}

/**
 * Neumaier's compensated addition: sum[0] += term, with the rounding error of each addition collected
 * in sum[1] (the exact total is sum[0] + sum[1] to about one rounding). A typed array rather than two
 * captured variables, so the hot loop writes unboxed doubles.
 */
function addCompensated(sum: Float64Array, term: number): void {
  const running = sum[0];
  const total = running + term;
  // Whichever operand is larger in magnitude survives the addition; the lost low bits of the other are recovered.
  sum[1] += Math.abs(running) >= Math.abs(term) ? running - total + term : term - total + running;
  sum[0] = total;
}

/**
 * Annualised return of each trailing window of `window` periods: (Π(1 + r) over the window)^(ppy/window) − 1.
 *
 * The window product is kept as a running sum of ln(1 + r) (one term in, one out per row) with Neumaier's
 * compensated summation, so the cost is O(n) whatever the window and the rounding does not drift over
 * decades of daily data. A return ≤ −100% wipes out every window that contains it (value −1).
 * @throws #VALUE! "window: must be a whole number from 1 to n"
 * @example rollingAnnualised([0.1, -0.5, 0.2], 2, 1) // firstIndex 1, values [·, √0.55 − 1, √0.6 − 1]
 */
export function rollingAnnualised(
  returns: Float64Array,
  window: number,
  ppy = TRADING_DAYS
): Rolling {
  const n = returns.length;
  requireNonEmpty("returns", returns);
  requirePeriodsPerYear(ppy);
  requireWhole("window", window, 1, n);
  const values = new Float64Array(n);
  const exponent = ppy / window; // from window growth to annual growth
  const logSum = new Float64Array(2); // Σ ln(1 + r) over the window and its compensation
  let lastWipe = -1; // last row with a return ≤ −100%
  for (let i = 0; i < n; i++) {
    if (returns[i] <= -1) lastWipe = i;
    else addCompensated(logSum, Math.log1p(returns[i]));
    const leaving = i - window; // the row that drops out of the window ending at i
    if (leaving >= 0 && returns[leaving] > -1)
      addCompensated(logSum, -Math.log1p(returns[leaving]));
    if (leaving < -1) continue;
    values[i] = lastWipe > leaving ? -1 : Math.expm1((logSum[0] + logSum[1]) * exponent);
  }
  return { values, firstIndex: window - 1 };
}
