import { informationRatio, trackingError } from "./active-return";
import { alpha, beta } from "./beta";
import { capture } from "./capture";
import { correlation } from "./paired-moments";
import { requirePeriodsPerYear, TRADING_DAYS } from "./series";
import { entry, Statistic } from "./stats";

/** The statistics of a series against a benchmark, rows of STATS when a benchmark is given. */
export interface BenchmarkStats {
  readonly beta: Statistic;
  readonly alpha: Statistic;
  readonly correlation: Statistic;
  readonly upCapture: Statistic;
  readonly downCapture: Statistic;
  readonly trackingError: Statistic;
  readonly informationRatio: Statistic;
}

/** Row order and labels of STATS's benchmark rows (after {@link STATS_ROWS}). */
export const BENCHMARK_ROWS: ReadonlyArray<readonly [keyof BenchmarkStats, string]> = [
  ["beta", "Beta"],
  ["alpha", "Alpha"],
  ["correlation", "Correlation"],
  ["upCapture", "Up capture"],
  ["downCapture", "Down capture"],
  ["trackingError", "Tracking error"],
  ["informationRatio", "Information ratio"],
];

/**
 * A series against its benchmark, over the rows both have (the caller pairs them): beta and alpha on
 * excess returns over `riskFree`, correlation, up and down capture, tracking error and information ratio,
 * each as its own function computes it; a zero denominator is a #DIV/0! entry.
 * @example benchmarkStats(r, b, 0, 252).beta // same as beta(r, b, 0, 252)
 */
export function benchmarkStats(
  returns: Float64Array,
  benchmark: Float64Array,
  riskFree: Float64Array | number = 0,
  ppy = TRADING_DAYS
): BenchmarkStats {
  requirePeriodsPerYear(ppy);
  return {
    beta: entry(() => beta(returns, benchmark, riskFree, ppy)),
    alpha: entry(() => alpha(returns, benchmark, riskFree, ppy)),
    correlation: entry(() => correlation(returns, benchmark)),
    upCapture: entry(() => capture(returns, benchmark, "up", ppy)),
    downCapture: entry(() => capture(returns, benchmark, "down", ppy)),
    trackingError: entry(() => trackingError(returns, benchmark, ppy)),
    informationRatio: entry(() => informationRatio(returns, benchmark, ppy)),
  };
}
