/**
 * =STACK.* planning functions (DESIGN.md §4, "Planning with CMAs"): a Monte Carlo of a plan with
 * cashflows, and the stacked efficient frontier with its optimiser. Thin adapters: convert Excel's
 * arguments, call the core, let `excelSpill` map errors. The JSDoc blocks are the metadata.
 */
import { correlationMatrix } from "../core/correlation-matrix";
import { efficientFrontier, EfficientFrontier } from "../core/efficient-frontier";
import { invalid } from "../core/errors";
import {
  FrontierPortfolio,
  frontierPoints,
  maximumReturnFor,
  maximumSharpe,
  minimumVolatilityFor,
} from "../core/frontier-portfolios";
import { percentileName, plan as runPlan, PLAN_PERCENTILES } from "../core/plan";
import { requireWhole } from "../core/series";
import {
  cells,
  choice,
  excelSpill,
  ExcelValue,
  isMissing,
  number,
  optionalNumber,
  Spill,
  spill,
  vector,
} from "./excel";

/** PLAN's header row. */
export const PLAN_HEADER: readonly string[] = [
  "Year",
  ...PLAN_PERCENTILES.map(percentileName),
  "Not depleted",
];
/** FRONTIER's headings before the weights. */
export const FRONTIER_HEADER: readonly string[] = ["Volatility", "Expected return", "Sharpe ratio"];
const DEFAULT_POINTS = 20;
const MAX_POINTS = 1000;

/**
 * Spills a Monte Carlo of a plan in yearly steps: each year the inflation-grown cashflow is added at the start, then the value grows by a lognormal return; percentiles in today's money.
 * @customfunction PLAN
 * @param start_value Value today (0 or more).
 * @param cashflow Yearly amount in today's money, added at the start of each year: positive contributes, negative withdraws.
 * @param years Number of years, a whole number.
 * @param arith_return Expected annual arithmetic return (decimal).
 * @param vol Annual volatility of the return (decimal).
 * @param [inflation] Annual inflation (decimal, default 0): cashflows grow with it and values are shown in today's money.
 * @param [paths] Number of simulated paths (default 10,000).
 * @param [seed] Random seed, a whole number (default 1): the same seed gives the same paths.
 * @returns A header, then one row per year 0…years: year, 10th, 25th, 50th, 75th, 90th percentile of the value, share of paths not depleted.
 */
export function plan(
  start_value: number,
  cashflow: number,
  years: number,
  arith_return: number,
  vol: number,
  inflation?: number,
  paths?: number,
  seed?: number
): any[][] {
  return excelSpill(() => {
    const span = number(years, "years");
    const result = runPlan(
      number(start_value, "start_value"),
      number(cashflow, "cashflow"),
      span,
      number(arith_return, "arith_return"),
      number(vol, "vol"),
      optionalNumber(inflation, "inflation", 0),
      optionalNumber(paths, "paths", 10_000),
      optionalNumber(seed, "seed", 1)
    );
    const out: Spill = [[...PLAN_HEADER]];
    for (let t = 0; t <= span; t++)
      out.push([t, ...result.percentiles.map((p) => p[t]), result.solvent[t]]);
    return out;
  });
}

/** The frontier of the shared (returns, vols, correlations, [max_total], [financing_rate], [premium]) arguments. */
function frontierOf(
  returns: ExcelValue,
  vols: ExcelValue,
  correlations: ExcelValue,
  maxTotal: ExcelValue,
  financingRate: ExcelValue,
  premium: ExcelValue
): { frontier: EfficientFrontier; financingRate: number } {
  const total = optionalNumber(maxTotal, "max_total", 1);
  if (total > 1 && isMissing(financingRate))
    throw invalid(
      "financing_rate",
      "needed when max_total is above 1 (the rate paid on borrowing)"
    );
  const rate = optionalNumber(financingRate, "financing_rate", 0);
  const frontier = efficientFrontier({
    returns: vector(returns, "returns", "returns").values,
    vols: vector(vols, "vols").values,
    correlations: correlationMatrix(cells(correlations, "correlations")),
    maxTotal: total,
    borrowingRate: rate + optionalNumber(premium, "premium", 0),
  });
  return { frontier, financingRate: rate };
}

/** OPTIMIZE's target: the expected return to reach (MINVOL) or the volatility not to exceed (MAXRETURN). */
function requiredTarget(target: ExcelValue, minVol: boolean): number {
  if (isMissing(target))
    throw invalid(
      "target",
      minVol
        ? "needed for MINVOL (the expected return to reach)"
        : "needed for MAXRETURN (the volatility not to exceed)"
    );
  return number(target, "target");
}

const sharpeOf = (p: FrontierPortfolio, rate: number) => (p.expectedReturn - rate) / p.volatility;

/**
 * Spills portfolios along the efficient frontier, long only, total exposure from 100% to max_total; exposure above 100% pays financing_rate + premium.
 * @customfunction FRONTIER
 * @param returns Expected annual arithmetic return of each asset (decimal).
 * @param vols Annual volatility of each asset (decimal, all above 0).
 * @param correlations Correlation matrix of the assets (full, or its lower triangle), positive definite.
 * @param [max_total] Largest total exposure (default 1 = 100%; 2 = up to 200%).
 * @param [financing_rate] Annual rate paid on the exposure above 100%, and the rate of the Sharpe ratio (default 0; needed when max_total is above 1).
 * @param [premium] Annual spread over the financing rate on the borrowed part (default 0).
 * @param [points] Number of portfolios, equally spaced in volatility (default 20).
 * @returns A header, then one row per portfolio from the least volatile to the highest-return one: volatility, expected return, Sharpe ratio, one weight per asset.
 */
export function frontier(
  returns: any[][],
  vols: any[][],
  correlations: any[][],
  max_total?: number,
  financing_rate?: number,
  premium?: number,
  points?: number
): any[][] {
  return excelSpill(() => {
    const count = optionalNumber(points, "points", DEFAULT_POINTS);
    requireWhole("points", count, 2, MAX_POINTS);
    const { frontier: traced, financingRate } = frontierOf(
      returns,
      vols,
      correlations,
      max_total,
      financing_rate,
      premium
    );
    const n = traced.excess.length;
    const out: Spill = [
      [...FRONTIER_HEADER, ...Array.from({ length: n }, (_, i) => `Weight ${i + 1}`)],
    ];
    for (const p of frontierPoints(traced, count))
      out.push([p.volatility, p.expectedReturn, sharpeOf(p, financingRate), ...p.weights]);
    return out;
  });
}

/**
 * OPTIMIZE's objectives, offered by Excel's AutoComplete (older Excel shows a plain text argument).
 * @customenum {string}
 */
enum Objective {
  /** the highest (E − financing_rate) ÷ volatility */
  MAXSHARPE = "MAXSHARPE",
  /** the lowest volatility for an expected return of at least target */
  MINVOL = "MINVOL",
  /** the highest expected return for a volatility of at most target */
  MAXRETURN = "MAXRETURN",
}

/**
 * Spills the weights that solve an objective under FRONTIER's constraints: MAXSHARPE, MINVOL (lowest volatility for a target return) or MAXRETURN (highest return for a target volatility).
 * @customfunction OPTIMIZE
 * @param returns Expected annual arithmetic return of each asset (decimal).
 * @param vols Annual volatility of each asset (decimal, all above 0).
 * @param correlations Correlation matrix of the assets (full, or its lower triangle), positive definite.
 * @param objective "MAXSHARPE" (highest (E − financing_rate)/volatility, the least exposure on a tie), "MINVOL" (for an expected return of at least target) or "MAXRETURN" (for a volatility of at most target).
 * @param [target] The expected return (MINVOL) or volatility (MAXRETURN) to meet; not used by MAXSHARPE.
 * @param [max_total] Largest total exposure (default 1 = 100%; 2 = up to 200%).
 * @param [financing_rate] Annual rate paid on the exposure above 100%, and the rate of the Sharpe ratio (default 0; needed when max_total is above 1).
 * @param [premium] Annual spread over the financing rate on the borrowed part (default 0).
 * @returns One weight per asset, in the orientation of returns.
 */
export function optimize(
  returns: any[][],
  vols: any[][],
  correlations: any[][],
  objective: Objective,
  target?: number,
  max_total?: number,
  financing_rate?: number,
  premium?: number
): any[][] {
  return excelSpill(() => {
    if (isMissing(objective))
      throw invalid("objective", 'expected "MAXSHARPE" or "MINVOL" or "MAXRETURN"');
    const goal = choice(objective, "objective", ["MAXSHARPE", "MINVOL", "MAXRETURN"] as const);
    const wanted = goal === "MAXSHARPE" ? undefined : requiredTarget(target, goal === "MINVOL");
    const { frontier: traced, financingRate } = frontierOf(
      returns,
      vols,
      correlations,
      max_total,
      financing_rate,
      premium
    );
    const best =
      wanted === undefined
        ? maximumSharpe(traced, financingRate)
        : goal === "MINVOL"
          ? minimumVolatilityFor(traced, wanted)
          : maximumReturnFor(traced, wanted);
    return spill(best.weights, vector(returns, "returns", "returns").orientation);
  });
}
