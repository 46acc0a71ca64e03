import { sortino } from "../../src/core/sortino";
import { seriesA } from "../fixtures/series-example";

// numpy references (test/fixtures/series_reference.py): adj = a − required/252;
// np.mean(adj) / np.sqrt(np.mean(np.minimum(adj, 0) ** 2)) * np.sqrt(252).
describe("sortino", () => {
  it("with required return 0: 5.116355781542007", () => {
    expect(sortino(seriesA)).toBeCloseTo(5.116355781542007, 13);
  });

  it("with a 2% annual required return: 5.017389347039402", () => {
    expect(sortino(seriesA, 0.02, 252)).toBeCloseTo(5.017389347039402, 13);
  });

  it("by hand: 2%, −1%, 0.5% → mean 0.005, downside √(0.0001 / 3) over all 3 observations → 13.7477", () => {
    expect(sortino(Float64Array.of(0.02, -0.01, 0.005))).toBeCloseTo(
      (0.005 / Math.sqrt(0.0001 / 3)) * Math.sqrt(252),
      12
    );
    expect(sortino(Float64Array.of(0.02, -0.01, 0.005))).toBeCloseTo(13.7477, 4);
  });

  it("is #DIV/0! when no return falls below the required return", () => {
    expect(() => sortino(Float64Array.of(0.01, 0.02))).toThrow(
      expect.objectContaining({ kind: "div0" })
    );
  });

  it("takes the required return per period as a series", () => {
    expect(sortino(seriesA, new Float64Array(10).fill(0.02 / 252))).toBeCloseTo(
      5.017389347039402,
      12
    );
    expect(() => sortino(seriesA, Float64Array.of(0))).toThrow(
      "required_return: 1 items, expected 10 (one per return)"
    );
  });
});
