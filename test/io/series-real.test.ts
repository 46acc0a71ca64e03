import * as fs from "fs";
import * as path from "path";
import { alignSeries } from "../../src/io/series-align";
import {
  parseSeriesFile,
  type SeriesFile,
  type SeriesFileOptions,
} from "../../src/io/series-files";

/**
 * The real downloads described in ../shared/data/README.md (not part of the project; skipped when absent).
 * Expected numbers come from the raw lines, read here with a plain split (the files have no quoted data
 * cells), or are cited from the file with their line number. Serials are date − 1899-12-30 in days.
 */
const DATA = path.resolve(__dirname, "../../../shared/data");
const describeData = fs.existsSync(DATA) ? describe : describe.skip;

function text(file: string): string {
  return fs.readFileSync(path.join(DATA, file), "utf8");
}

/** Each file is parsed once per set of options: the alignment tests reuse the parses. */
const cache = new Map<string, SeriesFile>();

function parse(file: string, options?: SeriesFileOptions): SeriesFile {
  const key = `${file} ${JSON.stringify(options)}`;
  const result = cache.get(key) ?? parseSeriesFile(text(file), options);
  cache.set(key, result);
  return result;
}

/** The data lines of a file (those starting with a date as `pattern` says), split into trimmed cells. */
function raw(file: string, pattern: RegExp): string[][] {
  return text(file)
    .split(/\r?\n/)
    .filter((line) => pattern.test(line))
    .map((line) => line.split(",").map((cell) => cell.trim()));
}

/** The largest absolute difference between two equally long series (a cheap full comparison). */
function largestDifference(actual: ArrayLike<number>, expected: readonly number[]): number {
  expect(actual.length).toBe(expected.length);
  let largest = 0;
  for (let k = 0; k < expected.length; k++)
    largest = Math.max(largest, Math.abs(actual[k] - expected[k]));
  return largest;
}

/** Simple returns of the prices in one raw column, oldest first. */
function rawReturns(rows: readonly string[][], column: number): number[] {
  return rows.slice(1).map((row, k) => Number(row[column]) / Number(rows[k][column]) - 1);
}

const ISO_LINE = /^\d{4}-\d{2}-\d{2},/;

describeData("real downloads in ../shared/data", () => {
  it("Kenneth French daily factors: 25,901 days 1926-07-01 … 2024-12-31, percent → decimals", () => {
    const file = "kenneth_french/F-F_Research_Data_Factors_daily_1926-2024.csv";
    const rows = raw(file, /^\d{8},/);
    const parsed = parse(file);
    expect(parsed.format).toBe("french");
    expect(parsed.series.map(({ name }) => name)).toEqual(["Mkt-RF", "SMB", "HML", "RF"]);
    expect(rows).toHaveLength(25901);
    parsed.series.forEach((series, c) => {
      // Mkt-RF, SMB, HML are returns in percent; RF the T-bill's return per day in percent, made annual × 252
      const rate = c === 3;
      expect(series).toMatchObject({
        kind: rate ? "rates" : "returns",
        unit: rate ? "period-rates-percent" : "returns-percent",
        missing: 0,
        doubts: [],
      });
      expect(series.dates).toHaveLength(25901);
      expect(
        largestDifference(
          series.values,
          rows.map((row) => (Number(row[c + 1]) / 100) * (rate ? 252 : 1))
        )
      ).toBeLessThan(1e-15);
    });
    const [market, , , rf] = parsed.series;
    expect([market.dates[0], market.dates[25900]]).toEqual([9679, 45657]); // 1926-07-01, 2024-12-31
    expect(market.values[21819]).toBe(0.1135); // line 21821: 20081013, 11.35
    expect(rf.values[0]).toBeCloseTo(0.00009 * 252, 15); // line 2: 19260701, RF 0.009
  });

  it("VUSTX (Yahoo): 8,724 prices 1986-05-19 … 2020-12-24 → 8,723 Adj Close returns", () => {
    const file = "talmiller2_market_analysis/VUSTX.csv";
    const rows = raw(file, ISO_LINE);
    const parsed = parse(file);
    expect(parsed.format).toBe("yahoo");
    const [series] = parsed.series;
    expect(series).toMatchObject({ name: "Adj Close", unit: "prices", missing: 0 });
    expect(series.values).toHaveLength(8723);
    expect([series.dates[0], series.dates[8722]]).toEqual([31552, 44189]); // 1986-05-20, 2020-12-24
    expect(largestDifference(series.values, rawReturns(rows, 5))).toBe(0);
    expect(series.values[0]).toBeCloseTo(1.09011 / 1.092294 - 1, 15); // lines 2–3
    expect(series.values[8722]).toBeCloseTo(15.05 / 14.99 - 1, 15); // last two lines
  });

  it("^SP500TR (Yahoo): 8,308 returns 1988-01-05 … 2020-12-18, and Close = Adj Close", () => {
    const file = "talmiller2_market_analysis/^SP500TR.csv";
    const [series] = parse(file).series;
    expect(series.values).toHaveLength(raw(file, ISO_LINE).length - 1);
    expect(series.values).toHaveLength(8308);
    expect([series.dates[0], series.dates[8307]]).toEqual([32147, 44183]);
    expect(series.values[8307]).toBeCloseTo(7659.75 / 7686.180176 - 1, 15);
    expect(
      largestDifference(
        parse(file, { columns: ["Close"] }).series[0].values,
        Array.from(series.values)
      )
    ).toBe(0);
  });

  it("UPRO ProShares NAV (newest first, MM/DD/YYYY): 3,996 NAV returns 2009-06-24 … 2025-05-12, agreeing with NAV Change (%)", () => {
    const file = "EMK6025_letf-mean-reversion/UPRO-historical_nav.csv";
    const rows = raw(file, /^\d{2}\/\d{2}\/\d{4},/).reverse();
    const parsed = parse(file);
    expect(parsed.format).toBe("generic");
    const nav = parsed.series.find(({ name }) => name === "NAV");
    const change = parsed.series.find(({ name }) => name === "NAV Change (%)");
    if (nav === undefined || change === undefined) throw new Error("NAV columns not read");
    expect(
      largestDifference(parse(file, { columns: ["NAV"] }).series[0].values, Array.from(nav.values))
    ).toBe(0);
    expect(nav.values).toHaveLength(3996);
    expect([nav.dates[0], nav.dates[3995]]).toEqual([39988, 45789]); // 2009-06-24, 2025-05-12
    expect(largestDifference(nav.values, rawReturns(rows, 3))).toBe(0);
    // the fund's own daily change (5 decimals of a percent) matches to 4.3e-5 on every day but 2019-06-24
    // (serial 43640), where the file's NAV Change (%) differs by 0.55 pp from NAV / Prior NAV
    const off = Array.from(nav.dates).filter(
      (_, k) => Math.abs(nav.values[k] - change.values[k + 1]) > 5e-5
    );
    expect(off).toEqual([43640]);
  });

  it("SPXTR-data (shifted yfinance layout): the Price column gives 8,982 returns 1989-09-12 … 2025-05-09", () => {
    const file = "EMK6025_letf-mean-reversion/SPXTR-data.csv";
    const [series] = parse(file, { columns: ["Price"] }).series;
    expect(series.values).toHaveLength(8982);
    expect([series.dates[0], series.dates[8981]]).toEqual([32763, 45786]);
    expect(largestDifference(series.values, rawReturns(raw(file, ISO_LINE), 1))).toBe(0);
  });

  it("TB3MS (FRED, 11 header lines): 119 monthly rates 2009-06-01 … 2019-04-01", () => {
    const parsed = parse("marcin-osowski_upro/TB3MS.csv");
    expect(parsed.format).toBe("fred");
    const [series] = parsed.series;
    expect(series).toMatchObject({
      name: "TB3MS",
      kind: "rates",
      unit: "rates-percent",
      missing: 0,
    });
    expect(series.values).toHaveLength(119);
    expect([series.dates[0], series.dates[118]]).toEqual([39965, 43556]);
    expect([series.values[0], series.values[118]]).toEqual([0.0018, 0.0238]); // lines 12 and 130: 0.18, 2.38
  });

  it('DGS30 (FRED): 11,381 days 1977-02-15 … 2020-09-29, 479 of them "."', () => {
    const file = "yohokuno_data/DGS30.csv";
    const rows = raw(file, ISO_LINE);
    const [series] = parse(file).series;
    expect(series.missing).toBe(rows.filter((row) => row[1] === ".").length);
    expect(series.missing).toBe(479);
    expect(series.values).toHaveLength(11381 - 479);
    expect([series.dates[0], series.dates[series.dates.length - 1]]).toEqual([28171, 44103]);
    expect(
      largestDifference(
        series.values,
        rows.filter((row) => row[1] !== ".").map((row) => Number(row[1]) / 100)
      )
    ).toBeLessThan(1e-16);
  });

  it("aligns UPRO's NAV with SPXTR: correlation 0.99982 and beta 2.9996 as the data README reports", () => {
    const nav = parse("EMK6025_letf-mean-reversion/UPRO-historical_nav.csv", { columns: ["NAV"] })
      .series[0];
    const index = parse("EMK6025_letf-mean-reversion/SPXTR-data.csv", { columns: ["Price"] })
      .series[0];
    const aligned = alignSeries([
      { ...nav, name: "UPRO" },
      { ...index, name: "SPXTR" },
    ]);
    // 2009-06-24 only starts the first period (SPXTR has earlier returns); UPRO's 2025-05-12 is after SPXTR's last day
    expect(aligned.report).toMatchObject({
      rows: 3994,
      first: 39989,
      last: 45786,
      leading: { count: 1, first: 39988, last: 39988 },
    });
    expect(aligned.report.series[0]).toEqual({
      name: "UPRO",
      kind: "returns",
      dropped: { count: 2, first: 39988, last: 45789 },
      compounded: null,
    });
    const [u, s] = aligned.values;
    const mean = (x: Float64Array) => x.reduce((a, b) => a + b, 0) / x.length;
    const [mu, ms] = [mean(u), mean(s)];
    let [suu, sss, sus] = [0, 0, 0];
    for (let k = 0; k < u.length; k++)
      [suu, sss, sus] = [
        suu + (u[k] - mu) ** 2,
        sss + (s[k] - ms) ** 2,
        sus + (u[k] - mu) * (s[k] - ms),
      ];
    expect(sus / Math.sqrt(suu * sss)).toBeCloseTo(0.99982, 5);
    expect(sus / sss).toBeCloseTo(2.9996, 4);
  });

  it("aligns ^SP500TR, VUSTX, the French daily RF (a rate) and monthly TB3MS: rows from TB3MS's first month, its last value carried 627 days", () => {
    const index = {
      ...parse("talmiller2_market_analysis/^SP500TR.csv").series[0],
      name: "SP500TR",
    };
    const bonds = { ...parse("talmiller2_market_analysis/VUSTX.csv").series[0], name: "VUSTX" };
    const rf = parse("kenneth_french/F-F_Research_Data_Factors_daily_1926-2024.csv").series[3];
    const tbill = parse("marcin-osowski_upro/TB3MS.csv").series[0];
    const aligned = alignSeries([index, bonds, rf, tbill], { days: true });
    const { report } = aligned;
    // the Yahoo files share every date from 1988-01-05 to 2020-12-18; TB3MS starts 2009-06-01 (a Monday),
    // so the 5,397 common dates 1988-01-05 … 2009-05-29 are dropped and 2,911 rows remain
    expect(report).toMatchObject({
      rows: 2911,
      first: 39965,
      last: 44183,
      leading: { count: 5397, first: 32147, last: 39962 },
    });
    expect(report.series[0]).toEqual({
      name: "SP500TR",
      kind: "returns",
      dropped: { count: 5397, first: 32147, last: 39962 },
      compounded: null,
    });
    // TB3MS is dated the 1st of each month: 2,833 rows carry a value, the longest from 2019-04-01 to 2020-12-18
    // the French daily RF, a rate, has a value on each of these trading days: nothing carried
    expect(report.series[2]).toEqual({ name: "RF", kind: "rates", filled: null, longestCarry: 0 });
    expect(report.series[3]).toEqual({
      name: "TB3MS",
      kind: "rates",
      filled: { count: 2833, first: 39966, last: 44183 },
      longestCarry: 627,
    });
    expect(aligned.values[3][aligned.dates.length - 1]).toBe(0.0238);
    expect(aligned.days?.[1]).toBe(1); // 2009-06-01 → 06-02
    expect(aligned.days?.[5]).toBe(3); // Friday 06-05 → Monday 06-08
  });
});
