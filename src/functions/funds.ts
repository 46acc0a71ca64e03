/**
 * =STACK.* stacked-fund functions (DESIGN.md §4, "Stacked funds"): look-through exposure of a portfolio
 * of funds, the mix of funds closest to target exposures, and splicing a real fund's history onto a
 * simulation. Thin adapters: convert Excel's arguments, call the core, let `excel`/`excelSpill` map errors.
 * The JSDoc blocks are the metadata read by custom-functions-metadata-plugin.
 *
 * A fund table is one row per fund and one column per asset class (exposure per $1). Rows at its end
 * that are entirely blank are empty slots for funds yet to be added (as blank rows at the end of a
 * series): they are left out, their holdings must be blank or 0, and FUNDS.MIX spills "" for them. (Excel
 * for Windows passes empty cells as 0: there a slot is a fund with no exposure, which is harmless.)
 */
import { invalid } from "../core/errors";
import { FundTable, fundTableFromColumns, lookThrough } from "../core/fund-exposure";
import { fundMix } from "../core/fund-mix";
import { splice as spliceSeries } from "../core/splice";
import {
  cells,
  excelSpill,
  ExcelValue,
  optionalNumber,
  Orientation,
  SeriesSet,
  seriesSet,
  spillSeries,
  vector,
} from "./excel";

/** A fund table and how many empty slots follow its funds. */
function fundTableOf(value: ExcelValue): { table: FundTable; slots: number } {
  const set = seriesSet(value, "fund_table", "assets");
  return { table: fundTableFromColumns(set.series), slots: set.padding };
}

/** A row or a column of numbers with blank cells kept as null (text is still an error). */
function itemsWithBlanks(
  value: ExcelValue,
  argument: string
): { items: (number | null)[]; orientation: Orientation } {
  const grid = cells(value, argument);
  if (grid.length > 1 && grid[0].length > 1)
    throw invalid(argument, `${grid.length}×${grid[0].length} range, expected a row or a column`);
  return grid.length === 1
    ? { items: grid[0], orientation: grid[0].length > 1 ? "row" : "column" }
    : { items: grid.map((row) => row[0]), orientation: "column" };
}

/** One holding per fund; the table's empty slots may be covered too, by blank or 0 holdings. */
function holdingsOf(value: ExcelValue, funds: number, slots: number): Float64Array {
  const { items } = itemsWithBlanks(value, "holdings");
  if (items.length !== funds && items.length !== funds + slots)
    throw invalid(
      "holdings",
      `${items.length} items, expected ${funds} (one per fund row of fund_table)`
    );
  items.forEach((holding, i) => {
    if (i < funds && holding === null) throw invalid("holdings", `item ${i + 1} is blank`);
    if (i >= funds && holding !== null && holding !== 0)
      throw invalid(
        "holdings",
        `item ${i + 1} is ${holding} but fund_table's row ${i + 1} is blank`
      );
  });
  return Float64Array.from(items.slice(0, funds), (holding) => holding ?? 0);
}

/**
 * Spills the look-through exposure of a portfolio of funds: one exposure per asset class, then the total exposure and the implied financing 1 − total (negative when borrowing).
 * @customfunction FUNDS.EXPOSURE
 * @param holdings One weight per fund (a row or a column), in the order of fund_table's rows, e.g. 50% RSSB and 50% RSST.
 * @param fund_table One row per fund, one column per asset class: each fund's exposure per $1 (e.g. RSSB: 1 global equity, 1 US Treasuries). Blank rows at the end are left out.
 * @returns A row: the exposure to each asset class, the total exposure, the financing.
 */
export function fundsExposure(holdings: any[][], fund_table: any[][]): any[][] {
  return excelSpill(() => {
    const { table, slots } = fundTableOf(fund_table);
    const result = lookThrough(holdingsOf(holdings, table.funds, slots), table);
    return [[...result.exposures, result.total, result.financing]];
  });
}

/**
 * Spills the fund weights (w ≥ 0, Σw ≤ max_total) whose look-through exposure is closest to the target (least squares), then the residual distance. The rest of the money, 1 − Σw, is cash. Of identical funds only the first listed is used.
 * @customfunction FUNDS.MIX
 * @param target The exposure wanted in each asset class (a row or a column, in fund_table's column order), e.g. 60% equity, 40% bonds, 20% trend.
 * @param fund_table One row per fund, one column per asset class: each fund's exposure per $1. Blank rows at the end are left out.
 * @param [max_total] The most money the funds may take (default 1 = 100%).
 * @returns A column: one weight per fund row of fund_table, then the distance between the mix's exposure and the target (0 when reachable).
 */
export function fundsMix(target: any[][], fund_table: any[][], max_total?: number): any[][] {
  return excelSpill(() => {
    const { table, slots } = fundTableOf(fund_table);
    const mix = fundMix(
      vector(target, "target").values,
      table,
      optionalNumber(max_total, "max_total", 1)
    );
    return [
      ...Array.from(mix.weights, (w) => [w]),
      ...Array.from({ length: slots }, () => [""]),
      [mix.residual],
    ];
  });
}

/**
 * Spills one series: primary where it has a value, backfill on the rows where primary is blank (e.g. a real fund's returns since inception on its simulation before). Rows are aligned by position.
 * @customfunction SPLICE
 * @param primary The series to use where it has values (a column or a row), e.g. the real fund's daily returns, blank before it existed (Excel for Windows passes an empty cell as 0: hold those rows with ="").
 * @param backfill The series used where primary is blank, the same length, e.g. =STACK.LETF.SERIES of the index.
 * @returns The spliced series, aligned with primary; a row blank in both is an error naming it.
 */
export function splice(primary: any[][], backfill: any[][]): any[][] {
  return excelSpill(() => {
    const first = itemsWithBlanks(primary, "primary");
    const out = spliceSeries(first.items, itemsWithBlanks(backfill, "backfill").items);
    const shape: SeriesSet = {
      series: [out],
      rows: out.length,
      padding: first.items.length - out.length,
      orientation: first.orientation,
    };
    return spillSeries([out], shape);
  });
}
