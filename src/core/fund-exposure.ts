import { invalid } from "./errors";

/**
 * A table of funds by their exposures (DESIGN.md §4 "Stacked funds", §9): one row per fund, one column
 * per asset class, each cell the exposure per $1 of the fund, e.g. RSSB: 1.0 global equity and 1.0 US
 * Treasuries; NTSX: 0.9 US equity and 0.6 US Treasuries. Stored row-major: fund f's exposure to class k
 * is `exposures[f * classes + k]`.
 */
export interface FundTable {
  readonly funds: number;
  readonly classes: number;
  readonly exposures: Float64Array;
}

/** A fund table from its columns (one Float64Array of per-fund exposures per asset class). */
export function fundTableFromColumns(columns: readonly Float64Array[]): FundTable {
  const classes = columns.length;
  const funds = columns[0]?.length ?? 0;
  if (classes === 0 || funds === 0) throw invalid("fund_table", "no funds");
  const exposures = new Float64Array(funds * classes);
  for (let k = 0; k < classes; k++)
    for (let f = 0; f < funds; f++) exposures[f * classes + k] = columns[k][f];
  return { funds, classes, exposures };
}

/** What a portfolio of funds holds underneath: per asset class, in total, and what it borrows. */
export interface LookThrough {
  /** Exposure to each asset class, in the table's column order: Σ_f holding_f · exposure_f,k. */
  readonly exposures: Float64Array;
  /** Total exposure Σ_k exposure_k (2.0 for a 100/100 stack). */
  readonly total: number;
  /** Implied financing 1 − total: negative when the funds borrow (−1.0 for a 100/100 stack). */
  readonly financing: number;
}

/**
 * Look-through exposure of a portfolio of funds (FUNDS.EXPOSURE):
 *   exposure_k = Σ_f holding_f · E[f, k],   total = Σ_k exposure_k,   financing = 1 − total.
 * Holdings are fractions of the portfolio (they need not sum to 1: the rest is cash, which adds to the
 * financing); a negative holding is a short position.
 * @param holdings one weight per fund, in the table's row order
 * @example lookThrough([0.5, 0.5], rssbRsst) // RSSB = (1, 0, 1, 0), RSST = (0, 1, 0, 1):
 *   // exposures (0.5, 0.5, 0.5, 0.5), total 2.0, financing −1.0
 */
export function lookThrough(holdings: Float64Array, table: FundTable): LookThrough {
  const { funds, classes, exposures: perFund } = table;
  if (holdings.length !== funds)
    throw invalid(
      "holdings",
      `${holdings.length} items, expected ${funds} (one per fund row of fund_table)`
    );
  const exposures = new Float64Array(classes);
  for (let f = 0; f < funds; f++) {
    const holding = holdings[f];
    for (let k = 0; k < classes; k++) exposures[k] += holding * perFund[f * classes + k];
  }
  let total = 0;
  for (let k = 0; k < classes; k++) total += exposures[k];
  return { exposures, total, financing: 1 - total };
}
