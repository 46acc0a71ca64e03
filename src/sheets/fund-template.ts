/**
 * The fund table shipped with the add-in (DESIGN.md §9): return-stacked and capital-efficient funds by
 * their exposure per $1 to each asset class, with their expense ratios, sources and the date the figures
 * were compiled. It is a template: the stacked-portfolio sheet writes the funds the user picks as an
 * editable table (orange cells), and FUNDS.EXPOSURE / FUNDS.MIX read whatever that table then holds.
 *
 * Figures are the sponsors' published descriptions as summarised in the design notes; an exposure given
 * there as a range is shown at its lower end (PSLDX: "~1.0–1.3 long-duration bonds" → 1.0). Check each
 * fund's current prospectus before relying on them. SSO, UPRO and TMF reset their leverage daily: their
 * look-through exposure holds for one day; simulate their history with LETF.SERIES (and the calibrated
 * spreads of fund-calibration.ts), not as a static exposure.
 */

/** When the figures below were compiled (shown in the sheet's "As of" column). */
export const FUND_FIGURES_AS_OF = "2026-12";

/** An asset class of the fund table, with other names a capital-market-assumption table may use for it. */
export interface AssetClass {
  readonly name: string;
  /** Lower-case names that mean the same class, for matching CMA assets (besides `name` itself). */
  readonly aliases: readonly string[];
}

/** The asset classes, in the order of the table's columns. */
export const ASSET_CLASSES: readonly AssetClass[] = [
  {
    name: "US equity",
    aliases: [
      "us equities",
      "us stocks",
      "us large cap",
      "us large-cap equity",
      "s&p 500",
      "stocks",
    ],
  },
  { name: "Global equity", aliases: ["global equities", "global stocks", "world equity", "acwi"] },
  {
    name: "Developed ex-US equity",
    aliases: ["international equity", "developed markets equity", "eafe", "msci eafe"],
  },
  {
    name: "Emerging equity",
    aliases: ["emerging markets equity", "emerging markets", "em equity"],
  },
  {
    name: "US Treasuries",
    aliases: ["treasuries", "us treasury", "intermediate treasuries", "bonds"],
  },
  { name: "US bonds", aliases: ["us aggregate bonds", "aggregate bonds", "us aggregate", "bonds"] },
  {
    name: "Long-duration bonds",
    aliases: ["long treasuries", "long-term treasuries", "long bonds", "20+ year treasuries"],
  },
  { name: "Managed futures", aliases: ["trend", "trend following", "managed futures (trend)"] },
  { name: "Futures yield", aliases: ["carry", "futures carry", "yield (carry)"] },
  { name: "Merger arbitrage", aliases: ["merger arb"] },
  { name: "Gold", aliases: ["gold futures"] },
  { name: "Gold/bitcoin", aliases: ["gold and bitcoin"] },
];

/** One fund: exposure per $1 by asset class (absent = none), expense ratio, and where the figures come from. */
export interface FundFigures {
  readonly ticker: string;
  readonly description: string;
  /** Asset class name → exposure per $1 of the fund. */
  readonly exposures: Readonly<Record<string, number>>;
  /** Annual expense ratio (decimal). */
  readonly expenseRatio: number;
  readonly source: string;
  readonly asOf: string;
}

const RETURN_STACKED = "Return Stacked ETFs fund page";
const WISDOMTREE = "WisdomTree fund page";
const fund = (
  ticker: string,
  description: string,
  exposures: Record<string, number>,
  expenseRatio: number,
  source: string
): FundFigures => ({
  ticker,
  description,
  exposures,
  expenseRatio,
  source,
  asOf: FUND_FIGURES_AS_OF,
});

/** DESIGN.md §9, plus two plain index funds (VTI, BND) to hold beside them. */
export const FUND_TEMPLATE: readonly FundFigures[] = [
  fund(
    "RSSB",
    "Return Stacked Global Stocks & Bonds",
    { "Global equity": 1, "US Treasuries": 1 },
    0.004,
    `${RETURN_STACKED} (Treasury futures ladder 2/5/10/30-year)`
  ),
  fund(
    "RSST",
    "Return Stacked US Stocks & Managed Futures",
    { "US equity": 1, "Managed futures": 1 },
    0.01,
    RETURN_STACKED
  ),
  fund(
    "RSBT",
    "Return Stacked Bonds & Managed Futures",
    { "US bonds": 1, "Managed futures": 1 },
    0.0097,
    RETURN_STACKED
  ),
  fund(
    "RSSY",
    "Return Stacked US Stocks & Futures Yield",
    { "US equity": 1, "Futures yield": 1 },
    0.01,
    RETURN_STACKED
  ),
  fund(
    "RSBY",
    "Return Stacked Bonds & Futures Yield",
    { "US bonds": 1, "Futures yield": 1 },
    0.0098,
    RETURN_STACKED
  ),
  fund(
    "RSBA",
    "Return Stacked Bonds & Merger Arbitrage",
    { "US Treasuries": 1, "Merger arbitrage": 1 },
    0.0096,
    RETURN_STACKED
  ),
  fund(
    "RSSX",
    "Return Stacked US Stocks & Gold/Bitcoin",
    { "US equity": 1, "Gold/bitcoin": 1 },
    0.0068,
    RETURN_STACKED
  ),
  fund(
    "NTSX",
    "WisdomTree US Efficient Core (90/60)",
    { "US equity": 0.9, "US Treasuries": 0.6 },
    0.002,
    WISDOMTREE
  ),
  fund(
    "NTSI",
    "WisdomTree International Efficient Core (90/60)",
    { "Developed ex-US equity": 0.9, "US Treasuries": 0.6 },
    0.0026,
    WISDOMTREE
  ),
  fund(
    "NTSE",
    "WisdomTree Emerging Markets Efficient Core (90/60)",
    { "Emerging equity": 0.9, "US Treasuries": 0.6 },
    0.0032,
    WISDOMTREE
  ),
  fund(
    "GDE",
    "WisdomTree Efficient Gold Plus Equity (90/90)",
    { "US equity": 0.9, Gold: 0.9 },
    0.002,
    WISDOMTREE
  ),
  fund(
    "PSLDX",
    "PIMCO StocksPLUS Long Duration",
    { "US equity": 1, "Long-duration bonds": 1 },
    0.006,
    "PIMCO fund page (bonds ~1.0–1.3; 1.0 shown)"
  ),
  fund(
    "SSO",
    "ProShares Ultra S&P500 (2x daily)",
    { "US equity": 2 },
    0.0089,
    "ProShares fund page (daily reset)"
  ),
  fund(
    "UPRO",
    "ProShares UltraPro S&P500 (3x daily)",
    { "US equity": 3 },
    0.0091,
    "ProShares fund page (daily reset)"
  ),
  fund(
    "TMF",
    "Direxion Daily 20+ Year Treasury Bull 3X",
    { "Long-duration bonds": 3 },
    0.01,
    "Direxion fund page (daily reset)"
  ),
  fund("VTI", "Vanguard Total Stock Market", { "US equity": 1 }, 0.0003, "Vanguard fund page"),
  fund("BND", "Vanguard Total Bond Market", { "US bonds": 1 }, 0.0003, "Vanguard fund page"),
];

/** The shipped fund with this ticker, if any. */
export function templateFund(ticker: string): FundFigures | undefined {
  return FUND_TEMPLATE.find((f) => f.ticker === ticker);
}

/**
 * The asset classes a set of funds holds, in the order of {@link ASSET_CLASSES} (so the table's columns
 * read the same whichever funds are picked).
 */
export function classesOf(funds: readonly FundFigures[]): string[] {
  return ASSET_CLASSES.map((c) => c.name).filter((name) =>
    funds.some((f) => (f.exposures[name] ?? 0) !== 0)
  );
}
