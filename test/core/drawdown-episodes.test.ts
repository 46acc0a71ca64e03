import { drawdownEpisodes } from "../../src/core/drawdown-episodes";
import { hasSharedData, managers } from "../fixtures/shared-data";
import { seriesA } from "../fixtures/series-example";

describe("drawdownEpisodes", () => {
  it("finds every episode of the example series, deepest first (values from numpy, analytics_reference.py)", () => {
    // Values 1.01, 0.9898, 1.019494, 0.97871424, 1.027649952, 1.0297052519, 1.0163190836, 1.0376617844,
    // 1.0303981519, 1.0458541242: troughs at rows 1, 3, 6, 8, each recovered on the next row.
    const episodes = drawdownEpisodes(seriesA);
    expect(episodes.map(({ peak, trough, recovery }) => [peak, trough, recovery])).toEqual([
      [2, 3, 4],
      [0, 1, 2],
      [5, 6, 7],
      [7, 8, 9],
    ]);
    expect(episodes[0].depth).toBeCloseTo(0.97871424 / 1.019494 - 1, 12);
    expect(episodes[1].depth).toBeCloseTo(0.9898 / 1.01 - 1, 12);
    expect(episodes[2].depth).toBeCloseTo(1.0163190836 / 1.0297052519 - 1, 9);
  });

  it("counts a first-day loss from the starting value and leaves an open episode unrecovered", () => {
    // Hand: 0.9, 0.99 (still below 1), 0.495.
    expect(drawdownEpisodes(Float64Array.of(-0.1, 0.1, -0.5))).toEqual([
      { depth: expect.closeTo(-0.505, 12), peak: -1, trough: 2, recovery: null },
    ]);
    expect(drawdownEpisodes(Float64Array.of(0.01, 0.02))).toEqual([]);
  });

  it("never recovers from a wipe-out", () => {
    expect(drawdownEpisodes(Float64Array.of(0.1, -1, 0.5))).toEqual([
      { depth: -1, peak: 0, trough: 1, recovery: null },
    ]);
  });

  (hasSharedData ? it : it.skip)(
    "reproduces PerformanceAnalytics' table.Drawdowns of the S&P 500 TR in `managers`",
    () => {
      // PerformanceAnalytics-Ex.Rout.save, table.Drawdowns(managers[,8,drop=FALSE]): From, Trough, To, Depth,
      // Length, To Trough, Recovery. From is the month after the peak, so peak = From − 1 month.
      const published = [
        ["2000-08-31", "2002-09-30", "2006-10-31", -0.4473, 25, 49],
        ["1998-06-30", "1998-08-31", "1998-11-30", -0.1537, 2, 3],
        ["1999-12-31", "2000-02-29", "2000-03-31", -0.0682, 2, 1],
        ["1999-06-30", "1999-09-30", "1999-11-30", -0.0624, 3, 2],
        ["1997-07-31", "1997-08-31", "1997-11-30", -0.056, 1, 3],
      ] as const;
      const { dates, columns } = managers();
      const iso = (row: number) =>
        new Date((dates[row] - 25569) * 86400000).toISOString().slice(0, 10);
      const episodes = drawdownEpisodes(Float64Array.from(columns.get("SP500 TR")! as number[]));
      published.forEach(([peak, trough, recovery, depth, toTrough, toRecovery], k) => {
        const e = episodes[k];
        expect([iso(e.peak), iso(e.trough), iso(e.recovery!)]).toEqual([peak, trough, recovery]);
        expect(Math.abs(e.depth - depth)).toBeLessThan(0.00005);
        expect([e.trough - e.peak, e.recovery! - e.trough]).toEqual([toTrough, toRecovery]);
      });
    }
  );
});
