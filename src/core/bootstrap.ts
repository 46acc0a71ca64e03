import { growHoldings, LARGE_VALUE, rescale, setHoldings, SMALL_VALUE } from "./drift";
import { invalid, tooLarge } from "./errors";
import { sum } from "./portfolio";
import { Xoshiro128 } from "./rng";
import { requireAlignedSeries, requirePeriodsPerYear, requireWhole, TRADING_DAYS } from "./series";

/**
 * Largest amount of work accepted, in asset-rows (paths × rows per path × assets). This loop runs at
 * roughly 10⁸ asset-rows per second on one core, so the limit is a few seconds at most.
 */
export const MAX_WORK = 5e8;
/** One result per path is spilled: no more paths than Excel has rows. */
export const MAX_PATHS = 1_048_576;

/**
 * Annualised returns of `paths` resampled histories of `years` years (block bootstrap).
 *
 * Each path is round(years·ppy) rows drawn from the history in blocks of `block` consecutive rows: a
 * block starts at a uniformly random row and wraps from the last row to the first (the circular block
 * bootstrap of Politis & Romano, so every row is equally likely to be drawn). Whole rows are drawn, so
 * the assets' returns on the same day stay together. The portfolio starts at the target weights, drifts
 * with returns (see drift.ts) and is rebalanced to the targets every `rebalanceEvery` rows of the path
 * (0 = never, 1 = daily). A path's result is its growth G annualised: G^(ppy/rows) − 1, or −1 when the
 * portfolio is wiped out. The same seed gives the same paths (xoshiro128**, see rng.ts).
 * @param returns one series per asset (the history), all the same length
 * @param seed a whole number from 0 to 4294967295
 * @throws #NUM! when paths × rows × assets exceeds MAX_WORK or paths exceeds MAX_PATHS
 * @example bootstrap([stocks, bonds], [0.6, 0.4], 20, 1000, 21, 1, 63, 252) // 1000 annualised 20-year returns
 */
export function bootstrap(
  returns: readonly Float64Array[],
  weights: Float64Array,
  years: number,
  paths: number,
  block: number,
  seed: number,
  rebalanceEvery: number,
  ppy = TRADING_DAYS
): Float64Array {
  const history = requireAlignedSeries(returns, weights);
  requirePeriodsPerYear(ppy);
  if (!(years > 0 && years < Infinity)) throw invalid("years", "must be positive");
  const rows = Math.round(years * ppy);
  if (rows < 1) throw invalid("years", "shorter than one period");
  if (!(Number.isInteger(paths) && paths >= 1))
    throw invalid("paths", "must be a whole number (1 or more)");
  requireWhole("block", block, 1, history);
  if (!(Number.isInteger(rebalanceEvery) && rebalanceEvery >= 0))
    throw invalid("rebalance", "must be a whole number of rows (0 = never)");
  const rng = new Xoshiro128(seed);
  const assets = weights.length;
  if (paths > MAX_PATHS) throw tooLarge(`paths: ${paths}, max ${MAX_PATHS}`);
  if (paths * rows * assets > MAX_WORK)
    throw tooLarge(`paths × years × ppy × assets is ${paths * rows * assets}, max ${MAX_WORK}`);

  const cashWeight = 1 - sum(weights);
  const held = new Float64Array(assets);
  const out = new Float64Array(paths);
  const exponent = ppy / rows; // from path growth to annual growth
  for (let p = 0; p < paths; p++) {
    let value = 1;
    let logScale = 0; // ln of the factors taken out by rescaling: the growth is value·e^logScale
    let row = 0; // the history row being replayed
    let leftInBlock = 0;
    let untilRebalance = 0;
    let cash = 0;
    for (let step = 0; step < rows; step++) {
      if (leftInBlock === 0) {
        row = rng.below(history);
        leftInBlock = block;
      }
      if (step === 0 || (rebalanceEvery > 0 && untilRebalance === 0)) {
        setHoldings(held, weights, value);
        cash = cashWeight * value;
        untilRebalance = rebalanceEvery;
      }
      untilRebalance--;
      value = cash + growHoldings(held, returns, row);
      if (value <= 0) break;
      if (value > LARGE_VALUE || value < SMALL_VALUE) {
        rescale(held, value);
        cash /= value;
        logScale += Math.log(value);
        value = 1;
      }
      row = row + 1 === history ? 0 : row + 1;
      leftInBlock--;
    }
    out[p] = value <= 0 ? -1 : Math.expm1((Math.log(value) + logScale) * exponent);
  }
  return out;
}
