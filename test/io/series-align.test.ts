import { alignSeries } from "../../src/io/series-align";
import { parseSeriesFile, type DatedSeries } from "../../src/io/series-files";

/** Excel serials of early January 2024 (2024-01-01 = 45292, a Monday). */
const [JAN1, JAN2, JAN3, JAN4, JAN5, JAN8, JAN9] = [
  45292, 45293, 45294, 45295, 45296, 45299, 45300,
];

function series(
  name: string,
  kind: DatedSeries["kind"],
  points: readonly (readonly [number, number])[]
): DatedSeries {
  return {
    name,
    kind,
    dates: Float64Array.from(points, ([date]) => date),
    values: Float64Array.from(points, ([, value]) => value),
  };
}

function failure(input: readonly DatedSeries[]): string {
  try {
    alignSeries(input);
  } catch (error) {
    expect(error).toMatchObject({ name: "StackError", kind: "value" });
    return (error as Error).message;
  }
  throw new Error("aligned without an error");
}

describe("alignSeries", () => {
  // SPY trades every day; TLT misses 4 January and has a day after SPY's last; a monthly rate dated the 1st;
  // a daily rate that starts on 3 January and misses 5 January.
  const spy = series("SPY", "returns", [
    [JAN2, 0.01],
    [JAN3, 0.02],
    [JAN4, -0.01],
    [JAN5, 0.03],
    [JAN8, 0.005],
  ]);
  const tlt = series("TLT", "returns", [
    [JAN2, 0.001],
    [JAN3, 0.002],
    [JAN5, -0.004],
    [JAN8, 0.003],
    [JAN9, 0.01],
  ]);
  const monthly = series("TB3MS", "rates", [[JAN1, 0.0525]]);
  const daily = series("DGS3MO", "rates", [
    [JAN3, 0.05],
    [JAN8, 0.051],
  ]);

  it("keeps the dates common to the return series from the day every rate is known, compounding returns across gaps", () => {
    const aligned = alignSeries([spy, tlt, monthly, daily], { days: true });
    // common return dates: 2, 3, 5, 8 January; DGS3MO starts on the 3rd, so the 2nd is dropped
    expect(Array.from(aligned.dates)).toEqual([JAN3, JAN5, JAN8]);
    const [spyOut, tltOut, monthlyOut, dailyOut] = aligned.values;
    // SPY on the 5th holds the 4th and 5th: 0.99 × 1.03 − 1 = 0.0197; other rows are copied exactly
    expect(spyOut[0]).toBe(0.02);
    expect(spyOut[1]).toBeCloseTo(0.0197, 15);
    expect(spyOut[2]).toBe(0.005);
    expect(Array.from(tltOut)).toEqual([0.002, -0.004, 0.003]);
    // the monthly rate applies to every day; DGS3MO's 3 January value is carried to the 5th
    expect(Array.from(monthlyOut)).toEqual([0.0525, 0.0525, 0.0525]);
    expect(Array.from(dailyOut)).toEqual([0.05, 0.05, 0.051]);
    // calendar days: the core's convention for the first row (365/252), then 5 − 3 = 2 and 8 − 5 = 3
    expect(Array.from(aligned.days ?? [])).toEqual([365 / 252, 2, 3]);
  });

  it("reports what was dropped, compounded and filled", () => {
    expect(alignSeries([spy, tlt, monthly, daily]).report).toEqual({
      rows: 3,
      first: JAN3,
      last: JAN8,
      leading: { count: 1, first: JAN2, last: JAN2 },
      series: [
        {
          name: "SPY",
          kind: "returns",
          dropped: { count: 1, first: JAN2, last: JAN2 },
          compounded: { count: 1, first: JAN4, last: JAN4 },
        },
        {
          name: "TLT",
          kind: "returns",
          dropped: { count: 2, first: JAN2, last: JAN9 },
          compounded: null,
        },
        // carried from 1 January: to the 3rd, 5th and 8th, the longest 8 − 1 = 7 days
        {
          name: "TB3MS",
          kind: "rates",
          filled: { count: 3, first: JAN3, last: JAN8 },
          longestCarry: 7,
        },
        {
          name: "DGS3MO",
          kind: "rates",
          filled: { count: 1, first: JAN5, last: JAN5 },
          longestCarry: 2,
        },
      ],
    });
  });

  const yahoo = (...rows: string[]) =>
    parseSeriesFile(["Date,Open,High,Low,Close,Adj Close,Volume", ...rows].join("\n")).series[0];

  it("gives the same returns as aligning the prices first (two Yahoo files, one missing a day)", () => {
    const a = yahoo(
      "2024-01-02,0,0,0,0,100,0",
      "2024-01-03,0,0,0,0,110,0",
      "2024-01-04,0,0,0,0,121,0",
      "2024-01-05,0,0,0,0,133.1,0"
    );
    const b = yahoo(
      "2024-01-02,0,0,0,0,50,0",
      "2024-01-03,0,0,0,0,55,0",
      "2024-01-05,0,0,0,0,60.5,0"
    );
    const aligned = alignSeries([
      { ...a, name: "A" },
      { ...b, name: "B" },
    ]);
    // both start on the 3rd (price on the 2nd), so the 3rd is a row; B has no 4th
    expect(Array.from(aligned.dates)).toEqual([JAN3, JAN5]);
    // A on the 5th: 1.1 × 1.1 − 1 = 0.21 = 133.1/110 − 1, the return of the aligned prices
    expect(aligned.values[0][0]).toBeCloseTo(0.1, 14);
    expect(aligned.values[0][1]).toBeCloseTo(0.21, 14);
    expect(aligned.values[1][0]).toBeCloseTo(0.1, 14);
    expect(aligned.values[1][1]).toBeCloseTo(0.1, 14);
    expect(aligned.days).toBeNull();
    expect(aligned.report.series[0]).toEqual({
      name: "A",
      kind: "returns",
      dropped: null,
      compounded: { count: 1, first: JAN4, last: JAN4 },
    });
  });

  it("starts the first row's period at the first common date when one series has earlier returns", () => {
    // A's return on the 4th covers 3 → 4, B's covers 2 → 4: the 4th cannot be a row, only the start of the 5th
    const a = yahoo(
      "2024-01-02,0,0,0,0,100,0",
      "2024-01-03,0,0,0,0,110,0",
      "2024-01-04,0,0,0,0,121,0",
      "2024-01-05,0,0,0,0,133.1,0"
    );
    const b = yahoo(
      "2024-01-02,0,0,0,0,50,0",
      "2024-01-04,0,0,0,0,55,0",
      "2024-01-05,0,0,0,0,60.5,0"
    );
    const aligned = alignSeries([a, b]);
    expect(Array.from(aligned.dates)).toEqual([JAN5]);
    expect(aligned.values[0][0]).toBeCloseTo(0.1, 14); // 133.1 / 121 − 1
    expect(aligned.values[1][0]).toBeCloseTo(0.1, 14); // 60.5 / 55 − 1
    expect(aligned.report).toMatchObject({
      leading: { count: 1, first: JAN4, last: JAN4 },
      series: [
        { dropped: { count: 2, first: JAN3, last: JAN4 } },
        { dropped: { count: 1, first: JAN4, last: JAN4 } },
      ],
    });
  });

  it("with one return series and no rates, is that series", () => {
    const aligned = alignSeries([spy]);
    expect(aligned.dates).toEqual(spy.dates);
    expect(aligned.values[0]).toEqual(spy.values);
    expect(aligned.report).toMatchObject({
      rows: 5,
      leading: null,
      series: [{ dropped: null, compounded: null }],
    });
  });

  describe("a series that starts late (a real fund's history since its inception)", () => {
    // SPY and TLT from the 2nd; the fund's first return is dated the 4th (a NAV file's inception-day 0), it
    // lacks the 8th, and has the 9th, which SPY lacks. Hand: rows are the dates SPY and TLT share before the
    // 4th (2, 3), then those all three share from it (4, 5): the 8th is missing from the fund and the 9th
    // from SPY. The fund covers a row's whole period from the row after the 4th: the 5th, with 0.02.
    const fund = series("UPRO NAV", "returns", [
      [JAN4, 0],
      [JAN5, 0.02],
      [JAN9, 0.03],
    ]);
    const tltAll = series("TLT", "returns", [
      [JAN2, 0.001],
      [JAN3, 0.002],
      [JAN4, 0.003],
      [JAN5, -0.004],
      [JAN8, 0.003],
    ]);

    it("bounds the rows only from its first return; NaN before its first full period", () => {
      const aligned = alignSeries([spy, tltAll, fund], { startLate: [2] });
      expect(Array.from(aligned.dates)).toEqual([JAN2, JAN3, JAN4, JAN5]);
      expect(Array.from(aligned.values[2])).toEqual([NaN, NaN, NaN, 0.02]);
      expect(Array.from(aligned.values[0])).toEqual([0.01, 0.02, -0.01, 0.03]);
      expect(aligned.report.series[2]).toEqual({
        name: "UPRO NAV",
        kind: "returns",
        dropped: { count: 2, first: JAN4, last: JAN9 },
        compounded: null,
        lateFrom: JAN5,
      });
      // SPY's 8th and TLT's 8th are after the last row: dropped like any date past the common ones.
      expect(aligned.report.series[0]).toMatchObject({ dropped: { count: 1, first: JAN8 } });
      expect(aligned.report.series[0]).not.toHaveProperty("lateFrom");
    });

    it("compounds its returns across a row it lacks, like any return series", () => {
      // Without the 8th in SPY's way: the fund lacks the 5th, so SPY's 5th is compounded into the 8th.
      const late = series("Fund", "returns", [
        [JAN3, 0.5],
        [JAN4, 0.01],
        [JAN8, 0.02],
      ]);
      const aligned = alignSeries([spy, late], { startLate: [1] });
      expect(Array.from(aligned.dates)).toEqual([JAN2, JAN3, JAN4, JAN8]);
      expect(Array.from(aligned.values[1])).toEqual([NaN, NaN, 0.01, 0.02]);
      expect(aligned.values[0][3]).toBeCloseTo(1.03 * 1.005 - 1, 15);
      expect(aligned.report.series[1]).toMatchObject({ lateFrom: JAN4 });
    });

    it("is all NaN when it starts after the last row, and present throughout when it starts early", () => {
      const after = alignSeries([spy, series("New", "returns", [[JAN9, 0.01]])], {
        startLate: [1],
      });
      expect(Array.from(after.dates)).toEqual(Array.from(spy.dates));
      expect(after.values[1].every(Number.isNaN)).toBe(true);
      expect(after.report.series[1]).toMatchObject({
        lateFrom: null,
        dropped: { count: 1, first: JAN9, last: JAN9 },
      });
      // A "late" series with returns from the 2nd, as SPY: every row is kept (SPY bounds them), and the
      // late one has a value from the row after its first return's, the 3rd.
      const early = alignSeries([spy, tltAll], { startLate: [1] });
      expect(Array.from(early.dates)).toEqual([JAN2, JAN3, JAN4, JAN5, JAN8]);
      expect(Array.from(early.values[1])).toEqual([NaN, 0.002, 0.003, -0.004, 0.003]);
      expect(early.report.series[1]).toMatchObject({ lateFrom: JAN3 });
    });

    it("must be a return series, and some other return series must bound the rows", () => {
      const late = (k: number, input: readonly DatedSeries[]) => () =>
        alignSeries(input, { startLate: [k] });
      expect(late(1, [spy, monthly])).toThrow(
        "TB3MS: a rate series cannot start late, only a return series"
      );
      expect(late(0, [spy])).toThrow("series: no return series to align on");
      expect(late(3, [spy])).toThrow("startLate: no series 4");
    });
  });

  it("refuses inputs it cannot align", () => {
    expect(failure([monthly])).toBe("series: no return series to align on");
    expect(failure([spy, series("Later", "returns", [[JAN9, 0.01]])])).toBe(
      "series: no date common to every return series"
    );
    expect(
      failure([
        spy,
        series("Short", "returns", [
          [JAN1, 0.01],
          [JAN8, 0.01],
        ]),
      ])
    ).toBe("series: one common date, so no common period");
    expect(failure([spy, series("Late", "rates", [[JAN9, 0.05]])])).toBe(
      "Late: starts after the last common date of the return series"
    );
    expect(failure([spy, series("Empty", "rates", [])])).toBe("Empty: empty");
    expect(
      failure([
        series("Unsorted", "returns", [
          [JAN3, 0.01],
          [JAN2, 0.01],
        ]),
      ])
    ).toBe("Unsorted: row 2 is not after row 1");
    expect(failure([{ ...spy, values: spy.values.subarray(1) }])).toBe("SPY: 4 values for 5 dates");
  });
});
