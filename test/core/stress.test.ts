import { excelSerial } from "../../src/core/excel-date";
import { stressTest } from "../../src/core/stress";
import { seriesA, seriesB } from "../fixtures/series-example";

/** The example series dated 2024-01-01 + k days (analytics_reference.py). */
const dates = Float64Array.from(seriesA, (_, k) => excelSerial(2024, 1, 1) + k);
const day = (d: number) => excelSerial(2024, 1, d);

describe("stressTest", () => {
  it("compounds the rows after the first day up to the last (numpy, analytics_reference.py)", () => {
    const [result] = stressTest([seriesA], dates, [{ name: "x", first: day(3), last: day(7) }]);
    // Rows 3–6 (2024-01-04 … 01-07): numpy return −0.0031142079999999517, max drawdown −0.04.
    expect(result!.returns[0]).toBeCloseTo(-0.0031142079999999517, 14);
    expect(result!.maxDrawdowns[0]).toBeCloseTo(-0.04, 14);
  });

  it("answers per series, and null for an episode the data do not cover", () => {
    const results = stressTest([seriesA, seriesB], dates, [
      { name: "inside", first: day(1), last: day(2) },
      { name: "before", first: day(1) - 1, last: day(5) },
      { name: "after", first: day(5), last: day(11) },
      { name: "one day", first: day(4), last: day(4) },
    ]);
    // Hand: rows after 01-01 up to 01-02 is row 1 alone.
    expect(results[0]!.returns).toEqual([
      expect.closeTo(seriesA[1], 15),
      expect.closeTo(seriesB[1], 15),
    ]);
    expect(results[0]!.maxDrawdowns).toEqual([expect.closeTo(seriesA[1], 15), 0]);
    expect(results[1]).toBeNull();
    expect(results[2]).toBeNull();
    expect(results[3]).toEqual({ returns: [0, 0], maxDrawdowns: [0, 0] });
  });

  it("refuses an episode that ends before it starts, naming its row", () => {
    expect(() =>
      stressTest([seriesA], dates, [{ name: "odd", first: day(5), last: day(4) }])
    ).toThrow("episodes: row 1 (odd) ends before it starts");
  });
});
