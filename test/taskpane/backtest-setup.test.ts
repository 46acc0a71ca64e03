/**
 * The backtest part's settings without a browser: presets (one or more portfolios) mapped onto the loaded
 * series, typed settings
 * checked with messages naming the setting, only the series used aligned and indexed, Kenneth French's RF
 * as the borrowing rate, the sheet layout's own checks surfaced, and alignment told in plain words.
 */
import { maxPaths } from "../../src/core/bootstrap";
import { PRESET_COSTS, PRESETS } from "../../src/sheets/backtest-config";
import {
  applyPreset,
  BacktestSetup,
  DEFAULT_SETUP,
  describeAlignment,
  prepare,
  restoreSetup,
} from "../../src/taskpane/backtest-setup";
import {
  describeWeights,
  emptyHolding,
  newHolding,
  newPortfolio,
  type PortfolioSetup,
} from "../../src/taskpane/portfolio-setup";
import {
  readSource,
  rereadSource,
  seriesBySource,
  type LoadedSeries,
} from "../../src/taskpane/series-sources";
import { parseDate } from "../../src/io/series-dates";
import { DGS3MO, SP500TR, TRADING_DAYS, UPRO, VUSTX } from "./series-samples";

const preset = (id: string) => PRESETS.find((p) => p.id === id)!;
const serial = (date: string) => parseDate(date) as number;

/** One return series of a generic file: a "Close" column of prices on `dates`. */
const pricesCsv = (name: string, dates: readonly string[]) =>
  [`Date,${name}`, ...dates.map((d, k) => `${d},${100 + k + (k % 3)}`)].join("\n");

const samples = seriesBySource([
  readSource(SP500TR, "^SP500TR.csv", "file"),
  readSource(VUSTX, "VUSTX.csv", "file"),
  readSource(DGS3MO, "DGS3MO.csv", "file"),
]).flat();
const ready = (changes: Partial<BacktestSetup> = {}) => ({
  ...applyPreset(DEFAULT_SETUP, preset("hfea-55-45"), samples),
  rollingYears: "1",
  ...changes,
});

/** The first portfolio with `changes`. */
const withFirst = (setup: BacktestSetup, changes: Partial<PortfolioSetup>): BacktestSetup => ({
  ...setup,
  portfolios: [{ ...setup.portfolios[0], ...changes }, ...setup.portfolios.slice(1)],
});

describe("applyPreset", () => {
  it("maps the index to a series that looks like the S&P 500 and the Treasuries to a long-Treasury one, whatever their order", () => {
    const shuffled = [samples[2], samples[1], samples[0]];
    const setup = applyPreset(DEFAULT_SETUP, preset("hfea-55-45"), shuffled);
    expect(setup.portfolios).toEqual([
      {
        name: "55/45 3x",
        holdings: [
          {
            ...emptyHolding,
            name: "3x S&P 500",
            series: "^SP500TR",
            leverage: "3",
            expenseRatio: "0.91",
            // UPRO's calibrated spread (numpy: calibration_reference.py, checked in fund-calibration.test.ts).
            spread: "0.82",
            costSource: PRESET_COSTS.sp3x.source,
            weight: "55",
          },
          {
            ...emptyHolding,
            name: "3x long Treasuries",
            series: "VUSTX",
            leverage: "3",
            expenseRatio: "0.91",
            // No 3x Treasury NAV: UPRO's figure, assumed (TMF_ASSUMPTION).
            spread: "0.82",
            costSource: PRESET_COSTS.lt3x.source,
            weight: "45",
          },
        ],
        rebalance: "Q",
        rebalanceRows: "63",
        band: "",
      },
    ]);
    expect(setup).toMatchObject({
      title: "55/45 3x S&P 500 / 3x long Treasuries (quarterly)",
      preset: "hfea-55-45",
      rate: "DGS3MO",
      benchmark: "^SP500TR",
    });
  });

  it("fills the stack-vs-2x study: 2x fund, 100/100 stack, 100% S&P 500, and a fourth with a third series", () => {
    const setup = applyPreset(DEFAULT_SETUP, preset("stack-vs-2x"), samples);
    expect(setup.portfolios.map((p) => p.name)).toEqual([
      "2x S&P 500",
      "100/100 stack",
      "100% S&P 500",
    ]);
    expect(setup.portfolios[1].holdings).toEqual([
      {
        ...emptyHolding,
        kind: "stacked",
        name: "100/100 stocks + Treasuries (RSSB-like)",
        series: "",
        expenseRatio: "0.4",
        spread: "0",
        costSource: PRESET_COSTS.stack.source,
        weight: "100",
        legs: [
          { series: "^SP500TR", weight: "100" },
          { series: "VUSTX", weight: "100" },
        ],
      },
    ]);
    const trend = readSource(pricesCsv("Trend", TRADING_DAYS), "trend.csv", "file").series;
    const four = applyPreset(DEFAULT_SETUP, preset("stack-vs-2x"), [
      ...samples,
      ...trend,
    ] as LoadedSeries[]);
    expect(four.portfolios.map((p) => p.name)).toEqual([
      "2x S&P 500",
      "100/100 stack",
      "100% S&P 500",
      "100/100 + third",
    ]);
    expect(four.portfolios[3].holdings[0]).toMatchObject({
      name: "100/100 stocks + Trend",
      legs: [
        { series: "^SP500TR", weight: "100" },
        { series: "Trend", weight: "100" },
      ],
    });
    const result = prepare(
      { ...four, rollingYears: "1" },
      [...samples, ...trend] as LoadedSeries[],
      "2025-01-31"
    );
    if (!result.ok) throw new Error(result.problems.join("\n"));
    expect(result.prepared.config.portfolios[1].holdings[0].source).toEqual({
      kind: "stacked",
      legs: [
        { series: 0, weight: 1 },
        { series: 1, weight: 1 },
      ],
      fee: 0.004,
      premium: 0,
      real: undefined,
      costSource: PRESET_COSTS.stack.source,
    });
    // The 2x fund at SSO's calibrated spread, 1.76%.
    expect(result.prepared.config.portfolios[0].holdings[0].source).toMatchObject({
      expenseRatio: 0.0089,
      spread: 0.0176,
    });
  });

  it("falls back on the first and second return series, and keeps a benchmark and rate already chosen", () => {
    const named = seriesBySource([
      readSource(pricesCsv("Alpha", TRADING_DAYS.slice(0, 5)), "a.csv", "file"),
      readSource(pricesCsv("Beta", TRADING_DAYS.slice(0, 5)), "b.csv", "file"),
    ]).flat();
    const setup = applyPreset({ ...DEFAULT_SETUP, benchmark: "Beta" }, preset("hfea-40-60"), named);
    expect(setup.portfolios[0].holdings.map((h) => [h.series, h.weight])).toEqual([
      ["Alpha", "40"],
      ["Beta", "60"],
    ]);
    expect([setup.benchmark, setup.rate]).toEqual(["Beta", ""]);
    expect(applyPreset(setup, preset("sp-2x"), named).portfolios).toMatchObject([
      {
        rebalance: "NONE",
        holdings: [
          {
            name: "2x S&P 500",
            series: "Alpha",
            leverage: "2",
            expenseRatio: "0.89",
            spread: "1.76",
            weight: "100",
          },
        ],
      },
    ]);
  });
});

describe("newHolding, newPortfolio, describeWeights and remembered settings", () => {
  it("adds 1x of the first series not yet held, and tells what the weights leave in cash", () => {
    const [first] = ready().portfolios;
    expect(newHolding({ ...first, holdings: first.holdings.slice(0, 1) }, samples)).toEqual({
      ...emptyHolding,
      name: "VUSTX",
      series: "VUSTX",
    });
    expect(newPortfolio([first], samples)).toMatchObject({
      name: "Portfolio 2",
      holdings: [{ series: "^SP500TR", weight: "100" }],
    });
    expect(describeWeights(first.holdings)).toBe("Weights add up to 100%.");
    expect(
      describeWeights([
        { ...first.holdings[0], weight: "55.1%" },
        { ...first.holdings[1], weight: "75" },
      ])
    ).toBe("Weights add up to 130.1%; the other -30.1% is cash at 0%.");
    expect(describeWeights([{ ...first.holdings[0], weight: "abc" }])).toBeUndefined();
  });

  it("turns an earlier version's holdings, rebalancing and band into one portfolio", () => {
    const old = {
      title: "Mine",
      holdings: [
        {
          name: "3x",
          series: "^SP500TR",
          leverage: "3",
          expenseRatio: "0.91",
          spread: "0",
          weight: "100",
        },
      ],
      rebalance: "M",
      rebalanceRows: "63",
      band: "5",
      startAmount: "500",
    };
    const setup = restoreSetup(old);
    expect(setup.startAmount).toBe("500");
    expect(setup.portfolios).toEqual([
      {
        name: "Mine",
        holdings: [{ ...emptyHolding, ...old.holdings[0] }],
        rebalance: "M",
        rebalanceRows: "63",
        band: "5",
      },
    ]);
    expect("holdings" in setup).toBe(false);
    expect(restoreSetup(undefined)).toEqual(DEFAULT_SETUP);
  });
});

describe("prepare", () => {
  it("builds the config and data from the series used, in the order holdings, benchmark, rate", () => {
    const result = prepare(
      withFirst(ready({ start: "2023-03-01" }), { band: "5" }),
      samples,
      "2025-01-31"
    );
    if (!result.ok) throw new Error(result.problems.join("\n"));
    const { config, data, alignment, layout } = result.prepared;
    expect(data.series.map((s) => [s.name, s.kind])).toEqual([
      ["^SP500TR", "returns"],
      ["VUSTX", "returns"],
      ["DGS3MO", "rates"],
    ]);
    expect(config).toMatchObject({
      title: "55/45 3x S&P 500 / 3x long Treasuries (quarterly)",
      portfolios: [
        {
          name: "55/45 3x",
          holdings: [
            {
              name: "3x S&P 500",
              source: {
                kind: "letf",
                series: 0,
                leverage: 3,
                expenseRatio: 0.0091,
                spread: 0.0082,
              },
              weight: 0.55,
            },
            {
              name: "3x long Treasuries",
              source: {
                kind: "letf",
                series: 1,
                leverage: 3,
                expenseRatio: 0.0091,
                spread: 0.0082,
              },
              weight: 0.45,
            },
          ],
          rebalance: "Q",
          band: 0.05,
        },
      ],
      benchmark: { name: "^SP500TR", series: 0 },
      rate: 2,
      start: serial("2023-03-01"),
      end: undefined,
      startAmount: 10000,
      rollingYears: 1,
      monteCarlo: undefined,
    });
    expect(data.dates[0]).toBe(serial(TRADING_DAYS[1]));
    expect(data.series[2].values[0]).toBeCloseTo(0.0461, 15);
    expect(data.notes).toEqual([
      "^SP500TR: Adj Close of ^SP500TR.csv (Yahoo Finance), prices → returns.",
      "VUSTX: Adj Close of VUSTX.csv (Yahoo Finance), prices → returns.",
      "DGS3MO: DGS3MO of DGS3MO.csv (FRED), annual rates in percent.",
      ...alignment,
    ]);
    expect(layout.blocks.length).toBeGreaterThan(0);
  });

  it("splices a holding onto a real fund's history that starts late, without cutting the rows before it", () => {
    const withUpro = [...samples, ...readSource(UPRO, "UPRO.csv", "file").series];
    const setup = ready();
    const [sp, lt] = setup.portfolios[0].holdings;
    const spliced = withFirst(setup, { holdings: [{ ...sp, real: "UPRO" }, lt] });
    const result = prepare(spliced, withUpro, "2025-01-31");
    if (!result.ok) throw new Error(result.problems.join("\n"));
    const { config, data, alignment } = result.prepared;
    // Order: the index series, the real history, the benchmark (already in), the rate.
    expect(data.series.map((s) => s.name)).toEqual(["^SP500TR", "VUSTX", "UPRO", "DGS3MO"]);
    expect(config.portfolios[0].holdings[0].source).toMatchObject({ series: 0, real: 2 });
    expect(config.portfolios[0].holdings[1].source.real).toBeUndefined();
    // The rows are those without UPRO (it starts late); UPRO has values from 2023-09-06 (its first return,
    // 2023-09-05, has a period that cannot be told, so the next row is its first).
    expect(data.dates[0]).toBe(serial(TRADING_DAYS[1]));
    const from = data.dates.indexOf(serial("2023-09-06"));
    expect(data.series[2].values.subarray(0, from).every(Number.isNaN)).toBe(true);
    expect(data.series[2].values.subarray(from).some(Number.isNaN)).toBe(false);
    expect(alignment).toContain(
      "UPRO: the real fund from 2023-09-06; the rows before use the holding's simulation."
    );
    // Followed as an index too, it bounds the rows like any series: they start when it does.
    const followed = withFirst(setup, {
      holdings: [
        { ...sp, real: "UPRO" },
        { ...lt, series: "UPRO" },
      ],
    });
    const bounded = prepare({ ...followed, rollingYears: "0.5" }, withUpro, "2025-01-31");
    if (!bounded.ok) throw new Error(bounded.problems.join("\n"));
    expect(bounded.prepared.data.dates[0]).toBe(serial("2023-09-06"));
    // A real history that is not loaded is named.
    const missing = prepare(spliced, samples, "2025-01-31");
    expect(missing.ok ? [] : missing.problems).toEqual([
      "55/45 3x, 3x S&P 500, real history: “UPRO” is not among the loaded return series.",
    ]);
  });

  it("lists every setting that is not acceptable, naming it", () => {
    const setup = withFirst(
      ready({
        rate: "VUSTX",
        start: "2023-02-30",
        startAmount: "0",
        monteCarlo: true,
        monteCarloPaths: "0",
      }),
      {
        holdings: [
          {
            ...emptyHolding,
            name: "",
            series: "",
            leverage: "three",
            expenseRatio: "-1",
            weight: "",
          },
        ],
        band: "0",
        rebalance: "ROWS",
        rebalanceRows: "2.5",
      }
    );
    const result = prepare(setup, samples, "2025-01-31");
    expect(result).toEqual({
      ok: false,
      problems: [
        "55/45 3x, holding 1: choose a series.",
        "55/45 3x, holding 1, leverage: “three” is not a number.",
        "55/45 3x, holding 1, expense ratio: from 0% to 100%.",
        "55/45 3x, holding 1, weight: enter a number.",
        "55/45 3x, rebalancing band: between 0% and 100%, or blank for none.",
        "55/45 3x, rebalance every: a whole number from 1 up.",
        "Borrowing rate: “VUSTX” is not among the loaded rate series.",
        "Start date: “2023-02-30” is not a date (yyyy-mm-dd).",
        "Starting amount: more than 0.",
        "Monte Carlo paths: a whole number from 1 to 1,048,576.",
      ],
    });
    expect(prepare(DEFAULT_SETUP, [], "2025-01-31")).toEqual({
      ok: false,
      problems: ["Add a CSV file or a range of series first."],
    });
  });

  it("passes on what the sheet's layout refuses, and Monte Carlo work too large to finish", () => {
    expect(prepare(ready({ rollingYears: "3" }), samples, "2025-01-31")).toEqual({
      ok: false,
      problems: [
        `The rolling window of 3 years (756 days) is longer than the ${TRADING_DAYS.length - 2} days of data: shorten it or widen the dates.`,
      ],
    });
    expect(
      prepare(
        ready({ monteCarlo: true, monteCarloYears: "100", monteCarloPaths: "100000" }),
        samples,
        "2025-01-31"
      )
    ).toEqual({
      ok: false,
      problems: [
        `Monte Carlo: that many paths of that many years would take Excel more than 5 s; use at most ${maxPaths(100 * 252, 2).toLocaleString("en-US")} paths, or fewer years.`,
      ],
    });
    const bootstrap = prepare(ready({ monteCarlo: true }), samples, "2025-01-31");
    expect(bootstrap.ok && bootstrap.prepared.config.monteCarlo).toEqual({
      years: 20,
      paths: 1000,
      block: 21,
      seed: 1,
    });
  });

  it("finances the funds with Kenneth French's RF as an annual rate and leaves the unused factors out", () => {
    const french = [
      ",Mkt-RF,SMB,HML,RF",
      ...TRADING_DAYS.map((d) => `${d.replace(/-/g, "")},0.10,0.00,0.00,0.020`),
      "",
    ].join("\n");
    const all = seriesBySource([
      readSource(SP500TR, "^SP500TR.csv", "file"),
      readSource(french, "F-F_daily.csv", "file"),
    ]).flat();
    const result = prepare(
      { ...applyPreset(DEFAULT_SETUP, preset("sp-2x"), all), rollingYears: "1" },
      all,
      "2025-01-31"
    );
    if (!result.ok) throw new Error(result.problems.join("\n"));
    const { config, data } = result.prepared;
    expect(data.series.map((s) => s.name)).toEqual(["^SP500TR", "RF"]);
    expect(config.rate).toBe(1);
    expect(data.series[1].values[0]).toBeCloseTo(0.0002 * 252, 15);
    expect(data.notes[1]).toBe(
      "RF: RF of F-F_daily.csv (Kenneth French), rates per day in percent → annual rate (× 252)."
    );
  });

  it("stops at a series whose unit is in doubt, naming it and why, and then follows the user's choice into the data and the notes", () => {
    // a strategy's daily returns that never pass ±1: decimals (0.8 = 80%) or percent (0.8%)?
    const strategy = readSource(
      ["Date,Strategy", ...TRADING_DAYS.map((d, k) => `${d},${[0.8, -0.5, 0.3][k % 3]}`)].join(
        "\n"
      ),
      "strategy.csv",
      "file"
    );
    const setup = (all: readonly LoadedSeries[]) => ({
      ...applyPreset(DEFAULT_SETUP, preset("sp-1x"), all),
      benchmark: "",
      rollingYears: "1",
    });
    const doubtful = strategy.series;
    expect(prepare(setup(doubtful), doubtful, "2025-01-31")).toEqual({
      ok: false,
      problems: [
        "Strategy: choose its unit on its card under 1. Data — no value is beyond ±1 (the largest, line 2, is 0.8): decimals (0.8 = 80%) or percent (0.8%)?",
      ],
    });
    const chosen = rereadSource(strategy, { units: { Strategy: "returns-percent" } }).series;
    const result = prepare(setup(chosen), chosen, "2025-01-31");
    if (!result.ok) throw new Error(result.problems.join("\n"));
    // 0.8% → 0.008, −0.5% → −0.005, 0.3% → 0.003 (one series: every date is a row)
    expect(Array.from(result.prepared.data.series[0].values.slice(0, 3))).toEqual([
      0.008, -0.005, 0.003,
    ]);
    expect(result.prepared.data.notes[0]).toBe(
      "Strategy: Strategy of strategy.csv (Date + values), returns in percent (your choice)."
    );
  });

  it("reports series that cannot be aligned", () => {
    const late = readSource(
      pricesCsv("Late", ["2030-01-02", "2030-01-03", "2030-01-04"]),
      "late.csv",
      "file"
    ).series;
    const setup = withFirst(ready(), {
      holdings: [{ ...ready().portfolios[0].holdings[0], series: "Late" }],
    });
    expect(prepare(setup, [...samples, ...late] as LoadedSeries[], "2025-01-31")).toEqual({
      ok: false,
      problems: ["The series cannot be aligned: no date common to every return series."],
    });
  });
});

describe("describeAlignment", () => {
  it("tells the rows, then what was dropped, compounded or carried forward for each series", () => {
    const day = serial("2024-01-02");
    expect(
      describeAlignment({
        rows: 1250,
        first: day,
        last: day + 1800,
        leading: { count: 3, first: day - 5, last: day - 1 },
        series: [
          {
            name: "VFINX",
            kind: "returns",
            dropped: { count: 1613, first: day - 3000, last: day - 1 },
            compounded: null,
          },
          {
            name: "VUSTX",
            kind: "returns",
            dropped: null,
            compounded: { count: 1, first: day + 30, last: day + 30 },
          },
          {
            name: "TB3MS",
            kind: "rates",
            filled: { count: 1190, first: day, last: day + 1800 },
            longestCarry: 31,
          },
        ],
      })
    ).toEqual([
      "1,250 rows of common dates, 2024-01-02 to 2028-12-06.",
      "Common dates before 2024-01-02 (3 dates from 2023-12-28 to 2024-01-01) are not used: a rate series starts later.",
      "VFINX: returns outside the common dates are not used (1,613 dates from 2015-10-16 to 2024-01-01).",
      "VUSTX: returns on dates another series lacks are compounded into the next row (2024-02-01).",
      "TB3MS: rows without a rate that day use the last earlier one (1,190 dates from 2024-01-02 to 2028-12-06; at most 31 days old).",
    ]);
    expect(
      describeAlignment({
        rows: 2,
        first: day,
        last: day + 1,
        leading: { count: 1, first: day - 1, last: day - 1 },
        series: [],
      })[1]
    ).toBe("2024-01-01 is only the starting point: the first row's returns are measured from it.");
  });
});
