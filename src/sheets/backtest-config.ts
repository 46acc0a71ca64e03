/**
 * What the user chooses for a backtest sheet (DESIGN.md §5, issue #5), shared by the pane that collects
 * it and the layout that turns it into a live sheet. Plain data, no Office types.
 *
 * The data are aligned series (src/io/series-align.ts): one row per common date, returns per row as
 * decimals, rates as annual decimals. Holdings, the benchmark and the rate refer to those series by
 * index into `BacktestData.series`.
 */
import { Frequency } from "../core/excel-date";
import type { DatedSeries } from "../io/series-files";

/**
 * One aligned column of the backtest's data: an io series without its own dates (the rows share
 * BacktestData.dates). `name` is as shown in the sheet's data header and the pane, e.g.
 * "S&P 500 TR (^SP500TR.csv)"; "returns" are periodic returns, "rates" annual borrowing rates (decimals).
 */
export type DataSeries = Omit<DatedSeries, "dates">;

export interface BacktestData {
  /** Excel serial dates, ascending, one per row. */
  readonly dates: Float64Array;
  readonly series: readonly DataSeries[];
  /** Where the data came from and what alignment dropped or filled, in words (shown under the title). */
  readonly notes: readonly string[];
}

/** A simulated fund: an index series, daily-reset leverage and costs, and its weight in the portfolio. */
export interface Holding {
  readonly name: string;
  /** Index into BacktestData.series (a "returns" series). */
  readonly series: number;
  readonly leverage: number;
  /** Annual expense ratio (decimal). */
  readonly expenseRatio: number;
  /** Annual spread over the rate paid on the borrowed part (decimal). */
  readonly spread: number;
  /** Target weight (decimal); weights may sum to anything, the rest is cash earning nothing. */
  readonly weight: number;
}

export type Rebalance = Frequency | "NONE" | number;

export interface BacktestConfig {
  readonly title: string;
  readonly holdings: readonly Holding[];
  /** Index of a "rates" series used as every holding's borrowing rate; absent = 0%. */
  readonly rate?: number;
  /** Index of a "returns" series shown beside the portfolio (unlevered, no costs), e.g. the S&P 500. */
  readonly benchmark?: { readonly name: string; readonly series: number };
  readonly rebalance: Rebalance;
  /** Also rebalance when a weight drifts more than this from its target (absolute decimal). */
  readonly band?: number;
  /** Excel serial dates bounding the rows used (inclusive); absent = all rows. */
  readonly start?: number;
  readonly end?: number;
  readonly startAmount: number;
  /** Trailing window of the rolling-returns column and chart, in years. */
  readonly rollingYears: number;
  /** The optional Monte Carlo block (=STACK.BOOTSTRAP). */
  readonly monteCarlo?: {
    readonly years: number;
    readonly paths: number;
    readonly block: number;
    readonly seed: number;
  };
}

/** A preset fills holdings and rebalancing; the pane maps `index` and `treasuries` onto the user's series. */
export interface Preset {
  readonly id: string;
  readonly label: string;
  readonly holdings: readonly {
    readonly role: "index" | "treasuries";
    readonly name: string;
    readonly leverage: number;
    readonly expenseRatio: number;
    readonly weight: number;
  }[];
  readonly rebalance: Rebalance;
}

/**
 * The classic cases. Expense ratios are the funds' published ones (UPRO and TMF 0.91%, SSO 0.89% per
 * ProShares / Direxion fact sheets); spreads start at 0 for the user to set.
 */
export const PRESETS: readonly Preset[] = [
  {
    id: "hfea-55-45",
    label: "55/45 3x S&P 500 / 3x long Treasuries (quarterly)",
    holdings: [
      { role: "index", name: "3x S&P 500", leverage: 3, expenseRatio: 0.0091, weight: 0.55 },
      {
        role: "treasuries",
        name: "3x long Treasuries",
        leverage: 3,
        expenseRatio: 0.0091,
        weight: 0.45,
      },
    ],
    rebalance: "Q",
  },
  {
    id: "hfea-40-60",
    label: "40/60 3x S&P 500 / 3x long Treasuries (quarterly)",
    holdings: [
      { role: "index", name: "3x S&P 500", leverage: 3, expenseRatio: 0.0091, weight: 0.4 },
      {
        role: "treasuries",
        name: "3x long Treasuries",
        leverage: 3,
        expenseRatio: 0.0091,
        weight: 0.6,
      },
    ],
    rebalance: "Q",
  },
  {
    id: "sp-2x",
    label: "2x S&P 500 alone",
    holdings: [{ role: "index", name: "2x S&P 500", leverage: 2, expenseRatio: 0.0089, weight: 1 }],
    rebalance: "NONE",
  },
  {
    id: "sp-1x",
    label: "100% S&P 500",
    holdings: [{ role: "index", name: "S&P 500", leverage: 1, expenseRatio: 0, weight: 1 }],
    rebalance: "NONE",
  },
];
