/**
 * The summary and risk table: one =STACK.STATS over every result column (each portfolio, then the
 * benchmark), with the benchmark as STATS's fourth argument — CAGR, volatility, Sharpe, Sortino, maximum
 * drawdown, Calmar, ulcer, VaR and CVaR 95%, then beta, alpha, correlation, up and down capture, tracking
 * error and information ratio against the benchmark. Sharpe, Sortino, beta and alpha take each day's
 * borrowing rate / 252 as the risk-free return (0 without a rate series).
 */
import { BENCHMARK_ROWS, BenchmarkStats } from "../../core/benchmark-stats";
import { TRADING_DAYS } from "../../core/series";
import { SeriesStats, STATS_ROWS } from "../../core/stats";
import { Area, formula } from "../layout";
import { theme } from "../theme";
import { PERCENT, RATIO, SheetContext } from "./context";
import { resultHeadings } from "./data";
import { Inputs } from "./inputs";

/** Number format of each STATS row. */
const FORMATS: Record<keyof SeriesStats | keyof BenchmarkStats, string> = {
  cagr: PERCENT,
  volatility: PERCENT,
  sharpe: RATIO,
  sortino: RATIO,
  maxDrawdown: PERCENT,
  calmar: RATIO,
  ulcer: PERCENT,
  best: PERCENT,
  worst: PERCENT,
  finalGrowth: RATIO,
  valueAtRisk: PERCENT,
  conditionalValueAtRisk: PERCENT,
  beta: RATIO,
  alpha: PERCENT,
  correlation: RATIO,
  upCapture: RATIO,
  downCapture: RATIO,
  trackingError: PERCENT,
  informationRatio: RATIO,
};

/** @returns the STATS spill (a label column, then one column per result column) and the next row */
export function writeSummary(
  ctx: SheetContext,
  inputs: Inputs,
  row: number
): { summary: Area; next: number } {
  const { builder, config, names } = ctx;
  const rates = config.rate !== undefined;
  const top = row + 2;
  builder.section(
    row,
    `Summary and risk (${TRADING_DAYS} trading days a year; risk-free return: ${rates ? "each day's borrowing rate / 252" : "0"}${config.benchmark ? "; against the benchmark" : ""})`
  );
  builder.put(
    top - 1,
    0,
    [["Statistic", ...resultHeadings(ctx, inputs, top - 1, 1)]],
    theme.header
  );
  const args = [
    "Backtest_Returns",
    rates ? "Backtest_Rates/252" : "0",
    ...(config.benchmark ? [String(TRADING_DAYS), "Backtest_Benchmark"] : []),
  ];
  builder.put(top, 0, [[formula(`=STACK.STATS(${args.join(",")})`)]]);
  const rows = [...STATS_ROWS, ...(config.benchmark ? BENCHMARK_ROWS : [])];
  rows.forEach(([key], i) =>
    builder.style(
      { row: top + i, column: 1, rows: 1, columns: ctx.results },
      { numberFormat: FORMATS[key] }
    )
  );
  const summary: Area = { row: top, column: 0, rows: rows.length, columns: 1 + ctx.results };
  names.push({
    name: "Backtest_Summary",
    area: { ...summary, row: top - 1, rows: rows.length + 1 },
  });
  return { summary, next: top + rows.length + 1 };
}
