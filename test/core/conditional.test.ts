import fc from "fast-check";
import { conditional, DEFAULT_EDGES } from "../../src/core/conditional";
import { seriesA, seriesB } from "../fixtures/series-example";

describe("conditional", () => {
  it("matches numpy's np.percentile (linear, = PERCENTILE.INC) per bucket of x (test/fixtures/series_reference.py)", () => {
    const buckets = conditional(seriesA, seriesB, Float64Array.of(-0.02, 0, 0.02));
    expect(buckets.map((b) => [b.lower, b.upper, b.count])).toEqual([
      [null, -0.02, 2],
      [-0.02, 0, 2],
      [0, 0.02, 3],
      [0.02, null, 3],
    ]);
    const numpy = [
      [0.006, 0.009, 0.012, 0.015, 0.018, 1],
      [0.007, 0.0075, 0.008, 0.0085, 0.009, 1],
      [0.001, 0.0015, 0.002, 0.003, 0.004, 1],
      [-0.015, -0.0135, -0.012, -0.0075, -0.003, 0],
    ];
    buckets.forEach((b, i) => {
      const s = b.stats!;
      [s.min, s.q1, s.median, s.q3, s.max, s.shareUp].forEach((v, k) =>
        expect(v).toBeCloseTo(numpy[i][k], 15)
      );
    });
  });

  it("puts a value equal to an edge in the bucket below (eᵢ₋₁ < x ≤ eᵢ)", () => {
    const buckets = conditional(
      Float64Array.of(-0.02, 0.02, 0.0200001),
      Float64Array.of(1, 2, 3),
      Float64Array.of(-0.02, 0.02)
    );
    expect(buckets.map((b) => b.count)).toEqual([1, 1, 1]);
    expect(buckets[1].stats!.median).toBe(2);
  });

  it("leaves the statistics of an empty bucket null, with the default edges −4%, −2%, 2%, 4%", () => {
    const buckets = conditional(Float64Array.of(-0.05, 0.01), Float64Array.of(0.02, -0.01));
    expect(buckets.map((b) => b.count)).toEqual([1, 0, 1, 0, 0]);
    expect(buckets[1].stats).toBeNull();
    expect(buckets[0].stats).toEqual({
      min: 0.02,
      q1: 0.02,
      median: 0.02,
      q3: 0.02,
      max: 0.02,
      shareUp: 1,
    });
    expect(Array.from(DEFAULT_EDGES)).toEqual([-0.04, -0.02, 0.02, 0.04]);
  });

  it("refuses mismatched lengths, edges out of order and no data", () => {
    expect(() => conditional(seriesA, seriesB.subarray(1))).toThrow(
      "y_returns: 9 items, expected 10 (one per x return)"
    );
    expect(() => conditional(seriesA, seriesB, Float64Array.of(0.02, -0.02))).toThrow(
      "edges: item 2 is not above item 1"
    );
    expect(() => conditional(new Float64Array(0), new Float64Array(0))).toThrow("x_returns: empty");
  });

  it("property: the counts add up to the rows, and each bucket's y lies within its min and max", () => {
    const row = fc.tuple(
      fc.double({ min: -0.1, max: 0.1, noNaN: true }),
      fc.double({ min: -0.1, max: 0.1, noNaN: true })
    );
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 80 }), (rows) => {
        const buckets = conditional(
          Float64Array.from(rows, (r) => r[0]),
          Float64Array.from(rows, (r) => r[1])
        );
        const total = buckets.reduce((n, b) => n + b.count, 0);
        return (
          total === rows.length &&
          buckets.every(
            (b) =>
              b.stats === null ||
              (b.stats.min <= b.stats.q1 &&
                b.stats.q1 <= b.stats.median &&
                b.stats.median <= b.stats.q3 &&
                b.stats.q3 <= b.stats.max)
          )
        );
      })
    );
  });
});
