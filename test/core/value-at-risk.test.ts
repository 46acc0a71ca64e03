import { conditionalValueAtRisk, valueAtRisk } from "../../src/core/value-at-risk";
import { seriesA } from "../fixtures/series-example";

describe("valueAtRisk", () => {
  it("reproduces empyrical's value_at_risk tests (cutoff = 1 − confidence)", () => {
    // empyrical-reloaded tests/test_stats.py test_value_at_risk.
    const six = Float64Array.of(1, 81, 82, 83, 84, 85);
    expect(valueAtRisk(six, 0.9)).toBeCloseTo(41, 10);
    expect(valueAtRisk(six, 0.8)).toBeCloseTo(81, 10);
    expect(valueAtRisk(six, 0.7)).toBeCloseTo(81.5, 10);
    expect(valueAtRisk(Float64Array.of(1, 2), 0.7)).toBeCloseTo(1.3, 10);
  });

  it("matches numpy's percentile and NormalDist on the example series (analytics_reference.py)", () => {
    expect(valueAtRisk(seriesA)).toBeCloseTo(-0.030999999999999993, 15);
    expect(valueAtRisk(seriesA, 0.9)).toBeCloseTo(-0.022000000000000006, 15);
    expect(valueAtRisk(seriesA, 0.95, "normal")).toBeCloseTo(-0.03822409450649963, 13);
    expect(valueAtRisk(seriesA, 0.9, "normal")).toBeCloseTo(-0.028721277983338872, 13);
  });

  it("refuses a confidence outside (0, 1) and needs 2 returns for the normal method", () => {
    expect(() => valueAtRisk(seriesA, 1)).toThrow("confidence: must be between 0 and 1");
    expect(() => valueAtRisk(seriesA, 0)).toThrow("confidence: must be between 0 and 1");
    expect(() => valueAtRisk(Float64Array.of(0.01), 0.95, "normal")).toThrow(
      "needs at least 2 periods"
    );
    expect(valueAtRisk(Float64Array.of(0.01))).toBe(0.01);
  });
});

describe("conditionalValueAtRisk", () => {
  it("averages the ⌊(n − 1)(1 − confidence)⌋ + 1 smallest returns (empyrical; numpy in analytics_reference.py)", () => {
    // n = 10: ⌊9 · 0.05⌋ + 1 = 1 → −0.04; ⌊9 · 0.1⌋ + 1 = 1 → −0.04.
    expect(conditionalValueAtRisk(seriesA)).toBeCloseTo(-0.04, 15);
    expect(conditionalValueAtRisk(seriesA, 0.9)).toBeCloseTo(-0.04, 15);
    // Hand: n = 11 at 90%: ⌊10 · 0.1⌋ + 1 = 2 (1 − 0.9 is 0.0999…98 in binary: rounded before flooring).
    const eleven = Float64Array.of(5, 4, 3, 2, 1, 0, -1, -2, -3, -4, -5);
    expect(conditionalValueAtRisk(eleven, 0.9)).toBeCloseTo(-4.5, 12);
    // Hand: n = 5 at 75%: ⌊4 · 0.25⌋ + 1 = 2 → (−0.05 − 0.02) / 2.
    expect(
      conditionalValueAtRisk(Float64Array.of(0.03, -0.02, 0.01, -0.05, 0.02), 0.75)
    ).toBeCloseTo(-0.035, 15);
  });

  it("normal: the mean below the normal VaR, or the VaR when nothing is below it (quantstats' cvar)", () => {
    expect(conditionalValueAtRisk(seriesA, 0.95, "normal")).toBeCloseTo(-0.04, 15);
    // Hand: two returns ±1%, VaR = 0 + Φ⁻¹(0.05)·0.0141421 = −0.023262 is below both.
    expect(conditionalValueAtRisk(Float64Array.of(0.01, -0.01), 0.95, "normal")).toBeCloseTo(
      -1.6448536269514722 * Math.SQRT2 * 0.01,
      12
    );
  });
});
