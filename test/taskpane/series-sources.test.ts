/**
 * The backtest part's sources without a browser: a Yahoo file named after itself, Kenneth French's RF
 * turned into an annual rate, a workbook range read through the same parser with its sheet rows in the
 * messages, unique names across sources, and the words shown for each series.
 */
import {
  describeSeries,
  gridToCsv,
  openQuestions,
  readProblem,
  readSource,
  readSourceFile,
  replaceSource,
  rereadSource,
  seriesBySource,
  unitLabel,
} from "../../src/taskpane/series-sources";
import fc from "fast-check";
import { StackError } from "../../src/core/errors";

/** Excel serials: 2024-01-02 = 45293. */
const JAN_2_2024 = 45293;

const YAHOO = [
  "Date,Open,High,Low,Close,Adj Close,Volume",
  "2024-01-02,1,1,1,100,50,0",
  "2024-01-03,1,1,1,102,51,0",
  "2024-01-04,1,1,1,101,50.49,0",
].join("\n");
const FRENCH = [
  "This file was created by CMPT_ME_BEME_RETS_DAILY using the 202412 CRSP database.",
  "",
  ",Mkt-RF,SMB,HML,RF",
  "20240102,-0.71,0.35,0.47,0.021",
  "20240103,-0.82,-0.12,0.18,0.021",
  "",
  " Copyright 2025 Kenneth R. French",
].join("\n");

describe("readSource", () => {
  it("names a Yahoo file's one series after the file, and says how its numbers were read", () => {
    const source = readSource(YAHOO, "^SP500TR.csv", "file");
    expect(source.format).toBe("yahoo");
    expect(source.series).toHaveLength(1);
    const [series] = source.series;
    expect(series).toMatchObject({
      name: "^SP500TR",
      column: "Adj Close",
      kind: "returns",
      from: "^SP500TR.csv (Yahoo Finance)",
      reading: "prices → returns",
    });
    expect(Array.from(series.values)).toEqual([51 / 50 - 1, 50.49 / 51 - 1]);
    expect(describeSeries(series)).toBe("prices → returns, 2 values, 2024-01-03 to 2024-01-04");
  });

  it("turns Kenneth French's RF, a daily return in percent, into an annual rate (× 252); the factors stay returns", () => {
    const source = readSource(FRENCH, "F-F_Research_Data_Factors_daily.csv", "file");
    expect(source.format).toBe("french");
    expect(source.series.map((s) => [s.name, s.kind])).toEqual([
      ["Mkt-RF", "returns"],
      ["SMB", "returns"],
      ["HML", "returns"],
      ["RF", "rates"],
    ]);
    const rf = source.series[3];
    expect(rf.reading).toBe("rates per day in percent → annual rate (× 252)");
    for (const rate of rf.values) expect(rate).toBeCloseTo(0.00021 * 252, 15);
    expect(source.series[0].values[0]).toBeCloseTo(-0.0071, 15);
  });

  it("throws the parser's message, naming the line and column", () => {
    expect(() => readSource(YAHOO.replace("50.49", "abc"), "x.csv", "file")).toThrow(
      'line 4, column Adj Close: "abc" is not a number'
    );
  });
});

describe("the user's answers", () => {
  const AMBIGUOUS = ["Date,Close", "01/02/2024,100", "01/03/2024,102", "01/04/2024,101"].join("\n");

  it("holds no series while a date question is open, says what to answer, and reads the file once answered", () => {
    const asked = readSource(AMBIGUOUS, "monthly.csv", "file");
    expect(asked.series).toEqual([]);
    expect(asked.questions.map((q) => q.kind)).toEqual(["date-order"]);
    expect(openQuestions([asked])).toEqual([
      "monthly.csv: say whether its dates are day first or month first (see its card under 1. Data).",
    ]);
    const answered = rereadSource(asked, { dateOrder: "mdy" });
    expect(answered.choices).toEqual({ dateOrder: "mdy" });
    expect(openQuestions([answered])).toEqual([]);
    // month first: 2, 3 and 4 January 2024 = 45293, 45294, 45295
    expect(Array.from(answered.series[0].dates)).toEqual([45294, 45295]);
  });

  it("marks a series pending while its unit is in doubt, and follows the unit the user chooses", () => {
    const text = ["Date,Strategy", "2024-01-02,0.012", "2024-01-03,-0.004"].join("\n");
    const doubtful = readSource(text, "s.csv", "file");
    expect(doubtful.series[0].pending).toBe(
      "no value is beyond ±1 (the largest, line 2, is 0.012): decimals (0.012 = 1.2%) or percent (0.012%)?"
    );
    const percent = rereadSource(doubtful, { units: { Strategy: "returns-percent" } });
    expect(percent.series[0]).toMatchObject({ reading: "returns in percent (your choice)" });
    expect(percent.series[0].pending).toBeUndefined();
    expect(Array.from(percent.series[0].values)).toEqual([0.00012, -0.00004]);
    expect(percent.columns[0]).toMatchObject({ chosen: true, basis: "your choice", doubts: [] });
  });

  it("leaves out a column marked not used, reads one the user adds, and keeps the sources' order on a re-read", () => {
    const nav = [
      "Date,NAV,Prior NAV,Shares Outstanding (000)",
      "2025-05-08,100,98,48000",
      "2025-05-09,95,100,48500",
    ].join("\n");
    const source = readSource(nav, "UPRO.csv", "file");
    expect(source.series.map((s) => s.name)).toEqual(["NAV", "Prior NAV"]);
    expect(source.unread).toEqual(["Shares Outstanding (000)"]);
    const changed = rereadSource(source, { units: { "Prior NAV": "skip" }, add: [] });
    expect(changed.series.map((s) => s.name)).toEqual(["NAV"]);
    expect(changed.unread).toEqual(["Prior NAV", "Shares Outstanding (000)"]);
    const other = readSource(YAHOO, "^SP500TR.csv", "file");
    expect(replaceSource([source, other], changed).map((s) => [s.label, s.series.length])).toEqual([
      ["UPRO.csv", 1],
      ["^SP500TR.csv", 1],
    ]);
  });

  it("names a Yahoo file's price column after the file and any column the user adds after both", () => {
    const added = readSource(YAHOO, "^SP500TR.csv", "file", { add: ["Close"] });
    expect(added.series.map((s) => [s.name, s.column])).toEqual([
      ["^SP500TR", "Adj Close"],
      ["^SP500TR Close", "Close"],
    ]);
  });

  it("reads a file from its bytes, telling the encoding", () => {
    const bytes = Uint8Array.from([
      0xff,
      0xfe,
      ...Array.from("Date\tClose\n2024-01-02\t1\n2024-01-03\t2", (c) => [
        c.charCodeAt(0),
        0,
      ]).flat(),
    ]);
    const source = readSourceFile(bytes, "x.txt");
    expect(source).toMatchObject({ encoding: "UTF-16LE", label: "x.txt" });
    expect(Array.from(source.series[0].values)).toEqual([1]);
  });

  it("labels the units of the menu, a per-period rate by the file's period", () => {
    expect(unitLabel("period-rates-percent", 12)).toBe("Rate per month, %");
    expect(unitLabel("returns", 252)).toBe("Returns, decimal");
    expect(unitLabel("skip", null)).toBe("Not used");
  });
});

describe("a workbook range", () => {
  it("becomes CSV text with yyyy-mm-dd dates, quoted cells and one line per sheet row", () => {
    const csv = gridToCsv(
      [
        ["Date", "S&P, total return", 'TLT "long"'],
        [JAN_2_2024, 4742.83, ""],
        ["2024-01-03", 4704.81, 98.5],
      ],
      2
    );
    expect(csv).toBe(
      '\n\nDate,"S&P, total return","TLT ""long"""\n2024-01-02,4742.83,\n2024-01-03,4704.81,98.5'
    );
  });

  it("is read by the file parser, its series keeping their headers, with sheet rows in its messages", () => {
    const values = [
      ["Date", "SPY", "TLT"],
      [JAN_2_2024, 472.65, 98.2],
      [JAN_2_2024 + 1, 468.79, 97.4],
      [JAN_2_2024 + 2, 467.28, "n/a?"],
    ];
    const source = readSource(gridToCsv(values.slice(0, 3), 4), "Prices!B5:D7", "range");
    expect(source.series.map((s) => [s.name, s.from])).toEqual([
      ["SPY", "Prices!B5:D7 (Date + values)"],
      ["TLT", "Prices!B5:D7 (Date + values)"],
    ]);
    let message = "";
    try {
      readSource(gridToCsv(values, 4), "Prices!B5:D8", "range");
    } catch (error) {
      message = readProblem(error, "range");
    }
    expect(message).toBe('row 8, column TLT: "n/a?" is not a number');
  });

  it("writes percent-formatted cells as the percentage they show, exactly, and dates from date cells, General serials, yyyymm and yyyymmdd", () => {
    const csv = gridToCsv(
      [
        ["Date", "Fund", "Rate"],
        [45293, 0.012, 0.0525],
        [45294.5, -0.07, 1e-7],
        [192607, 0, 3],
        [20240102, 0.1 + 0.2, 0.5],
      ],
      0,
      [
        ["General", "General", "General"],
        ["m/d/yyyy", "0.0%", "0.00%"],
        ["General", "0.0%", "0.00%"],
        ["General", "0.0%;[Red]-0.0%", '"pct "0%'],
        ["General", "0.0%", "0%"],
      ]
    );
    expect(csv.split("\n")).toEqual([
      "Date,Fund,Rate",
      "2024-01-02,1.2%,5.25%",
      "2024-01-03,-7%,1e-5%",
      "192607,0%,300%",
      "20240102,30.000000000000004%,50%",
    ]);
    // read back, every percentage is the cell's value exactly
    const source = readSource(csv.split("\n").slice(0, 3).join("\n"), "Sheet1!A1:C3", "range");
    expect(source.series.map((s) => [s.name, s.reading, Array.from(s.values)])).toEqual([
      ["Fund", "returns in percent", [0.012, -0.07]],
      ["Rate", "annual rates in percent", [0.0525, 1e-7]],
    ]);
    expect(readProblem(new StackError("value", "line 4: x"), "range")).toBe("row 4: x");
  });

  it("gives back exactly the value Excel holds for any percent-formatted cell", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        const csv = gridToCsv(
          [
            ["Date", "F"],
            [45293, x],
            [45294, x],
          ],
          0,
          [
            ["General", "General"],
            ["General", "0.00%"],
            ["General", "0.00%"],
          ]
        );
        const [series] = readSource(csv, "A1:B3", "range", {
          units: { F: "returns-percent" },
        }).series;
        return series.values[0] === (x === 0 ? 0 : x);
      })
    );
  });

  it("reads a range of percent-formatted returns as percent from their % signs, without asking, and names sheet rows", () => {
    const values = [
      ["Date", "Fund"],
      [45293, 0.012],
      [45294, -0.004],
      [45295, 0],
    ];
    const formats = values.map((row) => row.map((_, c) => (c === 0 ? "yyyy-mm-dd" : "0.00%")));
    const source = readSource(gridToCsv(values, 3, formats), "Data!B4:C7", "range");
    expect(source.series[0]).toMatchObject({ reading: "returns in percent" });
    expect(source.series[0].pending).toBeUndefined();
    expect(Array.from(source.series[0].values)).toEqual([0.012, -0.004, 0]);
    const plain = readSource(gridToCsv(values, 3), "Data!B4:C7", "range");
    expect(plain.series[0].pending).toBe(
      "no value is beyond ±1 (the largest, row 5, is 0.012): decimals (0.012 = 1.2%) or percent (0.012%)?"
    );
  });

  it("leaves anything but the parser's own errors alone", () => {
    const bug = new TypeError("x is undefined");
    expect(() => readProblem(bug, "file")).toThrow(bug);
  });
});

describe("seriesBySource", () => {
  it("keeps names unique across sources by adding the source to a name used twice", () => {
    const generic = (a: string) => ["Date,Close", "2024-01-02,10", `2024-01-03,${a}`].join("\n");
    const named = seriesBySource([
      readSource(generic("11"), "A.csv", "file"),
      readSource(generic("12"), "B.csv", "file"),
      readSource(YAHOO, "^SP500TR.csv", "file"),
    ]);
    expect(named.map((series) => series.map((s) => s.name))).toEqual([
      ["Close (A.csv)"],
      ["Close (B.csv)"],
      ["^SP500TR"],
    ]);
  });
});
