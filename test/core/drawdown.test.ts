import fc from "fast-check";
import { drawdowns, maxDrawdown } from "../../src/core/drawdown";
import { expectAllClose, seriesA } from "../fixtures/series-example";

describe("drawdowns", () => {
  it("matches numpy: v / maximum.accumulate([1, v…]) − 1 (test/fixtures/series_reference.py)", () => {
    expectAllClose(drawdowns(seriesA), [0, -0.02, 0, -0.04, 0, 0, -0.013, 0, -0.007, 0], 14);
  });

  it("measures from the starting value: a first-day loss of 5% is a 5% drawdown", () => {
    expectAllClose(drawdowns(Float64Array.of(-0.05, 0.02)), [-0.05, 0.95 * 1.02 - 1], 15);
  });

  it("by hand: +10%, −50%, +20% → values 1.1, 0.55, 0.66 → 0, −0.5, −0.4", () => {
    expectAllClose(drawdowns(Float64Array.of(0.1, -0.5, 0.2)), [0, -0.5, -0.4], 15);
  });

  it("is −1 once wiped out", () => {
    expect(Array.from(drawdowns(Float64Array.of(0.1, -1.5, 0.3)))).toEqual([0, -1, -1]);
  });
});

describe("maxDrawdown", () => {
  it("matches numpy: −0.04 for the example series", () => {
    expect(maxDrawdown(seriesA)).toBeCloseTo(-0.040000000000000036, 15);
  });

  it("is 0 for a series that only rises", () => {
    expect(maxDrawdown(Float64Array.of(0.01, 0, 0.02))).toBe(0);
  });

  it("refuses an empty series", () => {
    expect(() => maxDrawdown(new Float64Array(0))).toThrow("returns: empty");
  });

  it("property: between −1 and 0, and the minimum of the drawdown series", () => {
    const returns = fc.array(fc.double({ min: -1.5, max: 1, noNaN: true }), {
      minLength: 1,
      maxLength: 60,
    });
    fc.assert(
      fc.property(returns, (r) => {
        const series = Float64Array.from(r);
        const worst = maxDrawdown(series);
        return worst <= 0 && worst >= -1 && worst === Math.min(0, ...drawdowns(series));
      })
    );
  });
});
