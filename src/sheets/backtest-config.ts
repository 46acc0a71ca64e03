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
import { FUND_CALIBRATIONS, type FundCalibration, TMF_ASSUMPTION } from "./fund-calibration";

/**
 * One aligned column of the backtest's data: an io series without its own dates (the rows share
 * BacktestData.dates). `name` is as shown in the sheet's data header and the pane, e.g.
 * "S&P 500 TR (^SP500TR.csv)"; "returns" are periodic returns, "rates" annual borrowing rates (decimals).
 * Values are NaN only in a real fund's history (HoldingSource.real), on the rows before it existed.
 */
export type DataSeries = Omit<DatedSeries, "dates">;

export interface BacktestData {
  /** Excel serial dates, ascending, one per row. */
  readonly dates: Float64Array;
  readonly series: readonly DataSeries[];
  /** Where the data came from and what alignment dropped or filled, in words (shown under the title). */
  readonly notes: readonly string[];
}

/**
 * How a holding's daily returns are simulated. A discriminated union so that new kinds of simulation can
 * be added without touching the others.
 * - "letf": a daily-reset fund simulated from an index series: leverage × index − expense ratio/252 −
 *   (leverage − 1) × (rate + spread) × days/360 (=STACK.LETF.SERIES);
 * - "stacked": a daily-rebalanced stacked fund over several index series, e.g. 100% stocks + 100% bonds
 *   financed at the rate (=STACK.STACKED; RSSB-like).
 */
export type Simulation =
  | {
      readonly kind: "letf";
      /** Index into BacktestData.series (a "returns" series). */
      readonly series: number;
      readonly leverage: number;
      /** Annual expense ratio (decimal). */
      readonly expenseRatio: number;
      /** Annual spread over the rate paid on the borrowed part (decimal). */
      readonly spread: number;
    }
  | {
      readonly kind: "stacked";
      /** Exposure to each index series per $1, e.g. 1 and 1 for 100/100. */
      readonly legs: readonly { readonly series: number; readonly weight: number }[];
      /** Annual fee (decimal). */
      readonly fee: number;
      /** Annual premium over the rate on the borrowed part (decimal). */
      readonly premium: number;
    };

/**
 * Where a holding's daily returns come from: its simulation, optionally spliced under a real fund's
 * history (issue #11), and where its spread or premium comes from.
 */
export type HoldingSource = Simulation & {
  /**
   * Index into BacktestData.series of the real fund's daily returns, NaN on the rows before it existed:
   * the holding is the real fund where it has a value and the simulation before (=STACK.SPLICE), e.g.
   * UPRO's NAV since 2009 on a 3x S&P 500 simulation. Splicing applies to either kind of simulation.
   */
  readonly real?: number;
  /** Where the spread (or premium) comes from, in words shown beside it, e.g. "calibrated to UPRO's NAV …". */
  readonly costSource?: string;
};

/** A fund held in a portfolio, with its target weight there. */
export interface Holding {
  readonly name: string;
  readonly source: HoldingSource;
  /** Target weight (decimal); weights may sum to anything, the rest is cash earning nothing. */
  readonly weight: number;
}

export type Rebalance = Frequency | "NONE" | number;

/** One portfolio of the sheet: its holdings and its own rebalancing. */
export interface Portfolio {
  readonly name: string;
  readonly holdings: readonly Holding[];
  readonly rebalance: Rebalance;
  /** Also rebalance when a weight drifts more than this from its target (absolute decimal). */
  readonly band?: number;
}

/** The most portfolios a sheet shows side by side. */
export const MAX_PORTFOLIOS = 4;

export interface BacktestConfig {
  readonly title: string;
  /** One to {@link MAX_PORTFOLIOS} portfolios, shown side by side. */
  readonly portfolios: readonly Portfolio[];
  /** Index of a "rates" series used as every fund's borrowing rate; absent = 0%. */
  readonly rate?: number;
  /** Index of a "returns" series shown beside the portfolios (unlevered, no costs), e.g. the S&P 500. */
  readonly benchmark?: { readonly name: string; readonly series: number };
  /** Excel serial dates bounding the rows used (inclusive); absent = all rows. */
  readonly start?: number;
  readonly end?: number;
  readonly startAmount: number;
  /** Trailing window of the rolling-returns column and chart, in years. */
  readonly rollingYears: number;
  /** The optional Monte Carlo block (=STACK.BOOTSTRAP), one set of paths per portfolio. */
  readonly monteCarlo?: {
    readonly years: number;
    readonly paths: number;
    readonly block: number;
    readonly seed: number;
  };
}

/** A preset's fund, by role: the pane maps each role onto one of the user's series. */
export type PresetRole = "index" | "treasuries" | "third";

/**
 * A preset fund's costs and where its spread (a stacked fund's premium) comes from, in words the pane
 * and the sheet show beside it. Spreads come from calibrating the daily model to real NAVs
 * (src/sheets/fund-calibration.ts), never a zero spread by default.
 */
export interface PresetCost {
  /** The kind of fund, as the pane's table of presets names it. */
  readonly fund: string;
  /** Expense ratio (a stacked fund's fee), published. */
  readonly expenseRatio: number;
  /** Spread over the rate on the borrowed part (a stacked fund's premium). */
  readonly spread: number;
  readonly source: string;
}

const years = ({ sample }: FundCalibration) =>
  `${sample.first.slice(0, 4)}–${sample.last.slice(0, 4)}`;
const calibrated = (c: FundCalibration) =>
  `calibrated to ${c.ticker}'s NAV ${years(c)} (LETF.FIT without dates): the model's CAGR within 0.03 points of the fund's`;
const { UPRO, SSO } = FUND_CALIBRATIONS;
const tmf = TMF_ASSUMPTION;

/** The costs of the presets' funds (expense ratios per ProShares / Direxion / Return Stacked ETFs fact sheets). */
export const PRESET_COSTS = {
  sp3x: {
    fund: "3x S&P 500 (UPRO-like)",
    expenseRatio: UPRO.expenseRatio,
    spread: UPRO.spread,
    source: calibrated(UPRO),
  },
  sp2x: {
    fund: "2x S&P 500 (SSO-like)",
    expenseRatio: SSO.expenseRatio,
    spread: SSO.spread,
    source: calibrated(SSO),
  },
  lt3x: {
    fund: "3x long Treasuries (TMF-like)",
    expenseRatio: tmf.expenseRatio,
    spread: tmf.spread,
    source: `assumed: UPRO's calibrated spread (no NAV of a 3x Treasury fund to calibrate on); ${tmf.ticker}'s prices on TLT's give ${(tmf.crossCheck.spread * 100).toFixed(2)}% (${tmf.crossCheck.sample.first.slice(0, 4)}–${tmf.crossCheck.sample.last.slice(0, 4)})`,
  },
  stack: {
    fund: "100/100 stack (RSSB-like)",
    expenseRatio: 0.004,
    spread: 0,
    source:
      "premium assumed 0: futures financed at about the T-bill rate (no NAV of a stacked fund to calibrate on)",
  },
  sp1x: { fund: "S&P 500 (1x)", expenseRatio: 0, spread: 0, source: "no borrowing, no costs" },
} as const satisfies Record<string, PresetCost>;

export type PresetHolding = {
  readonly name: string;
  readonly weight: number;
  /** Expense ratio (fee), spread (premium) and where the spread comes from. */
  readonly cost: PresetCost;
} & (
  | {
      readonly kind: "letf";
      readonly role: PresetRole;
      readonly leverage: number;
    }
  | {
      readonly kind: "stacked";
      readonly legs: readonly { readonly role: PresetRole; readonly weight: number }[];
    }
);

/** A preset fills one or more portfolios; a portfolio that needs a "third" series is left out without one. */
export interface Preset {
  readonly id: string;
  readonly label: string;
  readonly portfolios: readonly {
    readonly name: string;
    readonly holdings: readonly PresetHolding[];
    readonly rebalance: Rebalance;
  }[];
}

const letf = (
  role: PresetRole,
  name: string,
  leverage: number,
  cost: PresetCost,
  weight: number
): PresetHolding => ({ kind: "letf", role, name, leverage, cost, weight });

/** A 100/100 stack of two index series financed at the rate, with a fee (RSSB-like at 0.40%). */
const stack = (name: string, second: PresetRole): PresetHolding => ({
  kind: "stacked",
  name,
  legs: [
    { role: "index", weight: 1 },
    { role: second, weight: 1 },
  ],
  cost: PRESET_COSTS.stack,
  weight: 1,
});

/** The classic cases, each fund at its {@link PRESET_COSTS}. */
export const PRESETS: readonly Preset[] = [
  {
    id: "hfea-55-45",
    label: "55/45 3x S&P 500 / 3x long Treasuries (quarterly)",
    portfolios: [
      {
        name: "55/45 3x",
        holdings: [
          letf("index", "3x S&P 500", 3, PRESET_COSTS.sp3x, 0.55),
          letf("treasuries", "3x long Treasuries", 3, PRESET_COSTS.lt3x, 0.45),
        ],
        rebalance: "Q",
      },
    ],
  },
  {
    id: "hfea-40-60",
    label: "40/60 3x S&P 500 / 3x long Treasuries (quarterly)",
    portfolios: [
      {
        name: "40/60 3x",
        holdings: [
          letf("index", "3x S&P 500", 3, PRESET_COSTS.sp3x, 0.4),
          letf("treasuries", "3x long Treasuries", 3, PRESET_COSTS.lt3x, 0.6),
        ],
        rebalance: "Q",
      },
    ],
  },
  {
    id: "stack-vs-2x",
    label: "Stack vs 2x: 2x S&P 500, 100/100 stocks + Treasuries, 100% S&P 500",
    portfolios: [
      {
        name: "2x S&P 500",
        holdings: [letf("index", "2x S&P 500 (SSO-like)", 2, PRESET_COSTS.sp2x, 1)],
        rebalance: "NONE",
      },
      {
        name: "100/100 stack",
        holdings: [stack("100/100 stocks + Treasuries (RSSB-like)", "treasuries")],
        rebalance: "NONE",
      },
      {
        name: "100% S&P 500",
        holdings: [letf("index", "S&P 500", 1, PRESET_COSTS.sp1x, 1)],
        rebalance: "NONE",
      },
      {
        name: "100/100 + third",
        holdings: [stack("100/100 stocks + third series", "third")],
        rebalance: "NONE",
      },
    ],
  },
  {
    id: "sp-2x",
    label: "2x S&P 500 alone",
    portfolios: [
      {
        name: "2x S&P 500",
        holdings: [letf("index", "2x S&P 500", 2, PRESET_COSTS.sp2x, 1)],
        rebalance: "NONE",
      },
    ],
  },
  {
    id: "sp-1x",
    label: "100% S&P 500",
    portfolios: [
      {
        name: "100% S&P 500",
        holdings: [letf("index", "S&P 500", 1, PRESET_COSTS.sp1x, 1)],
        rebalance: "NONE",
      },
    ],
  },
];
