import { BENCHMARK_ROWS, benchmarkStats } from "../../src/core/benchmark-stats";
import { StackError } from "../../src/core/errors";
import { mixed, negative } from "../fixtures/empyrical-cases";
import { riskFreeSeries, seriesA, seriesB } from "../fixtures/series-example";

describe("benchmarkStats", () => {
  it("gathers the numpy references of the example series against B (analytics_reference.py)", () => {
    const stats = benchmarkStats(seriesA, seriesB, riskFreeSeries, 252);
    expect(stats.beta).toBeCloseTo(-2.1388137524137565, 12);
    expect(stats.alpha).toBeCloseTo(6.655037675306581, 10);
    expect(stats.correlation).toBeCloseTo(-0.7997959618883007, 13);
    expect(stats.upCapture).toBeCloseTo(-0.19593272235662668, 12);
    expect(stats.downCapture).toBeCloseTo(-4488.6000951815495, 6);
    expect(stats.trackingError).toBeCloseTo(0.5473291514253558, 13);
    expect(stats.informationRatio).toBeCloseTo(1.427294705508737, 12);
  });

  it("keeps the other entries when one is #DIV/0! (no down periods)", () => {
    const up = mixed.map((x) => Math.abs(x) + 0.001);
    const stats = benchmarkStats(negative, up, 0, 252);
    expect(stats.downCapture).toBeInstanceOf(StackError);
    expect(typeof stats.beta).toBe("number");
  });

  it("labels every statistic once", () => {
    expect(BENCHMARK_ROWS.map(([k]) => k).sort()).toEqual(
      Object.keys(benchmarkStats(seriesA, seriesB)).sort()
    );
  });
});
