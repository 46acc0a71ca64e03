import { correlation, sampleCovariance } from "../../src/core/paired-moments";
import { seriesA, seriesB } from "../fixtures/series-example";

describe("sample covariance and correlation", () => {
  it("match hand calculations and numpy's corrcoef (analytics_reference.py)", () => {
    // Hand: x̄ = 2, ȳ = 2: ((−1)(−1) + 0·1 + 1·0) / 2 = 0.5; both variances 1.
    expect(sampleCovariance(Float64Array.of(1, 2, 3), Float64Array.of(1, 3, 2))).toBeCloseTo(
      0.5,
      15
    );
    expect(correlation(Float64Array.of(1, 2, 3), Float64Array.of(1, 3, 2))).toBeCloseTo(0.5, 15);
    expect(correlation(seriesA, seriesB)).toBeCloseTo(-0.7997959618883007, 13);
  });

  it("are #DIV/0! for a constant series or a single pair", () => {
    expect(() => correlation(seriesA, new Float64Array(10))).toThrow("a series has no volatility");
    expect(() => sampleCovariance(Float64Array.of(1), Float64Array.of(1))).toThrow(
      "needs at least 2 periods"
    );
  });
});
