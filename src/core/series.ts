import { invalid } from "./errors";

/**
 * Shared argument checks for periodic return series (DESIGN.md §3): returns are decimals per period,
 * `ppy` is the number of periods per year (252 for daily data), annual rates are converted to per-period
 * rates by dividing by ppy.
 */

/** The default number of periods per year: trading days. */
export const TRADING_DAYS = 252;

/** Throws unless the series has at least one value. */
export function requireNonEmpty(argument: string, values: ArrayLike<number>): void {
  if (values.length === 0) throw invalid(argument, "empty");
}

/** Throws unless ppy is a positive finite number (12, 52, 252, 365.25, ...). */
export function requirePeriodsPerYear(ppy: number): void {
  if (!(ppy > 0 && ppy < Infinity)) throw invalid("ppy", "must be positive");
}

/** Throws unless `value` is a whole number from `min` to `max`, e.g. "window: must be a whole number from 1 to 250". */
export function requireWhole(argument: string, value: number, min: number, max: number): void {
  if (!(Number.isInteger(value) && value >= min && value <= max))
    throw invalid(argument, `must be a whole number from ${min} to ${max}`);
}

/**
 * A rate given either once for every row or as one value per row. Returns the per-row array, or
 * null when `rates` is a single number (read it directly): callers branch once per row on a local
 * `null` test instead of allocating a filled array.
 */
export function perRow(
  argument: string,
  rates: Float64Array | number,
  rows: number
): Float64Array | null {
  if (typeof rates === "number") return null;
  if (rates.length !== rows)
    throw invalid(argument, `${rates.length} items, expected ${rows} (one per return)`);
  return rates;
}

/**
 * Returns in excess of a rate: rₖ − rateₖ, where a number is an annual rate (per period = rate / ppy)
 * and an array holds per-period rates, one per return.
 * @example excessReturns([0.01, 0.02], 0.0252, 252, "risk_free") // [0.0099, 0.0199]
 */
export function excessReturns(
  returns: Float64Array,
  rates: Float64Array | number,
  ppy: number,
  argument: string
): Float64Array {
  requireNonEmpty("returns", returns);
  requirePeriodsPerYear(ppy);
  const rateRows = perRow(argument, rates, returns.length);
  const perPeriod = typeof rates === "number" ? rates / ppy : 0;
  const excess = new Float64Array(returns.length);
  for (let t = 0; t < returns.length; t++)
    excess[t] = returns[t] - (rateRows === null ? perPeriod : rateRows[t]);
  return excess;
}

/**
 * Throws unless there is at least one series, all of one non-zero length, with one weight each.
 * @returns the number of rows
 */
export function requireAlignedSeries(
  returns: readonly Float64Array[],
  weights: Float64Array
): number {
  if (returns.length === 0) throw invalid("returns", "no series");
  if (weights.length !== returns.length)
    throw invalid(
      "weights",
      `${weights.length} items, expected ${returns.length} (one per series)`
    );
  const rows = returns[0].length;
  if (rows === 0) throw invalid("returns", "empty");
  for (let i = 1; i < returns.length; i++) {
    if (returns[i].length !== rows)
      throw invalid("returns", `series ${i + 1} has ${returns[i].length} rows, expected ${rows}`);
  }
  return rows;
}
