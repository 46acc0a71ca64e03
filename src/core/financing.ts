import { requireDates } from "./excel-date";
import { invalid } from "./errors";
import { perRow } from "./series";

/**
 * The cost of borrowing to hold more than 100% exposure, shared by leveraged funds (exposure = the
 * leverage X) and stacked funds (exposure = Σw). Money-market convention: an annual rate accrues over
 * calendar days on an ACT/360 basis.
 */

/** Calendar days per trading day on average (365 / 252): the accrual of one row when dates are not given. */
export const DEFAULT_DAYS = 365 / 252;

/**
 * Financing cost of one row as a fraction of the fund:
 *   ((exposure − 1)·rate + max(exposure − 1, 0)·spread)·days/360.
 * Above 100% exposure this is (exposure − 1)·(rate + spread)·days/360, the formula of DESIGN.md §1.
 * Below 100% the cost is negative: the uninvested part earns the rate, but not the spread, which is
 * a premium paid on borrowing (as in the expected-return formula of §1).
 * @param exposure total exposure per unit of capital, e.g. 3 for a 3x fund, 2 for 100/100
 * @param rate annual borrowing rate (decimal)
 * @param spread annual spread over the rate (decimal)
 * @param days calendar days accrued in this row
 * @example financingCost(3, 0.0287, 0, 1) // 2·0.0287/360 = 0.000159444
 */
export function financingCost(
  exposure: number,
  rate: number,
  spread: number,
  days: number
): number {
  const borrowed = exposure - 1;
  return ((borrowed * rate + Math.max(borrowed, 0) * spread) * days) / 360;
}

/**
 * The rates and accrued days of a series model, each given once for every row or one per row:
 * `rateRows`/`dayRows` hold the per-row values, or are null when the single `rateAll`/`daysAll` applies
 * (so a hot loop reads a local instead of allocating a filled array).
 */
export interface FinancingRows {
  readonly rateRows: Float64Array | null;
  readonly rateAll: number;
  readonly dayRows: Float64Array | null;
  readonly daysAll: number;
}

/** Check `rates` and `days` against `rows` rows (a single days value must not be negative). */
export function financingRows(
  rates: Float64Array | number,
  days: Float64Array | number,
  rows: number
): FinancingRows {
  const rateRows = perRow("rates", rates, rows);
  const dayRows = perRow("dates", days, rows);
  const daysAll = typeof days === "number" ? days : 0;
  requireDays(daysAll);
  return { rateRows, rateAll: typeof rates === "number" ? rates : 0, dayRows, daysAll };
}

/** Throws unless a number of accrued days is 0 or more. */
export function requireDays(days: number): void {
  if (!(days >= 0)) throw invalid("days", "negative");
}

/**
 * Calendar days accrued by each row, from Excel serial dates: row k accrues dates[k] − dates[k−1].
 * The first row has no previous date, so it accrues the average DEFAULT_DAYS = 365/252 ≈ 1.448 (as if
 * dates were omitted) rather than 1, which would under-charge a first row that follows a weekend.
 * @throws #VALUE! "dates: row k is not after row k-1" unless the dates increase strictly
 * @example dayGaps([45300, 45301, 45304]) // [1.448413, 1, 3]
 */
export function dayGaps(dates: Float64Array): Float64Array {
  requireDates(dates);
  const gaps = new Float64Array(dates.length);
  for (let k = 0; k < dates.length; k++) gaps[k] = k === 0 ? DEFAULT_DAYS : dates[k] - dates[k - 1];
  return gaps;
}
