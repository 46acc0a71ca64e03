import { squareMatrix } from "../../src/core/matrix";
import { covarianceMatrix, portfolio } from "../../src/core/portfolio";
import { correlations, vols, weights } from "../fixtures/stacked-example";

describe("portfolio", () => {
  const stocksBonds = squareMatrix(2, Float64Array.of(1, -0.3, -0.3, 1));

  it("appends the financing asset with weight 1 − Σw and its correlations", () => {
    const p = portfolio(Float64Array.of(1, 1), Float64Array.of(0.15, 0.06), stocksBonds, {
      vol: 0.01,
      correlations: Float64Array.of(-0.05, 0.1),
    });
    expect(Array.from(p.weights)).toEqual([1, 1, -1]);
    expect(Array.from(p.vols)).toEqual([0.15, 0.06, 0.01]);
    expect(Array.from(p.correlations.data)).toEqual(Array.from(correlations.data));
  });

  it("gives an unlevered portfolio a positive cash weight: 60/30 → 10% cash", () => {
    const p = portfolio(Float64Array.of(0.6, 0.3), Float64Array.of(0.15, 0.06), stocksBonds, {
      vol: 0,
      correlations: Float64Array.of(0, 0),
    });
    expect(p.weights[2]).toBeCloseTo(0.1, 15);
  });

  it("refuses mismatched lengths, negative volatilities and an impossible financing correlation", () => {
    expect(() => portfolio(Float64Array.of(1, 1), Float64Array.of(0.15), stocksBonds)).toThrow(
      "vols: 1 items, expected 2 (one per weight)"
    );
    expect(() => portfolio(weights, vols, stocksBonds)).toThrow(
      "correlations: 2×2, expected 3×3 (one row per weight)"
    );
    expect(() =>
      portfolio(Float64Array.of(1, 1), Float64Array.of(0.15, -0.06), stocksBonds)
    ).toThrow("vols: item 2 is negative");
    expect(() =>
      portfolio(Float64Array.of(1, 1), Float64Array.of(0.15, 0.06), stocksBonds, {
        vol: -0.01,
        correlations: Float64Array.of(0, 0),
      })
    ).toThrow("financing_vol: negative");
    // Financing perfectly correlated with stocks and with bonds, while stocks/bonds are at −0.3: not PSD.
    expect(() =>
      portfolio(Float64Array.of(1, 1), Float64Array.of(0.15, 0.06), stocksBonds, {
        vol: 0.01,
        correlations: Float64Array.of(1, 1),
      })
    ).toThrow(/^financing_correlations: not positive semi-definite \(smallest eigenvalue -/);
  });
});

describe("covarianceMatrix", () => {
  it("is σᵢ·ρᵢⱼ·σⱼ: 0.15·(−0.3)·0.06 = −0.0027 for stocks/bonds, 0.15² = 0.0225 on the diagonal", () => {
    const sigma = covarianceMatrix(vols, correlations);
    expect(sigma.data[0]).toBeCloseTo(0.0225, 16);
    expect(sigma.data[1]).toBeCloseTo(-0.0027, 16);
    expect(sigma.data[3]).toBeCloseTo(-0.0027, 16);
    expect(sigma.data[5]).toBeCloseTo(0.06 * 0.1 * 0.01, 16);
  });
});
