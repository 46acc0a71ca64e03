import fc from "fast-check";
import { covarianceMatrix } from "../../src/core/portfolio";
import { SquareMatrix, squareMatrix } from "../../src/core/matrix";
import { equalRiskContributionWeights, inverseVolatilityWeights } from "../../src/core/risk-parity";
import { correlationCells } from "../fixtures/stacked-example";

/** wᵢ·(Σw)ᵢ for each asset, computed directly from the definition. */
function riskContributions(
  w: Float64Array,
  vols: Float64Array,
  correlations: SquareMatrix
): number[] {
  const sigma = covarianceMatrix(vols, correlations);
  const n = w.length;
  return Array.from(w, (wi, i) => {
    let row = 0;
    for (let j = 0; j < n; j++) row += sigma.data[i * n + j] * w[j];
    return wi * row;
  });
}

describe("inverseVolatilityWeights", () => {
  it("DESIGN.md §1 and issue #2: vols 15% and 10% → 40% / 60% ((1/0.15) / (1/0.15 + 1/0.10) = 6.667 / 16.667)", () => {
    const w = inverseVolatilityWeights(Float64Array.of(0.15, 0.1));
    expect(w[0]).toBeCloseTo(0.4, 15);
    expect(w[1]).toBeCloseTo(0.6, 15);
  });

  it("refuses a zero volatility", () => {
    expect(() => inverseVolatilityWeights(Float64Array.of(0.15, 0))).toThrow(
      "vols: item 2 must be positive"
    );
  });
});

describe("equalRiskContributionWeights", () => {
  it("equals inverse volatility for two assets whatever their correlation", () => {
    const w = equalRiskContributionWeights(
      Float64Array.of(0.15, 0.1),
      squareMatrix(2, Float64Array.of(1, 0.7, 0.7, 1))
    );
    expect(w[0]).toBeCloseTo(0.4, 12);
    expect(w[1]).toBeCloseTo(0.6, 12);
  });

  it("equalises the risk contributions of the DESIGN.md §1 assets", () => {
    const vols = Float64Array.of(0.15, 0.06, 0.01);
    const corr = squareMatrix(3, Float64Array.from(correlationCells.flat()));
    const w = equalRiskContributionWeights(vols, corr);
    const rc = riskContributions(w, vols, corr);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    expect(rc[1] / rc[0]).toBeCloseTo(1, 10);
    expect(rc[2] / rc[0]).toBeCloseTo(1, 10);
  });

  it("property: risk contributions are equal and weights positive for random PSD correlations", () => {
    const rho = fc.double({ min: -0.45, max: 0.95, noNaN: true });
    const vol = fc.double({ min: 0.01, max: 0.5, noNaN: true });
    fc.assert(
      fc.property(rho, vol, vol, vol, (r, a, b, c) => {
        // Equicorrelation with ρ > −1/2 is positive definite.
        const corr = squareMatrix(3, Float64Array.of(1, r, r, r, 1, r, r, r, 1));
        const vols = Float64Array.of(a, b, c);
        const w = equalRiskContributionWeights(vols, corr);
        const rc = riskContributions(w, vols, corr);
        return (
          w.every((x) => x > 0) &&
          Math.abs(rc[1] / rc[0] - 1) < 1e-8 &&
          Math.abs(rc[2] / rc[0] - 1) < 1e-8
        );
      })
    );
  });
});
