/**
 * =STACK.* backtest and statistics functions (DESIGN.md §4, second and third tables; the leveraged-fund
 * functions are in letf.ts).
 * Thin adapters: convert Excel's arguments once, call the core, let `excel`/`excelSpill` map errors.
 * The JSDoc blocks are the metadata read by custom-functions-metadata-plugin.
 */
import { backtest as runBacktest, Schedule } from "../core/backtest";
import { bootstrap as runBootstrap } from "../core/bootstrap";
import { cagr as computeCagr } from "../core/cagr";
import { calmar as computeCalmar } from "../core/calmar";
import { conditional as computeConditional, DEFAULT_EDGES } from "../core/conditional";
import { drawdowns, maxDrawdown } from "../core/drawdown";
import { invalid, StackError } from "../core/errors";
import { Frequency } from "../core/excel-date";
import { growth as computeGrowth } from "../core/growth";
import { annualVolatility } from "../core/annual-volatility";
import { rollingAnnualised } from "../core/rolling";
import { TRADING_DAYS } from "../core/series";
import { sharpe as computeSharpe } from "../core/sharpe";
import { sortino as computeSortino } from "../core/sortino";
import { seriesStats, Statistic, STATS_ROWS } from "../core/stats";
import { BENCHMARK_ROWS, benchmarkStats } from "../core/benchmark-stats";
import { ulcer as computeUlcer } from "../core/ulcer";
import {
  completeRows,
  excelError,
  excelSpill,
  ExcelValue,
  isMissing,
  number,
  numberOrSeries,
  optionalNumber,
  seriesSet,
  spill,
  Spill,
  spillSeries,
  vector,
} from "./excel";

const ppyOf = (ppy: ExcelValue) => optionalNumber(ppy, "ppy", TRADING_DAYS);

/** A per-series statistic spilled as one value per series, in a row (a single value for one series). */
function perSeries(returns: ExcelValue, statistic: (r: Float64Array) => number): Spill {
  return [seriesSet(returns, "returns").series.map(statistic)];
}

/**
 * Spills the value of 1 (or start_value) invested after each period, one column per series.
 * @customfunction GROWTH
 * @param returns Periodic returns, one column per series.
 * @param [start_value] Starting value (default 1).
 * @returns The value after each period, aligned with returns.
 */
export function growth(returns: any[][], start_value?: number): any[][] {
  return excelSpill(() => {
    const set = seriesSet(returns, "returns");
    const start = optionalNumber(start_value, "start_value", 1);
    return spillSeries(
      set.series.map((r) => computeGrowth(r, start)),
      set
    );
  });
}

/**
 * Spills the drawdown from the running peak (including the starting value) after each period, one column per series.
 * @customfunction DRAWDOWN
 * @param returns Periodic returns, one column per series.
 * @returns Drawdowns (0 or negative, decimal), aligned with returns.
 */
export function drawdown(returns: any[][]): any[][] {
  return excelSpill(() => {
    const set = seriesSet(returns, "returns");
    return spillSeries(
      set.series.map((r) => drawdowns(r)),
      set
    );
  });
}

/**
 * Maximum drawdown from a running peak that includes the starting value.
 * @customfunction MAXDD
 * @param returns Periodic returns, one column per series.
 * @returns The deepest drawdown (negative decimal), one per series.
 */
export function maxdd(returns: any[][]): any[][] {
  return excelSpill(() => perSeries(returns, maxDrawdown));
}

/**
 * Compound annual growth rate: Π(1 + r)^(ppy/n) − 1.
 * @customfunction CAGR
 * @param returns Periodic returns, one column per series.
 * @param [ppy] Periods per year (default 252).
 * @returns CAGR (decimal), one per series.
 */
export function cagr(returns: any[][], ppy?: number): any[][] {
  return excelSpill(() => {
    const periods = ppyOf(ppy);
    return perSeries(returns, (r) => computeCagr(r, periods));
  });
}

/**
 * Annualised volatility: sample standard deviation × √ppy.
 * @customfunction ANNVOL
 * @param returns Periodic returns, one column per series.
 * @param [ppy] Periods per year (default 252).
 * @returns Annualised volatility (decimal), one per series.
 */
export function annvol(returns: any[][], ppy?: number): any[][] {
  return excelSpill(() => {
    const periods = ppyOf(ppy);
    return perSeries(returns, (r) => annualVolatility(r, periods));
  });
}

/** A required return: omitted is 0, a number is an annual rate, a range is per-period returns aligned with `rows`. */
const requiredOf = (value: ExcelValue, argument: string, rows: number) =>
  isMissing(value) ? 0 : numberOrSeries(value, argument, rows, "returns");

/** A ratio against a required return (Sharpe, Sortino), one per series. */
function perSeriesAgainst(
  returns: ExcelValue,
  required: ExcelValue,
  argument: string,
  ppy: ExcelValue,
  ratio: (r: Float64Array, required: Float64Array | number, ppy: number) => number
): Spill {
  const set = seriesSet(returns, "returns");
  const against = requiredOf(required, argument, set.rows);
  const periods = ppyOf(ppy);
  return [set.series.map((r) => ratio(r, against, periods))];
}

/**
 * Annualised Sharpe ratio: mean excess return / its sample standard deviation × √ppy.
 * @customfunction SHARPE
 * @param returns Periodic returns, one column per series.
 * @param [risk_free] Annual risk-free rate (a number), or per-period risk-free returns (a column aligned with returns). Default 0.
 * @param [ppy] Periods per year (default 252).
 * @returns Sharpe ratio, one per series.
 */
export function sharpe(returns: any[][], risk_free?: any[][], ppy?: number): any[][] {
  return excelSpill(() => perSeriesAgainst(returns, risk_free, "risk_free", ppy, computeSharpe));
}

/**
 * Annualised Sortino ratio: mean excess return / downside deviation (over all periods) × √ppy.
 * @customfunction SORTINO
 * @param returns Periodic returns, one column per series.
 * @param [required_return] Annual required return (a number), or per-period required returns (an aligned column). Default 0.
 * @param [ppy] Periods per year (default 252).
 * @returns Sortino ratio, one per series.
 */
export function sortino(returns: any[][], required_return?: any[][], ppy?: number): any[][] {
  return excelSpill(() =>
    perSeriesAgainst(returns, required_return, "required_return", ppy, computeSortino)
  );
}

/**
 * Calmar ratio: CAGR / |maximum drawdown|.
 * @customfunction CALMAR
 * @param returns Periodic returns, one column per series.
 * @param [ppy] Periods per year (default 252).
 * @returns Calmar ratio, one per series.
 */
export function calmar(returns: any[][], ppy?: number): any[][] {
  return excelSpill(() => {
    const periods = ppyOf(ppy);
    return perSeries(returns, (r) => computeCalmar(r, periods));
  });
}

/**
 * Ulcer index: the root mean square of the drawdowns (decimal).
 * @customfunction ULCER
 * @param returns Periodic returns, one column per series.
 * @returns Ulcer index (decimal), one per series.
 */
export function ulcer(returns: any[][]): any[][] {
  return excelSpill(() => perSeries(returns, computeUlcer));
}

/**
 * Spills the annualised return of each trailing window, aligned with the input rows; #N/A before the first full window.
 * @customfunction ROLLING
 * @param returns Periodic returns, one column per series.
 * @param window Window length in periods, e.g. 756 for 3 years of daily data.
 * @param [ppy] Periods per year (default 252).
 * @returns Annualised trailing-window returns, aligned with returns.
 */
export function rolling(returns: any[][], window: number, ppy?: number): any[][] {
  return excelSpill(() => {
    const set = seriesSet(returns, "returns");
    const periods = ppyOf(ppy);
    const windows = set.series.map((r) => rollingAnnualised(r, number(window, "window"), periods));
    const out = spillSeries(
      windows.map((w) => w.values),
      set
    );
    const gap = excelError("na", "before the first full window");
    const first = windows[0].firstIndex;
    // Rows before the first full window have no value: #N/A, which charts leave as a gap.
    if (set.orientation === "row") for (let t = 0; t < first; t++) out[0][t] = gap;
    else for (let t = 0; t < first; t++) out[t].fill(gap);
    return out;
  });
}

/**
 * Spills a labelled table of statistics: CAGR, volatility, Sharpe, Sortino, max drawdown, Calmar, ulcer index, best and worst period, final growth, VaR and CVaR 95%; with a benchmark also beta, alpha, correlation, up and down capture, tracking error and information ratio.
 * @customfunction STATS
 * @param returns Periodic returns, one column per series.
 * @param [risk_free] Annual risk-free rate (a number) or per-period risk-free returns (an aligned column); also the Sortino required return. Default 0.
 * @param [ppy] Periods per year (default 252).
 * @param [benchmark] The benchmark's returns (one series, aligned): adds the statistics against it, over the rows both have.
 * @returns One row per statistic: its label, then one value per series.
 */
export function stats(
  returns: any[][],
  risk_free?: any[][],
  ppy?: number,
  benchmark?: any[][]
): any[][] {
  return excelSpill(() => {
    const set = seriesSet(returns, "returns");
    const rf = requiredOf(risk_free, "risk_free", set.rows);
    const periods = ppyOf(ppy);
    const entry = (value: Statistic) =>
      value instanceof StackError ? excelError(value.kind, value.message) : value;
    const tables = set.series.map((r) => seriesStats(r, rf, periods));
    const rows: Spill = STATS_ROWS.map(([key, label]) => [
      label,
      ...tables.map((t) => entry(t[key])),
    ]);
    if (isMissing(benchmark)) return rows;
    const against = set.series.map((r) => {
      // Only the rows where the benchmark (and a risk-free column) has a value: blank means missing.
      const [kept, b, rfKept] = completeRows([
        { value: spill(r, "column"), argument: "returns" },
        { value: benchmark, argument: "benchmark" },
        ...(typeof rf === "number" ? [] : [{ value: spill(rf, "column"), argument: "risk_free" }]),
      ]);
      return benchmarkStats(kept, b, typeof rf === "number" ? rf : rfKept, periods);
    });
    return [
      ...rows,
      ...BENCHMARK_ROWS.map(([key, label]) => [label, ...against.map((t) => entry(t[key]))]),
    ];
  });
}

const CALENDAR: readonly Frequency[] = ["D", "W", "M", "Q", "A"];

/** Rebalancing: a calendar code (needs dates), "NONE", or every k rows; default "Q" with dates, 63 rows without. */
/**
 * A rebalance argument as its code (upper case) or its number of rows; undefined when omitted. Excel
 * passes an enum-typed argument as text, so a number typed or referenced there arrives as "63": numeric
 * text is read as the number it shows.
 */
function rebalanceCode(rebalance: ExcelValue): { code: string } | { rows: number } | undefined {
  const cell =
    Array.isArray(rebalance) && rebalance.length === 1 && rebalance[0].length === 1
      ? rebalance[0][0]
      : rebalance;
  if (isMissing(cell)) return undefined;
  if (typeof cell === "string") {
    const text = cell.trim();
    const asNumber = Number(text);
    if (text === "" || !Number.isFinite(asNumber)) return { code: text.toUpperCase() };
    return { rows: number(asNumber, "rebalance") };
  }
  return { rows: number(cell, "rebalance") };
}

function scheduleOf(rebalance: ExcelValue, dates: ExcelValue, rows: number): Schedule {
  const datesGiven = !isMissing(dates);
  const given = rebalanceCode(rebalance);
  if (given === undefined)
    return datesGiven ? scheduleOf("Q", dates, rows) : { kind: "rows", every: 63 };
  if ("rows" in given) return { kind: "rows", every: given.rows };
  if (given.code === "NONE") return { kind: "none" };
  const frequency = CALENDAR.find((f) => f === given.code);
  if (!frequency)
    throw invalid("rebalance", 'expected "D", "W", "M", "Q", "A", "NONE" or a number of rows');
  if (!datesGiven) throw invalid("rebalance", `"${frequency}" needs dates`);
  const d = numberOrSeries(dates, "dates", rows);
  if (typeof d === "number")
    throw invalid("dates", `one date, expected ${rows} (one per row of returns)`);
  return { kind: "calendar", frequency, dates: d };
}

/**
 * BACKTEST's rebalancing codes, offered by Excel's AutoComplete (older Excel shows a plain text
 * argument); a number of rows may be typed instead.
 * @customenum {string}
 */
enum Rebalance {
  /** every day (needs dates) */
  D = "D",
  /** at the first row of each week (needs dates) */
  W = "W",
  /** at the first row of each month (needs dates) */
  M = "M",
  /** at the first row of each quarter (needs dates; the default with dates) */
  Q = "Q",
  /** at the first row of each year (needs dates) */
  A = "A",
  /** never: buy and hold */
  NONE = "NONE",
}

/**
 * Spills a portfolio's periodic returns, rebalanced to its weights on a calendar, every k rows, or when a weight drifts past a band. When its value reaches zero or below (a short leg or borrowing), it is wiped out: −100% that row, 0 after.
 * @customfunction BACKTEST
 * @param returns Periodic returns, one column per asset (a cash column with weight −1 is a financing leg).
 * @param weights Target weight of each asset (a row or a column; negative weights allowed).
 * @param [rebalance] "D", "W", "M", "Q", "A" (need dates), "NONE", or a whole number k (every k rows). Default "Q" with dates, 63 rows without.
 * @param [dates] Dates of the rows (aligned with returns).
 * @param [band] Also rebalance when any weight drifts more than this from its target (absolute, e.g. 0.05).
 * @returns The portfolio's periodic returns, one column.
 */
export function backtest(
  returns: any[][],
  weights: any[][],
  rebalance?: Rebalance,
  dates?: any[][],
  band?: number
): any[][] {
  return excelSpill(() => {
    const assets = seriesSet(returns, "returns", "assets");
    const out = runBacktest(
      assets.series,
      vector(weights, "weights").values,
      scheduleOf(rebalance, dates, assets.rows),
      optionalNumber(band, "band")
    );
    return spillSeries([out], assets);
  });
}

/** Bootstrap rebalancing: "NONE" → never (0), "D" → daily (1), or every k rows; default ppy/4 rows. */
function rebalanceRows(rebalance: ExcelValue, ppy: number): number {
  const given = rebalanceCode(rebalance);
  if (given === undefined) return Math.round(ppy / 4);
  if ("rows" in given) return given.rows;
  if (given.code === "NONE") return 0;
  if (given.code === "D") return 1;
  throw invalid("rebalance", 'expected "NONE", "D" or a number of rows');
}

/**
 * BOOTSTRAP's rebalancing codes, offered by Excel's AutoComplete (older Excel shows a plain text
 * argument); a number of rows may be typed instead.
 * @customenum {string}
 */
enum BootstrapRebalance {
  /** never: each path holds its starting weights */
  NONE = "NONE",
  /** every day */
  D = "D",
}

/**
 * Spills one annualised return per resampled path of `years` years: a block bootstrap of whole rows, so assets stay aligned. A path wiped out returns −100%. Sizes that would take more than about 5 s are refused (#VALUE! with the most paths that fit).
 * @customfunction BOOTSTRAP
 * @param returns Periodic returns, one column per asset.
 * @param weights Weight of each asset (a row or a column).
 * @param years Length of each path in years.
 * @param [paths] Number of paths (default 1,000).
 * @param [block] Rows per resampled block (default 1).
 * @param [seed] Random seed, a whole number (default 1): the same seed gives the same paths.
 * @param [rebalance] "NONE", "D" or every k rows (default ppy/4).
 * @param [ppy] Periods per year (default 252).
 * @returns One annualised return per path, one column.
 */
export function bootstrap(
  returns: any[][],
  weights: any[][],
  years: number,
  paths?: number,
  block?: number,
  seed?: number,
  rebalance?: BootstrapRebalance,
  ppy?: number
): any[][] {
  return excelSpill(() => {
    const assets = seriesSet(returns, "returns", "assets");
    const periods = ppyOf(ppy);
    const out = runBootstrap(
      assets.series,
      vector(weights, "weights").values,
      number(years, "years"),
      optionalNumber(paths, "paths", 1000),
      optionalNumber(block, "block", 1),
      optionalNumber(seed, "seed", 1),
      rebalanceRows(rebalance, periods),
      periods
    );
    return spill(out, "column");
  });
}

/**
 * Spills, for each bucket of x, the count and the min, quartiles, median and max of y, and the share of y > 0. Rows with a blank are left out.
 * @customfunction CONDITIONAL
 * @param x_returns The returns that define the buckets, e.g. daily S&P 500 returns.
 * @param y_returns The returns described in each bucket, e.g. long-Treasury returns the same day.
 * @param [edges] Bucket edges in ascending order (default −4%, −2%, 2%, 4%).
 * @returns A table with a header row and one row per bucket: from, to, count, min, Q1, median, Q3, max, share of y > 0.
 */
export function conditional(x_returns: any[][], y_returns: any[][], edges?: any[][]): any[][] {
  return excelSpill(() => {
    const [x, y] = completeRows([
      { value: x_returns, argument: "x_returns" },
      { value: y_returns, argument: "y_returns" },
    ]);
    const buckets = computeConditional(
      x,
      y,
      isMissing(edges) ? DEFAULT_EDGES : vector(edges, "edges").values
    );
    const none = () => excelError("na", "no rows in this bucket");
    const header: Spill[number] = [
      "From",
      "To",
      "Count",
      "Min",
      "Q1",
      "Median",
      "Q3",
      "Max",
      "Share y > 0",
    ];
    return [
      header,
      ...buckets.map((b) => {
        const s = b.stats;
        const stats = s
          ? [s.min, s.q1, s.median, s.q3, s.max, s.shareUp]
          : [none(), none(), none(), none(), none(), none()];
        return [b.lower ?? "", b.upper ?? "", b.count, ...stats];
      }),
    ];
  });
}
