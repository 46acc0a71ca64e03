import { excelSerial } from "../../src/core/excel-date";
import { periodicReturns } from "../../src/core/periodic";

/** Consecutive days from `iso` (empyrical's pd.date_range(..., freq="D")). */
const days = (iso: string, n: number) => {
  const [y, m, d] = iso.split("-").map(Number);
  return Float64Array.from({ length: n }, (_, k) => excelSerial(y, m, d) + k);
};
/** empyrical's test fixtures (tests/conftest.py): simple_benchmark, daily from Sunday 2000-01-30. */
const simpleBenchmark = Float64Array.from([0, 1, 0, 1, 0, 1, 0, 1, 0], (x) => x / 100);

describe("periodicReturns", () => {
  // empyrical-reloaded tests/test_stats.py test_aggregate_returns (published values, 8 decimals).
  it.each([
    ["W", [0.0, 0.040604010000000024, 0.0]],
    ["M", [0.01, 0.03030099999999991]],
    ["Q", [0.04060401]],
    ["A", [0.040604010000000024]],
  ] as const)(
    "reproduces empyrical's aggregate_returns of simple_benchmark, %s",
    (code, expected) => {
      const result = periodicReturns([simpleBenchmark], days("2000-01-30", 9), code);
      expect(result.returns[0].length).toBe(expected.length);
      expected.forEach((v, p) => expect(result.returns[0][p]).toBeCloseTo(v, 12));
    }
  );

  it("reproduces empyrical's quarterly aggregate of monthly_returns (month ends from 2000-01-31)", () => {
    // empyrical test_aggregate_returns: [0.111, 0.008576, −0.07282] (Q1: 1.01·1.1 − 1; Q2: 0.96·1.02·1.03 − 1; Q3: 1.02·1.01·0.9 − 1).
    const monthEnds = Float64Array.from(
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
      (m) => excelSerial(2000, m + 1, 1) - 1
    );
    const monthly = Float64Array.from([0, 1, 10, -4, 2, 3, 2, 1, -10], (x) => x / 100);
    const result = periodicReturns([monthly], monthEnds, "Q");
    expect(Array.from(result.returns[0])).toEqual([
      expect.closeTo(0.11100000000000021, 12),
      expect.closeTo(0.008575999999999917, 12),
      expect.closeTo(-0.072819999999999996, 12),
    ]);
    expect(Array.from(result.dates)).toEqual([monthEnds[2], monthEnds[5], monthEnds[8]]);
  });

  it("dates each period by its last row and keeps partial periods; ISO weeks start on Monday", () => {
    // Hand: Sunday 2000-01-30 is the last day of its ISO week, Monday 01-31 starts the next one.
    const dates = days("2000-01-30", 3);
    const result = periodicReturns(
      [Float64Array.of(0.1, 0.2, -0.5), Float64Array.of(0, 0, 0)],
      dates,
      "W"
    );
    expect(Array.from(result.dates)).toEqual([dates[0], dates[2]]);
    expect(result.returns[0][0]).toBeCloseTo(0.1, 15);
    expect(result.returns[0][1]).toBeCloseTo(1.2 * 0.5 - 1, 15);
    expect(Array.from(result.returns[1])).toEqual([0, 0]);
    expect(Array.from(result.starts)).toEqual([0, 1, 3]);
  });

  it("reads a wiped-out period as −100%", () => {
    const result = periodicReturns([Float64Array.of(-1.5, 0.5)], days("2024-01-01", 2), "M");
    expect(result.returns[0][0]).toBe(-1);
  });

  it("refuses dates that are not ascending or not one per return", () => {
    expect(() =>
      periodicReturns([Float64Array.of(0, 0)], Float64Array.of(45300, 45300), "M")
    ).toThrow("dates: row 2 is not after row 1");
    expect(() => periodicReturns([Float64Array.of(0, 0)], Float64Array.of(45300), "M")).toThrow(
      "dates: 1 rows, expected 2 (one per return)"
    );
  });
});
