import { StackError } from "../../src/core/errors";
import { seriesStats, STATS_ROWS } from "../../src/core/stats";
import { seriesA } from "../fixtures/series-example";

describe("seriesStats", () => {
  it("gathers the numpy reference values of the example series with a 3% risk-free rate", () => {
    const stats = seriesStats(seriesA, 0.03, 252);
    expect(stats.cagr).toBeCloseTo(2.0950812600191684, 12);
    expect(stats.volatility).toBeCloseTo(0.41522620341206795, 15);
    expect(stats.sharpe).toBeCloseTo(2.8408611747206436, 13);
    expect(stats.maxDrawdown).toBeCloseTo(-0.04, 15);
    expect(stats.calmar).toBeCloseTo(52.37703150047916, 11);
    expect(stats.ulcer).toBeCloseTo(0.014892951352905186, 15);
    expect(stats.best).toBe(0.05);
    expect(stats.worst).toBe(-0.04);
    expect(stats.finalGrowth).toBeCloseTo(1.0458541241731854, 15);
    // numpy (test/fixtures/analytics_reference.py): np.percentile(a, 5), mean of the ⌊9·0.05⌋ + 1 smallest.
    expect(stats.valueAtRisk).toBeCloseTo(-0.030999999999999993, 15);
    expect(stats.conditionalValueAtRisk).toBeCloseTo(-0.04, 15);
  });

  it("uses the risk-free rate as Sortino's required return: numpy, 2% → 5.017389347039402", () => {
    expect(seriesStats(seriesA, 0.02, 252).sortino).toBeCloseTo(5.017389347039402, 13);
  });

  it("keeps the other statistics when one ratio is #DIV/0!", () => {
    const stats = seriesStats(new Float64Array(5).fill(0.001), 0, 252);
    expect(stats.sharpe).toBeInstanceOf(StackError);
    expect((stats.sharpe as StackError).kind).toBe("div0");
    expect(stats.calmar).toBeInstanceOf(StackError);
    expect(stats.sortino).toBeInstanceOf(StackError);
    expect(stats.volatility).toBe(0);
    expect(stats.maxDrawdown).toBe(0);
    expect(stats.finalGrowth).toBeCloseTo(1.001 ** 5, 15);
  });

  it("still throws input errors for the whole table", () => {
    expect(() => seriesStats(seriesA, 0, 0)).toThrow("ppy: must be positive");
    expect(() => seriesStats(new Float64Array(0))).toThrow("returns: empty");
    expect(() => seriesStats(seriesA, Float64Array.of(0))).toThrow(
      "risk_free: 1 items, expected 10 (one per return)"
    );
  });

  it("labels every statistic once", () => {
    const stats = seriesStats(seriesA);
    expect(STATS_ROWS.map(([key]) => key).sort()).toEqual(Object.keys(stats).sort());
  });
});
