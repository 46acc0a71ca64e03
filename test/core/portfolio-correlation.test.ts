import fc from "fast-check";
import { squareMatrix } from "../../src/core/matrix";
import { portfolio } from "../../src/core/portfolio";
import { correlationsWithAssets, correlationWith } from "../../src/core/portfolio-correlation";
import { StackError } from "../../src/core/errors";
import { correlations, vols, weights, worked } from "../fixtures/stacked-example";

describe("portfolio correlations (DESIGN.md §1 worked example)", () => {
  const p = portfolio(weights, vols, correlations);

  it("reproduces 0.9180604 with stocks, 0.0970026 with bonds, −0.0796807 with cash", () => {
    const all = correlationsWithAssets(p);
    expect(all[0]).toBeCloseTo(worked.corrStocks, 7);
    expect(all[1]).toBeCloseTo(worked.corrBonds, 7);
    expect(all[2]).toBeCloseTo(worked.corrCash, 7);
  });

  it("matches the hand formula for bonds: (1·0.15·(−0.3) + 1·0.06·1 + (−1)·0.01·0.1) / 0.144326", () => {
    expect(correlationWith(p, Float64Array.of(-0.3, 1, 0.1))).toBeCloseTo(
      (-0.045 + 0.06 - 0.001) / Math.sqrt(0.02083),
      15
    );
  });

  it("is the same with the implicit financing asset", () => {
    const implicit = portfolio(
      Float64Array.of(1, 1),
      Float64Array.of(0.15, 0.06),
      squareMatrix(2, Float64Array.of(1, -0.3, -0.3, 1)),
      {
        vol: 0.01,
        correlations: Float64Array.of(-0.05, 0.1),
      }
    );
    const all = correlationsWithAssets(implicit);
    expect(all[1]).toBeCloseTo(worked.corrBonds, 7);
    expect(all[2]).toBeCloseTo(worked.corrCash, 7);
  });

  it("is #DIV/0! for a portfolio without volatility", () => {
    const flat = portfolio(Float64Array.of(0, 0, 0), vols, correlations);
    expect(() => correlationWith(flat, Float64Array.of(1, 0, 0))).toThrow(StackError);
    try {
      correlationWith(flat, Float64Array.of(1, 0, 0));
    } catch (e) {
      expect((e as StackError).kind).toBe("div0");
    }
  });

  it("refuses an outside asset with the wrong number of correlations or |ρ| > 1", () => {
    expect(() => correlationWith(p, Float64Array.of(0.1, 0.2))).toThrow(
      "target: 2 items, expected 3 (one correlation per asset)"
    );
    expect(() => correlationWith(p, Float64Array.of(0.1, 0.2, 1.2))).toThrow(
      "target: item 3 is outside -1..1"
    );
  });

  it("property: a long-only one-asset portfolio is perfectly correlated with its asset", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        fc.integer({ min: 0, max: 2 }),
        (w, k) => {
          const ws = new Float64Array(3);
          ws[k] = w;
          return Math.abs(correlationsWithAssets(portfolio(ws, vols, correlations))[k] - 1) < 1e-12;
        }
      )
    );
  });
});
