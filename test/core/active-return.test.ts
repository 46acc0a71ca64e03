import { informationRatio, trackingError } from "../../src/core/active-return";
import { mixed } from "../fixtures/empyrical-cases";
import { hasSharedData, managers } from "../fixtures/shared-data";
import { seriesA, seriesB } from "../fixtures/series-example";

describe("tracking error and information ratio", () => {
  it("match numpy on the example series (analytics_reference.py)", () => {
    expect(trackingError(seriesA, seriesB, 252)).toBeCloseTo(0.5473291514253558, 13);
    expect(informationRatio(seriesA, seriesB, 252)).toBeCloseTo(1.427294705508737, 12);
  });

  it("the information ratio is empyrical's excess_sharpe × √ppy", () => {
    // empyrical-reloaded test_excess_sharpe(mixed_returns, 0.0) = 0.10859306069076737 (not annualised).
    const zeros = new Float64Array(mixed.length);
    expect(informationRatio(mixed, zeros, 252)).toBeCloseTo(
      0.10859306069076737 * Math.sqrt(252),
      12
    );
  });

  it("are #DIV/0! for one period or constant active returns", () => {
    expect(() => trackingError(Float64Array.of(0.01), Float64Array.of(0), 252)).toThrow(
      "needs at least 2 periods"
    );
    expect(() => informationRatio(seriesA, seriesA, 252)).toThrow(
      "active returns have no volatility"
    );
  });

  (hasSharedData ? it : it.skip)(
    "reproduce PerformanceAnalytics' annualised tracking error of HAM1 against the S&P 500 TR",
    () => {
      // PerformanceAnalytics-Ex.Rout.save, table.InformationRatio(managers[,1:8], managers[,8]): 0.1132.
      const { columns } = managers();
      const column = (name: string) => Float64Array.from(columns.get(name)! as number[]);
      expect(Math.abs(trackingError(column("HAM1"), column("SP500 TR"), 12) - 0.1132)).toBeLessThan(
        0.00005
      );
    }
  );
});
