import fc from "fast-check";
import { percentileSorted } from "../../src/core/percentile";

describe("percentileSorted", () => {
  it("interpolates like PERCENTILE.INC: [1, 2, 3, 4] at 0.25 → rank 0.75 → 1.75; at 0.5 → 2.5", () => {
    const v = Float64Array.of(1, 2, 3, 4);
    expect(percentileSorted(v, 0.25)).toBe(1.75);
    expect(percentileSorted(v, 0.5)).toBe(2.5);
    expect(percentileSorted(v, 0)).toBe(1);
    expect(percentileSorted(v, 1)).toBe(4);
  });

  it("returns the single value of a one-item list", () => {
    expect(percentileSorted(Float64Array.of(7), 0.75)).toBe(7);
  });

  it("property: monotone in p and within [min, max]", () => {
    const values = fc.array(fc.double({ min: -1, max: 1, noNaN: true }), {
      minLength: 1,
      maxLength: 30,
    });
    fc.assert(
      fc.property(
        values,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (v, p, q) => {
          const sorted = Float64Array.from(v).sort();
          const [lo, hi] = p < q ? [p, q] : [q, p];
          const a = percentileSorted(sorted, lo);
          const b = percentileSorted(sorted, hi);
          return a <= b + 1e-15 && a >= sorted[0] && b <= sorted[sorted.length - 1];
        }
      )
    );
  });
});
