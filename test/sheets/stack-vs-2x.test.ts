/**
 * The first seed's study on the real files in ../shared/data (skipped when absent): the "Stack vs 2x"
 * preset — a 2x daily-reset S&P 500 fund (SSO-like, 0.89%), a 100/100 stack of the S&P 500 and long
 * Treasuries financed at the rate (RSSB-like, 0.40%), 100% S&P 500 — built as a sheet, evaluated in
 * HyperFormula, and its CAGR, maximum drawdown and the 2008, 2020 and 2022 stress rows compared with an
 * independent numpy computation (test/fixtures/stack_vs_2x_reference.py). The figures are written to
 * test-artifacts/stack-vs-2x.txt.
 *
 * Run 1: Yahoo ^SP500TR and VUSTX (1988–2020) with Kenneth French's daily RF × 252 as the rate. VUSTX
 * ends in 2020, so 2022 is not covered; run 2 covers it with long Treasuries proxied by de-levering TMF's
 * Yahoo history with the daily model (r = (r_TMF + 2·rate·days/360 + 1.0%/252) / 3), 2009–2024.
 */
import fs from "fs";
import path from "path";
import { dayGaps } from "../../src/core/financing";
import { STATS_ROWS } from "../../src/core/stats";
import { alignSeries } from "../../src/io/series-align";
import { parseSeriesFile } from "../../src/io/series-files";
import { BacktestConfig, BacktestData, PRESETS } from "../../src/sheets/backtest-config";
import { backtestSheet } from "../../src/sheets/backtest-sheet";
import { hasSharedData, SHARED_DATA } from "../fixtures/shared-data";
import { num } from "./cells";
import { loadLayout } from "./hyperformula-stack";

const read = (file: string) =>
  parseSeriesFile(fs.readFileSync(path.join(SHARED_DATA, file), "utf8")).series;

/**
 * The preset's portfolios on series 0 (S&P 500) and 1 (long Treasuries); the one needing a third series is
 * left out. Spreads and premiums are set to 0 on purpose, not the preset's calibrated ones: this compares
 * the sheet with numpy's model at the expense ratios alone.
 */
function stackVs2x(data: BacktestData, title: string): BacktestConfig {
  const preset = PRESETS.find((p) => p.id === "stack-vs-2x")!;
  const series = { index: 0, treasuries: 1 } as Record<string, number>;
  return {
    title,
    portfolios: preset.portfolios
      .filter((p) =>
        p.holdings.every((h) =>
          h.kind === "letf" ? h.role !== "third" : h.legs.every((l) => l.role !== "third")
        )
      )
      .map((p) => ({
        name: p.name,
        rebalance: p.rebalance,
        holdings: p.holdings.map((h) => ({
          name: h.name,
          weight: h.weight,
          source:
            h.kind === "letf"
              ? {
                  kind: "letf" as const,
                  series: series[h.role],
                  leverage: h.leverage,
                  expenseRatio: h.cost.expenseRatio,
                  spread: 0,
                }
              : {
                  kind: "stacked" as const,
                  legs: h.legs.map((l) => ({ series: series[l.role], weight: l.weight })),
                  fee: h.cost.expenseRatio,
                  premium: 0,
                },
        })),
      })),
    rate: 2,
    benchmark: { name: data.series[0].name, series: 0 },
    startAmount: 10_000,
    rollingYears: 3,
  };
}

/**
 * French's RF (the T-bill's return per trading day, in percent): the parser reads it as a rate per period
 * and makes it annual (× 252), the annual rate the fund models charge.
 */
function frenchRate() {
  const rf = read("kenneth_french/F-F_Research_Data_Factors_daily_1926-2024.csv").find(
    (s) => s.name === "RF"
  )!;
  expect(rf.unit).toBe("period-rates-percent");
  return {
    name: "T-bill (French RF × 252)",
    kind: "rates" as const,
    dates: rf.dates,
    values: rf.values,
  };
}

function dataOf(
  sp: { dates: Float64Array; values: Float64Array },
  lt: { dates: Float64Array; values: Float64Array },
  names: [string, string],
  note: string
): BacktestData {
  const rate = frenchRate();
  const aligned = alignSeries([
    { ...sp, name: names[0], kind: "returns" },
    { ...lt, name: names[1], kind: "returns" },
    rate,
  ] as Parameters<typeof alignSeries>[0]);
  return {
    dates: aligned.dates,
    series: aligned.values.map((values, i) => ({
      name: [...names, rate.name][i],
      kind: i === 2 ? "rates" : "returns",
      values,
    })),
    notes: [note],
  };
}

/** numpy's figures (test/fixtures/stack_vs_2x_reference.py): CAGR, max drawdown, then [return, max drawdown] per episode. */
type Figures = Record<
  string,
  { cagr: number; maxDrawdown: number; episodes: Record<string, [number, number] | null> }
>;
const GFC = "Global financial crisis";
const COVID = "COVID crash";
const BEAR = "2022 stock-bond bear";
const RUN1: Figures = {
  "2x S&P 500": {
    cagr: 0.14395191707645982,
    maxDrawdown: -0.8759429238946383,
    episodes: {
      [GFC]: [-0.8433490672147016, -0.8433490672147016],
      [COVID]: [-0.5915110896226929, -0.5915110896226929],
      [BEAR]: null,
    },
  },
  "100/100 stack": {
    cagr: 0.16401442683805478,
    maxDrawdown: -0.47056165564190033,
    episodes: {
      [GFC]: [-0.4616047631977349, -0.47056165564189933],
      [COVID]: [-0.24558729104475896, -0.28135732669147473],
      [BEAR]: null,
    },
  },
  "100% S&P 500": {
    cagr: 0.10823834749387595,
    maxDrawdown: -0.5525024106682104,
    episodes: {
      [GFC]: [-0.5525024106682096, -0.5525024106682096],
      [COVID]: [-0.3379046365337397, -0.3379046365337397],
      [BEAR]: null,
    },
  },
};
const RUN2: Figures = {
  "2x S&P 500": {
    cagr: 0.2625924405461233,
    maxDrawdown: -0.5915110895780646,
    episodes: {
      [GFC]: null,
      [COVID]: [-0.5915110895780644, -0.5915110895780644],
      [BEAR]: [-0.46265770680200025, -0.46265770680200025],
    },
  },
  "100/100 stack": {
    cagr: 0.17123499866142589,
    maxDrawdown: -0.5130280480217715,
    episodes: {
      [GFC]: null,
      [COVID]: [-0.23081413982709842, -0.2931252500233775],
      [BEAR]: [-0.47491819354165676, -0.47494419710196434],
    },
  },
  "100% S&P 500": {
    cagr: 0.1522011241010528,
    maxDrawdown: -0.33790463651871716,
    episodes: {
      [GFC]: null,
      [COVID]: [-0.33790463651871716, -0.33790463651871716],
      [BEAR]: [-0.2449163980014818, -0.2449163980014818],
    },
  },
};

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const lines: string[] = [];

/** Builds the sheet, evaluates it and checks the figures against numpy; returns the report lines. */
function check(data: BacktestData, title: string, expected: Figures): void {
  const config = stackVs2x(data, title);
  const sheet = backtestSheet(config, data, "2025-01-31");
  const book = loadLayout(sheet.layout);
  const statRow = (label: string) =>
    sheet.summary.row + STATS_ROWS.findIndex(([, text]) => text === label);
  const episodes = Array.from({ length: sheet.stress.episodes.rows }, (_, k) =>
    book.value({ row: sheet.stress.results.row + 1 + k, column: 0 })
  );
  lines.push(
    `# ${title}: ${sheet.rows.toLocaleString("en-US")} rows, ${new Date((data.dates[0] - 25569) * 864e5).toISOString().slice(0, 10)} to ${new Date((data.dates[data.dates.length - 1] - 25569) * 864e5).toISOString().slice(0, 10)}`
  );
  lines.push(
    [
      "portfolio",
      "CAGR",
      "max drawdown",
      ...[GFC, COVID, BEAR].map((e) => `${e} return / max DD`),
    ].join(" | ")
  );
  config.portfolios.forEach((p, j) => {
    const want = expected[p.name];
    const cagr = num(book, { row: statRow("CAGR"), column: 1 + j });
    const maxDrawdown = num(book, { row: statRow("Max drawdown"), column: 1 + j });
    expect(cagr).toBeCloseTo(want.cagr, 9);
    expect(maxDrawdown).toBeCloseTo(want.maxDrawdown, 9);
    const cells = [GFC, COVID, BEAR].map((name) => {
      const k = episodes.indexOf(name);
      const pair = want.episodes[name];
      if (k < 0) {
        expect(pair).toBeNull();
        return "not covered";
      }
      const row = sheet.stress.results.row + 1 + k;
      const [r, dd] = [
        num(book, { row, column: 3 + 2 * j }),
        num(book, { row, column: 4 + 2 * j }),
      ];
      expect(r).toBeCloseTo(pair![0], 9);
      expect(dd).toBeCloseTo(pair![1], 9);
      return `${pct(r)} / ${pct(dd)}`;
    });
    lines.push([p.name, pct(cagr), pct(maxDrawdown), ...cells].join(" | "));
  });
  const bleedRow = (rate: number) => sheet.bleed.rates.row + Math.round(rate * 100);
  lines.push(
    `Financing bleed at 5%: ${config.portfolios.map((p, j) => `${p.name} ${pct(num(book, { row: bleedRow(0.05), column: 1 + j }))}`).join(", ")}`
  );
}

(hasSharedData ? describe : describe.skip)("Stack vs 2x on ../shared/data", () => {
  afterAll(() => {
    const artifacts = path.resolve(__dirname, "../../test-artifacts");
    fs.mkdirSync(artifacts, { recursive: true });
    fs.writeFileSync(path.join(artifacts, "stack-vs-2x.txt"), `${lines.join("\n")}\n`);
  });

  it("run 1, ^SP500TR + VUSTX (1988–2020): the sheet's figures are numpy's", () => {
    const [sp] = read("talmiller2_market_analysis/^SP500TR.csv");
    const [vustx] = read("talmiller2_market_analysis/VUSTX.csv");
    check(
      dataOf(
        sp,
        vustx,
        ["S&P 500 TR", "VUSTX"],
        "^SP500TR and VUSTX (Yahoo Adj Close), Kenneth French daily RF."
      ),
      "Run 1: ^SP500TR + VUSTX",
      RUN1
    );
  }, 240_000);

  it("run 2, ^SP500TR + de-levered TMF (2009–2024), which covers 2022: the sheet's figures are numpy's", () => {
    const [sp] = read("EMK6025_letf-mean-reversion/SPXTR-data.csv");
    const [tmf] = read("MaxB1801_HedgeFundies/TMF_yahoo_daily.csv");
    // TMF's returns on the common dates, de-levered with the rate on those dates: the proxy keeps the alignment.
    const raw = dataOf(sp, tmf, ["S&P 500 TR", "TMF"], "");
    const days = dayGaps(raw.dates);
    const [, t, rate] = raw.series.map((s) => s.values);
    const proxy = t.map((r, k) => (r + (2 * rate[k] * days[k]) / 360 + 0.01 / 252) / 3);
    const data: BacktestData = {
      ...raw,
      series: [
        raw.series[0],
        { name: "Long Treasuries (TMF de-levered)", kind: "returns", values: proxy },
        raw.series[2],
      ],
      notes: [
        "^SP500TR (EMK6025), TMF (Yahoo Adj Close) de-levered with the daily model, Kenneth French daily RF.",
      ],
    };
    check(data, "Run 2: ^SP500TR + TMF de-levered", RUN2);
  }, 240_000);
});
