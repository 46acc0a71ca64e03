import fc from "fast-check";
import {
  bootstrap,
  estimatedSeconds,
  MAX_PATHS,
  maxPaths,
  requireWithinBudget,
} from "../../src/core/bootstrap";
import { TIME_BUDGET_SECONDS } from "../../src/core/time-budget";
import { cagr } from "../../src/core/cagr";
import { seriesA, seriesB } from "../fixtures/series-example";

const both = [seriesA, seriesB];
const w5545 = Float64Array.of(0.55, 0.45);

describe("bootstrap", () => {
  it("is reproducible: the same seed gives the same paths, another seed other paths", () => {
    const run = (seed: number) => bootstrap(both, w5545, 1, 50, 3, seed, 63, 252);
    expect(Array.from(run(1))).toEqual(Array.from(run(1)));
    expect(Array.from(run(1))).not.toEqual(Array.from(run(2)));
    expect(run(1).length).toBe(50);
  });

  it("annualises a constant history exactly: 0.1% a day for a year of 252 days → 1.001²⁵² − 1", () => {
    const flat = new Float64Array(30).fill(0.001);
    const out = bootstrap([flat], Float64Array.of(1), 1, 20, 1, 9, 0, 252);
    out.forEach((x) => expect(x).toBeCloseTo(1.001 ** 252 - 1, 12));
  });

  it("replays a whole rotation of the history when block = path length = history: every path is the history's CAGR", () => {
    // Circular blocks: a path starting at row k reads k, k+1, …, n−1, 0, …, k−1 — the same product.
    const out = bootstrap([seriesA], Float64Array.of(1), 10 / 252, 25, 10, 3, 0, 252);
    out.forEach((x) => expect(x).toBeCloseTo(cagr(seriesA, 252), 10));
  });

  it("keeps the assets of a row together: two exactly offsetting assets at 50/50, rebalanced daily, return 0", () => {
    const minusA = seriesA.map((r) => -r);
    const out = bootstrap([seriesA, minusA], Float64Array.of(0.5, 0.5), 2, 100, 1, 5, 1, 252);
    out.forEach((x) => expect(Math.abs(x)).toBeLessThan(1e-12));
  });

  it("returns −1 for a path that is wiped out", () => {
    const crash = Float64Array.of(0.01, -1, 0.02);
    const out = bootstrap([crash], Float64Array.of(1), 3 / 252, 4, 3, 1, 0, 252);
    expect(Array.from(out)).toEqual([-1, -1, -1, -1]);
  });

  it("returns −1 for a path whose short leg drives the value to zero or below", () => {
    // Long A, short B (weights 1, −1), cash +1: B gains 150% on one row → 1 − 2.5 + 1 = −0.5 ≤ 0.
    const a = Float64Array.of(0, 0, 0);
    const b = Float64Array.of(0, 1.5, 0);
    const out = bootstrap([a, b], Float64Array.of(1, -1), 3 / 252, 5, 3, 1, 0, 252);
    expect(Array.from(out)).toEqual([-1, -1, -1, -1, -1]);
  });

  it("returns −1 for a levered path whose value goes below zero and comes back within the path (hand calculation)", () => {
    // 200% in one asset, cash −100%, never rebalanced: V = 2·Π(1 + r) − 1. Two-row paths replay the
    // history's two rows from a random start. From row 0 (−60%, then +200%): V = 2·0.4 − 1 = −0.2 after
    // the first row (wiped), although 2·0.4·3 − 1 = 1.4 after the second. From row 1 (+200%, then −60%):
    // V = 5, then 1.4, never below zero: 1.4 over 2 days, annualised 1.4^126 − 1.
    const swing = Float64Array.of(-0.6, 2);
    const paths = Array.from(bootstrap([swing], Float64Array.of(2), 2 / 252, 40, 2, 1, 0, 252));
    const survived = 1.4 ** 126 - 1;
    expect(paths.every((g) => g === -1 || Math.abs(g / survived - 1) < 1e-12)).toBe(true);
    expect(paths.filter((g) => g === -1).length).toBeGreaterThan(0);
    expect(paths.filter((g) => g !== -1).length).toBeGreaterThan(0);
    // Rebalanced daily, the portfolio grows by 1 + 2r a row: 1 − 1.2 = −0.2 on a −60% row, so two such
    // rows give (−0.2)² = 0.04 > 0 at the end, but the value was below zero after the first.
    const falls = Float64Array.of(-0.6, -0.6);
    expect(Array.from(bootstrap([falls], Float64Array.of(2), 2 / 252, 3, 2, 1, 1, 252))).toEqual([
      -1, -1, -1,
    ]);
  });

  it("refuses, with #VALUE! naming the limit and what to reduce, what would take longer than the time budget", () => {
    const rows = 100 * 252;
    const most = maxPaths(rows, 2);
    expect(estimatedSeconds(most, rows, 2)).toBeLessThanOrEqual(TIME_BUDGET_SECONDS);
    expect(estimatedSeconds(most + 1, rows, 2)).toBeGreaterThan(TIME_BUDGET_SECONDS);
    expect(() => requireWithinBudget(most, 100, rows, 2)).not.toThrow();
    const refused = () => bootstrap(both, w5545, 100, most + 1, 1, 1, 0, 252);
    expect(refused).toThrow(expect.objectContaining({ kind: "value" }));
    expect(refused).toThrow(
      new RegExp(
        `^paths: ${(most + 1).toLocaleString("en-US")} paths of 100 years × 2 assets take about \\d+ s, over the 5 s limit; use at most ${most.toLocaleString("en-US")} paths, or fewer years$`
      )
    );
    // More assets cost more per path: fewer paths fit.
    expect(maxPaths(rows, 10)).toBeLessThan(most);
  });

  it("says when even one path is too long, and refuses more paths than Excel has rows", () => {
    expect(maxPaths(1e12, 1)).toBe(0);
    expect(() => requireWithinBudget(1, 4e9, 1e12, 1)).toThrow(
      /use fewer years \(one path alone is too long\)$/
    );
    expect(maxPaths(1, 1)).toBe(MAX_PATHS);
    expect(() => bootstrap(both, w5545, 0.004, MAX_PATHS + 1, 1, 1, 0, 252)).toThrow(
      "paths: 1,048,577 is more than Excel's 1,048,576 rows"
    );
  });

  it("refuses bad arguments with messages that name them", () => {
    expect(() => bootstrap(both, w5545, 0, 10, 1, 1, 0)).toThrow("years: must be positive");
    expect(() => bootstrap(both, w5545, 0.001, 10, 1, 1, 0)).toThrow(
      "years: shorter than one period"
    );
    expect(() => bootstrap(both, w5545, 1, 0, 1, 1, 0)).toThrow(
      "paths: must be a whole number (1 or more)"
    );
    expect(() => bootstrap(both, w5545, 1, 10, 11, 1, 0)).toThrow(
      "block: must be a whole number from 1 to 10"
    );
    expect(() => bootstrap(both, w5545, 1, 10, 0, 1, 0)).toThrow(
      "block: must be a whole number from 1 to 10"
    );
    expect(() => bootstrap(both, w5545, 1, 10, 1, -3, 0)).toThrow(
      "seed: must be a whole number from 0 to 4294967295"
    );
    expect(() => bootstrap(both, w5545, 1, 10, 1, 1, -1)).toThrow(
      "rebalance: must be a whole number of rows (0 = never)"
    );
    expect(() => bootstrap(both, w5545, 1, 10, 1, 1, 0, 0)).toThrow("ppy: must be positive");
    expect(() => bootstrap(both, Float64Array.of(1), 1, 10, 1, 1, 0)).toThrow(
      "weights: 1 items, expected 2 (one per series)"
    );
  });

  it("property: identical for the same seed, whatever the seed, block and rebalancing", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 5 }),
        (seed, block, every) => {
          const a = bootstrap(both, w5545, 0.5, 5, block, seed, every, 252);
          const b = bootstrap(both, w5545, 0.5, 5, block, seed, every, 252);
          return a.every((x, i) => x === b[i]);
        }
      ),
      { numRuns: 50 }
    );
  });

  it("property: rebalanced daily over a whole rotation, every path is the CAGR of the daily weighted sum", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1, max: 2, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        (w, seed) => {
          const weighted = seriesA.map((r, i) => w * r + (1 - w) * seriesB[i]);
          const out = bootstrap(both, Float64Array.of(w, 1 - w), 10 / 252, 3, 10, seed, 1, 252);
          const expected = cagr(weighted, 252);
          return out.every((x) => Math.abs(x - expected) < 1e-9 * Math.max(1, Math.abs(expected)));
        }
      ),
      { numRuns: 50 }
    );
  });
});
