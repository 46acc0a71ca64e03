/**
 * The pane's "Funds" step as the user types it, and what the pane makes of it: the funds picked from the
 * shipped table with their holdings, target exposures for "size to a target", and which CMA asset prices
 * each asset class — matched by name, or chosen by hand — with a live preview computed by the core
 * (look-through exposure, weighted expense ratio, the mix for the target) and the {@link FundsSetup} the
 * sheet's funds section is built from, or every problem that stands in the way. No React and no Office
 * here, so it is tested in Node. Percentages are kept as typed (see setup-reader.ts's typedNumber).
 */
import { fundTableFromColumns, lookThrough, LookThrough } from "../core/fund-exposure";
import { FundMix, fundMix } from "../core/fund-mix";
import type { FundsSetup } from "../sheets/cma-funds";
import { matchClasses } from "../sheets/fund-mapping";
import { classesOf, FUND_TEMPLATE, FundFigures, templateFund } from "../sheets/fund-template";
import { typedNumber } from "./setup-reader";

export interface FundsState {
  /** Tickers of the shipped table, in the order picked. */
  readonly picked: readonly string[];
  /** Ticker → holding in percent, as typed. */
  readonly holdings: Readonly<Record<string, string>>;
  /** Asset class → target exposure in percent, as typed ("" or absent = 0). */
  readonly target: Readonly<Record<string, string>>;
  /** The most money the mix may use, in percent. */
  readonly maxTotal: string;
  /** Asset class → CMA asset chosen by hand ("" = leave it out); absent = matched by name. */
  readonly mapping: Readonly<Record<string, string>>;
}

/** The issue's questions: 30% RSSB, 20% RSST and 50% VTI; NTSX beside them; 60/40 plus 20% trend. */
export const DEFAULT_FUNDS: FundsState = {
  picked: ["RSSB", "RSST", "NTSX", "VTI"],
  holdings: { RSSB: "30", RSST: "20", NTSX: "0", VTI: "50" },
  target: { "US equity": "60", "US Treasuries": "40", "Managed futures": "20" },
  maxTotal: "100",
  mapping: {},
};

/** How a class ends up priced: its CMA asset ("" = left out) and why, in words for the pane. */
export interface ClassPricing {
  readonly assetClass: string;
  readonly asset: string;
  readonly how:
    "same name" | "another name for it" | "chosen by you" | "left out by you" | "not found";
}

export interface FundsReading {
  readonly funds: readonly FundFigures[];
  readonly classes: readonly string[];
  readonly pricing: readonly ClassPricing[];
  /** Classes no CMA asset prices: listed in the pane and on the sheet, left out of return and risk. */
  readonly unmapped: readonly string[];
  /** Each a sentence naming the fund or class and what is wrong. */
  readonly problems: readonly string[];
  /** When nothing is wrong (and a fund is picked): the sheet's section and the pane's live preview. */
  readonly setup?: FundsSetup;
  readonly preview?: {
    readonly lookThrough: LookThrough;
    readonly expenseRatio: number;
    readonly mix: FundMix;
    /** The mix's own look-through exposure, one per class. */
    readonly mixExposures: Float64Array;
  };
}

/** The funds of the shipped table not yet picked, in the table's order. */
export function unpickedFunds(state: FundsState): FundFigures[] {
  return FUND_TEMPLATE.filter((f) => !state.picked.includes(f.ticker));
}

/** "1.0 Global equity + 1.0 US Treasuries · 0.40%" */
export function describeFund(fund: FundFigures): string {
  const parts = Object.entries(fund.exposures).map(([c, e]) => `${e.toFixed(1)} ${c}`);
  return `${parts.join(" + ")} · ${(fund.expenseRatio * 100).toFixed(2)}%`;
}

/** Read the step: numbers, pricing of each class against the CMA assets, the setup and its preview. */
export function readFunds(state: FundsState, assets: readonly string[] | undefined): FundsReading {
  const funds = state.picked.flatMap((t) => templateFund(t) ?? []);
  const classes = classesOf(funds);
  const problems: string[] = [];
  const percent = (text: string | undefined, what: string, blankIsZero: boolean) => {
    if (blankIsZero && (text ?? "").trim() === "") return 0;
    const value = typedNumber(text ?? "");
    if (!Number.isFinite(value)) {
      problems.push(`${what}: ${text?.trim() ? `“${text.trim()}” is not a number` : "blank"}.`);
      return NaN;
    }
    return value / 100;
  };
  const holdings = funds.map((f) =>
    percent(state.holdings[f.ticker], `${f.ticker} holding`, false)
  );
  const target = Object.fromEntries(
    classes.map((c) => [c, percent(state.target[c], `Target for ${c}`, true)])
  );
  const maxTotal = percent(state.maxTotal, "Most money the mix may use", false);
  if (maxTotal < 0) problems.push("Most money the mix may use: must be 0% or more.");

  const names = assets ?? [];
  const matches = matchClasses(classes, names);
  const pricing = matches.map(({ assetClass, asset, how }): ClassPricing => {
    const chosen = state.mapping[assetClass];
    if (chosen === "") return { assetClass, asset: "", how: "left out by you" };
    if (chosen !== undefined && names.includes(chosen))
      return { assetClass, asset: chosen, how: "chosen by you" };
    if (asset === undefined) return { assetClass, asset: "", how: "not found" };
    return {
      assetClass,
      asset: names[asset],
      how: how === "name" ? "same name" : "another name for it",
    };
  });
  const unmapped = pricing.filter((p) => p.asset === "").map((p) => p.assetClass);

  if (problems.length > 0 || funds.length === 0)
    return { funds, classes, pricing, unmapped, problems };
  const setup: FundsSetup = {
    funds,
    holdings,
    target,
    maxTotal,
    mapping: Object.fromEntries(
      pricing.filter((p) => p.asset !== "").map((p) => [p.assetClass, p.asset])
    ),
  };
  const table = fundTableFromColumns(
    classes.map((c) => Float64Array.from(funds, (f) => f.exposures[c] ?? 0))
  );
  const mix = fundMix(
    Float64Array.from(classes, (c) => target[c]),
    table,
    maxTotal
  );
  const preview = {
    lookThrough: lookThrough(Float64Array.from(holdings), table),
    expenseRatio: funds.reduce((s, f, i) => s + f.expenseRatio * holdings[i], 0),
    mix,
    mixExposures: lookThrough(mix.weights, table).exposures,
  };
  return { funds, classes, pricing, unmapped, problems, setup, preview };
}
