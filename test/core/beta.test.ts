import { alpha, beta } from "../../src/core/beta";
import { hasSharedData, managers } from "../fixtures/shared-data";
import { mixed, negative } from "../fixtures/empyrical-cases";
import { riskFreeSeries as RF, seriesA, seriesB } from "../fixtures/series-example";

describe("beta and alpha", () => {
  it("reproduce empyrical's alpha_beta(mixed_returns, negative_returns[1:])", () => {
    // empyrical-reloaded tests/test_stats.py test_alpha_beta: (−0.9997853834885004, −0.71296296296296313).
    expect(beta(mixed, negative)).toBeCloseTo(-0.71296296296296313, 12);
    expect(alpha(mixed, negative)).toBeCloseTo(-0.9997853834885004, 12);
  });

  it("are 1 and 0 for a series against itself, −1 and 0 against its negative (empyrical)", () => {
    expect(beta(mixed, mixed)).toBeCloseTo(1, 14);
    expect(alpha(mixed, mixed)).toBeCloseTo(0, 14);
    expect(
      beta(
        mixed,
        mixed.map((x) => -x)
      )
    ).toBeCloseTo(-1, 14);
  });

  it("use excess returns over a per-period risk-free column (numpy, analytics_reference.py)", () => {
    expect(beta(seriesA, seriesB, RF)).toBeCloseTo(-2.1388137524137565, 12);
    expect(alpha(seriesA, seriesB, RF, 252)).toBeCloseTo(6.655037675306581, 10);
    // A constant rate moves both series alike: beta unchanged.
    expect(beta(seriesA, seriesB, 0.05)).toBeCloseTo(beta(seriesA, seriesB), 12);
  });

  it("are #DIV/0! against a constant benchmark, #VALUE! for misaligned series", () => {
    expect(() => beta(seriesA, new Float64Array(10).fill(0.01))).toThrow(
      "benchmark has no volatility"
    );
    expect(() => beta(seriesA, seriesB.subarray(1))).toThrow(
      "benchmark: 9 items, expected 10 (one per return)"
    );
    expect(alpha(Float64Array.of(-2, 0), Float64Array.of(0.01, 0.02))).toBe(-1);
  });

  (hasSharedData ? it : it.skip)(
    "reproduce PerformanceAnalytics' CAPM.beta(HAM2, SP500 TR, Rf = US 3m TR) on complete months",
    () => {
      // PerformanceAnalytics-Ex.Rout.save: CAPM.beta(managers[, "HAM2"], managers[, "SP500 TR"], Rf = managers[, "US 3m TR"]) = 0.3383942.
      const { columns } = managers();
      const [ham2, sp, rf] = ["HAM2", "SP500 TR", "US 3m TR"].map((c) => columns.get(c)!);
      const kept = ham2.map((_, t) => t).filter((t) => ham2[t] !== null);
      const pick = (c: (number | null)[]) => Float64Array.from(kept, (t) => c[t]!);
      expect(beta(pick(ham2), pick(sp), pick(rf))).toBeCloseTo(0.3383942, 7);
    }
  );
});
