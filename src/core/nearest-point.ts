/**
 * The point of a polytope nearest to a target: minimise ‖Σᵢ λᵢ·pᵢ − t‖ over λ ≥ 0, Σλ = 1, i.e. the
 * Euclidean projection of t onto the convex hull of the points pᵢ. Wolfe's algorithm (P. Wolfe, "Finding
 * the nearest point in a polytope", Mathematical Programming 11, 1976): an active-set method that keeps
 * a "corral" S of affinely independent points whose hull holds the current point x;
 * - major cycle: the point pⱼ minimising xᵀpⱼ (in coordinates centred on t) joins S unless xᵀpⱼ ≥ xᵀx,
 *   which is the optimality condition (x is nearest iff (x − t)ᵀ(p − x) ≥ 0 for every vertex p);
 * - minor cycle: y = the point of S's affine hull nearest to t; if y lies inside S's hull x = y, else x
 *   moves towards y until a weight reaches 0 and that point leaves S.
 * It ends in finitely many steps (‖x‖ strictly decreases each major cycle) with at most d + 1 points
 * weighted, d the dimension.
 *
 * Accuracy: the affine steps solve the corral's Gram (normal) equations, which square its condition
 * number: a point within about 1e-7 of the corral's affine hull counts as on it, so the result is optimal
 * to about 1e-8 of the points' squared scale (far below the precision of any fund's exposures).
 *
 * Ties (several λ give the same nearest point, when points repeat or are affinely dependent) are broken
 * by order: the search starts from the point nearest to t and adds the point with the lowest xᵀp, the
 * first one listed on ties, so of identical points only the first listed is ever weighted.
 */

/** Barycentric weights of the nearest point and its distance to the target. */
export interface NearestPoint {
  /** λᵢ ≥ 0 with Σλ = 1, one per point: the nearest point is Σ λᵢ·pᵢ. */
  readonly weights: Float64Array;
  /** ‖Σ λᵢ·pᵢ − t‖. */
  readonly distance: number;
}

/** Optimality tolerance of the major cycle, relative to the largest squared distance (Wolfe's Z1). */
const OPTIMAL = 1e-12;
/** A corral weight at or below this is zero (Wolfe's Z2). */
const ZERO_WEIGHT = 1e-12;
/** Rounding in a squared norm of the unit-scaled points. */
const ROUNDING = 4 * Number.EPSILON;
/** A pivot this small relative to the largest entry makes the corral affinely dependent. */
const SINGULAR = 1e-13;

/**
 * @param points m points in d dimensions, row-major: coordinate k of point i is points[i·d + k]
 * @param target the point t to approach, d coordinates
 * @example nearestInHull(Float64Array.of(0, 0, 2, 0, 0, 2), 2, Float64Array.of(2, 2))
 *   // the triangle (0,0), (2,0), (0,2): nearest point (1, 1), weights [0, 0.5, 0.5], distance √2
 */
export function nearestInHull(
  points: Float64Array,
  dimension: number,
  target: Float64Array
): NearestPoint {
  const d = dimension;
  const m = points.length / d;
  // Centre on the target and scale to unit size, so the tolerances are relative and nothing overflows.
  let scale = 0;
  for (let i = 0; i < m; i++)
    for (let k = 0; k < d; k++) scale = Math.max(scale, Math.abs(points[i * d + k] - target[k]));
  const weights = new Float64Array(m);
  if (scale === 0) {
    weights[0] = 1; // every point is the target
    return { weights, distance: 0 };
  }
  const q = new Float64Array(m * d);
  for (let i = 0; i < m; i++)
    for (let k = 0; k < d; k++) q[i * d + k] = (points[i * d + k] - target[k]) / scale;
  const dotPoints = (i: number, j: number) => {
    let s = 0;
    for (let k = 0; k < d; k++) s += q[i * d + k] * q[j * d + k];
    return s;
  };
  const dotX = (x: Float64Array, i: number) => {
    let s = 0;
    for (let k = 0; k < d; k++) s += x[k] * q[i * d + k];
    return s;
  };
  const combine = (corral: readonly number[], lambda: readonly number[]) => {
    const x = new Float64Array(d);
    corral.forEach((i, c) => {
      for (let k = 0; k < d; k++) x[k] += lambda[c] * q[i * d + k];
    });
    return x;
  };

  let start = 0;
  let largest = 0;
  for (let i = 0; i < m; i++) {
    const norm = dotPoints(i, i);
    if (norm < dotPoints(start, start)) start = i;
    largest = Math.max(largest, norm);
  }
  let corral = [start];
  let lambda = [1];
  let x = combine(corral, lambda);
  let norm = dotX(x, start);
  // Each major cycle strictly lowers ‖x‖ and visits a different corral, so this bound is never reached
  // in exact arithmetic; it stops a cycle that rounding could start among corrals of equal ‖x‖.
  for (let major = 0; major < 50 * (m + d); major++) {
    let entering = -1;
    let lowest = Infinity;
    for (let i = 0; i < m; i++) {
      const v = dotX(x, i);
      if (v < lowest) [entering, lowest] = [i, v];
    }
    // x is nearest when no vertex lies beyond the plane through x normal to x: xᵀp ≥ xᵀx for all p.
    if (lowest >= norm - OPTIMAL * largest || corral.includes(entering)) break;
    const next = minorCycles([...corral, entering], [...lambda, 0], dotPoints);
    if (next === undefined) break; // the entering point is affinely dependent on the corral (rounding)
    const candidate = combine(next.corral, next.lambda);
    let candidateNorm = 0;
    for (let k = 0; k < d; k++) candidateNorm += candidate[k] * candidate[k];
    // ‖x‖ falls in exact arithmetic, but a step of size ε lowers ‖x‖² by only ε² (a weight of 1e-9 moves
    // x by 1e-9 and ‖x‖² by 1e-18), below rounding: such a step is still taken, and only a rise beyond
    // rounding means the search cannot get nearer.
    if (!(candidateNorm <= norm + ROUNDING * largest)) break;
    [corral, lambda, x, norm] = [next.corral, next.lambda, candidate, candidateNorm];
  }
  corral.forEach((i, c) => (weights[i] = lambda[c]));
  return { weights, distance: Math.sqrt(norm) * scale };
}

/**
 * Wolfe's minor cycles from a corral and its weights (the entering point last, at weight 0): move to the
 * affine minimiser when it lies inside the corral's hull, otherwise step towards it until a weight
 * reaches 0, drop that point and try again.
 * @returns the new corral and weights, or undefined when the corral is affinely dependent
 */
function minorCycles(
  corral: number[],
  lambda: number[],
  dot: (i: number, j: number) => number
): { corral: number[]; lambda: number[] } | undefined {
  for (;;) {
    const mu = affineMinimiser(corral, dot);
    if (mu === undefined) return undefined;
    if (mu.every((v) => v > ZERO_WEIGHT)) return { corral, lambda: mu };
    // Step from λ towards μ as far as the hull allows: θ = min over falling weights of λ/(λ − μ);
    // the point that sets θ leaves (a weight already at or below μ leaves at once, θ = 0).
    let theta = Infinity;
    let leaving = -1;
    mu.forEach((v, c) => {
      if (v > ZERO_WEIGHT) return;
      const ratio = lambda[c] > v ? lambda[c] / (lambda[c] - v) : 0;
      if (ratio < theta) [theta, leaving] = [ratio, c];
    });
    theta = Math.min(theta, 1);
    const stepped = lambda.map((l, c) => l + theta * (mu[c] - l));
    const keep = stepped.map((l, c) => c !== leaving && l > ZERO_WEIGHT);
    corral = corral.filter((_, c) => keep[c]);
    const kept = stepped.filter((_, c) => keep[c]);
    const total = kept.reduce((s, l) => s + l, 0);
    lambda = kept.map((l) => l / total);
  }
}

/**
 * The point of the affine hull of the corral nearest to the origin: μ minimising ‖Σ μ_c·q_c‖² with
 * Σμ = 1, from the bordered system [G 1; 1ᵀ 0]·[μ; −ν] = [0; 1] (G the corral's Gram matrix, ν the
 * squared distance), solved by Gaussian elimination with partial pivoting.
 * @returns μ, or undefined when the system is singular (the corral is affinely dependent)
 */
function affineMinimiser(
  corral: readonly number[],
  dot: (i: number, j: number) => number
): number[] | undefined {
  const k = corral.length;
  const n = k + 1;
  const a = new Float64Array(n * (n + 1)); // augmented matrix, row-major, n rows of n + 1
  const at = (r: number, c: number) => r * (n + 1) + c;
  let biggest = 1;
  for (let r = 0; r < k; r++) {
    for (let c = 0; c < k; c++) {
      a[at(r, c)] = dot(corral[r], corral[c]);
      biggest = Math.max(biggest, Math.abs(a[at(r, c)]));
    }
    a[at(r, k)] = 1;
    a[at(k, r)] = 1;
  }
  a[at(k, n)] = 1; // right-hand side: 0 for the k stationarity rows, 1 for Σμ = 1
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(a[at(r, col)]) > Math.abs(a[at(pivot, col)])) pivot = r;
    if (Math.abs(a[at(pivot, col)]) <= SINGULAR * biggest) return undefined;
    if (pivot !== col)
      for (let c = 0; c <= n; c++)
        [a[at(col, c)], a[at(pivot, c)]] = [a[at(pivot, c)], a[at(col, c)]];
    for (let r = col + 1; r < n; r++) {
      const factor = a[at(r, col)] / a[at(col, col)];
      for (let c = col; c <= n; c++) a[at(r, c)] -= factor * a[at(col, c)];
    }
  }
  const solution = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = a[at(r, n)];
    for (let c = r + 1; c < n; c++) s -= a[at(r, c)] * solution[c];
    solution[r] = s / a[at(r, r)];
  }
  return Array.from(solution.subarray(0, k));
}
