/**
 * Backtests of leveraged funds before they existed, on the real files in ../shared/data (skipped when
 * absent): set up as the pane does (files read by the pane's reader, the presets' calibrated costs, a real
 * history per holding, prepare() aligning with the real histories starting late), built as a sheet and
 * evaluated in HyperFormula with the built functions, against an independent numpy computation
 * (test/fixtures/spliced_reference.py). Each run holds the same portfolio spliced onto the real funds and
 * simulated throughout, side by side. The figures are written to test-artifacts/spliced-backtest.txt.
 *
 * Run A: 55/45 3x S&P 500 / 3x long Treasuries, quarterly, on Yahoo ^SP500TR and VUSTX (1988–2020; VUSTX,
 * the only long-Treasury index here, ends in 2020), real UPRO (ProShares NAV) and TMF (Yahoo Adj Close).
 * Run B: 2x and 3x S&P 500 on ^SP500TR (EMK6025, 1989–2024), real SSO and UPRO (ProShares NAVs), to
 * 2024-12-31 (French's RF ends there).
 */
import fs from "fs";
import path from "path";
import { STATS_ROWS } from "../../src/core/stats";
import { formatDate } from "../../src/io/series-dates";
import { PRESET_COSTS, PRESETS, type PresetCost } from "../../src/sheets/backtest-config";
import { backtestSheet } from "../../src/sheets/backtest-sheet";
import {
  applyPreset,
  DEFAULT_SETUP,
  prepare,
  type BacktestSetup,
} from "../../src/taskpane/backtest-setup";
import { emptyHolding, type HoldingSetup } from "../../src/taskpane/portfolio-setup";
import { readSourceFile, seriesBySource } from "../../src/taskpane/series-sources";
import { percentText } from "../../src/taskpane/setup-reader";
import { hasSharedData, SHARED_DATA } from "../fixtures/shared-data";
import { num } from "./cells";
import { loadLayout } from "./hyperformula-stack";

const BUILT_ON = "2025-01-31";
const FRENCH = "kenneth_french/F-F_Research_Data_Factors_daily_1926-2024.csv";

const loaded = (files: readonly string[]) =>
  seriesBySource(
    files.map((file) =>
      readSourceFile(
        new Uint8Array(fs.readFileSync(path.join(SHARED_DATA, file))),
        path.basename(file)
      )
    )
  ).flat();

/** numpy's figures (spliced_reference.py): CAGR and max drawdown per portfolio, the switch dates. */
interface Expected {
  readonly rows: number;
  readonly first: string;
  readonly last: string;
  readonly portfolios: Record<string, { cagr: number; maxDrawdown: number }>;
  /** Fund name → its first real date. */
  readonly switches: Record<string, string>;
}

const RUN_A: Expected = {
  rows: 8307,
  first: "1988-01-06",
  last: "2020-12-18",
  portfolios: {
    "55/45 spliced": { cagr: 0.19991157272356852, maxDrawdown: -0.6839742322526059 },
    "55/45 simulated": { cagr: 0.19694583933960685, maxDrawdown: -0.6839742322526059 },
    "^SP500TR": { cagr: 0.10823834749387595, maxDrawdown: -0.5525024106682104 },
  },
  switches: { "3x S&P 500 (UPRO)": "2009-06-25", "3x long Treasuries (TMF)": "2009-04-20" },
};

const RUN_B: Expected = {
  rows: 8894,
  first: "1989-09-12",
  last: "2024-12-31",
  portfolios: {
    "2x spliced": { cagr: 0.12154072913088187, maxDrawdown: -0.9029238001445918 },
    "2x simulated": { cagr: 0.12146910959525292, maxDrawdown: -0.8943189632683135 },
    "3x spliced": { cagr: 0.13070770829153133, maxDrawdown: -0.982309226846791 },
    "3x simulated": { cagr: 0.13084450155506744, maxDrawdown: -0.982309226846791 },
    Price: { cagr: 0.1059304514274293, maxDrawdown: -0.5525024106969602 },
  },
  // SSO's NAVs start on 2006-06-19, its first return is 2006-06-20: real from the next row.
  switches: { "2x S&P 500 (SSO)": "2006-06-21", "3x S&P 500 (UPRO)": "2009-06-25" },
};

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const report: string[] = [];

/** A leveraged holding typed as the pane holds it, at a preset fund's costs. */
const holding = (
  name: string,
  series: string,
  leverage: number,
  cost: PresetCost,
  weight: string,
  real = ""
): HoldingSetup => ({
  ...emptyHolding,
  name,
  series,
  leverage: String(leverage),
  expenseRatio: percentText(cost.expenseRatio),
  spread: percentText(cost.spread),
  costSource: cost.source,
  weight,
  real,
});

/** Prepares, builds and evaluates the setup; checks numpy's figures and the switch dates; reports them. */
function check(
  title: string,
  setup: BacktestSetup,
  all: ReturnType<typeof loaded>,
  want: Expected
) {
  const result = prepare(setup, all, BUILT_ON);
  if (!result.ok) throw new Error(result.problems.join("\n"));
  const { config, data, alignment } = result.prepared;
  const sheet = backtestSheet(config, data, BUILT_ON);
  expect(sheet.rows).toBe(want.rows);
  expect([
    formatDate(data.dates[sheet.first]),
    formatDate(data.dates[sheet.first + sheet.rows - 1]),
  ]).toEqual([want.first, want.last]);
  const book = loadLayout(sheet.layout);
  const statRow = (label: string) =>
    sheet.summary.row + STATS_ROWS.findIndex(([, t]) => t === label);
  report.push(
    `# ${title}: ${want.rows.toLocaleString("en-US")} rows, ${want.first} to ${want.last}`
  );
  report.push(...alignment.map((line) => `  ${line}`));
  report.push("portfolio | CAGR | max drawdown");
  sheet.columns.forEach((name, j) => {
    const cagr = num(book, { row: statRow("CAGR"), column: 1 + j });
    const maxDrawdown = num(book, { row: statRow("Max drawdown"), column: 1 + j });
    expect(cagr).toBeCloseTo(want.portfolios[name].cagr, 9);
    expect(maxDrawdown).toBeCloseTo(want.portfolios[name].maxDrawdown, 9);
    report.push(`${name} | ${pct(cagr)} | ${pct(maxDrawdown)}`);
  });
  const switches = sheet.funds.flatMap((f, i) => {
    const cell = sheet.inputs.funds[i].realFrom;
    return cell ? [[f.name, formatDate(book.value(cell) as number)]] : [];
  });
  expect(Object.fromEntries(switches)).toEqual(want.switches);
  report.push(`switches: ${switches.map(([f, d]) => `${f} real from ${d}`).join("; ")}`, "");
}

(hasSharedData ? describe : describe.skip)("spliced backtests on ../shared/data", () => {
  afterAll(() => {
    const artifacts = path.resolve(__dirname, "../../test-artifacts");
    fs.mkdirSync(artifacts, { recursive: true });
    fs.writeFileSync(path.join(artifacts, "spliced-backtest.txt"), `${report.join("\n")}\n`);
  });

  it("run A: 55/45 3x with real UPRO and TMF where they existed, 1988–2020, against numpy", () => {
    const all = loaded([
      "talmiller2_market_analysis/^SP500TR.csv",
      "talmiller2_market_analysis/VUSTX.csv",
      "EMK6025_letf-mean-reversion/UPRO-historical_nav.csv",
      "MaxB1801_HedgeFundies/TMF_yahoo_daily.csv",
      FRENCH,
    ]);
    // The 55/45 preset, as the pane fills it: ^SP500TR and VUSTX, French's RF, the calibrated costs.
    const preset = applyPreset(
      DEFAULT_SETUP,
      PRESETS.find((p) => p.id === "hfea-55-45")!,
      all
    );
    expect([preset.rate, preset.benchmark]).toEqual(["RF", "^SP500TR"]);
    const [sp, lt] = preset.portfolios[0].holdings;
    expect([sp.series, sp.spread, lt.series, lt.spread]).toEqual([
      "^SP500TR",
      "0.82",
      "VUSTX",
      "0.82",
    ]);
    const setup: BacktestSetup = {
      ...preset,
      portfolios: [
        {
          ...preset.portfolios[0],
          name: "55/45 spliced",
          holdings: [
            { ...sp, name: "3x S&P 500 (UPRO)", real: "NAV" },
            { ...lt, name: "3x long Treasuries (TMF)", real: "TMF_yahoo_daily" },
          ],
        },
        { ...preset.portfolios[0], name: "55/45 simulated" },
      ],
    };
    check("Run A: 55/45 3x, real UPRO and TMF where they existed", setup, all, RUN_A);
  }, 300_000);

  it("run B: 2x and 3x S&P 500 with real SSO and UPRO where they existed, 1989–2024, against numpy", () => {
    const all = loaded([
      "EMK6025_letf-mean-reversion/SPXTR-data.csv",
      "EMK6025_letf-mean-reversion/SSO-historical_nav.csv",
      "EMK6025_letf-mean-reversion/UPRO-historical_nav.csv",
      FRENCH,
    ]);
    const sso = "NAV (SSO-historical_nav.csv)";
    const upro = "NAV (UPRO-historical_nav.csv)";
    const alone = (name: string, h: HoldingSetup) => ({
      name,
      holdings: [h],
      rebalance: "NONE" as const,
      rebalanceRows: "63",
      band: "",
    });
    const setup: BacktestSetup = {
      ...DEFAULT_SETUP,
      title: "2x and 3x S&P 500, real where they existed",
      rate: "RF",
      benchmark: "Price",
      end: "2024-12-31",
      portfolios: [
        alone("2x spliced", holding("2x S&P 500 (SSO)", "Price", 2, PRESET_COSTS.sp2x, "100", sso)),
        alone("2x simulated", holding("2x S&P 500", "Price", 2, PRESET_COSTS.sp2x, "100")),
        alone(
          "3x spliced",
          holding("3x S&P 500 (UPRO)", "Price", 3, PRESET_COSTS.sp3x, "100", upro)
        ),
        alone("3x simulated", holding("3x S&P 500", "Price", 3, PRESET_COSTS.sp3x, "100")),
      ],
    };
    check("Run B: 2x and 3x S&P 500, real SSO and UPRO where they existed", setup, all, RUN_B);
  }, 300_000);
});
