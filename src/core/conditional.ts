import { invalid } from "./errors";
import { percentileSorted } from "./percentile";
import { requireNonEmpty } from "./series";

/** Default bucket edges for daily moves of x: −4%, −2%, 2%, 4%. */
export const DEFAULT_EDGES = Float64Array.of(-0.04, -0.02, 0.02, 0.04);

/** The distribution of y over the rows whose x fell in a bucket (a box-and-whisker's five numbers). */
export interface BucketStats {
  readonly min: number;
  /** First quartile (PERCENTILE.INC at 0.25). */
  readonly q1: number;
  readonly median: number;
  /** Third quartile (PERCENTILE.INC at 0.75). */
  readonly q3: number;
  readonly max: number;
  /** Fraction of those rows with y > 0. */
  readonly shareUp: number;
}

export interface Bucket {
  /** Exclusive lower edge; null for the open first bucket. */
  readonly lower: number | null;
  /** Inclusive upper edge; null for the open last bucket. */
  readonly upper: number | null;
  readonly count: number;
  /** null when no row fell in the bucket (the adapter shows #N/A). */
  readonly stats: BucketStats | null;
}

/** Index of the bucket of x: the number of edges strictly below x (binary search). */
function bucketOf(x: number, edges: Float64Array): number {
  let low = 0;
  let high = edges.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (edges[middle] < x) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * How y behaves on the rows where x moved by a given amount: e.g. long-Treasury returns on the days
 * the S&P 500 fell more than 4%. With edges e₁ < … < eₖ there are k + 1 buckets: x ≤ e₁, then
 * eᵢ₋₁ < x ≤ eᵢ, then x > eₖ. For each: the row count and, when it is not empty, the min, quartiles,
 * median and max of y (PERCENTILE.INC) and the share of y > 0.
 * @example conditional([-0.05, 0.01, 0.03], [0.02, -0.01, 0.005], [-0.04, 0.02])
 *   // [{x ≤ −4%: count 1, median 0.02}, {−4% < x ≤ 2%: count 1}, {x > 2%: count 1}]
 */
export function conditional(
  x: Float64Array,
  y: Float64Array,
  edges: Float64Array = DEFAULT_EDGES
): Bucket[] {
  requireNonEmpty("x_returns", x);
  if (y.length !== x.length)
    throw invalid("y_returns", `${y.length} items, expected ${x.length} (one per x return)`);
  for (let i = 1; i < edges.length; i++) {
    if (!(edges[i] > edges[i - 1])) throw invalid("edges", `item ${i + 1} is not above item ${i}`);
  }
  const buckets = edges.length + 1;
  // Counting sort of the rows by bucket: counts, then each bucket's slice of one array of y values.
  const counts = new Int32Array(buckets);
  for (let t = 0; t < x.length; t++) counts[bucketOf(x[t], edges)]++;
  const starts = new Int32Array(buckets + 1);
  for (let b = 0; b < buckets; b++) starts[b + 1] = starts[b] + counts[b];
  const filled = starts.slice(0, buckets);
  const grouped = new Float64Array(x.length);
  for (let t = 0; t < x.length; t++) grouped[filled[bucketOf(x[t], edges)]++] = y[t];

  const result: Bucket[] = [];
  for (let b = 0; b < buckets; b++) {
    const lower = b === 0 ? null : edges[b - 1];
    const upper = b === edges.length ? null : edges[b];
    const count = counts[b];
    if (count === 0) {
      result.push({ lower, upper, count, stats: null });
      continue;
    }
    const sorted = grouped.subarray(starts[b], starts[b + 1]).sort();
    let up = 0;
    for (let i = 0; i < count; i++) if (sorted[i] > 0) up++;
    result.push({
      lower,
      upper,
      count,
      stats: {
        min: sorted[0],
        q1: percentileSorted(sorted, 0.25),
        median: percentileSorted(sorted, 0.5),
        q3: percentileSorted(sorted, 0.75),
        max: sorted[count - 1],
        shareUp: up / count,
      },
    });
  }
  return result;
}
