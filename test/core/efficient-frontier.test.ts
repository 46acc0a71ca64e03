import fc from "fast-check";
import {
  efficientFrontier,
  FrontierProblem,
  frontierReturn,
  frontierVolatility,
  weightsAt,
} from "../../src/core/efficient-frontier";
import { squareMatrix } from "../../src/core/matrix";
import { f64, randomProblem, template } from "../fixtures/frontier-problems";

/**
 * The KKT conditions of min ½wᵀΣw − λaᵀw s.t. w ≥ 0, 1 ≤ Σw ≤ L, from first principles: with
 * d = Σw − λa, stationarity reads d = η·1 + z with η = η₁ − η_L the net multiplier of the exposure
 * constraints and z ≥ 0 zero where w > 0. So d is the same number η on every held asset, at least η on
 * the others; η > 0 only at Σw = 1, η < 0 only at Σw = L.
 */
function expectOptimalAt(problem: FrontierProblem, w: Float64Array, lambda: number) {
  const { vols, correlations, borrowingRate, maxTotal } = problem;
  const n = w.length;
  const d = Array.from({ length: n }, (_, i) => {
    let s = 0;
    for (let j = 0; j < n; j++) s += vols[i] * correlations.data[i * n + j] * vols[j] * w[j];
    return s - lambda * (problem.returns[i] - borrowingRate);
  });
  const held = d.filter((_, i) => w[i] > 1e-9);
  const eta = held[0];
  const scale = 1e-9 * (1 + Math.max(...d.map(Math.abs)));
  held.forEach((v) => expect(Math.abs(v - eta)).toBeLessThan(scale));
  d.forEach((v, i) => (w[i] > 1e-9 ? undefined : expect(v).toBeGreaterThan(eta - scale)));
  const total = w.reduce((a, b) => a + b, 0);
  w.forEach((v) => expect(v).toBeGreaterThanOrEqual(0));
  expect(total).toBeGreaterThan(1 - 1e-9);
  expect(total).toBeLessThan(maxTotal + 1e-9);
  if (eta > scale) expect(total).toBeCloseTo(1, 9);
  if (eta < -scale) expect(total).toBeCloseTo(maxTotal, 9);
}

describe("efficientFrontier: the chain of segments from the minimum-volatility portfolio", () => {
  it("starts at the closed-form minimum-variance portfolio Σ⁻¹1/1ᵀΣ⁻¹1 when no bound binds (template; numpy in test/fixtures/frontier_reference.py)", () => {
    const frontier = efficientFrontier(template);
    const w = weightsAt(frontier.segments[0], 0);
    [0.00976287998940649, 0.018222638204641275, 0.9720144818059522].forEach((v, i) =>
      expect(w[i]).toBeCloseTo(v, 13)
    );
    expect(frontierVolatility(frontier, w)).toBeCloseTo(0.009877377712412753, 14);
    expect(frontierReturn(frontier, w)).toBeCloseTo(0.030754967963669083, 14);
  });

  it("two assets by hand: σ 20% and 10%, ρ 0.25 → w₁ = (σ₂² − ρσ₁σ₂)/(σ₁² + σ₂² − 2ρσ₁σ₂) = 0.005/0.04 = 0.125, σ² = 0.009375", () => {
    const frontier = efficientFrontier({
      returns: f64(0.08, 0.04),
      vols: f64(0.2, 0.1),
      correlations: squareMatrix(2, f64(1, 0.25, 0.25, 1)),
      maxTotal: 1,
      borrowingRate: 0,
    });
    const w = weightsAt(frontier.segments[0], 0);
    expect(w[0]).toBeCloseTo(0.125, 14);
    expect(w[1]).toBeCloseTo(0.875, 14);
    // 0.125²·0.04 + 0.875²·0.01 + 2·0.125·0.875·0.005 = 0.000625 + 0.00765625 + 0.00109375
    expect(frontierVolatility(frontier, w) ** 2).toBeCloseTo(0.009375, 15);
    // Up the frontier the weights move to the higher-return asset, ending all in it.
    const top = frontier.segments[frontier.segments.length - 1];
    expect(Array.from(weightsAt(top, top.start))).toEqual([1, 0]);
  });

  it("with leverage, chains Σw = 1, then a free exposure, then Σw = max_total, continuously, every point optimal for its λ", () => {
    const problem = { ...template, maxTotal: 2 };
    const frontier = efficientFrontier(problem);
    const { segments } = frontier;
    for (let s = 0; s < segments.length; s++) {
      const seg = segments[s];
      const ends = seg.end === Infinity ? [seg.start, seg.start + 10] : [seg.start, seg.end];
      for (const lambda of [ends[0], (ends[0] + ends[1]) / 2, ends[1]])
        expectOptimalAt(problem, weightsAt(seg, lambda), lambda);
      if (s > 0) {
        const before = weightsAt(segments[s - 1], seg.start);
        weightsAt(seg, seg.start).forEach((v, i) => expect(v).toBeCloseTo(before[i], 12));
      }
    }
    const totals = segments.map((seg) =>
      weightsAt(seg, seg.end === Infinity ? seg.start : (seg.start + seg.end) / 2).reduce(
        (a, b) => a + b
      )
    );
    expect(totals[0]).toBeCloseTo(1, 12);
    expect(totals.some((t) => t > 1.01 && t < 1.99)).toBe(true);
    expect(totals[totals.length - 1]).toBeCloseTo(2, 12);
  });

  it("property: on random problems every segment's portfolios meet the KKT conditions and the exposure never falls", () => {
    fc.assert(
      fc.property(randomProblem, (problem) => {
        const { segments } = efficientFrontier(problem);
        let exposure = 1 - 1e-9;
        for (const seg of segments) {
          const last = seg.end === Infinity ? seg.start + 1 : seg.end;
          for (const lambda of [seg.start, (seg.start + last) / 2, last]) {
            const w = weightsAt(seg, lambda);
            expectOptimalAt(problem, w, lambda);
            const total = w.reduce((a, b) => a + b);
            expect(total).toBeGreaterThanOrEqual(exposure - 1e-9);
            exposure = total;
          }
        }
      }),
      { numRuns: 200 }
    );
  });

  it("refuses a singular or not positive semi-definite correlation matrix, zero volatilities, max_total below 1", () => {
    const minusHalf = squareMatrix(3, f64(1, -0.5, -0.5, -0.5, 1, -0.5, -0.5, -0.5, 1)); // eigenvalues 0, 1.5, 1.5
    expect(() => efficientFrontier({ ...template, correlations: minusHalf })).toThrow(
      "correlations: singular (smallest eigenvalue 0): no asset may be a combination of others"
    );
    const ones = squareMatrix(2, f64(1, 1, 1, 1));
    expect(() =>
      efficientFrontier({
        ...template,
        returns: f64(0.1, 0.1),
        vols: f64(0.2, 0.1),
        correlations: ones,
      })
    ).toThrow("correlations: singular");
    const notPsd = squareMatrix(3, f64(1, 0.9, -0.9, 0.9, 1, 0.9, -0.9, 0.9, 1));
    expect(() => efficientFrontier({ ...template, correlations: notPsd })).toThrow(
      "correlations: not positive semi-definite (smallest eigenvalue -"
    );
    expect(() => efficientFrontier({ ...template, vols: f64(0.15, 0, 0.01) })).toThrow(
      "vols: item 2 must be above 0 (the optimiser needs every asset risky)"
    );
    expect(() => efficientFrontier({ ...template, maxTotal: 0.5 })).toThrow(
      "max_total: must be 1 (100%) or more"
    );
    expect(() => efficientFrontier({ ...template, vols: f64(0.15, 0.06) })).toThrow(
      "vols: 2 items, expected 3 (one per return)"
    );
  });
});
