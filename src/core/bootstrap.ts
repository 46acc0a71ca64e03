import { LARGE_VALUE, rescale, setHoldings, SMALL_VALUE } from "./drift";
import { invalid } from "./errors";
import { sum } from "./portfolio";
import { Xoshiro128 } from "./rng";
import { requireAlignedSeries, requirePeriodsPerYear, requireWhole, TRADING_DAYS } from "./series";
import { TIME_BUDGET_SECONDS } from "./time-budget";

/** One result per path is spilled: no more paths than Excel has rows. */
export const MAX_PATHS = 1_048_576;

/**
 * Cost model of {@link bootstrap}: each step of a path draws its row (or moves along its block) and
 * runs its bookkeeping; each asset of the step grows its holding. Measured on the 2-core reference
 * machine, idle, with the batched draws of rng.ts (10,000 paths × 20 years, quarterly, with 1, 2, 4 and
 * 8 assets: 5.9, 6.5, 10.2 and 16.1 ns a step, about 4.4 ns a step and 1.5 ns an asset-step), then
 * doubled for a machine that other jobs share and rounded up by a quarter, as before the draws were
 * batched: with only the doubling, the largest call accepted took 6–7 s of wall time at a load average
 * of 6, and an accepted call must stay within the budget on a busy machine too.
 */
const SECONDS_PER_STEP = 11e-9;
const SECONDS_PER_ASSET_STEP = 4e-9;

/**
 * Estimated seconds of a bootstrap of `paths` paths of `rows` rows each over `assets` assets (the
 * conversion of the history is negligible beside it).
 * @example estimatedSeconds(10000, 20 * 252, 2) // 50,400,000 steps × 19 ns ≈ 0.96 s
 */
export function estimatedSeconds(paths: number, rows: number, assets: number): number {
  return paths * rows * (SECONDS_PER_STEP + assets * SECONDS_PER_ASSET_STEP);
}

/**
 * The most paths of `rows` rows over `assets` assets that fit the time budget (at most MAX_PATHS).
 * @example maxPaths(20 * 252, 2) // 5 s / (5,040 rows × 19 ns) → 52,213
 */
export function maxPaths(rows: number, assets: number): number {
  const perPath = estimatedSeconds(1, rows, assets);
  return Math.min(MAX_PATHS, Math.floor(TIME_BUDGET_SECONDS / perPath));
}

const count = (n: number) => n.toLocaleString("en-US");

/**
 * Throws #VALUE! unless `paths` paths of `years` years (`rows` rows) over `assets` assets fit in the
 * time budget, with a message naming the limit and what to reduce (Excel shows no message on #NUM!).
 */
export function requireWithinBudget(
  paths: number,
  years: number,
  rows: number,
  assets: number
): void {
  if (paths > MAX_PATHS)
    throw invalid("paths", `${count(paths)} is more than Excel's ${count(MAX_PATHS)} rows`);
  const seconds = estimatedSeconds(paths, rows, assets);
  if (seconds <= TIME_BUDGET_SECONDS) return;
  const most = maxPaths(rows, assets);
  throw invalid(
    "paths",
    `${count(paths)} paths of ${years} years × ${assets} asset${assets === 1 ? "" : "s"} take about ${Math.ceil(seconds)} s, over the ${TIME_BUDGET_SECONDS} s limit; ` +
      (most >= 1
        ? `use at most ${count(most)} paths, or fewer years`
        : `use fewer years (one path alone is too long)`)
  );
}

/**
 * The history as growth factors, row by row: factors[row·assets + i] = 1 + rᵢ(row). A drawn row's assets
 * then share a cache line, and the path loop multiplies, with no addition.
 */
function growthFactors(returns: readonly Float64Array[], history: number): Float64Array {
  const assets = returns.length;
  const factors = new Float64Array(history * assets);
  for (let i = 0; i < assets; i++) {
    const series = returns[i];
    for (let row = 0; row < history; row++) factors[row * assets + i] = 1 + series[row];
  }
  return factors;
}

/** The growth of a portfolio rebalanced to `weights` every row: (1 − Σw) + Σᵢ wᵢ·(1 + rᵢ), for each history row. */
function portfolioFactors(
  returns: readonly Float64Array[],
  weights: Float64Array,
  history: number
): Float64Array {
  const factors = new Float64Array(history).fill(1 - sum(weights));
  for (let i = 0; i < returns.length; i++) {
    const series = returns[i];
    for (let row = 0; row < history; row++) factors[row] += weights[i] * (1 + series[row]);
  }
  return factors;
}

/** Steps of a path computed together: its rows are drawn first, then each asset runs through them. */
const CHUNK = 256;

/**
 * Draws the history rows of the next `length` steps of a path into `drawn` (as offsets row·assets in the
 * factors): a block starts at a uniformly random row and runs on, wrapping from the last row to the
 * first. `cursor` carries [the next row, the steps left in its block] from one chunk to the next. Blocks
 * of one row are drawn in one batch (the same draws, in the same order).
 */
function drawChunk(
  rng: Xoshiro128,
  cursor: Int32Array,
  history: number,
  block: number,
  assets: number,
  drawn: Int32Array,
  length: number
): void {
  if (block === 1) {
    rng.fillBelow(drawn, length, history, assets);
    return;
  }
  let row = cursor[0];
  let leftInBlock = cursor[1];
  for (let t = 0; t < length; t++) {
    if (leftInBlock === 0) {
      row = rng.below(history);
      leftInBlock = block;
    }
    drawn[t] = row * assets;
    row = row + 1 === history ? 0 : row + 1;
    leftInBlock--;
  }
  cursor[0] = row;
  cursor[1] = leftInBlock;
}

/**
 * Grows the holdings through `length` drawn rows (`drawn` holds each row's offset in `factors`), two
 * assets at a time so that one pass over the drawn rows runs two independent multiply chains. A small
 * function of its own, so the JIT optimises it as a whole.
 *
 * With `steps`, the portfolio's value after each step, V = cash + Σᵢ hᵢ, is also summed there: that
 * is needed only when V can reach zero within the chunk and come
 * back (a short leg, borrowing, or a daily portfolio factor below zero). Otherwise every hᵢ and the cash
 * are at least 0, so V is zero at some step exactly when it is zero at the end.
 * @returns V after the last step, or 0 when it was zero or below after some step (wiped out)
 */
function growChunk(
  held: Float64Array,
  cash: number,
  factors: Float64Array,
  drawn: Int32Array,
  length: number,
  steps: Float64Array | null
): number {
  const assets = held.length;
  if (steps !== null) steps.fill(cash, 0, length);
  let value = cash;
  let i = 0;
  for (; i < assets; i += 2) {
    const pair = i + 1 < assets;
    let first = held[i];
    let second = pair ? held[i + 1] : 0;
    if (steps === null && pair)
      for (let t = 0; t < length; t++) {
        const at = drawn[t] + i;
        first *= factors[at];
        second *= factors[at + 1];
      }
    else if (steps === null) for (let t = 0; t < length; t++) first *= factors[drawn[t] + i];
    else
      for (let t = 0; t < length; t++) {
        const at = drawn[t] + i;
        first *= factors[at];
        steps[t] += first;
        if (pair) {
          second *= factors[at + 1];
          steps[t] += second;
        }
      }
    held[i] = first;
    value += first;
    if (pair) {
      held[i + 1] = second;
      value += second;
    }
  }
  if (steps !== null) for (let t = 0; t < length; t++) if (!(steps[t] > 0)) return 0;
  return value;
}

/**
 * Annualised returns of `paths` resampled histories of `years` years (block bootstrap).
 *
 * Each path is round(years·ppy) rows drawn from the history in blocks of `block` consecutive rows: a
 * block starts at a uniformly random row and wraps from the last row to the first (the circular block
 * bootstrap of Politis & Romano, so every row is equally likely to be drawn). Whole rows are drawn, so
 * the assets' returns on the same day stay together. The portfolio starts at the target weights, drifts
 * with returns (see drift.ts) and is rebalanced to the targets every `rebalanceEvery` rows of the path
 * (0 = never, 1 = daily). A holding that reaches zero stays at zero until the next rebalance. A path's
 * result is its growth G annualised: G^(ppy/rows) − 1, or −1 when the portfolio's value reaches zero or
 * below at any row (a short leg or borrowing can do that): it is wiped out, nothing is left to grow.
 * The same seed gives the same paths (xoshiro128**, see rng.ts).
 * @param returns one series per asset (the history), all the same length, each return at least −1
 * @param seed a whole number from 0 to 4294967295
 * @throws #VALUE! when the paths would take longer than the time budget ({@link requireWithinBudget})
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
  requireWithinBudget(paths, years, rows, assets);

  // Rebalanced every row, the portfolio is a single asset that grows by (1 − Σw) + Σᵢ wᵢ·(1 + rᵢ) each
  // row: held as such, it needs no rebalancing, and a path is one multiply per row.
  const daily = rebalanceEvery === 1;
  const factors = daily
    ? portfolioFactors(returns, weights, history)
    : growthFactors(returns, history);
  const width = daily ? 1 : assets; // factors per history row
  const targets = daily ? Float64Array.of(1) : weights;
  const cashWeight = daily ? 0 : 1 - sum(weights);
  const held = new Float64Array(width);
  const drawn = new Int32Array(CHUNK); // where the chunk's drawn rows start in factors (row·width)
  // The value after each step is watched only where it can reach zero and come back (see growChunk).
  const canCrossZero = cashWeight < 0 || targets.some((w) => w < 0) || factors.some((f) => f < 0);
  const steps = canCrossZero ? new Float64Array(CHUNK) : null;
  const cursor = new Int32Array(2);
  const out = new Float64Array(paths);
  const exponent = ppy / rows; // from path growth to annual growth
  const segment = rebalanceEvery > 1 ? rebalanceEvery : rows; // rows between rebalances
  for (let p = 0; p < paths; p++) {
    let value = 1;
    let logScale = 0; // ln of the factors taken out by rescaling: the growth is value·e^logScale
    cursor.fill(0); // the next history row, the steps left in its block: none, so the first step draws
    let wiped = false;
    for (let step = 0; step < rows && !wiped;) {
      // A segment starts at the targets and drifts until the next rebalance, a chunk at a time.
      setHoldings(held, targets, value);
      let cash = cashWeight * value;
      const segmentEnd = Math.min(rows, step + segment);
      while (step < segmentEnd && !wiped) {
        const length = Math.min(CHUNK, segmentEnd - step);
        drawChunk(rng, cursor, history, block, width, drawn, length);
        value = growChunk(held, cash, factors, drawn, length, steps);
        wiped = !(value > 0);
        step += length;
        if (!wiped && !(value > SMALL_VALUE && value < LARGE_VALUE)) {
          rescale(held, value);
          cash /= value;
          logScale += Math.log(value);
          value = 1;
        }
      }
    }
    out[p] = wiped ? -1 : Math.expm1((Math.log(value) + logScale) * exponent);
  }
  return out;
}
