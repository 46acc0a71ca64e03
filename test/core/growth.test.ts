import fc from "fast-check";
import { compound, finalGrowth, growth } from "../../src/core/growth";
import { expectAllClose, seriesA } from "../fixtures/series-example";

describe("growth", () => {
  it("matches numpy: np.cumprod(1 + a) (test/fixtures/series_reference.py)", () => {
    expectAllClose(
      growth(seriesA),
      [
        1.01, 0.9898, 1.0194940000000001, 0.9787142400000001, 1.0276499520000002,
        1.0297052519040002, 1.0163190836292482, 1.0376617843854623, 1.030398151894764,
        1.0458541241731854,
      ],
      14
    );
  });

  it("scales with the start value: $100 through +10%, −50% → 110, 55", () => {
    expectAllClose(growth(Float64Array.of(0.1, -0.5), 100), [110, 55], 12);
  });

  it("stays at 0 after a loss of 100% or more", () => {
    expect(Array.from(growth(Float64Array.of(0.1, -1.2, 0.5)))).toEqual([1.1, 0, 0]);
    expect(compound(100, -1)).toBe(0);
  });

  it("refuses a start value that is not positive and an empty series", () => {
    expect(() => growth(seriesA, 0)).toThrow("start_value: must be positive");
    expect(() => growth(seriesA, -1)).toThrow("start_value: must be positive");
    expect(() => growth(new Float64Array(0))).toThrow("returns: empty");
  });

  it("property: the last value is Π(1 + r) and equals finalGrowth", () => {
    const returns = fc.array(fc.double({ min: -0.99, max: 1, noNaN: true }), {
      minLength: 1,
      maxLength: 60,
    });
    fc.assert(
      fc.property(returns, (r) => {
        const values = growth(Float64Array.from(r));
        const product = r.reduce((p, x) => p * (1 + x), 1);
        const last = values[values.length - 1];
        return (
          Math.abs(last - product) <= 1e-12 * Math.max(1, product) &&
          last === finalGrowth(Float64Array.from(r))
        );
      })
    );
  });
});
