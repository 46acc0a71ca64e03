import fc from "fast-check";
import { sharpe } from "../../src/core/sharpe";
import { riskFreeSeries, seriesA } from "../fixtures/series-example";

// numpy references (test/fixtures/series_reference.py): ex = a − rf; np.mean(ex) / np.std(ex, ddof=1) * np.sqrt(252).
describe("sharpe", () => {
  it("with a 3% annual risk-free rate (0.03/252 per day): 2.8408611747206436", () => {
    expect(sharpe(seriesA, 0.03, 252)).toBeCloseTo(2.8408611747206436, 13);
  });

  it("without a risk-free rate: 2.9131109502730506", () => {
    expect(sharpe(seriesA)).toBeCloseTo(2.9131109502730506, 13);
  });

  it("with a per-period risk-free series: 2.849719389283357", () => {
    expect(sharpe(seriesA, riskFreeSeries, 252)).toBeCloseTo(2.849719389283357, 13);
  });

  it("by hand: 1%, −0.5%, 2% → mean 0.0083333, std 0.0125831 → 0.662266·√252 = 10.5130", () => {
    expect(sharpe(Float64Array.of(0.01, -0.005, 0.02))).toBeCloseTo(10.513, 3);
  });

  it("is #DIV/0! for a constant series and for a single return", () => {
    expect(() => sharpe(new Float64Array(20).fill(0.0004))).toThrow(
      expect.objectContaining({ kind: "div0" })
    );
    expect(() => sharpe(Float64Array.of(0.01))).toThrow(expect.objectContaining({ kind: "div0" }));
  });

  it("refuses a risk-free series of another length", () => {
    expect(() => sharpe(seriesA, Float64Array.of(0.0001))).toThrow(
      "risk_free: 1 items, expected 10 (one per return)"
    );
  });

  it("property: an annual rate equals the same rate given per period", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.1, noNaN: true }), (rate) => {
        const perPeriod = new Float64Array(seriesA.length).fill(rate / 252);
        return Math.abs(sharpe(seriesA, rate) - sharpe(seriesA, perPeriod)) < 1e-12;
      })
    );
  });
});
