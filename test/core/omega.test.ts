import { omega } from "../../src/core/omega";
import { mixed, positive } from "../fixtures/empyrical-cases";
import { hasSharedData, managers } from "../fixtures/shared-data";
import { seriesA } from "../fixtures/series-example";

describe("omega", () => {
  it("reproduces empyrical's omega_ratio(mixed_returns, required_return=10.0)", () => {
    // empyrical-reloaded tests/test_stats.py test_omega: 0.83354263497557934 (threshold 11^(1/252) − 1).
    expect(omega(mixed, 10, 252)).toBeCloseTo(0.83354263497557934, 12);
  });

  it("matches numpy at a 5% annual required return and a hand calculation at 0", () => {
    expect(omega(seriesA, 0.05, 252)).toBeCloseTo(1.570275054300325, 12);
    // Hand: gains 0.02 + 0.01 over losses 0.01.
    expect(omega(Float64Array.of(0.02, -0.01, 0.01), 0, 252)).toBeCloseTo(3, 14);
  });

  it("is #DIV/0! without losses and #VALUE! for a required return of −100% or less", () => {
    expect(() => omega(positive, 0, 252)).toThrow("no returns below the required return");
    expect(() => omega(mixed, -1, 252)).toThrow("required_return: must be above -100%");
  });

  (hasSharedData ? it : it.skip)(
    "reproduces PerformanceAnalytics' Omega of HAM1 (managers, MAR 0)",
    () => {
      // PerformanceAnalytics-Ex.Rout.save, table.DownsideRiskRatio(managers[,1:8]): Omega 3.1907.
      const { columns } = managers();
      const ham1 = Float64Array.from(columns.get("HAM1")! as number[]);
      expect(Math.abs(omega(ham1, 0, 12) - 3.1907)).toBeLessThan(0.00005);
    }
  );
});
