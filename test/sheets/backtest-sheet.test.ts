/**
 * The backtest sheet evaluated in a real spreadsheet engine (HyperFormula with the built =STACK.*
 * functions): with four portfolios side by side, every formula cell equals the core's direct result for
 * the inputs the sheet holds (backtest-check.ts), edits recalculate to the core's new values, renamed
 * portfolios rename every heading, charts carry titles, axis titles and a legend naming each portfolio,
 * and impossible configurations are refused in plain words. The evaluated grid is printed to
 * test-artifacts/backtest-sheet-grid.txt for a person to read.
 */
import fs from "fs";
import path from "path";
import { DetailedCellError } from "hyperformula";
import { excelSerial } from "../../src/io/series-dates";
import { BacktestConfig, PRESETS } from "../../src/sheets/backtest-config";
import { backtestSheet } from "../../src/sheets/backtest-sheet";
import { Cell } from "../../src/sheets/layout";
import { config5545, configFour, syntheticData } from "../fixtures/backtest-data";
import { checkAgainstCore, formulaCells } from "./backtest-check";
import { loadLayout, LoadedLayout } from "./hyperformula-stack";

/** 2019-03-04, a Monday. */
const START = excelSerial(2019, 3, 4)!;
const BUILT_ON = "2025-01-31";
const data = syntheticData(650, START);
const config = configFour({ monteCarlo: { years: 2, paths: 40, block: 5, seed: 7 } });

/** The evaluated report (and the first data rows) as tab-separated text. */
function grid(book: LoadedLayout, rows: number, columns: number): string {
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < columns; c++) {
      const v = book.value({ row: r, column: c });
      cells.push(
        v instanceof DetailedCellError
          ? v.value
          : v === null
            ? ""
            : typeof v === "number"
              ? String(Number(v.toPrecision(5)))
              : String(v)
      );
    }
    lines.push(`${r + 1}\t${cells.join("\t")}`.trimEnd());
  }
  return lines.join("\n");
}

describe("the four-portfolio backtest sheet in HyperFormula (650 weekdays of synthetic data)", () => {
  const sheet = backtestSheet(config, data, BUILT_ON);
  const book = loadLayout(sheet.layout);

  it("evaluates every formula cell to the core's result for the inputs on the sheet", () => {
    const { checked } = checkAgainstCore(sheet, book, config, data);
    const unchecked = formulaCells(sheet).filter((c) => !checked.has(c));
    expect(unchecked).toEqual([]);
    const artifacts = path.resolve(__dirname, "../../test-artifacts");
    fs.mkdirSync(artifacts, { recursive: true });
    const report = grid(book, sheet.layout.print!.area.rows, sheet.layout.print!.area.columns);
    const dataRows = grid(book, 12, sheet.data.rolling.column + sheet.data.rolling.columns + 8)
      .split("\n")
      .map((line) => line.split("\t").slice(sheet.data.dates.column).join("\t"))
      .join("\n");
    fs.writeFileSync(
      path.join(artifacts, "backtest-sheet-grid.txt"),
      `# Four portfolios, evaluated in HyperFormula with the built functions\n${report}\n\n# Data (first rows, from column ${sheet.data.dates.column + 1})\n${dataRows}\n`
    );
  });

  it("shows every portfolio and the benchmark in one column each, named as the inputs say", () => {
    expect(sheet.columns).toEqual([
      "55/45 3x",
      "100/100 stack",
      "2x stocks",
      "100% stocks",
      "Stocks",
    ]);
    const header = sheet.summary.row - 1;
    expect(sheet.columns.map((_, j) => book.value({ row: header, column: 1 + j }))).toEqual(
      sheet.columns
    );
    // The stacked fund's exposure is the sum of its legs: 2; the 2x fund's is its leverage.
    expect(book.value(sheet.inputs.portfolios[1].exposure)).toBe(2);
    expect(book.value(sheet.inputs.portfolios[2].exposure)).toBe(2);
  });

  it("recalculates every table when the user edits weights, fees, spreads, leverage, rebalancing, band and start amount", () => {
    const edited = loadLayout(sheet.layout);
    const p = sheet.inputs.portfolios;
    const stack = sheet.inputs.funds.find((f) => f.kind === "stacked")!;
    const letf = sheet.inputs.funds.find((f) => f.kind === "letf")!;
    const weight = (j: number, i: number): Cell => ({
      row: p[j].weights.row + i,
      column: p[j].weights.column,
    });
    edited.set(weight(0, 0), 0.7);
    edited.set(weight(0, 1), 0.3);
    if (stack.kind === "stacked") {
      edited.set(stack.fee, 0.01);
      edited.set({ row: stack.legs.row, column: stack.legs.column + 1 }, 0.6);
      edited.set(stack.premium, 0.002);
    }
    if (letf.kind === "letf") {
      edited.set(letf.spread, 0.008);
      edited.set(letf.leverage, 2.5);
    }
    edited.set(p[0].rebalance, "A");
    edited.set(p[0].band, null);
    edited.set(p[3].rebalance, 10);
    edited.set(sheet.inputs.startAmount, 250);
    checkAgainstCore(sheet, edited, config, data);
    const cagr = { row: sheet.summary.row, column: 1 };
    expect(edited.value(cagr)).not.toBe(book.value(cagr));
  });

  it("renames every heading when a portfolio is renamed", () => {
    const edited = loadLayout(sheet.layout);
    const name = sheet.inputs.portfolios[1].name;
    edited.set(name, "RSSB-like");
    const renamed = sheet.labels.filter((l) => l.text === "100/100 stack");
    expect(renamed.length).toBeGreaterThanOrEqual(8);
    for (const { cell } of renamed) expect(edited.value(cell)).toBe("RSSB-like");
  });

  it("draws every chart with a title, axis titles and a legend naming each portfolio", () => {
    const { charts } = sheet.layout;
    expect(charts.map((c) => c.kind)).toEqual([
      "boxWhisker",
      "line",
      "line",
      "line",
      "column",
      "column",
    ]);
    for (const chart of charts) {
      expect(chart.title.length).toBeGreaterThan(0);
      expect(chart.valueAxis?.title).toBeTruthy();
      expect(chart.categoryAxis?.title).toBeTruthy();
      expect(chart.legend).toBe("bottom");
    }
    for (const chart of charts.slice(1, 5))
      expect(chart.series.map((s) => s.name)).toEqual(sheet.columns);
    expect(charts[5].series.map((s) => s.name)).toEqual(sheet.columns.slice(0, 4));
    // The box-and-whisker chart groups the daily returns by the bucket-label column; its fallback draws the quartiles.
    const box = charts[0];
    expect(box.categories).toEqual(sheet.conditional!.buckets);
    expect(box.fallback?.kind).toBe("line");
    expect(box.fallback?.series.map((s) => s.name)).toEqual(["Min", "Q1", "Median", "Q3", "Max"]);
  });

  it("colours the monthly returns on a red–white–green scale and keeps inputs orange", () => {
    const { colorScales } = sheet.layout;
    expect(colorScales).toEqual([
      {
        area: {
          row: sheet.calendar.monthly.row + 1,
          column: 1,
          rows: sheet.calendar.years.length,
          columns: 12,
        },
        low: "#F8696B",
        mid: "#FFFFFF",
        high: "#63BE7B",
      },
    ]);
    const orange = sheet.layout.styles.filter((s) => s.style.fill === "#FFCC99").map((s) => s.area);
    const rebalance = sheet.inputs.portfolios[0].rebalance;
    expect(orange).toContainEqual({ ...rebalance, rows: 2, columns: 4 }); // rebalance and band rows
    expect(orange).toContainEqual(sheet.inputs.weights);
    expect(orange).toContainEqual(sheet.stress.episodes);
    expect(orange).toContainEqual(sheet.conditional!.edges);
    expect(orange).toContainEqual(sheet.bleed.rates);
  });

  it("lists the built-in stress episodes the data cover, with room for the user's own", () => {
    expect(sheet.stress.covered).toEqual(["COVID crash"]);
    const added = loadLayout(sheet.layout);
    const row = sheet.stress.episodes.row + 1;
    added.set({ row, column: 0 }, "Spring 2019");
    added.set({ row, column: 1 }, excelSerial(2019, 4, 1)!);
    added.set({ row, column: 2 }, excelSerial(2019, 6, 28)!);
    checkAgainstCore(sheet, added, config, data);
    expect(added.value({ row: sheet.stress.results.row + 2, column: 0 })).toBe("Spring 2019");
  });
});

describe("other configurations", () => {
  it("one portfolio, no benchmark, no rate, no Monte Carlo, within start and end dates", () => {
    const plain: BacktestConfig = {
      ...config5545({ benchmark: undefined, rate: undefined }),
      start: excelSerial(2019, 6, 1)!,
      end: excelSerial(2020, 12, 31)!,
    };
    const sheet = backtestSheet(plain, data, BUILT_ON);
    const book = loadLayout(sheet.layout);
    const { checked } = checkAgainstCore(sheet, book, plain, data);
    expect(formulaCells(sheet).filter((c) => !checked.has(c))).toEqual([]);
    expect(sheet.columns).toEqual(["55/45 3x"]);
    expect(book.value({ row: sheet.summary.row + sheet.summary.rows, column: 0 })).toBeNull();
    expect(sheet.layout.names.map((n) => n.name)).not.toContain("Backtest_Rates");
  });

  it("a single index series: no conditional block", () => {
    const single = config5545({
      portfolios: [
        {
          name: "2x",
          holdings: [
            {
              name: "2x",
              source: { kind: "letf", series: 0, leverage: 2, expenseRatio: 0, spread: 0 },
              weight: 1,
            },
          ],
          rebalance: "NONE",
        },
      ],
    });
    const sheet = backtestSheet(single, data, BUILT_ON);
    expect(sheet.conditional).toBeUndefined();
    expect(sheet.layout.charts.map((c) => c.kind)).toEqual(["line", "line", "line", "column"]);
    const { checked } = checkAgainstCore(sheet, loadLayout(sheet.layout), single, data);
    expect(formulaCells(sheet).filter((c) => !checked.has(c))).toEqual([]);
  });

  it("the presets are valid configurations of one to four portfolios", () => {
    expect(PRESETS.find((p) => p.id === "stack-vs-2x")!.portfolios.map((p) => p.name)).toEqual([
      "2x S&P 500",
      "100/100 stack",
      "100% S&P 500",
      "100/100 + third",
    ]);
  });
});

describe("configurations that cannot be built", () => {
  it("says what is wrong in plain words", () => {
    const fails = (c: BacktestConfig) => () => backtestSheet(c, data, BUILT_ON);
    expect(fails(config5545({ portfolios: [] }))).toThrow(
      "Add at least one portfolio to backtest."
    );
    const five = configFour();
    expect(fails({ ...five, portfolios: [...five.portfolios, five.portfolios[0]] })).toThrow(
      "At most 4 portfolios fit side by side; remove 1."
    );
    expect(
      fails(config5545({ portfolios: [{ name: "Empty", holdings: [], rebalance: "Q" }] }))
    ).toThrow('Portfolio "Empty": add at least one holding.');
    const onRate = config5545({
      portfolios: [
        {
          name: "P",
          holdings: [
            {
              name: "H",
              source: { kind: "stacked", legs: [{ series: 2, weight: 1 }], fee: 0, premium: 0 },
              weight: 1,
            },
          ],
          rebalance: "Q",
        },
      ],
    });
    expect(fails(onRate)).toThrow(
      'P, holding "H": "T-bill" is a rate series; choose a series of returns.'
    );
    expect(fails(config5545({ rollingYears: 5 }))).toThrow(
      "The rolling window of 5 years (1260 days) is longer than the 650 days of data"
    );
  });
});
