/**
 * The client-report analytics through the built bundle, called the way Excel calls them: blanks in paired
 * statistics, error messages, spilled tables, and published values on real data.
 */
import { callAsExcel, FunctionMetadata, loadBundle, loadMetadata, StubError } from "./bundle";
import { excelSerial } from "../../src/core/excel-date";
import { mixed, negative } from "../fixtures/empyrical-cases";
import { hasSharedData, managers, yahooAdjClose } from "../fixtures/shared-data";

const metadata = loadMetadata();
const functions = loadBundle();
const call = (id: string, ...args: unknown[]) =>
  callAsExcel(functions.get(id)!, metadata.find((f) => f.id === id) as FunctionMetadata, args);
const column = (values: ArrayLike<number | null>) => Array.from(values, (v) => [v]);
const message = (result: unknown) => ((result as StubError[][])[0][0] as StubError).message;
const code = (value: unknown) => (value as StubError).code;

describe("paired statistics leave out the rows where the series or the benchmark is blank", () => {
  it("BETA and ALPHA over the complete rows equal the published empyrical values", () => {
    // empyrical's alpha_beta(mixed_returns, negative_returns[1:]): mixed's first row is NaN, here blank,
    // and a blank benchmark row is added at the end.
    const returns = column([null, ...mixed, 0.5]);
    const benchmark = column([-0.02, ...negative, null]);
    expect((call("BETA", returns, benchmark) as number[][])[0][0]).toBeCloseTo(
      -0.71296296296296313,
      12
    );
    expect((call("ALPHA", returns, benchmark) as number[][])[0][0]).toBeCloseTo(
      -0.9997853834885004,
      12
    );
  });

  it("one value per series, in a row; #DIV/0! for a zero denominator", () => {
    const out = call(
      "TRACKINGERROR",
      [
        [0.01, 0.02],
        [0.03, 0.01],
      ],
      [[0.01], [0.01]],
      12
    ) as number[][];
    // Hand: active (0, 0.02) and (0.01, 0): std √0.0002 = 0.0141421 and 0.0070711, × √12.
    expect(out[0][0]).toBeCloseTo(Math.sqrt(0.0002) * Math.sqrt(12), 12);
    expect(out[0][1]).toBeCloseTo(Math.sqrt(0.00005) * Math.sqrt(12), 12);
    expect(code((call("INFORATIO", [[0.5], [0.75]], [[0.25], [0.5]]) as unknown[][])[0][0])).toBe(
      "#DIV/0!"
    );
    expect(message(call("BETA", [[0.01], [null]], [[null], [0.02]]))).toBe(
      "benchmark: no row where both have a value"
    );
  });

  it("a blank inside a single series stays an error naming its row", () => {
    expect(message(call("VAR", [[0.01], [null], [0.02]]))).toBe("returns: row 2 is blank");
    expect(message(call("OMEGA", [[0.01], [""], [0.02]]))).toBe("returns: row 2 is blank");
  });

  (hasSharedData ? it : it.skip)(
    "PerformanceAnalytics' CAPM.beta(HAM2, SP500 TR, Rf = US 3m TR) with HAM2's blank first months",
    () => {
      // PerformanceAnalytics-Ex.Rout.save: 0.3383942.
      const { columns } = managers();
      const [ham2, sp, rf] = ["HAM2", "SP500 TR", "US 3m TR"].map((c) => column(columns.get(c)!));
      expect(ham2[0][0]).toBeNull();
      expect((call("BETA", ham2, sp, rf) as number[][])[0][0]).toBeCloseTo(0.3383942, 7);
    }
  );
});

describe("text codes and their messages", () => {
  it("names the argument and the choices", () => {
    expect(message(call("VAR", [[0.01], [0.02]], 0.95, "parametric"))).toBe(
      'method: expected "historical" or "normal"'
    );
    expect(message(call("CAPTURE", [[0.01]], [[0.01]], "sideways"))).toBe(
      'direction: expected "up" or "down" or "all"'
    );
    expect(message(call("PERIODIC", [[0.01]], [[45300]], "D"))).toBe(
      'frequency: expected "M" or "Q" or "A" or "W"'
    );
    expect(message(call("VAR", [[0.01], [0.02]], 1.5))).toBe("confidence: must be between 0 and 1");
  });

  it("codes are case-insensitive: 'q' is quarterly, 'DOWN' is down capture", () => {
    const q = call(
      "PERIODIC",
      [[0.1], [0.1]],
      [[excelSerial(2024, 1, 2)], [excelSerial(2024, 4, 2)]],
      "q"
    );
    expect((q as number[][]).length).toBe(2);
    expect(
      (call("CAPTURE", [[0.02], [-0.01]], [[0.01], [-0.02]], "DOWN", 1) as number[][])[0][0]
    ).toBe(0.5);
  });
});

describe("tables", () => {
  const days = (n: number) => column(Array.from({ length: n }, (_, k) => 45300 + k));

  it("DRAWDOWNS pads missing episodes with blank rows and marks the start value and open episodes #N/A", () => {
    // Hand: values 0.9, 0.99, 0.495 — one episode from the start value, never recovered.
    const out = call("DRAWDOWNS", [[-0.1], [0.1], [-0.5]], days(3), 2) as unknown[][];
    expect(out).toHaveLength(3);
    expect(out[1][0]).toBeCloseTo(-0.505, 12);
    expect(code(out[1][1])).toBe("#N/A");
    expect((out[1][1] as StubError).message).toBe(
      "the peak is the start value, before the first row"
    );
    expect(out[1][2]).toBe(45302);
    expect(code(out[1][3])).toBe("#N/A");
    expect(out[1][4]).toBe(3);
    expect(out[2]).toEqual(["", "", "", "", "", ""]);
    expect(message(call("DRAWDOWNS", [[0.1]], days(1), 0))).toBe(
      "top: must be a whole number from 1 to 100"
    );
  });

  it("STRESS: the built-in list without episodes (#N/A where not covered), trailing blank rows kept", () => {
    const out = call("STRESS", [[0.01], [0.02]], days(2)) as unknown[][];
    expect(out).toHaveLength(13);
    expect(out[1][0]).toBe("1987 crash");
    expect(code(out[1][3])).toBe("#N/A");
    const table = [
      ["A", 45300, 45301],
      [null, null, null],
    ];
    const own = call(
      "STRESS",
      [
        [0.01, 0.03],
        [0.02, -0.01],
      ],
      days(2),
      table
    ) as unknown[][];
    expect(own[0]).toEqual([
      "Episode",
      "First day",
      "Last day",
      "Return 1",
      "Max drawdown 1",
      "Return 2",
      "Max drawdown 2",
    ]);
    // Hand: the episode holds row 2 only.
    expect(own[1]).toEqual([
      "A",
      45300,
      45301,
      expect.closeTo(0.02, 15),
      0,
      expect.closeTo(-0.01, 15),
      expect.closeTo(-0.01, 15),
    ]);
    expect(own[2]).toEqual(["", "", "", "", "", "", ""]);
    expect(message(call("STRESS", [[0.01]], days(1), [["A", "x", 45300]]))).toBe(
      "episodes: row 1, column 2 is not a date"
    );
    expect(
      message(
        call("STRESS", [[0.01]], days(1), [
          [null, 45300, 45300],
          ["B", 45300, 45300],
        ])
      )
    ).toBe("episodes: row 1 has no name");
  });

  it("dates must be one per return and ascending", () => {
    expect(message(call("CALENDAR", [[0.01], [0.02]], [[45300]]))).toBe(
      "dates: 1 rows, expected 2 (one per return)"
    );
    expect(message(call("PERIODIC", [[0.01], [0.02]], [[45301], [45300]]))).toBe(
      "dates: row 2 is not after row 1"
    );
  });
});

describe("STATS with a benchmark", () => {
  it("adds the benchmark rows over the rows the benchmark has (numpy, analytics_reference.py)", () => {
    const out = call(
      "STATS",
      column([0.1, -0.05, 0.02]),
      0,
      1,
      column([0.05, -0.02, 0.01])
    ) as unknown[][];
    const row = (label: string) => out.find((r) => r[0] === label)![1] as number;
    expect(out).toHaveLength(19);
    expect(row("Beta")).toBeCloseTo(2.1351351351351355, 12);
    expect(row("Up capture")).toBeCloseTo(1.9877003925972916, 12);
    expect(row("Information ratio")).toBeCloseTo(0.25, 12);
    // A blank benchmark row leaves that row out of the paired statistics only.
    const partial = call(
      "STATS",
      column([0.1, -0.05, 0.02, 0.3]),
      0,
      1,
      column([0.05, -0.02, 0.01, null])
    ) as unknown[][];
    expect(partial.find((r) => r[0] === "Beta")![1]).toBeCloseTo(2.1351351351351355, 12);
    expect(partial.find((r) => r[0] === "Best period")![1]).toBe(0.3);
  });
});

(hasSharedData ? describe : describe.skip)(
  "monthly statistics as a monthly-data tool reports them",
  () => {
    it('PERIODIC(…, "M") of VFINX\'s daily history, then ANNVOL, MAXDD, SHARPE at 12 = numpy', () => {
      // numpy (test/fixtures/analytics_reference.py): VFINX Adj Close 1990-01-02 … 2020-11-30, daily returns
      // compounded by calendar month; std(ddof=1)·√12, month-end drawdowns, mean/std·√12.
      const { dates, closes } = yahooAdjClose("VFINX.csv");
      const from = dates.indexOf(excelSerial(1990, 1, 2));
      const to = dates.indexOf(excelSerial(2020, 11, 30));
      const returns: number[][] = [];
      const serials: number[][] = [];
      for (let k = from + 1; k <= to; k++) {
        returns.push([closes[k] / closes[k - 1] - 1]);
        serials.push([dates[k]]);
      }
      expect(returns).toHaveLength(7789);
      const monthly = call("PERIODIC", returns, serials, "M") as number[][];
      expect(monthly).toHaveLength(371);
      expect(monthly[0][1]).toBeCloseTo(-0.08352771825026006, 12);
      const months = monthly.map((r) => [r[1]]);
      expect((call("ANNVOL", months, 12) as number[][])[0][0]).toBeCloseTo(0.14741709776228412, 12);
      expect((call("MAXDD", months) as number[][])[0][0]).toBeCloseTo(-0.5096650089586767, 12);
      expect((call("SHARPE", months, 0, 12) as number[][])[0][0]).toBeCloseTo(
        0.7188994055729535,
        11
      );
      // The daily series' drawdown is deeper: month ends miss the worst day (numpy −55.25%).
      expect((call("MAXDD", returns) as number[][])[0][0]).toBeCloseTo(-0.5525311888519515, 12);
    });
  }
);
