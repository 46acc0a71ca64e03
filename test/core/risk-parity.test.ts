import fc from "fast-check";
import { SquareMatrix, squareMatrix } from "../../src/core/matrix";
import {
  equalRiskContributionWeights,
  EQUAL_RISK_TOLERANCE,
  inverseVolatilityWeights,
} from "../../src/core/risk-parity";
import { correlationCells } from "../fixtures/stacked-example";

/** A double as an exact rational m·2^e (m a BigInt), from its IEEE-754 bits. */
function exact(x: number): { m: bigint; e: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n === 1n ? -1n : 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  return biased === 0
    ? { m: sign * fraction, e: -1074 }
    : { m: sign * (fraction | (1n << 52n)), e: biased - 1075 };
}

/**
 * The spread (max − min) / mean of the risk contributions wᵢ·σᵢ·Σⱼ ρᵢⱼ·σⱼ·wⱼ of the weights returned,
 * computed EXACTLY in rational arithmetic from the doubles given: floating-point rounding would swamp
 * the check on nearly singular matrices, where the terms of (Σw)ᵢ nearly cancel.
 */
function exactRiskSpread(w: Float64Array, vols: Float64Array, correlations: SquareMatrix): number {
  const n = w.length;
  const terms: { m: bigint; e: number }[][] = [];
  for (let i = 0; i < n; i++) {
    terms.push([]);
    for (let j = 0; j < n; j++) {
      const factors = [w[i], vols[i], correlations.data[i * n + j], vols[j], w[j]].map(exact);
      terms[i].push({
        m: factors.reduce((p, f) => p * f.m, 1n),
        e: factors.reduce((s, f) => s + f.e, 0),
      });
    }
  }
  // Zero terms (ρ = 0) carry no exponent worth aligning to.
  const lowest = Math.min(
    ...terms
      .flat()
      .filter((t) => t.m !== 0n)
      .map((t) => t.e)
  );
  const contributions = terms.map((row) =>
    row.reduce((total, t) => (t.m === 0n ? total : total + (t.m << BigInt(t.e - lowest))), 0n)
  );
  const max = contributions.reduce((a, b) => (b > a ? b : a));
  const min = contributions.reduce((a, b) => (b < a ? b : a));
  const total = contributions.reduce((a, b) => a + b, 0n);
  // The common scale 2^lowest cancels in the ratio; both sides are cut to 64 bits so Number() cannot overflow.
  const spread = (max - min) * BigInt(n);
  const shift = BigInt(Math.max(0, (total < 0n ? -total : total).toString(2).length - 64));
  return Number(spread >> shift) / Number(total >> shift);
}

const matrix = (rows: number[][]) => squareMatrix(rows.length, Float64Array.from(rows.flat()));

/** ERC weights of `vols` and `rows`, checked: positive, summing to 1, risk contributions equal. */
function checkedErc(vols: number[], rows: number[][], tolerance = EQUAL_RISK_TOLERANCE) {
  const v = Float64Array.from(vols);
  const correlations = matrix(rows);
  const w = equalRiskContributionWeights(v, correlations);
  expect(Array.from(w).every((x) => x > 0)).toBe(true);
  expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
  expect(exactRiskSpread(w, v, correlations)).toBeLessThanOrEqual(tolerance);
  return w;
}

const NO_SOLUTION =
  "correlations: no equal-risk solution exists (a mix of these assets with positive weights is riskless, or too nearly so)";

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
  // Two assets: w₁σ₁(w₁σ₁ + ρw₂σ₂) = w₂σ₂(w₂σ₂ + ρw₁σ₁) ⇔ (w₁σ₁)² = (w₂σ₂)², so w ∝ 1/σ whatever ρ
  // (for ρ > −1): 15% and 45% → 75% / 25%; 15% and 10% → 40% / 60%.
  it.each([-0.99999, -0.9, 0, 0.7, 0.99999, 1])(
    "two assets at ρ = %p (up to an index fund and its 3x inverse): inverse volatility, 75% / 25%",
    (rho) => {
      const w = checkedErc(
        [0.15, 0.45],
        [
          [1, rho],
          [rho, 1],
        ]
      );
      expect(w[0]).toBeCloseTo(0.75, 12);
      expect(w[1]).toBeCloseTo(0.25, 12);
    }
  );

  it("constant correlation: inverse volatility (Maillard, Roncalli & Teiletche 2010), 10/20/30/40% → 48/24/16/12%", () => {
    // Equal ρ: RCᵢ = wᵢσᵢ((1 − ρ)wᵢσᵢ + ρ·Σⱼwⱼσⱼ) is equal iff every wᵢσᵢ is: (1/σ)/Σ(1/σ) = 10, 5, 3.333, 2.5 over 20.833.
    const rho = 0.5;
    const rows = [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => (i === j ? 1 : rho)));
    const w = checkedErc([0.1, 0.2, 0.3, 0.4], rows);
    [0.48, 0.24, 0.16, 0.12].forEach((x, i) => expect(w[i]).toBeCloseTo(x, 12));
  });

  it("perfectly correlated assets (a singular matrix that has a solution): inverse volatility", () => {
    // ρ = 1: RCᵢ = wᵢσᵢ·Σⱼwⱼσⱼ, equal iff wᵢσᵢ are: 1/0.1, 1/0.2, 1/0.3 over 18.333 = 6/11, 3/11, 2/11.
    const w = checkedErc(
      [0.1, 0.2, 0.3],
      [
        [1, 1, 1],
        [1, 1, 1],
        [1, 1, 1],
      ]
    );
    [6 / 11, 3 / 11, 2 / 11].forEach((x, i) => expect(w[i]).toBeCloseTo(x, 12));
  });

  // Reference weights from numpy (test/fixtures/risk_parity_reference.py: coordinate descent polished by
  // Newton on the covariance matrix).
  it("DESIGN.md §1 stocks, bonds and cash: numpy's weights", () => {
    const w = checkedErc([0.15, 0.06, 0.01], correlationCells);
    [0.06504344165822953, 0.152933224909051, 0.7820233334327195].forEach((x, i) =>
      expect(w[i]).toBeCloseTo(x, 12)
    );
  });

  it("four assets in two correlated blocks: numpy's weights", () => {
    const w = checkedErc(
      [0.1, 0.2, 0.3, 0.4],
      [
        [1, 0.8, 0, 0],
        [0.8, 1, 0, 0],
        [0, 0, 1, -0.5],
        [0, 0, -0.5, 1],
      ]
    );
    [0.38361250628396804, 0.19180625314198402, 0.24261785175659883, 0.1819633888174491].forEach(
      (x, i) => expect(w[i]).toBeCloseTo(x, 12)
    );
  });

  it("an index, its inverse fund (ρ = −0.99999) and bonds — nearly singular: numpy's weights", () => {
    const w = checkedErc(
      [0.15, 0.15, 0.06],
      [
        [1, -0.99999, -0.3],
        [-0.99999, 1, 0.3],
        [-0.3, 0.3, 1],
      ]
    );
    [0.49818429174592177, 0.4976890985857186, 0.004126609668359629].forEach((x, i) =>
      expect(w[i]).toBeCloseTo(x, 10)
    );
  });

  it("200 assets, all correlated at 0.99999: converges, risk contributions equal", () => {
    const n = 200;
    const rows = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i === j ? 1 : 0.99999))
    );
    checkedErc(
      Array.from({ length: n }, (_, i) => 0.05 + i / 1000),
      rows
    );
  });

  it("no solution when a mix with positive weights is riskless: an index and its inverse at ρ = −1", () => {
    // 50/50 of two 15% assets at ρ = −1 has no risk at all: no share of risk can be equal to another.
    const refuse = (vols: number[], rows: number[][]) => () =>
      equalRiskContributionWeights(Float64Array.from(vols), matrix(rows));
    expect(
      refuse(
        [0.15, 0.15],
        [
          [1, -1],
          [-1, 1],
        ]
      )
    ).toThrow(NO_SOLUTION);
    // With a third, uncorrelated asset, the index and its inverse still cancel: the barrier problem has
    // no minimum (their weights grow without bound while the third's risk stays), so no ERC exists.
    expect(
      refuse(
        [0.15, 0.15, 0.05],
        [
          [1, -1, 0],
          [-1, 1, 0],
          [0, 0, 1],
        ]
      )
    ).toThrow(NO_SOLUTION);
  });

  /** A correlation matrix from a one-factor model: ρᵢⱼ = bᵢbⱼ off the diagonal (|bᵢ| < 1), which is PSD. */
  const factorModel = (loadings: number[]) =>
    loadings.map((bi, i) => loadings.map((bj, j) => (i === j ? 1 : bi * bj)));

  it("property: for one-factor correlations up to |ρ| = 0.99999, the risk contributions of every result are equal", () => {
    const loading = fc.double({ min: -Math.sqrt(0.99999), max: Math.sqrt(0.99999), noNaN: true });
    const vol = fc.double({ min: 0.01, max: 0.8, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.tuple(loading, vol), { minLength: 2, maxLength: 8 }), (assets) => {
        checkedErc(
          assets.map(([, v]) => v),
          factorModel(assets.map(([b]) => b))
        );
      }),
      { numRuns: 200 }
    );
  });

  it("property: an asset with its exact inverse (ρ = −1 between them) has no solution, and is refused, never answered", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.9, max: 0.9, noNaN: true }), { minLength: 1, maxLength: 5 }),
        fc.double({ min: 0.05, max: 0.5, noNaN: true }),
        (loadings, vol) => {
          // The last asset is the first one's inverse: its correlations are the first's, negated.
          const rows = factorModel(loadings);
          const inverse = rows[0].map((x) => -x);
          const full = [...rows.map((row, i) => [...row, inverse[i]]), [...inverse, 1]];
          const vols = [...loadings.map(() => vol), vol];
          expect(() => equalRiskContributionWeights(Float64Array.from(vols), matrix(full))).toThrow(
            NO_SOLUTION
          );
        }
      ),
      { numRuns: 100 }
    );
  });
});
