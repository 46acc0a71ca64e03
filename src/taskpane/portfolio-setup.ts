/**
 * The portfolios of the backtest as the user types them (up to four, each with its holdings, weights and
 * rebalancing), presets filled in with the loaded series, and the reading of them into the sheet's
 * {@link Portfolio}s with a problem named for every setting that is not acceptable. No React, no Office.
 */
import type { Frequency } from "../core/excel-date";
import {
  MAX_PORTFOLIOS,
  type Holding,
  type Portfolio,
  type Preset,
  type PresetRole,
} from "../sheets/backtest-config";
import type { LoadedSeries } from "./series-sources";
import { finite, percentText, Reader, tidy, typedNumber } from "./setup-reader";

/** One leg of a stacked fund: an index series and the exposure to it, in percent. */
export interface LegSetup {
  readonly series: string;
  readonly weight: string;
}

/**
 * One holding as typed. A leveraged fund ("letf") follows `series` at `leverage`, paying `expenseRatio`
 * and `spread`; a stacked fund ("stacked") holds its `legs` and pays `expenseRatio` as its fee and `spread`
 * as its premium over the rate. Either may be spliced onto a `real` fund's history (the real fund where
 * it existed, the simulation before). Percentages in percent.
 */
export interface HoldingSetup {
  readonly kind: "letf" | "stacked";
  readonly name: string;
  /** A series name from seriesOf(), "" before one is chosen. */
  readonly series: string;
  readonly leverage: string;
  readonly expenseRatio: string;
  readonly spread: string;
  readonly weight: string;
  readonly legs: readonly LegSetup[];
  /** A return series of the real fund to splice the simulation under, "" for none (simulated throughout). */
  readonly real: string;
  /**
   * Where the spread (premium) comes from — a preset's calibration, or the pane's fit to a real fund —
   * shown under it and on the sheet; absent once the user types another spread or expense ratio.
   */
  readonly costSource?: string;
}

/** A calendar code, never, or every k rows. */
export type RebalanceChoice = Frequency | "NONE" | "ROWS";

export interface PortfolioSetup {
  readonly name: string;
  readonly holdings: readonly HoldingSetup[];
  readonly rebalance: RebalanceChoice;
  /** k of "every k rows". */
  readonly rebalanceRows: string;
  /** Drift band in percent, "" for none. */
  readonly band: string;
}

/** The rebalancing choices, as the pane lists them. */
export const REBALANCE_CHOICES: readonly {
  readonly value: RebalanceChoice;
  readonly label: string;
}[] = [
  { value: "Q", label: "Quarterly" },
  { value: "M", label: "Monthly" },
  { value: "A", label: "Annually" },
  { value: "W", label: "Weekly" },
  { value: "D", label: "Daily" },
  { value: "ROWS", label: "Every k rows" },
  { value: "NONE", label: "Never (buy and hold)" },
];

/**
 * Series names that look like the S&P 500 (index, total return, index funds), and like long Treasuries
 * (unlevered: a leveraged fund such as TMF is a real history to splice onto, not an index to lever).
 */
const LOOKS_LIKE = {
  index: /s&p|sp ?500|spx|gspc|spy|vfinx|voo|ivv/i,
  treasuries: /treas|tlt|vustx|long|bond|edv|zroz|dgs30|ltt/i,
} as const;

/** The loaded return series each preset role maps onto ("" when there is none). */
export function presetRoles(series: readonly LoadedSeries[]): Record<PresetRole, string> {
  const returns = series.filter(({ kind }) => kind === "returns").map(({ name }) => name);
  const index = returns.find((name) => LOOKS_LIKE.index.test(name)) ?? returns[0] ?? "";
  const treasuries =
    returns.find((name) => name !== index && LOOKS_LIKE.treasuries.test(name)) ??
    returns.find((name) => name !== index) ??
    index;
  const third = returns.find((name) => name !== index && name !== treasuries) ?? "";
  return { index, treasuries, third };
}

export const emptyHolding: Omit<HoldingSetup, "name" | "series"> = {
  kind: "letf",
  leverage: "1",
  expenseRatio: "0",
  spread: "0",
  weight: "0",
  legs: [],
  real: "",
};

/**
 * A preset's portfolios on the loaded series: "index" to the first series that looks like the S&P 500,
 * "treasuries" to the first that looks like long Treasuries (failing that, the first and second return
 * series), "third" to any other return series — a portfolio that needs it is left out without one.
 * Costs are the preset's (PRESET_COSTS: spreads calibrated to real funds), with where they come from.
 */
export function presetPortfolios(
  preset: Preset,
  series: readonly LoadedSeries[]
): PortfolioSetup[] {
  const roles = presetRoles(series);
  return preset.portfolios
    .filter((p) =>
      p.holdings.every((h) =>
        h.kind === "letf" ? roles[h.role] !== "" : h.legs.every((l) => roles[l.role] !== "")
      )
    )
    .map((p) => ({
      name: p.name,
      holdings: p.holdings.map((h): HoldingSetup =>
        h.kind === "letf"
          ? {
              ...emptyHolding,
              name: h.name,
              series: roles[h.role],
              leverage: String(h.leverage),
              expenseRatio: percentText(h.cost.expenseRatio),
              spread: percentText(h.cost.spread),
              costSource: h.cost.source,
              weight: percentText(h.weight),
            }
          : {
              ...emptyHolding,
              kind: "stacked",
              name: nameWithThird(h.name, roles.third),
              series: "",
              expenseRatio: percentText(h.cost.expenseRatio),
              spread: percentText(h.cost.spread),
              costSource: h.cost.source,
              weight: percentText(h.weight),
              legs: h.legs.map((l) => ({ series: roles[l.role], weight: percentText(l.weight) })),
            }
      ),
      rebalance: typeof p.rebalance === "number" ? "ROWS" : p.rebalance,
      rebalanceRows: typeof p.rebalance === "number" ? String(p.rebalance) : "63",
      band: "",
    }));
}

/** "100/100 stocks + third series" names the third series the pane found. */
const nameWithThird = (name: string, third: string) => name.replace("third series", third);

/** A new holding: 1x the first return series not yet held in the portfolio, with no costs and no weight. */
export function newHolding(
  portfolio: PortfolioSetup,
  series: readonly LoadedSeries[]
): HoldingSetup {
  const returns = series.filter(({ kind }) => kind === "returns").map(({ name }) => name);
  const free =
    returns.find((name) => !portfolio.holdings.some((h) => h.series === name)) ?? returns[0] ?? "";
  return {
    ...emptyHolding,
    name: free || `Holding ${portfolio.holdings.length + 1}`,
    series: free,
  };
}

/** A new portfolio (the pane keeps at most {@link MAX_PORTFOLIOS}). */
export function newPortfolio(
  portfolios: readonly PortfolioSetup[],
  series: readonly LoadedSeries[]
): PortfolioSetup {
  const empty: PortfolioSetup = {
    name: `Portfolio ${portfolios.length + 1}`,
    holdings: [],
    rebalance: "Q",
    rebalanceRows: "63",
    band: "",
  };
  return { ...empty, holdings: [{ ...newHolding(empty, series), weight: "100" }] };
}

/** "Weights add up to 100%." — or what the rest is; undefined while a weight is not a number. */
export function describeWeights(holdings: readonly HoldingSetup[]): string | undefined {
  const weights = holdings.map((h) => typedNumber(h.weight));
  if (holdings.length === 0 || !weights.every(Number.isFinite)) return undefined;
  const total = tidy(weights.reduce((a, b) => a + b, 0));
  return total === 100
    ? "Weights add up to 100%."
    : `Weights add up to ${total}%; the other ${tidy(100 - total)}% is cash at 0%.`;
}

/** A portfolio read into numbers, its series still as loaded series (indexed once the data are aligned). */
export interface ReadPortfolio {
  readonly name: string;
  readonly rebalance: Portfolio["rebalance"];
  readonly band?: number;
  readonly holdings: readonly {
    readonly name: string;
    readonly weight: number;
    readonly source: (
      | {
          kind: "letf";
          series?: LoadedSeries;
          leverage: number;
          expenseRatio: number;
          spread: number;
        }
      | {
          kind: "stacked";
          legs: { series?: LoadedSeries; weight: number }[];
          fee: number;
          premium: number;
        }
    ) & { real?: LoadedSeries; costSource: string };
  }[];
}

/** Reads every portfolio, each problem named by portfolio and holding. */
export function readPortfolios(
  read: Reader,
  portfolios: readonly PortfolioSetup[],
  all: readonly LoadedSeries[]
): ReadPortfolio[] {
  if (portfolios.length === 0) read.problems.push("Add a portfolio, or choose a preset.");
  if (portfolios.length > MAX_PORTFOLIOS)
    read.problems.push(`At most ${MAX_PORTFOLIOS} portfolios fit side by side.`);
  return portfolios.map((p, j) => {
    const where = p.name.trim() || `Portfolio ${j + 1}`;
    if (p.holdings.length === 0) read.problems.push(`${where}: add a holding.`);
    const holdings = p.holdings.map((h, k) => {
      const what = `${where}, ${h.name.trim() || `holding ${k + 1}`}`;
      // In the order of the pane's fields: the series (or legs) and leverage, then costs and weight.
      const series = h.kind === "letf" ? read.series(what, h.series, all, "returns") : undefined;
      const leverage =
        h.kind === "letf" ? read.number(`${what}, leverage`, h.leverage, finite, "a number") : NaN;
      const legs =
        h.kind === "stacked"
          ? h.legs.map((l, m) => ({
              series: read.series(`${what}, leg ${m + 1}`, l.series, all, "returns"),
              weight: read.percent(`${what}, leg ${m + 1} exposure`, l.weight, finite, "a number"),
            }))
          : [];
      const cost = read.percent(
        `${what}, ${h.kind === "letf" ? "expense ratio" : "fee"}`,
        h.expenseRatio,
        (x) => x >= 0 && x < 1,
        "from 0% to 100%"
      );
      const spread = read.percent(
        `${what}, ${h.kind === "letf" ? "spread" : "premium"}`,
        h.spread,
        (x) => x > -1 && x < 1,
        "between -100% and 100%"
      );
      const weight = read.percent(`${what}, weight`, h.weight, finite, "a number");
      const real =
        h.real === "" ? undefined : read.series(`${what}, real history`, h.real, all, "returns");
      const shared = { real, costSource: h.costSource ?? "as typed in the pane" };
      const source =
        h.kind === "letf"
          ? { kind: "letf" as const, series, leverage, expenseRatio: cost, spread, ...shared }
          : { kind: "stacked" as const, legs, fee: cost, premium: spread, ...shared };
      if (source.kind === "stacked" && source.legs.length === 0)
        read.problems.push(`${what}: add an index series to the stacked fund.`);
      return { name: h.name.trim() || `Holding ${k + 1}`, weight, source };
    });
    const band = read.percent(
      `${where}, rebalancing band`,
      p.band,
      (x) => x > 0 && x < 1,
      "between 0% and 100%, or blank for none",
      NaN
    );
    const rows =
      p.rebalance === "ROWS" ? read.whole(`${where}, rebalance every`, p.rebalanceRows, 1) : NaN;
    return {
      name: where,
      rebalance: p.rebalance === "ROWS" ? rows : p.rebalance,
      band: Number.isNaN(band) ? undefined : band,
      holdings,
    };
  });
}

/** The loaded series the portfolios follow as indexes, each once, in order of first use. */
export function seriesUsed(portfolios: readonly ReadPortfolio[]): LoadedSeries[] {
  return portfolios
    .flatMap((p) =>
      p.holdings.flatMap((h) =>
        h.source.kind === "letf" ? [h.source.series] : h.source.legs.map((l) => l.series)
      )
    )
    .filter((s): s is LoadedSeries => s !== undefined);
}

/** The real fund histories the portfolios splice onto, in order of first use (may repeat). */
export function realHistoriesUsed(portfolios: readonly ReadPortfolio[]): LoadedSeries[] {
  return portfolios.flatMap((p) => p.holdings.flatMap((h) => h.source.real ?? []));
}

/** The sheet's portfolios, with each series as its index in the aligned data. */
export function toPortfolios(
  portfolios: readonly ReadPortfolio[],
  column: (s: LoadedSeries | undefined) => number
): Portfolio[] {
  return portfolios.map((p) => ({
    name: p.name,
    rebalance: p.rebalance,
    band: p.band,
    holdings: p.holdings.map((h): Holding => {
      const real = h.source.real === undefined ? undefined : column(h.source.real);
      return {
        name: h.name,
        weight: h.weight,
        source:
          h.source.kind === "letf"
            ? { ...h.source, series: column(h.source.series), real }
            : {
                ...h.source,
                legs: h.source.legs.map((l) => ({ weight: l.weight, series: column(l.series) })),
                real,
              },
      };
    }),
  }));
}

/** Settings remembered by an earlier version (one portfolio's holdings at the top level) as portfolios. */
export function upgradePortfolios(
  remembered: Record<string, unknown>
): PortfolioSetup[] | undefined {
  if (Array.isArray(remembered.portfolios))
    // Holdings remembered before real histories existed have none.
    return (remembered.portfolios as PortfolioSetup[]).map((p) => ({
      ...p,
      holdings: p.holdings.map((h) => ({ ...h, real: h.real ?? "" })),
    }));
  if (!Array.isArray(remembered.holdings) || remembered.holdings.length === 0) return undefined;
  const text = (key: string, fallback: string) =>
    typeof remembered[key] === "string" ? (remembered[key] as string) : fallback;
  return [
    {
      name: text("title", "Portfolio 1"),
      holdings: (remembered.holdings as Partial<HoldingSetup>[]).map((h) => ({
        ...emptyHolding,
        name: "",
        series: "",
        ...h,
        kind: h.kind ?? "letf",
        legs: h.legs ?? [],
      })),
      rebalance: text("rebalance", "Q") as RebalanceChoice,
      rebalanceRows: text("rebalanceRows", "63"),
      band: text("band", ""),
    },
  ];
}
