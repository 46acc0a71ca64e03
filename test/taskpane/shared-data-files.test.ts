/**
 * Every real file in ../shared/data (its README gives provenance; skipped when the folder is absent),
 * read as the pane reads a file the user chose (readSourceFile), with the outcome expected for each:
 * the unit of every column read (and whether the pane asks the user to confirm it), the questions asked
 * (dates before 1900) and what the answer gives, or the refusal message. A file added to the folder
 * without an expectation here fails the test, so the list in the closing note stays complete.
 * The counts of values are checked against the raw lines, split by hand: no row is swallowed.
 */
import * as fs from "fs";
import * as path from "path";
import type { ColumnUnit } from "../../src/io/series-units";
import {
  readProblem,
  readSourceFile,
  rereadSource,
  type Source,
  type SourceChoices,
} from "../../src/taskpane/series-sources";
import { hasSharedData, SHARED_DATA } from "../fixtures/shared-data";

/** A column's expected unit; "?" when the pane must ask the user to confirm it, "✖" when it cannot be used. */
type Column = ColumnUnit | `${ColumnUnit} ?` | `${ColumnUnit} ✖`;

type Expectation =
  | { readonly refused: string }
  | {
      /** The questions asked before anything is read, and the answers given to them. */
      readonly asks?: readonly string[];
      readonly answers?: SourceChoices;
      readonly columns: Readonly<Record<string, Column>>;
    };

const YAHOO: Expectation = { columns: { "Adj Close": "prices" } };
const NAV: Expectation = {
  columns: { NAV: "prices", "Prior NAV": "prices", "NAV Change (%)": "returns-percent" },
};
const NOT_A_SERIES =
  "file: no header row followed by dates; expected a header row, then dates in the first column (yahoo, fred, kenneth french or date + values)";
const DIVIDENDS =
  "file: no column of prices, returns or rates on line 1: “Dividends” is not a series Stack reads (amounts, counts or a day's open, high or low)";

const EXPECTED: Readonly<Record<string, Expectation>> = {
  // Yahoo ^SP500TR in a shifted yfinance layout: Price is the real close; "Close" is read by its header
  "EMK6025_letf-mean-reversion/SPXTR-data.csv": { columns: { Price: "prices", Close: "prices" } },
  "EMK6025_letf-mean-reversion/SSO-historical_nav.csv": NAV,
  "EMK6025_letf-mean-reversion/UPRO-historical_nav.csv": NAV,
  // RF Rate is the Fama-French daily RF in percent: a rate per day, made annual (× 252)
  "EMK6025_letf-mean-reversion/combined_data_SPX_SPXTR_RF.csv": {
    columns: {
      "SPX Close": "prices",
      "SPXTR Close": "prices",
      "RF Rate": "period-rates-percent",
    },
  },
  "MaxB1801_HedgeFundies/TMF_yahoo_daily.csv": YAHOO,
  "MaxB1801_HedgeFundies/UPRO_yahoo_daily.csv": YAHOO,
  // decimal monthly returns that never pass ±1: the pane asks (decimals or percent?)
  "PerformanceAnalytics_managers.csv": {
    columns: Object.fromEntries(
      [
        "HAM1",
        "HAM2",
        "HAM3",
        "HAM4",
        "HAM5",
        "HAM6",
        "EDHEC LS EQ",
        "SP500 TR",
        "US 10Y TR",
        "US 3m TR",
      ].map((name) => [name, "returns ?"])
    ),
  },
  // the headers say (%) but the values are decimals (Bacon's 0.3% is 0.003): flagged, the pane asks
  "PerformanceAnalytics_portfolio_bacon.csv": {
    columns: {
      "portfolio monthly return (%)": "returns-percent ?",
      "benchmark return (%)": "returns-percent ?",
    },
  },
  "README.md": { refused: NOT_A_SERIES },
  "bogleheads_hedgefundie_sim/TMFSIM.csv": { columns: { Change: "returns-percent" } },
  "bogleheads_hedgefundie_sim/UPROSIM.csv": { columns: { Change: "returns-percent" } },
  "finmango_portfolio-simulator/LICENSE": { refused: NOT_A_SERIES },
  "finmango_portfolio-simulator/dividends.csv": {
    refused:
      'line 1: the dates must be in the first column, but "Ex-Div Date" is column 2 (the first is "Symbol")',
  },
  "finmango_portfolio-simulator/prices.csv": {
    columns: Object.fromEntries(
      [
        "VTI",
        "VXUS",
        "BND",
        "SPY",
        "DJI",
        "LTT",
        "TLT",
        "UPRO",
        "TMF",
        "SSO",
        "UBT",
        "VB",
        "VBR",
      ].map((name) => [name, "prices"])
    ),
  },
  "kenneth_french/F-F_Research_Data_Factors_daily_1926-2024.csv": {
    columns: {
      "Mkt-RF": "returns-percent",
      SMB: "returns-percent",
      HML: "returns-percent",
      RF: "period-rates-percent",
    },
  },
  "kenneth_french/F-F_Research_Data_Factors_monthly_1926-2020.csv": {
    refused:
      'line 1: the file has no header row: "192607" is already a date; add a first line that names the columns (e.g. Date,Series 1,Series 2,Series 3,Series 4)',
  },
  "marcin-osowski_upro/SPY.csv": YAHOO,
  "marcin-osowski_upro/SPY_dividends.csv": { refused: DIVIDENDS },
  "marcin-osowski_upro/TB3MS.csv": { columns: { TB3MS: "rates-percent" } },
  "marcin-osowski_upro/UPRO.csv": YAHOO,
  "marcin-osowski_upro/UPRO_dividends.csv": { refused: DIVIDENDS },
  "marcin-osowski_upro/spy_vs_upro.csv": {
    columns: {
      SPY_daily_pcent_gain: "returns-percent",
      UPRO_daily_pcent_gain: "returns-percent",
      SPY3X_daily_pcent_gain: "returns-percent",
      SPY_cumulative_gain: "prices",
      UPRO_cumulative_gain: "prices",
      SPY3X_cumulative_gain: "prices",
      UPRO_over_SPY3X_cumulative: "prices",
    },
  },
  // from 1871: asked first; from 1900, the zeros written after the data end (2023) are flagged or refused
  "shiller/datahub_s-and-p-500_data.csv": {
    asks: ["before-1900"],
    answers: { from1900: true },
    columns: {
      SP500: "prices",
      "Consumer Price Index": "prices ✖",
      "Long Interest Rate": "rates-percent ?",
      "Real Price": "prices ✖",
      PE10: "returns-percent ?",
    },
  },
  "shiller/shiller_ie_data_archive.xls": {
    refused:
      "file: an Excel workbook, not a text file: open it in Excel, select the data with its header row, then use Read selected range",
  },
  "talmiller2_market_analysis/QLD.csv": YAHOO,
  "talmiller2_market_analysis/SPXL.csv": YAHOO,
  "talmiller2_market_analysis/SSO.csv": YAHOO,
  "talmiller2_market_analysis/TLT.csv": YAHOO,
  "talmiller2_market_analysis/TMF.csv": YAHOO,
  "talmiller2_market_analysis/TQQQ.csv": YAHOO,
  "talmiller2_market_analysis/UBT.csv": YAHOO,
  "talmiller2_market_analysis/UPRO.csv": YAHOO,
  "talmiller2_market_analysis/VFINX.csv": YAHOO,
  "talmiller2_market_analysis/VUSTX.csv": YAHOO,
  "talmiller2_market_analysis/^SP500TR.csv": YAHOO,
  // its first row, 1800-01-01, is a placeholder: asked about, then left out
  "talmiller2_market_analysis/historical-libor-rates-chart.csv": {
    asks: ["before-1900"],
    answers: { from1900: true },
    columns: {
      "libor-1-month": "rates-percent",
      "libor-3-month": "rates-percent",
      "libor-6-month": "rates-percent",
      "libor-12-month": "rates-percent",
    },
  },
  "yohokuno_data/DGS30.csv": { columns: { DGS30: "rates-percent" } },
  "yohokuno_data/FEDFUNDS.csv": { columns: { FEDFUNDS: "rates-percent" } },
  // "Value" names no unit and never reaches 30: the pane asks (it is a yield in percent)
  "yohokuno_data/SP500_DIV_YIELD_MONTH.csv": {
    asks: ["before-1900"],
    answers: { from1900: true },
    columns: { Value: "prices ?" },
  },
  // R's make.unique row names ("1962-12-31...998") on inserted annual rows: not dates
  "yohokuno_data/adjReturnBond30.csv": {
    refused:
      'line 999, column Date: "1962-12-31...998" is not a date (expected a date such as 2024-01-31, 31/01/2024, 01/31/2024, 31.01.2024, 20240131, 202401, 2024-01 or Jan 31, 2024)',
  },
  "yohokuno_data/tlt_simulation_monthly.csv": { columns: { tlt_simulation: "prices" } },
};

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? filesUnder(path.join(dir, entry.name))
        : [path.relative(SHARED_DATA, path.join(dir, entry.name))]
    );
}

function open(file: string): Source | string {
  try {
    return readSourceFile(
      new Uint8Array(fs.readFileSync(path.join(SHARED_DATA, file))),
      path.basename(file)
    );
  } catch (error) {
    return readProblem(error, "file");
  }
}

/** A column's outcome in the shape of the expectations. */
const outcome = (source: Source): Record<string, Column> =>
  Object.fromEntries(
    source.columns.map((c): [string, Column] => [
      c.column,
      c.problem !== undefined
        ? `${c.unit} ✖`
        : c.series?.pending !== undefined
          ? `${c.unit} ?`
          : c.unit,
    ])
  );

/**
 * The values a column should have, counted from the raw lines (split on commas; data lines start with a
 * digit): its non-missing cells, one fewer for prices (the first price starts the first return).
 */
function rawCount(file: string, column: string, unit: ColumnUnit): number {
  const lines = fs.readFileSync(path.join(SHARED_DATA, file), "utf8").split(/\r?\n/);
  const header = lines.find((line) =>
    line
      .split(",")
      .map((c) => c.trim())
      .includes(column)
  ) as string;
  const index = header
    .split(",")
    .map((c) => c.trim())
    .indexOf(column);
  const present = lines.filter((line) => {
    const cell = line.split(",")[index]?.trim() ?? "";
    return /^\d/.test(line) && !["", ".", "null"].includes(cell);
  }).length;
  return unit === "prices" ? present - 1 : present;
}

const describeData = hasSharedData ? describe : describe.skip;

describeData("every real file in ../shared/data, as the pane reads it", () => {
  it("has an expectation for each file, and each file of the list exists", () => {
    expect(filesUnder(SHARED_DATA).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))("%s", (file, expected) => {
    const read = open(file);
    if ("refused" in expected) {
      expect(read).toBe(expected.refused);
      return;
    }
    if (typeof read === "string") throw new Error(`refused: ${read}`);
    expect(read.questions.map((q) => q.kind)).toEqual(expected.asks ?? []);
    const answered = expected.answers ? rereadSource(read, expected.answers) : read;
    expect(answered.questions).toEqual([]);
    expect(outcome(answered)).toEqual(expected.columns);
    if (expected.asks !== undefined) return;
    for (const column of answered.columns)
      if (column.series)
        expect([column.column, column.series.values.length]).toEqual([
          column.column,
          rawCount(file, column.column, column.unit),
        ]);
  });

  it("reads Shiller's S&P 500 from 1900 with the rows before left out, from its first 1900 price", () => {
    const shiller = rereadSource(open("shiller/datahub_s-and-p-500_data.csv") as Source, {
      from1900: true,
    });
    expect(shiller.notes).toContain(
      "348 rows dated before 1900 (lines 2–349) were left out, as you chose: Excel cannot store dates before 1900."
    );
    const sp = shiller.series.find((s) => s.column === "SP500");
    // lines 350–351: 1900-01-01 6.1, 1900-02-01 6.21 → the first return 6.21 / 6.1 − 1, dated 1900-02-01 (serial 32)
    const [first, second] = fs
      .readFileSync(path.join(SHARED_DATA, "shiller/datahub_s-and-p-500_data.csv"), "utf8")
      .split(/\r?\n/)
      .slice(349, 351)
      .map((line) => Number(line.split(",")[1]));
    expect(sp?.dates[0]).toBe(32);
    expect(sp?.values[0]).toBeCloseTo(second / first - 1, 15);
  });

  it("reads the combined file's RF Rate as 252 × the daily percent: 0.033% a day on 1989-09-11 is 8.316% a year", () => {
    const combined = open("EMK6025_letf-mean-reversion/combined_data_SPX_SPXTR_RF.csv") as Source;
    const rf = combined.series.find((s) => s.column === "RF Rate");
    expect(rf).toMatchObject({
      kind: "rates",
      reading: "rates per day in percent → annual rate (× 252)",
    });
    expect(rf?.values[0]).toBeCloseTo(0.08316, 15);
  });

  it("reads PerformanceAnalytics' managers as decimals once the user says so for all of them", () => {
    const managers = open("PerformanceAnalytics_managers.csv") as Source;
    const units = Object.fromEntries(managers.columns.map((c) => [c.column, "returns" as const]));
    const answered = rereadSource(managers, { units });
    expect(answered.series.every((s) => s.pending === undefined)).toBe(true);
    // line 2: 1996-01-31, HAM1 0.0074
    expect(answered.series[0].values[0]).toBe(0.0074);
  });
});
