import fc from "fast-check";
import { horizonPercentile, horizonProbability } from "../../src/core/horizon";

// g 6%, σ 10%, 4 years → spread σ/√T = 5%. References from Python's statistics.NormalDist.
describe("horizonPercentile", () => {
  it("10th percentile: 0.06 + Φ⁻¹(0.1)·0.05 = −0.004077578277230043", () => {
    expect(horizonPercentile(0.06, 0.1, 4, 0.1)).toBeCloseTo(-0.004077578277230043, 14);
  });

  it("the median is the compound return", () => {
    expect(horizonPercentile(0.06, 0.1, 4, 0.5)).toBeCloseTo(0.06, 15);
  });

  it("refuses percentiles outside (0, 1), non-positive years, negative vols", () => {
    expect(() => horizonPercentile(0.06, 0.1, 4, 1)).toThrow(
      "percentile: must be between 0 and 1 (exclusive)"
    );
    expect(() => horizonPercentile(0.06, 0.1, 4, 10)).toThrow(
      "percentile: must be between 0 and 1 (exclusive)"
    );
    expect(() => horizonPercentile(0.06, 0.1, 0, 0.5)).toThrow("years: must be positive");
    expect(() => horizonPercentile(0.06, -0.1, 4, 0.5)).toThrow("vol: negative");
  });
});

describe("horizonProbability", () => {
  it("P(annualised return > 0) = Φ(0.06/0.05) = Φ(1.2) = 0.8849303297782917", () => {
    expect(horizonProbability(0.06, 0.1, 4, 0)).toBeCloseTo(0.8849303297782917, 15);
  });

  it("is certain without volatility", () => {
    expect(horizonProbability(0.06, 0, 4, 0.05)).toBe(1);
    expect(horizonProbability(0.06, 0, 4, 0.07)).toBe(0);
  });

  it("property: the probability of beating the p-th percentile is 1 − p", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        fc.integer({ min: 1, max: 40 }),
        (p, sigma, years) => {
          const cut = horizonPercentile(0.05, sigma, years, p);
          return Math.abs(horizonProbability(0.05, sigma, years, cut) - (1 - p)) < 1e-12;
        }
      )
    );
  });
});
