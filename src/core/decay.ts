import { compound } from "./growth";
import { requireNonEmpty } from "./series";

/**
 * Volatility decay of a daily-reset leveraged fund, costs excluded: the fund's cumulative return
 * minus leverage × the index's cumulative return,
 *   (Π(1 + X·rₖ) − 1) − X·(Π(1 + rₖ) − 1).
 * Negative when the index zig-zags, positive when it trends. A fund wiped out by a day at or below
 * −100% has cumulative return −1.
 * @example letfDecay([0.01, -0.02, 0.03, -0.04, 0.05], 3) // (1.068002056 − 1) − 3·(1.027649952 − 1) = −0.0149478
 */
export function letfDecay(indexReturns: Float64Array, leverage: number): number {
  requireNonEmpty("index_returns", indexReturns);
  let fund = 1;
  let index = 1;
  for (let t = 0; t < indexReturns.length; t++) {
    fund = compound(fund, leverage * indexReturns[t]);
    index = compound(index, indexReturns[t]);
  }
  const fundReturn = fund - 1;
  const indexReturn = index - 1;
  return fundReturn - leverage * indexReturn;
}
