/**
 * Holdings that drift with returns, shared by BACKTEST and BOOTSTRAP. A portfolio is held as an amount
 * hᵢ in each asset plus cash earning nothing; between rebalances each amount grows by its own return,
 * hᵢ ← hᵢ·(1 + rᵢ), and the portfolio is worth V = Σhᵢ + cash. Rebalancing to target weights w at value
 * V sets hᵢ = wᵢ·V and cash = (1 − Σw)·V. Amounts are kept unnormalised (no division per asset and row),
 * and rescaled when V leaves [1e-100, 1e100] so that decades of leverage cannot overflow.
 */

/** V beyond these bounds is brought back to 1 by {@link rescale}. */
export const LARGE_VALUE = 1e100;
export const SMALL_VALUE = 1e-100;

/** Rebalance: hᵢ = wᵢ·value (the caller sets cash = (1 − Σw)·value). */
export function setHoldings(held: Float64Array, weights: Float64Array, value: number): void {
  for (let i = 0; i < held.length; i++) held[i] = weights[i] * value;
}

/**
 * Grows every holding by its return in row `row` (returns holds one series per asset) and returns the
 * new total of the holdings, Σhᵢ·(1 + rᵢ) (cash excluded).
 */
export function growHoldings(
  held: Float64Array,
  returns: readonly Float64Array[],
  row: number
): number {
  let total = 0;
  for (let i = 0; i < held.length; i++) {
    const grown = held[i] * (1 + returns[i][row]);
    held[i] = grown;
    total += grown;
  }
  return total;
}

/** True when some asset's weight hᵢ/V differs from its target by more than `band`, tested as |hᵢ − wᵢ·V| > band·V. */
export function hasDrifted(
  held: Float64Array,
  weights: Float64Array,
  value: number,
  band: number
): boolean {
  const tolerance = band * value;
  for (let i = 0; i < held.length; i++)
    if (Math.abs(held[i] - weights[i] * value) > tolerance) return true;
  return false;
}

/** Divides every holding by `factor` (the caller divides cash and the value too). */
export function rescale(held: Float64Array, factor: number): void {
  const inverse = 1 / factor;
  for (let i = 0; i < held.length; i++) held[i] *= inverse;
}
