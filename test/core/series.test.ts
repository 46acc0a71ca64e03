import {
  excessReturns,
  perRow,
  requireAlignedSeries,
  requirePeriodsPerYear,
  requireWhole,
} from "../../src/core/series";

describe("series argument checks", () => {
  it("requireWhole names the argument and the range", () => {
    expect(() => requireWhole("window", 0, 1, 250)).toThrow(
      "window: must be a whole number from 1 to 250"
    );
    expect(() => requireWhole("window", 3, 1, 250)).not.toThrow();
  });

  it("requirePeriodsPerYear refuses zero, negatives, NaN and infinity", () => {
    for (const bad of [0, -12, NaN, Infinity])
      expect(() => requirePeriodsPerYear(bad)).toThrow("ppy: must be positive");
    expect(() => requirePeriodsPerYear(52)).not.toThrow();
  });

  it("perRow gives null for one number and the array when it has one item per row", () => {
    expect(perRow("rates", 0.02, 3)).toBeNull();
    const rates = Float64Array.of(1, 2, 3);
    expect(perRow("rates", rates, 3)).toBe(rates);
    expect(() => perRow("rates", rates, 4)).toThrow("rates: 3 items, expected 4 (one per return)");
  });

  it("excessReturns divides an annual rate by ppy and subtracts a per-period series as is", () => {
    const r = Float64Array.of(0.01, 0.02);
    const annual = excessReturns(r, 0.0252, 252, "risk_free");
    expect(annual[0]).toBeCloseTo(0.0099, 16);
    expect(annual[1]).toBeCloseTo(0.0199, 16);
    expect(Array.from(excessReturns(r, Float64Array.of(0.01, 0.005), 252, "risk_free"))).toEqual([
      0, 0.015,
    ]);
  });

  it("requireAlignedSeries returns the row count or names what does not line up", () => {
    expect(
      requireAlignedSeries(
        [Float64Array.of(1, 2), Float64Array.of(3, 4)],
        Float64Array.of(0.5, 0.5)
      )
    ).toBe(2);
    expect(() => requireAlignedSeries([new Float64Array(0)], Float64Array.of(1))).toThrow(
      "returns: empty"
    );
  });
});
