import fc from "fast-check";
import { percentileSorted } from "../../src/core/percentile";
import { percentilesInPlace } from "../../src/core/percentile-select";

describe("percentilesInPlace", () => {
  it("interpolates like PERCENTILE.INC without sorting: {4, 1, 3, 2} at 0.25 → rank 0.75 → 1.75; at 0.5 → 2.5", () => {
    expect(Array.from(percentilesInPlace(Float64Array.of(4, 1, 3, 2), [0.25, 0.5]))).toEqual([
      1.75, 2.5,
    ]);
  });

  it("handles one value, the ends 0 and 1, and repeated fractions", () => {
    expect(Array.from(percentilesInPlace(Float64Array.of(5), [0.1, 0.9]))).toEqual([5, 5]);
    expect(Array.from(percentilesInPlace(Float64Array.of(3, 9, 1), [0, 0.5, 0.5, 1]))).toEqual([
      1, 3, 3, 9,
    ]);
  });

  it("property: equals PERCENTILE.INC on the sorted values, with many ties and any length", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: -3, max: 3 }),
            fc.double({ min: -1e6, max: 1e6, noNaN: true })
          ),
          {
            minLength: 1,
            maxLength: 400,
          }
        ),
        fc.uniqueArray(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (values, fractions) => {
          const ps = [...fractions].sort((a, b) => a - b);
          const sorted = Float64Array.from(values).sort();
          const got = percentilesInPlace(Float64Array.from(values), ps);
          ps.forEach((p, k) => expect(got[k]).toBe(percentileSorted(sorted, p)));
        }
      ),
      { numRuns: 300 }
    );
  });

  it("selects in ascending order from adversarial orders: sorted, reversed, constant, organ pipe", () => {
    const n = 5001;
    const orders = [
      Float64Array.from({ length: n }, (_, i) => i),
      Float64Array.from({ length: n }, (_, i) => n - i),
      new Float64Array(n).fill(7),
      Float64Array.from({ length: n }, (_, i) => Math.min(i, n - i)),
    ];
    const ps = [0.1, 0.25, 0.5, 0.75, 0.9];
    for (const order of orders) {
      const sorted = Float64Array.from(order).sort();
      const got = percentilesInPlace(Float64Array.from(order), ps);
      ps.forEach((p, k) => expect(got[k]).toBe(percentileSorted(sorted, p)));
    }
  });
});
