import { annualVolatility } from "./annual-volatility";
import { cagr } from "./cagr";
import { calmar } from "./calmar";
import { maxDrawdown } from "./drawdown";
import { StackError } from "./errors";
import { finalGrowth } from "./growth";
import { requireNonEmpty, requirePeriodsPerYear, TRADING_DAYS } from "./series";
import { sharpe } from "./sharpe";
import { sortino } from "./sortino";
import { ulcer } from "./ulcer";
import { conditionalValueAtRisk, valueAtRisk } from "./value-at-risk";

/**
 * One entry of a statistics table: a number, or the #DIV/0! error of a statistic whose denominator is
 * zero (the Sharpe ratio of a constant series, the Calmar ratio of a series without drawdown), so one
 * undefined ratio does not hide the rest of the table.
 */
export type Statistic = number | StackError;

export interface SeriesStats {
  readonly cagr: Statistic;
  readonly volatility: Statistic;
  readonly sharpe: Statistic;
  readonly sortino: Statistic;
  readonly maxDrawdown: Statistic;
  readonly calmar: Statistic;
  readonly ulcer: Statistic;
  readonly best: Statistic;
  readonly worst: Statistic;
  readonly finalGrowth: Statistic;
  /** Historical VaR and CVaR at 95% (periodic returns). */
  readonly valueAtRisk: Statistic;
  readonly conditionalValueAtRisk: Statistic;
}

/** Row order and labels of the STATS table. */
export const STATS_ROWS: ReadonlyArray<readonly [keyof SeriesStats, string]> = [
  ["cagr", "CAGR"],
  ["volatility", "Volatility"],
  ["sharpe", "Sharpe"],
  ["sortino", "Sortino"],
  ["maxDrawdown", "Max drawdown"],
  ["calmar", "Calmar"],
  ["ulcer", "Ulcer index"],
  ["best", "Best period"],
  ["worst", "Worst period"],
  ["finalGrowth", "Final growth"],
  ["valueAtRisk", "VaR 95%"],
  ["conditionalValueAtRisk", "CVaR 95%"],
];

/** The value of `compute`, or its #DIV/0! error as an entry; input errors (#VALUE!) still throw. */
export function entry(compute: () => number): Statistic {
  try {
    return compute();
  } catch (e) {
    if (e instanceof StackError && e.kind === "div0") return e;
    throw e;
  }
}

/**
 * The summary table of a return series, each entry as its own function computes it: CAGR, annualised
 * volatility, Sharpe and Sortino (both against `riskFree` as the required return, so the two ratios are comparable), maximum drawdown, Calmar, ulcer
 * index (decimal), best and worst single period, the final growth of 1, and the historical VaR and CVaR at
 * 95% (one period's return).
 * @example seriesStats(returns, 0.02, 252).sharpe // same as sharpe(returns, 0.02, 252)
 */
export function seriesStats(
  returns: Float64Array,
  riskFree: Float64Array | number = 0,
  ppy = TRADING_DAYS
): SeriesStats {
  requireNonEmpty("returns", returns);
  requirePeriodsPerYear(ppy);
  let best = returns[0];
  let worst = returns[0];
  for (let t = 1; t < returns.length; t++) {
    if (returns[t] > best) best = returns[t];
    if (returns[t] < worst) worst = returns[t];
  }
  return {
    cagr: entry(() => cagr(returns, ppy)),
    volatility: entry(() => annualVolatility(returns, ppy)),
    sharpe: entry(() => sharpe(returns, riskFree, ppy)),
    sortino: entry(() => sortino(returns, riskFree, ppy)),
    maxDrawdown: entry(() => maxDrawdown(returns)),
    calmar: entry(() => calmar(returns, ppy)),
    ulcer: entry(() => ulcer(returns)),
    best,
    worst,
    finalGrowth: entry(() => finalGrowth(returns)),
    valueAtRisk: entry(() => valueAtRisk(returns, 0.95)),
    conditionalValueAtRisk: entry(() => conditionalValueAtRisk(returns, 0.95)),
  };
}
