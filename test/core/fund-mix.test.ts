import fc from "fast-check";
import { FundTable, fundTableFromColumns, lookThrough } from "../../src/core/fund-exposure";
import { fundMix } from "../../src/core/fund-mix";

/** A table from fund rows (each row: the fund's exposure to every asset class). */
function table(...rows: number[][]): FundTable {
  return fundTableFromColumns(rows[0].map((_, k) => Float64Array.from(rows, (r) => r[k])));
}

// Asset classes: US equity, US Treasuries, managed futures (DESIGN.md §9).
const NTSX = [0.9, 0.6, 0];
const RSST = [1, 0, 1];

/**
 * The KKT conditions of min ½‖Eᵀw − t‖² s.t. w ≥ 0, Σw ≤ M, checked from w alone: with the gradient
 * g = E(Eᵀw − t) there must be ν ≥ 0 with g_f + ν ≥ 0 for every fund, = 0 for every fund held, and
 * ν = 0 unless Σw = M. ν is read off the held funds (at the cap with nothing held, as M = 0 forces, the
 * smallest ν that works), or is 0 when the sum is slack.
 */
function expectKkt(w: Float64Array, t: Float64Array, e: FundTable, maxTotal: number, tol = 1e-9) {
  const { funds, classes, exposures } = e;
  const reached = lookThrough(w, e).exposures;
  const g = Array.from({ length: funds }, (_, f) => {
    let s = 0;
    for (let k = 0; k < classes; k++) s += exposures[f * classes + k] * (reached[k] - t[k]);
    return s;
  });
  const total = w.reduce((s, x) => s + x, 0);
  for (let f = 0; f < funds; f++) expect(w[f]).toBeGreaterThanOrEqual(0);
  expect(total).toBeLessThanOrEqual(maxTotal + tol);
  const held = [...w.keys()].filter((f) => w[f] > 1e-7);
  const atCap = total > maxTotal - 1e-9;
  const nu = !atCap ? 0 : Math.max(0, -Math.min(...(held.length > 0 ? held.map((f) => g[f]) : g)));
  for (let f = 0; f < funds; f++) {
    expect(g[f] + nu).toBeGreaterThanOrEqual(-tol);
    if (held.includes(f)) expect(Math.abs(g[f] + nu)).toBeLessThanOrEqual(tol);
  }
}

describe("fundMix", () => {
  it("60/40 + 20% trend from NTSX + RSST: the closest mix and its residual (numpy reference)", () => {
    // test/fixtures/funds_reference.py (active-set enumeration with numpy's lstsq). Hand check: the
    // normal equations 1.17a + 0.9b = 0.78, 0.9a + 2b = 0.8 give a = 0.42/0.765 = 0.54902, b = 0.15294.
    const target = Float64Array.of(0.6, 0.4, 0.2);
    const mix = fundMix(target, table(NTSX, RSST));
    expect(mix.weights[0]).toBeCloseTo(0.5490196078431372, 12);
    expect(mix.weights[1]).toBeCloseTo(0.15294117647058808, 12);
    expect(mix.residual).toBeCloseTo(0.09701425001453325, 12);
    expectKkt(mix.weights, target, table(NTSX, RSST), 1);
  });

  it("reaches a reachable target exactly: 50/50 RSSB/RSST exposures give back 50/50, residual 0", () => {
    // Classes: global equity, US equity, US Treasuries, managed futures.
    const rssbRsst = table([1, 0, 1, 0], [0, 1, 0, 1]);
    const mix = fundMix(Float64Array.of(0.5, 0.5, 0.5, 0.5), rssbRsst);
    expect(mix.weights[0]).toBeCloseTo(0.5, 14);
    expect(mix.weights[1]).toBeCloseTo(0.5, 14);
    expect(mix.residual).toBeLessThan(1e-14);
  });

  it("more trend than 100% of the money can buy: the closest mix, at the cap, and a positive residual", () => {
    // 100% equity, 40% Treasuries, 150% trend: numpy reference gives all in RSST, residual 0.6403124
    // (hand: (1, 0, 1) vs (1, 0.4, 1.5): √(0.4² + 0.5²) = √0.41); with max_total 2: NTSX 0.0196, RSST 1.2412.
    const target = Float64Array.of(1, 0.4, 1.5);
    const capped = fundMix(target, table(NTSX, RSST));
    expect(capped.weights[0]).toBeCloseTo(0, 14);
    expect(capped.weights[1]).toBeCloseTo(1, 14);
    expect(capped.residual).toBeCloseTo(Math.sqrt(0.41), 14);
    expectKkt(capped.weights, target, table(NTSX, RSST), 1);
    const doubled = fundMix(target, table(NTSX, RSST), 2);
    expect(doubled.weights[0]).toBeCloseTo(0.019607843137255093, 12);
    expect(doubled.weights[1]).toBeCloseTo(1.2411764705882347, 12);
    expect(doubled.residual).toBeCloseTo(0.5335783750799326, 12);
    expectKkt(doubled.weights, target, table(NTSX, RSST), 2);
  });

  it("agrees with a brute-force grid over two funds", () => {
    // Every (a, b) on a 0.005 grid with a, b ≥ 0 and a + b ≤ 1: no grid mix is closer than the answer,
    // and the best grid mix is within one grid step of it.
    const target = Float64Array.of(0.6, 0.4, 0.2);
    const e = table(NTSX, RSST);
    const mix = fundMix(target, e);
    const distance = (a: number, b: number) =>
      Math.hypot(0.9 * a + b - 0.6, 0.6 * a - 0.4, b - 0.2);
    let best = { d: Infinity, a: 0, b: 0 };
    for (let i = 0; i <= 200; i++)
      for (let j = 0; i + j <= 200; j++) {
        const d = distance(i / 200, j / 200);
        if (d < best.d) best = { d, a: i / 200, b: j / 200 };
      }
    expect(mix.residual).toBeLessThanOrEqual(best.d + 1e-15);
    expect(Math.abs(best.a - mix.weights[0])).toBeLessThanOrEqual(0.005);
    expect(Math.abs(best.b - mix.weights[1])).toBeLessThanOrEqual(0.005);
  });

  it("meets the KKT conditions on random tables, targets and caps", () => {
    const problem = fc
      .record({ funds: fc.integer({ min: 1, max: 6 }), classes: fc.integer({ min: 1, max: 5 }) })
      .chain(({ funds, classes }) =>
        fc.record({
          rows: fc.array(
            fc.array(
              fc.oneof(fc.double({ min: -1, max: 3, noNaN: true }), fc.constantFrom(0, 0.5, 1)),
              { minLength: classes, maxLength: classes }
            ),
            { minLength: funds, maxLength: funds }
          ),
          target: fc.array(fc.double({ min: -1, max: 2, noNaN: true }), {
            minLength: classes,
            maxLength: classes,
          }),
          maxTotal: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 3, noNaN: true })),
        })
      );
    fc.assert(
      fc.property(problem, ({ rows, target, maxTotal }) => {
        const e = table(...rows);
        const t = Float64Array.from(target);
        const mix = fundMix(t, e, maxTotal);
        expectKkt(mix.weights, t, e, maxTotal, 1e-7);
      }),
      { numRuns: 1000, seed: 7 }
    );
  });

  it("rank-deficient tables: identical funds → the first one; multiples → a valid closest mix", () => {
    // RSST listed twice: the answer is the two-fund answer with all the trend in the first copy.
    const target = Float64Array.of(0.6, 0.4, 0.2);
    const twice = fundMix(target, table(RSST, NTSX, RSST));
    expect(twice.weights[0]).toBeCloseTo(0.15294117647058808, 12);
    expect(twice.weights[1]).toBeCloseTo(0.5490196078431372, 12);
    expect(twice.weights[2]).toBe(0);
    expect(twice.residual).toBeCloseTo(0.09701425001453325, 12);
    // VTI (1x), SSO (2x), UPRO (3x) of US equity are multiples of one another: 60% US equity can be
    // bought many ways; the answer is exact and uses one fund plus cash (at most classes + 1 vertices).
    const equity = table([1], [2], [3]);
    const sixty = fundMix(Float64Array.of(0.6), equity);
    expect(sixty.residual).toBeLessThan(1e-15);
    expect([...sixty.weights].filter((w) => w > 0)).toHaveLength(1);
    expectKkt(sixty.weights, Float64Array.of(0.6), equity, 1);
  });

  it("max_total 0 leaves everything in cash; bad arguments are named", () => {
    const mix = fundMix(Float64Array.of(0.6, 0.4, 0.2), table(NTSX, RSST), 0);
    expect(Array.from(mix.weights)).toEqual([0, 0]);
    expect(mix.residual).toBeCloseTo(Math.hypot(0.6, 0.4, 0.2), 15);
    expect(() => fundMix(Float64Array.of(0.6, 0.4), table(NTSX, RSST))).toThrow(
      "target: 2 items, expected 3 (one per asset class of fund_table)"
    );
    expect(() => fundMix(Float64Array.of(0.6, 0.4, 0.2), table(NTSX, RSST), -1)).toThrow(
      "max_total: negative"
    );
    expect(() => fundMix(Float64Array.of(1), table([1e300]), 1e300)).toThrow(
      "max_total: too large for these exposures"
    );
  });
});
