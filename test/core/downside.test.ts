import { downsideRisk } from "../../src/core/downside";
import { mixed, nine, one, two } from "../fixtures/empyrical-cases";
import { hasSharedData, managers } from "../fixtures/shared-data";
import { seriesA } from "../fixtures/series-example";

describe("downsideRisk", () => {
  it("reproduces empyrical's downside_risk tests (required return per period there, annual here)", () => {
    // empyrical-reloaded tests/test_stats.py test_downside_risk.
    expect(downsideRisk(mixed, 0, 252)).toBeCloseTo(0.60448325038829653, 12);
    expect(downsideRisk(mixed, 0.1 * 252, 252)).toBeCloseTo(1.7161730681956295, 12);
    expect(downsideRisk(nine, 0, 52)).toBeCloseTo(0.25888650451930134, 12);
    expect(downsideRisk(nine, 0.1 * 52, 52)).toBeCloseTo(0.7733045971672482, 12);
    expect(downsideRisk(nine, 0, 12)).toBeCloseTo(0.1243650540411842, 12);
    expect(downsideRisk(one, 0, 252)).toBeCloseTo(0.20671788246185202, 12);
    expect(downsideRisk(two, 0, 252)).toBeCloseTo(0.083495680595704475, 12);
  });

  it("matches numpy at a 3% annual required return and takes a per-period column", () => {
    expect(downsideRisk(seriesA, 0.03, 252)).toBeCloseTo(0.2374342615787127, 13);
    expect(downsideRisk(mixed, mixed, 252)).toBe(0);
  });

  (hasSharedData ? it : it.skip)(
    "reproduces PerformanceAnalytics' annualised downside risk of HAM1",
    () => {
      // PerformanceAnalytics-Ex.Rout.save, table.DownsideRiskRatio(managers[,1:8]): 0.0504.
      const ham1 = Float64Array.from(managers().columns.get("HAM1")! as number[]);
      expect(Math.abs(downsideRisk(ham1, 0, 12) - 0.0504)).toBeLessThan(0.00005);
    }
  );
});
