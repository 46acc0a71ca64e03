import fc from "fast-check";
import { nearestInHull } from "../../src/core/nearest-point";

const points = (...xy: number[][]) => Float64Array.from(xy.flat());

describe("nearestInHull (Wolfe's nearest-point algorithm)", () => {
  it("projects onto an edge: triangle (0,0), (2,0), (0,2) and target (2,2) → (1,1), distance √2", () => {
    // Hand: the nearest point of the hypotenuse x + y = 2 to (2,2) is its midpoint (1,1).
    const r = nearestInHull(points([0, 0], [2, 0], [0, 2]), 2, Float64Array.of(2, 2));
    expect(Array.from(r.weights)).toEqual([0, expect.closeTo(0.5, 14), expect.closeTo(0.5, 14)]);
    expect(r.distance).toBeCloseTo(Math.SQRT2, 14);
  });

  it("gives distance 0 and barycentric weights for a target inside the hull", () => {
    // Hand: (0.5, 0.5) = 0.5·(0,0) + 0.25·(2,0) + 0.25·(0,2).
    const r = nearestInHull(points([0, 0], [2, 0], [0, 2]), 2, Float64Array.of(0.5, 0.5));
    expect(r.distance).toBeLessThan(1e-15);
    expect(r.weights[0]).toBeCloseTo(0.5, 14);
    expect(r.weights[1]).toBeCloseTo(0.25, 14);
    expect(r.weights[2]).toBeCloseTo(0.25, 14);
  });

  it("snaps to a vertex when the target is beyond it", () => {
    // Hand: the segment (0,0)–(1,0) and target (3, 1): nearest (1, 0), distance √(4 + 1).
    const r = nearestInHull(points([0, 0], [1, 0]), 2, Float64Array.of(3, 1));
    expect(Array.from(r.weights)).toEqual([0, 1]);
    expect(r.distance).toBeCloseTo(Math.sqrt(5), 14);
  });

  it("weights only the first of identical points", () => {
    const r = nearestInHull(points([0, 0], [1, 1], [1, 1]), 2, Float64Array.of(2, 2));
    expect(Array.from(r.weights)).toEqual([0, 1, 0]);
    expect(r.distance).toBeCloseTo(Math.SQRT2, 14);
  });

  it("works when every point is the target, and at any scale", () => {
    expect(nearestInHull(points([1, 2], [1, 2]), 2, Float64Array.of(1, 2))).toEqual({
      weights: Float64Array.of(1, 0),
      distance: 0,
    });
    const big = nearestInHull(
      points([0, 0], [2e200, 0], [0, 2e200]),
      2,
      Float64Array.of(2e200, 2e200)
    );
    expect(big.distance / 1e200).toBeCloseTo(Math.SQRT2, 12);
  });

  it("satisfies the projection's optimality condition (x − t)ᵀ(p − x) ≥ 0 for every vertex p", () => {
    // The nearest point x of a polytope to t is characterised by the variational inequality over its
    // vertices; checked here independently of the algorithm on random point clouds in 1–5 dimensions,
    // half of them on a small integer grid so that repeated, collinear and coplanar points are common.
    const coordinate = fc.oneof(
      fc.double({ min: -3, max: 3, noNaN: true }),
      fc.integer({ min: -2, max: 2 }).map((v) => v / 2)
    );
    const cloud = fc.integer({ min: 1, max: 5 }).chain((d) =>
      fc.record({
        d: fc.constant(d),
        pts: fc.array(fc.array(coordinate, { minLength: d, maxLength: d }), {
          minLength: 1,
          maxLength: 12,
        }),
        t: fc.array(coordinate, { minLength: d, maxLength: d }),
      })
    );
    fc.assert(
      fc.property(cloud, ({ d, pts, t }) => {
        const r = nearestInHull(points(...pts), d, Float64Array.from(t));
        const lambda = Array.from(r.weights);
        expect(lambda.every((l) => l >= 0)).toBe(true);
        expect(lambda.reduce((s, l) => s + l, 0)).toBeCloseTo(1, 12);
        const x = t.map((_, k) => pts.reduce((s, p, i) => s + lambda[i] * p[k], 0));
        const gap = x.map((xk, k) => xk - t[k]);
        expect(Math.hypot(...gap)).toBeCloseTo(r.distance, 10);
        // Accuracy: the Gram-matrix solves lose half the digits when a point lies within ~1e-7 of the
        // corral's affine hull (a pivot of 1e-14), so the bound is 1e-8 of the squared scale, not 1e-15.
        const size = Math.max(1, ...pts.flat().map(Math.abs), ...t.map(Math.abs));
        for (const p of pts) {
          const inner = gap.reduce((s, g, k) => s + g * (p[k] - x[k]), 0);
          expect(inner).toBeGreaterThanOrEqual(-1e-8 * size * size);
        }
      }),
      { numRuns: 2000, seed: 11 }
    );
  });
});
