import { invalid } from "./errors";

/**
 * One series from two aligned by position (SPLICE): `primary` where it has a value, `backfill` where it
 * is missing (null), e.g. a real fund's returns since its inception on a simulation of it before:
 *   out_t = primary_t if present, else backfill_t.
 * Rows after the last value of either are left out (a range selected longer than the data), so the
 * result may be shorter than the inputs.
 * @throws #VALUE! naming the first row missing in both, when both are empty, or when the lengths differ
 * @example splice([null, null, 0.012], [0.01, -0.02, 0.011]) // [0.01, -0.02, 0.012]
 */
export function splice(
  primary: readonly (number | null)[],
  backfill: readonly (number | null)[]
): Float64Array {
  const n = primary.length;
  if (backfill.length !== n)
    throw invalid("backfill", `${backfill.length} rows, expected ${n} (one per row of primary)`);
  let used = n;
  while (used > 0 && primary[used - 1] === null && backfill[used - 1] === null) used--;
  if (used === 0) throw invalid("primary", "no values, and none in backfill");
  const out = new Float64Array(used);
  for (let t = 0; t < used; t++) {
    const value = primary[t] ?? backfill[t];
    if (value === null) throw invalid("backfill", `row ${t + 1} is blank, and so is primary's`);
    out[t] = value;
  }
  return out;
}
