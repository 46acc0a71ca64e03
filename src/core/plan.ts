import { invalid } from "./errors";
import { fillStandardNormals } from "./normal-deviates";
import { percentilesInPlace } from "./percentile-select";
import { Xoshiro128 } from "./rng";
import { requireWhole } from "./series";
import { requireWithinTimeBudget, Throughput } from "./time-budget";

/** The percentiles PLAN reports, as fractions (PERCENTILE.INC's k). */
export const PLAN_PERCENTILES: readonly number[] = [0.1, 0.25, 0.5, 0.75, 0.9];
/**
 * A percentile's name in a table heading: "Median" for 0.5, else e.g. "10th percentile".
 * @example percentileName(0.25) // "25th percentile"
 */
export const percentileName = (q: number) =>
  q === 0.5 ? "Median" : `${Math.round(q * 100)}th percentile`;
/** Paths are held in memory (two arrays of doubles each): a million paths is 16 MB. */
export const MAX_PLAN_PATHS = 1_000_000;
/** One row per year plus the header and year 0 must fit in Excel's 1,048,576 rows. */
export const MAX_PLAN_YEARS = 1_048_574;
/**
 * Path-years per second of the loop below on the 2-core reference machine, rounded down: `npm run bench`
 * measures 0.8–1.2·10⁷ with 10,000 paths (normal draws, growth and the yearly percentiles), and the
 * largest plans (a million paths × 50 years, 10,000 × 5,000) run at 1.06–1.26·10⁷ when the machine is
 * quiet. The budget allows 5 s at 8·10⁶: 4·10⁷ path-years, e.g. 10,000 paths × 4,000 years, which take
 * about 3–4 s here.
 */
export const PLAN_THROUGHPUT: Throughput = { units: "paths × years", perSecond: 8e6 };

export interface PlanResult {
  /** For each of {@link PLAN_PERCENTILES}, the value in today's money at years 0…years. */
  readonly percentiles: readonly Float64Array[];
  /** The share of paths not depleted at years 0…years. */
  readonly solvent: Float64Array;
}

/**
 * The lognormal year: ln(1 + R) ~ N(m, s²) with the mean and standard deviation of R equal to
 * `arithReturn` and `vol`: s² = ln(1 + vol²/(1 + μ)²), m = ln(1 + μ) − s²/2, so that
 * E[1 + R] = e^(m + s²/2) = 1 + μ and Var[R] = (1 + μ)²·(e^(s²) − 1) = vol².
 * @example lognormalYear(0.07, 0.15) // { m: 0.05793…, s: 0.13950… }
 */
export function lognormalYear(arithReturn: number, vol: number): { m: number; s: number } {
  const growth = 1 + arithReturn;
  const s2 = Math.log1p((vol * vol) / (growth * growth));
  return { m: Math.log(growth) - s2 / 2, s: Math.sqrt(s2) };
}

/**
 * Monte Carlo of a plan in yearly steps (DESIGN.md §4, PLAN). At the start of each year t = 0…years−1
 * the cashflow grown by inflation, cashflow·(1 + inflation)^t, is added (a contribution when positive,
 * a withdrawal when negative); a path whose value is then 0 or less is depleted and stays at 0 (no
 * later contribution revives it). Otherwise the value grows by the lognormal year of
 * {@link lognormalYear}. Values are reported in today's money, divided by (1 + inflation)^year.
 *
 * Year 0 is the start: every path at start_value, none depleted. The paths advance together a year at
 * a time, so memory is one value per path; each year's percentiles (PERCENTILE.INC) are selected from
 * a copy, without sorting it. The same seed gives the same paths (xoshiro128**, Box–Muller normals).
 * @param startValue today's value, 0 or more
 * @param cashflow yearly amount in today's money: positive contributes, negative withdraws
 * @param years a whole number of years, 1 or more
 * @throws #VALUE! naming the argument for a value out of its domain, or paths × years beyond the time budget
 * @example plan(1_000_000, -40_000, 30, 0.07, 0.12, 0.025, 10_000, 1).solvent[30] // share of paths that lasted 30 years
 */
export function plan(
  startValue: number,
  cashflow: number,
  years: number,
  arithReturn: number,
  vol: number,
  inflation = 0,
  paths = 10_000,
  seed = 1
): PlanResult {
  if (!(startValue >= 0 && startValue < Infinity))
    throw invalid("start_value", "must be 0 or more");
  if (!Number.isFinite(cashflow)) throw invalid("cashflow", "must be a number");
  requireWhole("years", years, 1, MAX_PLAN_YEARS);
  if (!(arithReturn > -1 && arithReturn < Infinity))
    throw invalid("arith_return", "must be above -1 (a loss of 100%)");
  if (!(vol >= 0 && vol < Infinity)) throw invalid("vol", "must be 0 or more");
  if (!(inflation > -1 && inflation < Infinity))
    throw invalid("inflation", "must be above -1 (-100%)");
  requireWhole("paths", paths, 1, MAX_PLAN_PATHS);
  requireWithinTimeBudget("paths", paths * years, PLAN_THROUGHPUT, "paths or years");
  const rng = new Xoshiro128(seed);

  const { m, s } = lognormalYear(arithReturn, vol);
  const values = new Float64Array(paths).fill(startValue);
  const depleted = new Uint8Array(paths);
  const shocks = new Float64Array(paths);
  const scratch = new Float64Array(paths); // reordered to find the percentiles
  const percentiles = PLAN_PERCENTILES.map(() => new Float64Array(years + 1));
  const solvent = new Float64Array(years + 1);
  percentiles.forEach((row) => (row[0] = startValue));
  solvent[0] = 1;
  let lost = 0;
  let priceLevel = 1; // (1 + inflation)^t
  for (let t = 0; t < years; t++) {
    const flow = cashflow * priceLevel;
    if (s > 0) fillStandardNormals(rng, shocks);
    for (let p = 0; p < paths; p++) {
      if (depleted[p] === 1) continue;
      const afterFlow = values[p] + flow;
      if (afterFlow <= 0) {
        values[p] = 0;
        depleted[p] = 1;
        lost++;
      } else {
        values[p] = afterFlow * Math.exp(m + s * shocks[p]);
      }
    }
    priceLevel *= 1 + inflation;
    scratch.set(values);
    const nominal = percentilesInPlace(scratch, PLAN_PERCENTILES);
    // Dividing by the price level is a positive scaling, so it commutes with taking percentiles.
    nominal.forEach((v, k) => (percentiles[k][t + 1] = v / priceLevel));
    solvent[t + 1] = (paths - lost) / paths;
  }
  return { percentiles, solvent };
}
