import fc from "fast-check";
import { cagr } from "../../src/core/cagr";
import { rollingAnnualised } from "../../src/core/rolling";
import { expectAllClose, seriesA } from "../fixtures/series-example";

describe("rollingAnnualised", () => {
  it("matches numpy: prod(sliding_window_view(1 + a, 3)) ** (252 / 3) − 1 from the third row", () => {
    const { values, firstIndex } = rollingAnnualised(seriesA, 3, 252);
    expect(firstIndex).toBe(2);
    expect(values.length).toBe(10);
    expect(Array.from(values.subarray(0, 2))).toEqual([0, 0]);
    const numpy = [
      4.0618891594159985, -0.9288621379825068, 22.388995613436368, 1.3097943028773482,
      22.737258250729816, 1.257832749772278, 0.058132449898186334, 10.092942398037481,
    ];
    numpy.forEach((v, i) => expect(values[i + 2] / v).toBeCloseTo(1, 12));
  });

  it("matches numpy with a 4-period window of monthly data", () => {
    const { values, firstIndex } = rollingAnnualised(seriesA, 4, 12);
    expect(firstIndex).toBe(3);
    expectAllClose(
      values.subarray(3),
      [
        -0.06250767349198483, 0.053347084467394446, 0.12589122683362053, -0.009313559328094967,
        0.19179002475582596, 0.008044244539997525, 0.0477907412400258,
      ],
      14
    );
  });

  it("by hand: +10%, −50%, +20% with a window of 2 annual periods → √0.55 − 1, √0.6 − 1", () => {
    const { values } = rollingAnnualised(Float64Array.of(0.1, -0.5, 0.2), 2, 1);
    expectAllClose(values.subarray(1), [Math.sqrt(0.55) - 1, Math.sqrt(0.6) - 1], 15);
  });

  it("marks windows that contain a loss of 100% or more as −1, and recovers after", () => {
    const { values } = rollingAnnualised(Float64Array.of(0.1, -1, 0.2, 0.1, 0.1), 2, 1);
    expect(values[1]).toBe(-1);
    expect(values[2]).toBe(-1);
    expect(values[3]).toBeCloseTo(Math.sqrt(1.2 * 1.1) - 1, 15);
  });

  it("refuses a window that is not a whole number from 1 to the number of returns", () => {
    expect(() => rollingAnnualised(seriesA, 0)).toThrow(
      "window: must be a whole number from 1 to 10"
    );
    expect(() => rollingAnnualised(seriesA, 11)).toThrow(
      "window: must be a whole number from 1 to 10"
    );
    expect(() => rollingAnnualised(seriesA, 2.5)).toThrow(
      "window: must be a whole number from 1 to 10"
    );
  });

  it("property: the last window over the whole series is its CAGR", () => {
    const returns = fc.array(fc.double({ min: -0.5, max: 0.5, noNaN: true }), {
      minLength: 1,
      maxLength: 300,
    });
    fc.assert(
      fc.property(returns, (r) => {
        const series = Float64Array.from(r);
        const { values } = rollingAnnualised(series, series.length, 252);
        const expected = cagr(series, 252);
        return (
          Math.abs(values[series.length - 1] - expected) <= 1e-9 * Math.max(1, Math.abs(expected))
        );
      })
    );
  });

  it("property: every window equals a direct product (no drift over long series)", () => {
    const returns = fc.array(fc.double({ min: -0.1, max: 0.1, noNaN: true }), {
      minLength: 30,
      maxLength: 2000,
    });
    fc.assert(
      fc.property(returns, fc.integer({ min: 1, max: 30 }), (r, window) => {
        const series = Float64Array.from(r);
        const { values } = rollingAnnualised(series, window, window);
        for (let i = window - 1; i < series.length; i++) {
          let product = 1;
          for (let k = i - window + 1; k <= i; k++) product *= 1 + series[k];
          if (Math.abs(values[i] - (product - 1)) > 1e-12 * Math.max(1, product)) return false;
        }
        return true;
      }),
      { numRuns: 30 }
    );
  });
});
