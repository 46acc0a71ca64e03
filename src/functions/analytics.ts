/**
 * =STACK.* client-report analytics (DESIGN.md §4, "Client-report analytics"): calendar periods, drawdown
 * and stress tables, tail risk and statistics against a benchmark. Thin adapters: convert Excel's
 * arguments once, call the core, let `excel`/`excelSpill` map errors. The JSDoc blocks are the metadata
 * read by custom-functions-metadata-plugin.
 *
 * Paired statistics (BETA, ALPHA, CAPTURE, TRACKINGERROR, INFORATIO) leave out the rows where the series
 * or the benchmark (or a risk-free column) is blank; a blank inside a single series stays an error.
 */
import { informationRatio, trackingError } from "../core/active-return";
import { alpha as computeAlpha, beta as computeBeta } from "../core/beta";
import { calendarTable } from "../core/calendar";
import { capture as computeCapture, CaptureDirection } from "../core/capture";
import { downsideRisk } from "../core/downside";
import { drawdownEpisodes } from "../core/drawdown-episodes";
import { invalid } from "../core/errors";
import { LAST_SERIAL, PeriodCode, requireDates } from "../core/excel-date";
import { omega as computeOmega } from "../core/omega";
import { periodicReturns } from "../core/periodic";
import { requireWhole, TRADING_DAYS } from "../core/series";
import { stressTest } from "../core/stress";
import { STRESS_EPISODES, StressEpisode } from "../core/stress-episodes";
import { tailRatio } from "../core/tail-ratio";
import { conditionalValueAtRisk, RiskMethod, valueAtRisk } from "../core/value-at-risk";
import {
  choice,
  completeRows,
  excelError,
  excelSpill,
  ExcelValue,
  isMissing,
  number,
  numberOrSeries,
  optionalNumber,
  seriesSet,
  singleSeries,
  Spill,
} from "./excel";

const ppyOf = (ppy: ExcelValue) => optionalNumber(ppy, "ppy", TRADING_DAYS);

/** Excel serial dates, one per row of returns (trailing blank rows dropped like the returns'). */
export function datesFor(value: ExcelValue, rows: number): Float64Array {
  const dates = singleSeries(value, "dates").series[0];
  if (dates.length !== rows)
    throw invalid("dates", `${dates.length} rows, expected ${rows} (one per return)`);
  requireDates(dates);
  return dates;
}

/** The cells of a range argument as Excel passes them, one entry per series (a single row is one series). */
function seriesColumns(value: ExcelValue): ExcelValue[] {
  if (!Array.isArray(value) || value.length <= 1 || !Array.isArray(value[0])) return [value];
  const grid = value as ExcelValue[][];
  return grid[0].map((_, j) => grid.map((row) => [Array.isArray(row) ? row[j] : row]));
}

/** A rate argument: a number (annual), a 1×1 range holding one, or a range of per-period rates. */
function constantOrRange(value: ExcelValue, argument: string): number | undefined {
  const cell =
    Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1
      ? value[0][0]
      : value;
  if (isMissing(cell)) return 0;
  return Array.isArray(cell) ? undefined : number(cell, argument);
}

/**
 * A statistic of each series against the benchmark, one value per series in a row, over the rows where
 * the series, the benchmark and (when it is a range) the risk-free return all have a value.
 */
function againstBenchmark(
  returns: ExcelValue,
  benchmark: ExcelValue,
  riskFree: ExcelValue,
  statistic: (r: Float64Array, b: Float64Array, rf: Float64Array | number) => number
): Spill {
  const constant = constantOrRange(riskFree, "risk_free");
  const values = seriesColumns(returns).map((column) => {
    const [r, b, rf] = completeRows([
      { value: column, argument: "returns" },
      { value: benchmark, argument: "benchmark" },
      ...(constant === undefined ? [{ value: riskFree, argument: "risk_free" }] : []),
    ]);
    if (r.length === 0) throw invalid("benchmark", "no row where both have a value");
    return statistic(r, b, constant ?? rf);
  });
  return [values];
}

/** A per-series statistic spilled as one value per series, in a row. */
function perSeries(returns: ExcelValue, statistic: (r: Float64Array) => number): Spill {
  return [seriesSet(returns, "returns").series.map(statistic)];
}

/**
 * PERIODIC's calendar periods, offered by Excel's AutoComplete (older Excel shows a plain text argument).
 * @customenum {string}
 */
enum PeriodFrequency {
  /** calendar months (default) */
  M = "M",
  /** calendar quarters */
  Q = "Q",
  /** calendar years */
  A = "A",
  /** ISO weeks, Monday to Sunday */
  W = "W",
}

/**
 * Spills the compounded return of each calendar period ("M", "Q", "A" or "W" ISO weeks): the date of the period's last row, then one column per series.
 * @customfunction PERIODIC
 * @param returns Periodic returns (e.g. daily), one column per series.
 * @param dates Dates of the returns (aligned, ascending).
 * @param [frequency] "M" (default), "Q", "A" or "W" (ISO weeks, Monday to Sunday).
 * @returns One row per period with data: the period's last date, then each series' compounded return.
 */
export function periodic(returns: any[][], dates: any[][], frequency?: PeriodFrequency): any[][] {
  return excelSpill(() => {
    const set = seriesSet(returns, "returns");
    const code = choice(frequency, "frequency", [
      "M",
      "Q",
      "A",
      "W",
    ] as const satisfies PeriodCode[]);
    const result = periodicReturns(set.series, datesFor(dates, set.rows), code);
    return Array.from(result.dates, (date, p) => [date, ...result.returns.map((r) => r[p])]);
  });
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * Spills a year × month table of one series: a header (Year, Jan … Dec, Year), then each calendar year's compounded monthly returns and the year's return.
 * @customfunction CALENDAR
 * @param returns Periodic returns of one series (e.g. daily).
 * @param dates Dates of the returns (aligned, ascending).
 * @returns A header row, then one row per year: the year, 12 monthly returns ("" for a month without data) and the year's return.
 */
export function calendar(returns: any[][], dates: any[][]): any[][] {
  return excelSpill(() => {
    const set = singleSeries(returns, "returns");
    const years = calendarTable(set.series[0], datesFor(dates, set.rows));
    return [
      ["Year", ...MONTHS, "Year"],
      ...years.map((y) => [y.year, ...y.months.map((m) => m ?? ""), y.total]),
    ];
  });
}

/**
 * Spills the deepest drawdown episodes, deepest first: depth, peak, trough and recovery dates, rows from peak to trough and from trough to recovery.
 * @customfunction DRAWDOWNS
 * @param returns Periodic returns of one series.
 * @param dates Dates of the returns (aligned, ascending).
 * @param [top] How many episodes (default 5); rows beyond the episodes found are blank.
 * @returns A header row, then one row per episode; #N/A for the recovery of an episode still open at the end.
 */
export function drawdowns(returns: any[][], dates: any[][], top?: number): any[][] {
  return excelSpill(() => {
    const set = singleSeries(returns, "returns");
    const serials = datesFor(dates, set.rows);
    const count = optionalNumber(top, "top", 5);
    requireWhole("top", count, 1, 100);
    const episodes = drawdownEpisodes(set.series[0]);
    const open = () => excelError("na", "not recovered by the last row");
    const header = [
      "Depth",
      "Peak",
      "Trough",
      "Recovery",
      "Rows to trough",
      "Rows to recovery",
    ] as const;
    const rows: Spill = [[...header]];
    for (let k = 0; k < count; k++) {
      const e = episodes[k];
      if (e === undefined) {
        rows.push(header.map(() => ""));
        continue;
      }
      rows.push([
        e.depth,
        e.peak < 0
          ? excelError("na", "the peak is the start value, before the first row")
          : serials[e.peak],
        serials[e.trough],
        e.recovery === null ? open() : serials[e.recovery],
        e.trough - e.peak,
        e.recovery === null ? open() : e.recovery - e.trough,
      ]);
    }
    return rows;
  });
}

const RISK_METHODS = ["historical", "normal"] as const satisfies RiskMethod[];

/** VAR's and CVAR's shared reading: one tail measure per series at `confidence` (default 0.95) by `method`. */
function tailRisk(
  returns: any[][],
  confidence: ExcelValue,
  method: ExcelValue,
  measure: (r: Float64Array, confidence: number, method: RiskMethod) => number
): any[][] {
  return excelSpill(() => {
    const level = optionalNumber(confidence, "confidence", 0.95);
    const how = choice(method, "method", RISK_METHODS);
    return perSeries(returns, (r) => measure(r, level, how));
  });
}

/**
 * VAR's and CVAR's methods, offered by Excel's AutoComplete (older Excel shows a plain text argument).
 * @customenum {string}
 */
enum RiskMethodChoice {
  /** from the returns themselves: PERCENTILE.INC, empyrical (default) */
  historical = "historical",
  /** mean + z·sample std, quantstats */
  normal = "normal",
}

/**
 * CAPTURE's directions, offered by Excel's AutoComplete (older Excel shows a plain text argument).
 * @customenum {string}
 */
enum CaptureChoice {
  /** the periods the benchmark rose (default) */
  up = "up",
  /** the periods the benchmark fell */
  down = "down",
  /** all periods */
  all = "all",
}

/**
 * Value at risk as a periodic return (negative for a loss): the (1 − confidence) percentile ("historical", PERCENTILE.INC) or mean + z·sample std ("normal").
 * @customfunction VAR
 * @param returns Periodic returns, one column per series.
 * @param [confidence] Confidence level between 0 and 1 (default 0.95).
 * @param [method] "historical" (default) or "normal".
 * @returns VaR (decimal), one per series.
 */
export function valueAtRiskFn(
  returns: any[][],
  confidence?: number,
  method?: RiskMethodChoice
): any[][] {
  return tailRisk(returns, confidence, method, valueAtRisk);
}

/**
 * Expected shortfall: the mean of the worst (1 − confidence) of returns ("historical", empyrical) or of the returns below the normal VaR ("normal", quantstats).
 * @customfunction CVAR
 * @param returns Periodic returns, one column per series.
 * @param [confidence] Confidence level between 0 and 1 (default 0.95).
 * @param [method] "historical" (default) or "normal".
 * @returns CVaR (decimal), one per series.
 */
export function conditionalValueAtRiskFn(
  returns: any[][],
  confidence?: number,
  method?: RiskMethodChoice
): any[][] {
  return tailRisk(returns, confidence, method, conditionalValueAtRisk);
}

/**
 * OLS beta of (returns − risk_free) on (benchmark − risk_free): sample covariance / sample variance. Rows with a blank are left out.
 * @customfunction BETA
 * @param returns Periodic returns, one column per series.
 * @param benchmark The benchmark's returns (one series, aligned).
 * @param [risk_free] Annual risk-free rate (a number), or per-period risk-free returns (an aligned column). Default 0.
 * @returns Beta, one per series.
 */
export function betaFn(returns: any[][], benchmark: any[][], risk_free?: any[][]): any[][] {
  return excelSpill(() =>
    againstBenchmark(returns, benchmark, risk_free, (r, b, rf) =>
      computeBeta(r, b, rf, TRADING_DAYS)
    )
  );
}

/**
 * Annualised alpha on excess returns: (1 + mean(rₑ − β·bₑ))^ppy − 1 (empyrical). Rows with a blank are left out.
 * @customfunction ALPHA
 * @param returns Periodic returns, one column per series.
 * @param benchmark The benchmark's returns (one series, aligned).
 * @param [risk_free] Annual risk-free rate (a number), or per-period risk-free returns (an aligned column). Default 0.
 * @param [ppy] Periods per year (default 252).
 * @returns Alpha (decimal, annual), one per series.
 */
export function alphaFn(
  returns: any[][],
  benchmark: any[][],
  risk_free?: any[][],
  ppy?: number
): any[][] {
  return excelSpill(() => {
    const periods = ppyOf(ppy);
    return againstBenchmark(returns, benchmark, risk_free, (r, b, rf) =>
      computeAlpha(r, b, rf, periods)
    );
  });
}

/**
 * Capture ratio: the CAGR of the returns over the periods the benchmark rose ("up"), fell ("down") or all periods ("all"), ÷ the benchmark's CAGR over them. Rows with a blank are left out.
 * @customfunction CAPTURE
 * @param returns Periodic returns, one column per series.
 * @param benchmark The benchmark's returns (one series, aligned).
 * @param [direction] "up" (default), "down" or "all".
 * @param [ppy] Periods per year (default 252).
 * @returns Capture ratio, one per series.
 */
export function captureFn(
  returns: any[][],
  benchmark: any[][],
  direction?: CaptureChoice,
  ppy?: number
): any[][] {
  return excelSpill(() => {
    const periods = ppyOf(ppy);
    const which = choice(direction, "direction", [
      "up",
      "down",
      "all",
    ] as const satisfies CaptureDirection[]);
    return againstBenchmark(returns, benchmark, null, (r, b) =>
      computeCapture(r, b, which, periods)
    );
  });
}

/**
 * Annualised tracking error: sample standard deviation of (returns − benchmark) × √ppy. Rows with a blank are left out.
 * @customfunction TRACKINGERROR
 * @param returns Periodic returns, one column per series.
 * @param benchmark The benchmark's returns (one series, aligned).
 * @param [ppy] Periods per year (default 252).
 * @returns Tracking error (decimal), one per series.
 */
export function trackingErrorFn(returns: any[][], benchmark: any[][], ppy?: number): any[][] {
  return excelSpill(() => {
    const periods = ppyOf(ppy);
    return againstBenchmark(returns, benchmark, null, (r, b) => trackingError(r, b, periods));
  });
}

/**
 * Information ratio: mean(returns − benchmark) ÷ its sample standard deviation × √ppy. Rows with a blank are left out.
 * @customfunction INFORATIO
 * @param returns Periodic returns, one column per series.
 * @param benchmark The benchmark's returns (one series, aligned).
 * @param [ppy] Periods per year (default 252).
 * @returns Information ratio, one per series.
 */
export function informationRatioFn(returns: any[][], benchmark: any[][], ppy?: number): any[][] {
  return excelSpill(() => {
    const periods = ppyOf(ppy);
    return againstBenchmark(returns, benchmark, null, (r, b) => informationRatio(r, b, periods));
  });
}

/**
 * Omega ratio: Σmax(x, 0) ÷ Σmax(−x, 0), x = r − ((1 + required_return)^(1/ppy) − 1).
 * @customfunction OMEGA
 * @param returns Periodic returns, one column per series.
 * @param [required_return] Annual required return (decimal, default 0).
 * @param [ppy] Periods per year (default 252).
 * @returns Omega ratio, one per series.
 */
export function omegaFn(returns: any[][], required_return?: number, ppy?: number): any[][] {
  return excelSpill(() => {
    const required = optionalNumber(required_return, "required_return", 0);
    const periods = ppyOf(ppy);
    return perSeries(returns, (r) => computeOmega(r, required, periods));
  });
}

/**
 * Annualised downside deviation √(mean(min(r − required, 0)²))·√ppy over all periods: Sortino's denominator.
 * @customfunction DOWNSIDE
 * @param returns Periodic returns, one column per series.
 * @param [required_return] Annual required return (a number), or per-period required returns (an aligned column). Default 0.
 * @param [ppy] Periods per year (default 252).
 * @returns Downside deviation (decimal, annual), one per series.
 */
export function downsideFn(returns: any[][], required_return?: any[][], ppy?: number): any[][] {
  return excelSpill(() => {
    const set = seriesSet(returns, "returns");
    const required = isMissing(required_return)
      ? 0
      : numberOrSeries(required_return, "required_return", set.rows);
    const periods = ppyOf(ppy);
    return [set.series.map((r) => downsideRisk(r, required, periods))];
  });
}

/**
 * Tail ratio: |95th percentile| ÷ |5th percentile| of the returns (PERCENTILE.INC).
 * @customfunction TAILRATIO
 * @param returns Periodic returns, one column per series.
 * @returns Tail ratio, one per series.
 */
export function tailRatioFn(returns: any[][]): any[][] {
  return excelSpill(() => perSeries(returns, tailRatio));
}

/** A date cell of the episodes table: an Excel serial. */
function episodeDate(value: ExcelValue, row: number, column: number): number {
  if (typeof value === "number" && value >= 1 && value < LAST_SERIAL + 1) return value;
  throw invalid("episodes", `row ${row}, column ${column} is not a date`);
}

/**
 * The episodes table: name, first day, last day per row. Trailing blank rows are kept as blank result
 * rows (room for the user to add episodes); a blank elsewhere is an error naming its row.
 */
function episodesOf(value: ExcelValue): { episodes: StressEpisode[]; padding: number } {
  if (isMissing(value)) return { episodes: [...STRESS_EPISODES], padding: 0 };
  const grid = Array.isArray(value) ? (value as ExcelValue[][]) : [[value]];
  if (!grid.every((row) => Array.isArray(row) && row.length === 3))
    throw invalid("episodes", "expected 3 columns: name, first day, last day");
  let used = grid.length;
  while (used > 0 && grid[used - 1].every(isMissing)) used--;
  if (used === 0) throw invalid("episodes", "no episodes");
  const episodes = grid.slice(0, used).map(([name, first, last], k) => {
    if (isMissing(name) || typeof name === "boolean")
      throw invalid("episodes", `row ${k + 1} has no name`);
    return {
      name: String(name),
      first: episodeDate(first, k + 1, 2),
      last: episodeDate(last, k + 1, 3),
    };
  });
  return { episodes, padding: grid.length - used };
}

/**
 * Spills one row per stress episode: name, first and last day, then each series' compounded return over the episode and its maximum drawdown within it; #N/A where the data do not cover the episode.
 * @customfunction STRESS
 * @param returns Periodic returns, one column per series.
 * @param dates Dates of the returns (aligned, ascending).
 * @param [episodes] A table of episodes: name, first day, last day (default: the built-in list, 1987 crash to the 2020–23 Treasury bear).
 * @returns A header row, then one row per episode.
 */
export function stress(returns: any[][], dates: any[][], episodes?: any[][]): any[][] {
  return excelSpill(() => {
    const set = seriesSet(returns, "returns");
    const serials = datesFor(dates, set.rows);
    const { episodes: list, padding } = episodesOf(episodes);
    const results = stressTest(set.series, serials, list);
    const several = set.series.length > 1;
    const header: Spill[number] = ["Episode", "First day", "Last day"];
    set.series.forEach((_, j) => {
      const which = several ? ` ${j + 1}` : "";
      header.push(`Return${which}`, `Max drawdown${which}`);
    });
    const uncovered = () => excelError("na", "the data do not cover this episode");
    const rows: Spill = [header];
    list.forEach((e, k) => {
      const result = results[k];
      rows.push([
        e.name,
        e.first,
        e.last,
        ...set.series.flatMap((_, j): Spill[number] =>
          result ? [result.returns[j], result.maxDrawdowns[j]] : [uncovered(), uncovered()]
        ),
      ]);
    });
    for (let k = 0; k < padding; k++) rows.push(header.map(() => ""));
    return rows;
  });
}
