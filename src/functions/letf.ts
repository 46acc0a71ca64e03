/**
 * =STACK.* leveraged-fund functions (DESIGN.md §4, second table): LETF.DAILY, LETF.SERIES, LETF.DECAY,
 * STACKED and LETF.FIT. Thin adapters: convert Excel's arguments once, call the core, let
 * `excel`/`excelSpill` map errors. The JSDoc blocks are the metadata read by custom-functions-metadata-plugin.
 */
import { letfDecay } from "../core/decay";
import { invalid } from "../core/errors";
import { DEFAULT_DAYS, dayGaps } from "../core/financing";
import { letfDailyReturn, letfSeries } from "../core/letf";
import { letfFit } from "../core/letf-fit";
import { stackedSeries } from "../core/stacked";
import {
  completeRows,
  excel,
  excelSpill,
  ExcelValue,
  isMissing,
  number,
  numberOrSeries,
  optionalNumber,
  returnNumber,
  seriesSet,
  singleSeries,
  spillSeries,
  vector,
} from "./excel";

/** Calendar days accrued by each row: from `dates` when given (aligned with `rows`), else 365/252. */
function daysOf(dates: ExcelValue, rows: number): Float64Array | number {
  if (isMissing(dates)) return DEFAULT_DAYS;
  const d = numberOrSeries(dates, "dates", rows);
  if (typeof d === "number") throw invalid("dates", `one date, expected ${rows} (one per return)`);
  return dayGaps(d);
}

/** A rate: an annual number for every row, or an aligned column of annual rates. */
const ratesOf = (rates: ExcelValue, rows: number) =>
  isMissing(rates) ? 0 : numberOrSeries(rates, "rates", rows);

/**
 * One day's return of a daily-reset leveraged fund: leverage·r − expense_ratio/252 − (leverage − 1)·(rate + spread)·days/360, at worst −100% (a loss beyond everything wipes the fund out).
 * @customfunction LETF.DAILY
 * @param index_return The index's total return that day (decimal, at least −100%).
 * @param leverage Daily leverage, e.g. 3 for a 3x fund.
 * @param [expense_ratio] Annual expense ratio (decimal, default 0).
 * @param [rate] Annual short-term borrowing rate, e.g. T-bill or SOFR (decimal, default 0).
 * @param [days] Calendar days since the previous trading day (default 365/252).
 * @param [spread] Annual swap spread over the rate (decimal, default 0).
 * @returns The fund's return that day (decimal).
 */
export function letfDaily(
  index_return: number,
  leverage: number,
  expense_ratio?: number,
  rate?: number,
  days?: number,
  spread?: number
): number | CustomFunctions.Error {
  return excel(() =>
    letfDailyReturn(
      returnNumber(index_return, "index_return"),
      number(leverage, "leverage"),
      optionalNumber(expense_ratio, "expense_ratio", 0),
      optionalNumber(rate, "rate", 0),
      optionalNumber(days, "days", DEFAULT_DAYS),
      optionalNumber(spread, "spread", 0)
    )
  );
}

/**
 * Spills a daily-reset leveraged fund's daily returns, simulated from its index's returns. A day at or below −100% wipes the fund out: −100% that day, 0 every day after.
 * @customfunction LETF.SERIES
 * @param index_returns The index's daily total returns (a column or a row).
 * @param leverage Daily leverage, e.g. 3 for a 3x fund.
 * @param [expense_ratio] Annual expense ratio (decimal, default 0).
 * @param [rates] Annual borrowing rate: one number, or a column aligned with the returns (decimal, default 0).
 * @param [dates] Dates of the returns (aligned); days accrued = calendar days between rows (default 365/252 per row).
 * @param [spread] Annual swap spread over the rate (decimal, default 0).
 * @returns The fund's daily returns, aligned with index_returns.
 */
export function letfSeriesFn(
  index_returns: any[][],
  leverage: number,
  expense_ratio?: number,
  rates?: any[][],
  dates?: any[][],
  spread?: number
): any[][] {
  return excelSpill(() => {
    const index = singleSeries(index_returns, "index_returns");
    const out = letfSeries(
      index.series[0],
      number(leverage, "leverage"),
      optionalNumber(expense_ratio, "expense_ratio", 0),
      ratesOf(rates, index.rows),
      daysOf(dates, index.rows),
      optionalNumber(spread, "spread", 0)
    );
    return spillSeries([out], index);
  });
}

/**
 * Volatility decay: the daily-reset fund's cumulative return minus leverage × the index's cumulative return (no costs).
 * @customfunction LETF.DECAY
 * @param index_returns The index's daily returns (a column or a row).
 * @param leverage Daily leverage, e.g. 3.
 * @returns Decay (decimal; negative when daily resetting lost against leverage × the index).
 */
export function letfDecayFn(
  index_returns: any[][],
  leverage: number
): number | CustomFunctions.Error {
  return excel(() =>
    letfDecay(singleSeries(index_returns, "index_returns").series[0], number(leverage, "leverage"))
  );
}

/**
 * Spills the daily returns of a daily-rebalanced stacked fund: Σw·r − (Σw − 1)·rate·days/360 − max(Σw − 1, 0)·premium·days/360 − fee/252. A day at or below −100% (leverage, or a short leg) wipes the fund out: −100% that day, 0 every day after.
 * @customfunction STACKED
 * @param returns Daily returns, one column per asset.
 * @param weights Weight of each asset (a row or a column), e.g. 1, 1 for 100/100.
 * @param [rates] Annual financing rate: one number, or a column aligned with the returns (decimal, default 0).
 * @param [premium] Annual premium over the rate on the borrowed amount (decimal, default 0).
 * @param [fee] Annual fee (decimal, default 0).
 * @param [dates] Dates of the returns (aligned); days accrued = calendar days between rows (default 365/252 per row).
 * @returns The stacked fund's daily returns, one column.
 */
export function stacked(
  returns: any[][],
  weights: any[][],
  rates?: any[][],
  premium?: number,
  fee?: number,
  dates?: any[][]
): any[][] {
  return excelSpill(() => {
    const assets = seriesSet(returns, "returns", "assets");
    const out = stackedSeries(
      assets.series,
      vector(weights, "weights").values,
      ratesOf(rates, assets.rows),
      daysOf(dates, assets.rows),
      optionalNumber(premium, "premium", 0),
      optionalNumber(fee, "fee", 0)
    );
    return spillSeries([out], assets);
  });
}

/**
 * Calibrates the daily model to a real fund: least squares of fund − leverage·index on 1/252 and rate·days/360. Rows with a blank are left out.
 * @customfunction LETF.FIT
 * @param fund_returns The fund's daily returns (e.g. from its NAV).
 * @param index_returns The index's daily total returns, aligned.
 * @param leverage The fund's daily leverage, e.g. 3.
 * @param rates Annual borrowing rate: one number or an aligned column (decimal).
 * @param [dates] Dates of the returns (aligned); days accrued = calendar days between rows (default 365/252 per row).
 * @returns A labelled table: fixed annual cost, rate multiple, tracking error, R², days used.
 */
export function letfFitFn(
  fund_returns: any[][],
  index_returns: any[][],
  leverage: number,
  rates: any[][],
  dates?: any[][]
): any[][] {
  return excelSpill(() => {
    const rateCell =
      Array.isArray(rates) && rates.length === 1 && rates[0].length === 1 ? rates[0][0] : rates;
    const constantRate = !Array.isArray(rateCell) ? number(rateCell, "rates") : undefined;
    const inputs = [
      { value: fund_returns, argument: "fund_returns" },
      { value: index_returns, argument: "index_returns" },
      ...(constantRate === undefined
        ? [{ value: rates, argument: "rates", kind: "values" as const }]
        : []),
      ...(isMissing(dates) ? [] : [{ value: dates, argument: "dates", kind: "values" as const }]),
    ];
    const [fund, index, ...rest] = completeRows(inputs);
    const rateRows = constantRate ?? rest[0];
    const days = isMissing(dates) ? DEFAULT_DAYS : dayGaps(rest[rest.length - 1]);
    const fit = letfFit(fund, index, number(leverage, "leverage"), rateRows, days);
    return [
      ["Annual cost", fit.annualCost],
      ["Rate multiple", fit.rateMultiple],
      ["Tracking error", fit.trackingError],
      ["R²", fit.rSquared],
      ["Days used", fit.days],
    ];
  });
}
