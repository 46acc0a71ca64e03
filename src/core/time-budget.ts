import { invalid } from "./errors";

/**
 * The time budget of one function call: nothing accepted runs longer than about 5 seconds on the
 * 2-core reference machine (DESIGN.md §4, BOOTSTRAP; §3: sizes too large to compute are #VALUE!).
 *
 * A function measures its work up front, in its own units (path-years for PLAN, asset-rows for a
 * bootstrap), and compares it with what its loop gets through in the budget at the throughput
 * `npm run bench` measures on that machine. The check is deterministic — the same arguments are always
 * accepted or always refused, whatever else the machine is doing — and it comes before any work. A
 * refusal is #VALUE! (Excel shows no message on #NUM!) naming the limit and what to reduce.
 */
export const TIME_BUDGET_SECONDS = 5;

/** What one loop gets through per second on the reference machine, in the units it counts. */
export interface Throughput {
  /** The units of work, as a product of the arguments, e.g. "paths × years". */
  readonly units: string;
  /** Measured by `npm run bench` on the reference machine, rounded down. */
  readonly perSecond: number;
}

/** Whole numbers with thousands separators, the same in every locale: 250000000 → "250,000,000". */
function grouped(x: number): string {
  return Math.round(x)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * Throws #VALUE! naming `argument` when `work` (in `throughput.units`) takes longer than the budget.
 * @param reduce what the user can lower, e.g. "paths or years"
 * @example requireWithinTimeBudget("paths", 1e9, { units: "paths × years", perSecond: 5e7 }, "paths or years")
 *   // paths: paths × years is 1,000,000,000, more than about 5 s of work (max 250,000,000); reduce paths or years
 */
export function requireWithinTimeBudget(
  argument: string,
  work: number,
  throughput: Throughput,
  reduce: string
): void {
  const limit = TIME_BUDGET_SECONDS * throughput.perSecond;
  if (work <= limit) return;
  throw invalid(
    argument,
    `${throughput.units} is ${grouped(work)}, more than about ${TIME_BUDGET_SECONDS} s of work (max ${grouped(limit)}); reduce ${reduce}`
  );
}
