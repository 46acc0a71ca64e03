/**
 * The backtest part's sources without a browser: a Yahoo file named after itself, Kenneth French's RF
 * turned into an annual rate, a workbook range read through the same parser with its sheet rows in the
 * messages, unique names across sources, and the words shown for each series.
 */
import {
  gridToCsv,
  readProblem,
  readSource,
  seriesBySource,
  describeSeries,
} from "../../src/taskpane/series-sources";

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
