import fc from "fast-check";
import { closeAtWipeOut, compound, finalGrowth, growth, wipedOutAt } from "../../src/core/growth";
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

describe("wiping a fund out", () => {
  it("caps one period's loss at −100%: −1.2 → −1; −1 and anything above stay as they are", () => {
    expect([wipedOutAt(-1.2), wipedOutAt(-1), wipedOutAt(-0.999), wipedOutAt(0.03)]).toEqual([
      -1, -1, -0.999, 0.03,
    ]);
  });

  it("closes a fund at its first row at or below −100%: −1 there, 0 on every later row, in place", () => {
    const returns = Float64Array.of(0.1, -0.2, -1.5, 0.3, -2, 0.1);
    expect(closeAtWipeOut(returns)).toBe(returns);
    expect(Array.from(returns)).toEqual([0.1, -0.2, -1, 0, 0, 0]);
    expect(Array.from(closeAtWipeOut(Float64Array.of(-1, 0.5)))).toEqual([-1, 0]);
    expect(Array.from(closeAtWipeOut(Float64Array.of(0.1, -0.99)))).toEqual([0.1, -0.99]);
  });

  it("property: never below −1, nothing but 0 after a −1, and the rows before the wipe-out untouched", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { maxLength: 40 }), (r) => {
        const closed = closeAtWipeOut(Float64Array.from(r));
        const first = r.findIndex((x) => x <= -1);
        return closed.every((x, t) =>
          first < 0 || t < first ? x === r[t] : t === first ? x === -1 : x === 0
        );
      })
    );
  });
});
