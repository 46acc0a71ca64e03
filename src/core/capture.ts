import { cagr } from "./cagr";
import { divByZero } from "./errors";
import { requirePaired } from "./paired-moments";
import { TRADING_DAYS } from "./series";

/** "up": the periods where the benchmark rose; "down": where it fell; "all": every period. */
export type CaptureDirection = "up" | "down" | "all";

/**
 * Capture ratio (empyrical's up_capture, down_capture and capture): the CAGR of the returns over the
 * chosen periods ÷ the CAGR of the benchmark over the same periods, each annualised over the number of
 * those periods. Up capture above 1 gains more than the benchmark when it rises; down capture below 1
 * loses less when it falls.
 * @throws #DIV/0! when no period qualifies or the benchmark's CAGR over them is 0
 * @example capture([0.02, -0.01], [0.01, -0.02], "up", 252) // ((1.02)^252 − 1) / ((1.01)^252 − 1)
 */
export function capture(
  returns: Float64Array,
  benchmark: Float64Array,
  direction: CaptureDirection = "up",
  ppy = TRADING_DAYS
): number {
  requirePaired(returns, benchmark);
  const keep = (b: number) => (direction === "up" ? b > 0 : direction === "down" ? b < 0 : true);
  let count = 0;
  for (let t = 0; t < benchmark.length; t++) if (keep(benchmark[t])) count++;
  if (count === 0) throw divByZero(`no ${direction} periods of the benchmark`);
  const r = new Float64Array(count);
  const b = new Float64Array(count);
  for (let t = 0, k = 0; t < benchmark.length; t++) {
    if (!keep(benchmark[t])) continue;
    r[k] = returns[t];
    b[k++] = benchmark[t];
  }
  const benchmarkGrowth = cagr(b, ppy);
  if (benchmarkGrowth === 0) throw divByZero("the benchmark's CAGR is 0");
  return cagr(r, ppy) / benchmarkGrowth;
}
