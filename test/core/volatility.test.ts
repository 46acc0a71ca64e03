import fc from "fast-check";
import { squareMatrix } from "../../src/core/matrix";
import { portfolio } from "../../src/core/portfolio";
import { portfolioVolatility } from "../../src/core/volatility";
import { correlations, handVariance, vols, weights, worked } from "../fixtures/stacked-example";

describe("portfolioVolatility", () => {
  it("reproduces the worked value of DESIGN.md §1 (explicit cash leg): 0.1443260", () => {
    expect(portfolioVolatility(portfolio(weights, vols, correlations))).toBeCloseTo(worked.vol, 7);
  });

  it("equals the square root of the term-by-term hand calculation", () => {
    expect(portfolioVolatility(portfolio(weights, vols, correlations))).toBeCloseTo(
      Math.sqrt(handVariance),
      15
    );
  });

  it("gives the same number with the implicit financing asset", () => {
    const stocksBonds = squareMatrix(2, Float64Array.of(1, -0.3, -0.3, 1));
    const p = portfolio(Float64Array.of(1, 1), vols.subarray(0, 2), stocksBonds, {
      vol: 0.01,
      correlations: Float64Array.of(-0.05, 0.1),
    });
    expect(Array.from(p.weights)).toEqual([1, 1, -1]);
    expect(portfolioVolatility(p)).toBeCloseTo(worked.vol, 7);
  });

  it("is |w|·σ for one asset and 0 for no exposure", () => {
    const one = squareMatrix(1, Float64Array.of(1));
    expect(
      portfolioVolatility(portfolio(Float64Array.of(-2), Float64Array.of(0.2), one))
    ).toBeCloseTo(0.4, 15);
    expect(portfolioVolatility(portfolio(Float64Array.of(0), Float64Array.of(0.2), one))).toBe(0);
  });

  it("property: scaling the weights by k scales the volatility by |k|", () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), (k) => {
        const scaled = weights.map((w) => k * w);
        const base = portfolioVolatility(portfolio(weights, vols, correlations));
        return (
          Math.abs(
            portfolioVolatility(portfolio(scaled, vols, correlations)) - Math.abs(k) * base
          ) < 1e-12
        );
      })
    );
  });

  it("property: never exceeds Σ|wᵢ|σᵢ (perfect correlation is the worst case)", () => {
    const w = fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(w, (ws) => {
        const bound = ws.reduce((s, x, i) => s + Math.abs(x) * vols[i], 0);
        return (
          portfolioVolatility(portfolio(Float64Array.from(ws), vols, correlations)) <= bound + 1e-12
        );
      })
    );
  });
});
