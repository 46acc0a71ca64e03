import fc from "fast-check";
import { letfSeries } from "../../src/core/letf";
import { stackedSeries } from "../../src/core/stacked";
import { expectAllClose, seriesA, seriesB } from "../fixtures/series-example";

describe("stackedSeries", () => {
  it("100% stocks + 100% bonds at 3.6% + 0.4% premium, fee 0.5%, 1 day: 0.01 + 0.002 − 0.04/360 − 0.005/252", () => {
    const out = stackedSeries(
      [Float64Array.of(0.01), Float64Array.of(0.002)],
      Float64Array.of(1, 1),
      0.036,
      1,
      0.004,
      0.005
    );
    // 0.012 − 0.000111111 − 0.0000198413 = 0.0118690476
    expect(out[0]).toBeCloseTo(0.012 - 0.04 / 360 - 0.005 / 252, 17);
    expect(out[0]).toBeCloseTo(0.0118690476, 10);
  });

  it("takes rates and days per row", () => {
    const out = stackedSeries(
      [Float64Array.of(0.01, 0.02), Float64Array.of(0.003, -0.001)],
      Float64Array.of(0.9, 0.6),
      Float64Array.of(0.05, 0.04),
      Float64Array.of(1, 3),
      0,
      0
    );
    // Σw = 1.5: borrows 50%. Row 1: 0.009 + 0.0018 − 0.5·0.05/360; row 2: 0.018 − 0.0006 − 0.5·0.04·3/360.
    expectAllClose(out, [0.0108 - (0.5 * 0.05) / 360, 0.0174 - (0.5 * 0.04 * 3) / 360], 16);
  });

  it("is wiped out when a day's loss reaches 100%: a short leg whose asset gains 150% (weights 1, −1)", () => {
    // By hand, no costs: day 1: 1·0.02 − 1·0.01 = 0.01; day 2: 1·0 − 1·1.5 = −1.5 → −1; then 0.
    const out = stackedSeries(
      [Float64Array.of(0.02, 0, 0.1), Float64Array.of(0.01, 1.5, -0.5)],
      Float64Array.of(1, -1),
      0,
      1,
      0,
      0
    );
    expect(out[0]).toBeCloseTo(0.01, 16);
    expect(Array.from(out.subarray(1))).toEqual([-1, 0]);
  });

  it("refuses mismatched series, weights, rates and days", () => {
    const two = [seriesA, seriesB];
    expect(() => stackedSeries(two, Float64Array.of(1), 0, 1, 0, 0)).toThrow(
      "weights: 1 items, expected 2 (one per series)"
    );
    expect(() =>
      stackedSeries([seriesA, seriesB.subarray(1)], Float64Array.of(1, 1), 0, 1, 0, 0)
    ).toThrow("returns: series 2 has 9 rows, expected 10");
    expect(() => stackedSeries(two, Float64Array.of(1, 1), Float64Array.of(0.02), 1, 0, 0)).toThrow(
      "rates: 1 items, expected 10 (one per return)"
    );
    expect(() => stackedSeries(two, Float64Array.of(1, 1), 0.02, Float64Array.of(1), 0, 0)).toThrow(
      "dates: 1 items, expected 10 (one per return)"
    );
    expect(() => stackedSeries([], new Float64Array(0), 0, 1, 0, 0)).toThrow("returns: no series");
  });

  it("property: one series at weight X is the leveraged fund with the premium as its spread and the fee as its expense ratio", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 4, noNaN: true }),
        fc.double({ min: 0, max: 0.08, noNaN: true }),
        (x, rate) => {
          const stacked = stackedSeries(
            [seriesA],
            Float64Array.of(x),
            rate,
            365 / 252,
            0.003,
            0.009
          );
          const fund = letfSeries(seriesA, x, 0.009, rate, 365 / 252, 0.003);
          return stacked.every((v, i) => Math.abs(v - fund[i]) < 1e-15);
        }
      )
    );
  });
});
