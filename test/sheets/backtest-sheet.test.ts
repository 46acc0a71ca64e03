/**
 * The backtest sheet evaluated in a real spreadsheet engine (HyperFormula with the built =STACK.*
 * functions): every formula cell equals the core's direct result for the inputs the sheet holds, which
 * proves each formula points at the right cells; edits to the inputs recalculate to the core's new values;
 * impossible configurations are refused in plain words; and on the real history in ../shared/data (when
 * present) the 55/45 preset's CAGR and maximum drawdown come out of the sheet as the core computes them.
 *
 * The core (letfSeries, backtest, growth, drawdowns, rollingAnnualised, seriesStats, bootstrap,
 * percentileSorted) is the independent reference for the formulas; annual returns and the histogram's
 * counts are recomputed here from the daily returns by plain loops.
 */
import fs from "fs";
import path from "path";
import { DetailedCellError } from "hyperformula";
import { backtest, Schedule } from "../../src/core/backtest";
import { bootstrap } from "../../src/core/bootstrap";
import { drawdowns } from "../../src/core/drawdown";
import { excelDate, Frequency } from "../../src/core/excel-date";
import { dayGaps } from "../../src/core/financing";
import { growth } from "../../src/core/growth";
import { letfSeries } from "../../src/core/letf";
import { percentileSorted } from "../../src/core/percentile";
import { rollingAnnualised } from "../../src/core/rolling";
import { seriesStats, STATS_ROWS } from "../../src/core/stats";
import { alignSeries } from "../../src/io/series-align";
import { excelSerial } from "../../src/io/series-dates";
import { parseSeriesFile } from "../../src/io/series-files";
import { BacktestConfig, BacktestData, PRESETS } from "../../src/sheets/backtest-config";
import {
  backtestSheet,
  BacktestSheet,
  FundInputs,
  HISTOGRAM_BINS,
  MONTE_CARLO_PERCENTILES,
} from "../../src/sheets/backtest-sheet";
import { Area, Cell, isFormula } from "../../src/sheets/layout";
import { config5545, syntheticData } from "../fixtures/backtest-data";
import { loadLayout, LoadedLayout } from "./hyperformula-stack";

/** 2019-03-04, a Monday. */
const START = excelSerial(2019, 3, 4)!;
const BUILT_ON = "2025-01-31";

const cellsOf = (a: Area): Cell[] =>
  Array.from({ length: a.rows * a.columns }, (_, k) => ({
    row: a.row + Math.floor(k / a.columns),
    column: a.column + (k % a.columns),
  }));
const key = (c: Cell) => `${c.row},${c.column}`;
const column = (a: Area, j: number): Area => ({ ...a, column: a.column + j, columns: 1 });

function describeValue(v: unknown): string {
  return v instanceof DetailedCellError ? `${v.value} ${v.message}` : JSON.stringify(v);
}

function num(book: LoadedLayout, cell: Cell): number {
  const v = book.value(cell);
  if (typeof v !== "number")
    throw new Error(`cell ${key(cell)} is ${describeValue(v)}, not a number`);
  return v;
}

/** The rebalancing schedule a rebalance cell asks for, read independently of the adapter. */
function scheduleOf(code: unknown, dates: Float64Array): Schedule {
  if (typeof code === "number") return { kind: "rows", every: code };
  const text = String(code).toUpperCase();
  return text === "NONE"
    ? { kind: "none" }
    : { kind: "calendar", frequency: text as Frequency, dates };
}

/** BOOTSTRAP's rebalancing for the same cell: trading days per week, month, quarter and year of a 252-day year. */
function bootstrapRowsOf(code: unknown): number {
  if (typeof code === "number") return code;
  const rows: Record<string, number> = { NONE: 0, D: 1, W: 5, M: 21, Q: 63, A: 252 };
  return rows[String(code).toUpperCase()];
}

/** Each calendar year's compounded return, by a plain loop over the daily returns. */
function annualReturns(returns: Float64Array, dates: Float64Array): Map<number, number> {
  const out = new Map<number, number>();
  for (let t = 0; t < returns.length; t++) {
    const year = excelDate(dates[t]).year;
    out.set(year, (1 + (out.get(year) ?? 0)) * (1 + returns[t]) - 1);
  }
  return out;
}

/**
 * Every formula cell of the sheet (and every cell of every spill) against the core, with the inputs read
 * back from the engine, so the same check holds after edits. Returns the formula cells checked.
 */
function checkAgainstCore(
  sheet: BacktestSheet,
  book: LoadedLayout,
  config: BacktestConfig,
  data: BacktestData
): Set<string> {
  const checked = new Set<string>();
  const value = (c: Cell) => book.value(c);
  const read = (a: Area) => Float64Array.from(cellsOf(a).map((c) => num(book, c)));
  /** Cells equal to `expected` within `tolerance` relative to max(1, |expected|); the formula cells of its first row are marked checked. */
  const expectArea = (area: Area, expected: readonly ArrayLike<number>[], tolerance = 1e-12) => {
    expect(expected).toHaveLength(area.columns);
    expected.forEach((values, j) => {
      expect(values).toHaveLength(area.rows);
      for (let t = 0; t < area.rows; t++) {
        const cell = { row: area.row + t, column: area.column + j };
        const actual = num(book, cell);
        if (!(Math.abs(actual - values[t]) <= tolerance * Math.max(1, Math.abs(values[t])))) {
          throw new Error(`cell ${key(cell)}: ${actual} differs from the core's ${values[t]}`);
        }
      }
    });
    cellsOf({ ...area, rows: 1 }).forEach((c) => checked.add(key(c)));
  };

  // The data, as written: the rows within [start, end].
  const { first, rows } = sheet;
  const slice = (series: number) => data.series[series].values.subarray(first, first + rows);
  const dates = data.dates.subarray(first, first + rows);
  expect(read(sheet.data.dates)).toEqual(dates);
  for (const { series, values } of sheet.data.series) expect(read(values)).toEqual(slice(series));
  const rates = config.rate === undefined ? 0 : slice(config.rate);
  if (sheet.data.rates) expect(read(sheet.data.rates)).toEqual(rates);

  // The funds, the benchmark and the portfolio: core results for the inputs on the sheet.
  const days = dayGaps(dates);
  const fund = (inputs: FundInputs, series: number) =>
    letfSeries(
      slice(series),
      num(book, inputs.leverage),
      num(book, inputs.expenseRatio),
      rates,
      days,
      num(book, inputs.spread)
    );
  const funds = sheet.inputs.holdings.map((h, i) => fund(h, config.holdings[i].series));
  const benchmark =
    sheet.inputs.benchmark && config.benchmark
      ? [fund(sheet.inputs.benchmark, config.benchmark.series)]
      : [];
  const weights = read(sheet.inputs.weights);
  const bandCell = value(sheet.inputs.band);
  const rebalance = value(sheet.inputs.rebalance);
  const portfolio = backtest(
    funds,
    weights,
    scheduleOf(rebalance, dates),
    typeof bandCell === "number" ? bandCell : undefined
  );
  const series = [portfolio, ...benchmark, ...funds];
  expectArea(sheet.returns, series);
  const shown = series.slice(0, sheet.drawdowns.columns);

  const total = weights.reduce((s, w) => s + w, 0);
  expect(num(book, sheet.inputs.totalWeight)).toBeCloseTo(total, 14);
  expect(num(book, sheet.inputs.cashWeight)).toBeCloseTo(1 - total, 14);
  const window = Math.round(num(book, sheet.inputs.rollingYears) * 252);
  expect(num(book, sheet.inputs.rollingWindow)).toBe(window);
  [sheet.inputs.totalWeight, sheet.inputs.cashWeight, sheet.inputs.rollingWindow].forEach((c) =>
    checked.add(key(c))
  );

  // Growth, drawdowns, rolling returns (#N/A before the first full window).
  const start = num(book, sheet.inputs.startAmount);
  expectArea(
    sheet.growth,
    series.map((r) => growth(r, start))
  );
  expectArea(
    sheet.drawdowns,
    shown.map((r) => drawdowns(r))
  );
  const windows = shown.map((r) => rollingAnnualised(r, window));
  const full = {
    ...sheet.rolling,
    row: sheet.rolling.row + window - 1,
    rows: sheet.rolling.rows - window + 1,
  };
  expectArea(
    full,
    windows.map((w) => w.values.subarray(window - 1))
  );
  for (const c of cellsOf({ ...sheet.rolling, rows: window - 1 }))
    expect((value(c) as DetailedCellError).value).toBe("#N/A");
  checked.add(key(sheet.rolling));

  // The summary: STATS labels, then each series' statistics against the per-day rate / 252.
  const riskFree = typeof rates === "number" ? 0 : rates.map((r) => r / 252);
  const stats = series.map((r) => seriesStats(r, riskFree, 252));
  STATS_ROWS.forEach(([stat, text], i) => {
    expect(value({ row: sheet.summary.row + i, column: sheet.summary.column })).toBe(text);
    expectArea(
      {
        row: sheet.summary.row + i,
        column: sheet.summary.column + 1,
        rows: 1,
        columns: series.length,
      },
      stats.map((s) => [s[stat] as number])
    );
  });
  checked.add(key(sheet.summary));

  // Annual returns: each year compounded from the daily returns.
  const byYear = series.map((r) => annualReturns(r, dates));
  expect(read(sheet.annual.yearCells)).toEqual(Float64Array.from(byYear[0].keys()));
  sheet.annual.years.forEach((year, i) => {
    const area = {
      row: sheet.annual.returns.row + i,
      column: sheet.annual.returns.column,
      rows: 1,
      columns: series.length,
    };
    expectArea(
      area,
      byYear.map((m) => [m.get(year)!]),
      1e-10
    );
    cellsOf(area).forEach((c) => checked.add(key(c)));
  });

  const mc = sheet.monteCarlo;
  if (mc) {
    const code = value(sheet.inputs.rebalance);
    const every = bootstrapRowsOf(code);
    expect(value(mc.rebalanceRows)).toBe(
      typeof code === "string" && ["D", "NONE"].includes(code.toUpperCase())
        ? code.toUpperCase()
        : every
    );
    checked.add(key(mc.rebalanceRows));
    const paths = bootstrap(
      funds,
      weights,
      num(book, mc.years),
      mc.paths,
      num(book, mc.block),
      num(book, mc.seed),
      every,
      252
    );
    expectArea(mc.results, [paths]);
    const sorted = Float64Array.from(paths).sort();
    mc.percentiles.forEach((c, i) => {
      expect(num(book, c)).toBeCloseTo(percentileSorted(sorted, MONTE_CARLO_PERCENTILES[i]), 12);
      checked.add(key(c));
    });
    expect(num(book, mc.lossShare)).toBeCloseTo(paths.filter((p) => p < 0).length / mc.paths, 14);
    checked.add(key(mc.lossShare));
    // Bins of equal width from the lowest to the highest path, [from, to), the first and last open-ended.
    const low = sorted[0];
    const high = sorted[sorted.length - 1];
    const width = (high - low) / HISTOGRAM_BINS;
    expect(num(book, mc.binWidth)).toBe(width);
    checked.add(key(mc.binWidth));
    const edges = Array.from({ length: HISTOGRAM_BINS + 1 }, (_, i) =>
      i === 0 ? low : i === HISTOGRAM_BINS ? high : low + i * width
    );
    const counts = edges
      .slice(0, -1)
      .map(
        (from, i) =>
          paths.filter(
            (p) => (i === 0 || p >= from) && (i === HISTOGRAM_BINS - 1 || p < edges[i + 1])
          ).length
      );
    expect(counts.reduce((s, c) => s + c, 0)).toBe(mc.paths);
    expectArea(mc.histogram.from, [edges.slice(0, -1)], 0);
    expectArea(mc.histogram.to, [edges.slice(1)], 0);
    expectArea(mc.histogram.counts, [counts], 0);
    [mc.histogram.from, mc.histogram.to, mc.histogram.counts].forEach((a) =>
      cellsOf(a).forEach((c) => checked.add(key(c)))
    );
  }

  for (const { cell, text } of sheet.labels) {
    expect(value(cell)).toBe(text);
    checked.add(key(cell));
  }
  return checked;
}

function formulaCells(sheet: BacktestSheet): string[] {
  return sheet.layout.blocks.flatMap((b) =>
    b.cells.flatMap((row, i) =>
      row.flatMap((content, j) =>
        isFormula(content) ? [key({ row: b.row + i, column: b.column + j })] : []
      )
    )
  );
}

const formulaAt = (sheet: BacktestSheet, cell: Cell): string | undefined => {
  for (const b of sheet.layout.blocks) {
    const content = b.cells[cell.row - b.row]?.[cell.column - b.column];
    if (content !== undefined) return isFormula(content) ? content.formula : undefined;
  }
  return undefined;
};

describe("the backtest sheet in HyperFormula (650 weekdays of synthetic data, 2019–2021)", () => {
  const data = syntheticData(650, START);
  const config = config5545({ monteCarlo: { years: 1, paths: 200, block: 5, seed: 7 } });
  const sheet = backtestSheet(config, data, BUILT_ON);
  const book = loadLayout(sheet.layout);

  it("evaluates every formula cell to the core's result for the inputs on the sheet", () => {
    const checked = checkAgainstCore(sheet, book, config, data);
    expect(formulaCells(sheet).filter((k) => !checked.has(k))).toEqual([]);
    expect(checked.size).toBeGreaterThan(40);
  });

  it("simulates the benchmark at leverage 1 without costs: exactly the index's returns", () => {
    const index = cellsOf(sheet.data.series[0].values).map((c) => num(book, c));
    const benchmark = cellsOf(column(sheet.returns, 1)).map((c) => num(book, c));
    expect(benchmark).toEqual(index);
  });

  it("recalculates to the core's new values when the user edits weights, fees, rebalancing, band, start amount, window and Monte Carlo inputs", () => {
    const edited = loadLayout(sheet.layout);
    const cagr = { row: sheet.summary.row, column: sheet.summary.column + 1 };
    const before = num(edited, cagr);
    const { holdings, benchmark } = sheet.inputs;
    edited.set(holdings[0].weight, 0.7);
    edited.set(holdings[1].expenseRatio, 0.015);
    edited.set(holdings[0].spread, 0.01);
    edited.set(benchmark!.leverage, 2);
    edited.set(sheet.inputs.rebalance, "M");
    edited.set(sheet.inputs.band, 0.05);
    edited.set(sheet.inputs.startAmount, 5000);
    edited.set(sheet.inputs.rollingYears, 0.5);
    edited.set(sheet.monteCarlo!.years, 0.5);
    edited.set(sheet.monteCarlo!.seed, 11);
    edited.set(sheet.monteCarlo!.block, 1);
    expect(num(edited, cagr)).not.toBe(before);
    expect(num(edited, sheet.inputs.rollingWindow)).toBe(126); // 0.5 × 252
    expect(num(edited, sheet.inputs.cashWeight)).toBeCloseTo(-0.15, 14); // 1 − (0.7 + 0.45)
    const checked = checkAgainstCore(sheet, edited, config, data);
    expect(formulaCells(sheet).filter((k) => !checked.has(k))).toEqual([]);
  });

  it("rebalances every k rows, never, or yearly as the rebalance cell says", () => {
    const edited = loadLayout(sheet.layout);
    for (const code of [21, "NONE", "a"]) {
      edited.set(sheet.inputs.rebalance, code);
      checkAgainstCore(sheet, edited, config, data);
    }
  });

  it("renames every heading when a holding is renamed", () => {
    const edited = loadLayout(sheet.layout);
    edited.set(sheet.inputs.holdings[1].name, "TMF-like");
    const headings = sheet.labels.filter((l) => l.text === "3x Bonds");
    expect(headings.length).toBe(4); // the daily-returns and growth headings, the summary and the annual table
    for (const { cell } of headings) expect(edited.value(cell)).toBe("TMF-like");
  });

  it("writes the inputs as orange cells with the configured values", () => {
    const inputStyled = (c: Cell) =>
      sheet.layout.styles.some(
        (s) =>
          s.style.fill === "#FFCC99" &&
          c.row >= s.area.row &&
          c.row < s.area.row + s.area.rows &&
          c.column >= s.area.column &&
          c.column < s.area.column + s.area.columns
      );
    const { holdings, benchmark } = sheet.inputs;
    for (const [i, h] of holdings.entries()) {
      expect(
        [h.name, h.leverage, h.expenseRatio, h.spread, h.weight].map((c) => book.value(c))
      ).toEqual([
        config.holdings[i].name,
        config.holdings[i].leverage,
        config.holdings[i].expenseRatio,
        config.holdings[i].spread,
        config.holdings[i].weight,
      ]);
      expect([h.name, h.leverage, h.expenseRatio, h.spread, h.weight].every(inputStyled)).toBe(
        true
      );
    }
    expect(
      [benchmark!.name, benchmark!.leverage, benchmark!.expenseRatio, benchmark!.spread].map((c) =>
        book.value(c)
      )
    ).toEqual(["Stocks", 1, 0, 0]);
    const { rebalance, band, startAmount, rollingYears } = sheet.inputs;
    expect([rebalance, band, startAmount, rollingYears].map((c) => book.value(c))).toEqual([
      "Q",
      null,
      10_000,
      1,
    ]);
    expect([rebalance, band, startAmount, rollingYears].every(inputStyled)).toBe(true);
  });

  it("uses sheet-scoped names in its formulas and spills from the first data row", () => {
    const names = Object.fromEntries(sheet.layout.names.map((n) => [n.name, n.area]));
    expect(names.Backtest_Returns).toEqual(sheet.returns);
    expect(names.Backtest_Dates).toEqual(sheet.data.dates);
    expect(names.Backtest_Weights).toEqual(sheet.inputs.weights);
    expect(names.Backtest_Holdings).toEqual({
      ...sheet.returns,
      column: sheet.returns.column + 2,
      columns: 2,
    });
    expect(names.Backtest_Paths).toEqual(sheet.monteCarlo!.results);
    const [rebalance, band] = [sheet.inputs.rebalance, sheet.inputs.band].map(
      (c) => `$B$${c.row + 1}`
    );
    expect(formulaAt(sheet, sheet.returns)).toBe(
      `=STACK.BACKTEST(Backtest_Holdings,Backtest_Weights,${rebalance},Backtest_Dates,IF(ISNUMBER(${band}),${band},""))`
    );
    expect(formulaAt(sheet, sheet.summary)).toBe(
      "=STACK.STATS(Backtest_Returns,Backtest_Rates/252)"
    );
    expect(formulaAt(sheet, { row: sheet.returns.row, column: sheet.returns.column + 2 })).toMatch(
      /^=STACK\.LETF\.SERIES\(\$[A-Z]+\$6:\$[A-Z]+\$655,\$C\$8,\$D\$8,Backtest_Rates,Backtest_Dates,\$E\$8\)$/
    );
  });

  it("is laid out for reading and printing: frozen header, landscape print of the report, formats, charts", () => {
    const { layout } = sheet;
    expect(layout.sheetName).toBe("Stack backtest");
    expect(layout.freeze).toEqual({ rows: sheet.returns.row, columns: 0 });
    expect(layout.print).toMatchObject({
      orientation: "landscape",
      fitToWidth: true,
      area: { row: 0, column: 0, columns: 6 },
    });
    // The report (print area) ends before the data start.
    expect(layout.print!.area.columns).toBeLessThan(sheet.data.dates.column);
    const formatOf = (c: Cell) =>
      [...layout.styles]
        .reverse()
        .find(
          (s) =>
            s.style.numberFormat &&
            c.row >= s.area.row &&
            c.row < s.area.row + s.area.rows &&
            c.column >= s.area.column &&
            c.column < s.area.column + s.area.columns
        )?.style.numberFormat;
    expect(formatOf(sheet.data.dates)).toBe("yyyy-mm-dd");
    expect(formatOf(sheet.returns)).toBe("0.00%");
    expect(formatOf(sheet.growth)).toBe("#,##0");
    expect(formatOf(sheet.inputs.holdings[0].leverage)).toBe("0.00");
    expect(formatOf({ row: sheet.summary.row + 2, column: 1 })).toBe("0.00"); // Sharpe
    expect(formatOf({ row: sheet.summary.row, column: 1 })).toBe("0.00%"); // CAGR
    expect(layout.charts.map((c) => [c.kind, c.title, c.series.map((s) => s.name)])).toEqual([
      ["line", "Growth of the start amount (log scale)", ["Portfolio", "Stocks"]],
      ["line", "Drawdown from the previous peak", ["Portfolio", "Stocks"]],
      ["line", "Rolling annualised return", ["Portfolio", "Stocks"]],
      ["column", "Annual returns", ["Portfolio", "Stocks"]],
      ["column", "Monte Carlo: paths by annualised return", ["Paths"]],
    ]);
    expect(layout.charts[0].valueAxis?.logarithmic).toBe(true);
    expect(layout.charts[0].categories).toEqual(sheet.data.dates);
    expect(layout.charts[3].categories).toEqual(sheet.annual.yearCells);
    // Charts sit inside the report and cover no cell that holds something.
    const inside = (c: Cell, a: Area) =>
      c.row >= a.row &&
      c.row < a.row + a.rows &&
      c.column >= a.column &&
      c.column < a.column + a.columns;
    const filled = layout.blocks.flatMap((bl) =>
      bl.cells.flatMap((row, i) =>
        row.flatMap((content, j) =>
          content === null ? [] : [{ row: bl.row + i, column: bl.column + j }]
        )
      )
    );
    for (const chart of layout.charts) {
      expect(chart.position.column + chart.position.columns).toBeLessThanOrEqual(6);
      expect(filled.filter((c) => inside(c, chart.position))).toEqual([]);
    }
    expect(sheet.annual.years).toEqual([2019, 2020, 2021]);
  });
});

describe("other configurations", () => {
  it("without a benchmark, a rate series or Monte Carlo, within start and end dates", () => {
    const data = syntheticData(400, START);
    // 2019-06-03 (Monday) … 2020-03-31: the rows of those dates only.
    const config = config5545({
      benchmark: undefined,
      rate: undefined,
      rebalance: 42,
      band: 0.1,
      rollingYears: 0.5,
      start: excelSerial(2019, 6, 1)!,
      end: excelSerial(2020, 3, 31)!,
    });
    const sheet = backtestSheet(config, data, BUILT_ON);
    expect(sheet.first).toBe(65); // 13 weeks of weekdays before 2019-06-03
    expect(data.dates[sheet.first]).toBe(excelSerial(2019, 6, 3));
    expect(data.dates[sheet.first + sheet.rows - 1]).toBe(excelSerial(2020, 3, 31));
    expect(sheet.columns).toEqual(["Portfolio", "3x Stocks", "3x Bonds"]);
    expect(sheet.data.rates).toBeUndefined();
    expect(sheet.monteCarlo).toBeUndefined();
    const book = loadLayout(sheet.layout);
    const checked = checkAgainstCore(sheet, book, config, data);
    expect(formulaCells(sheet).filter((k) => !checked.has(k))).toEqual([]);
    expect(formulaAt(sheet, sheet.summary)).toBe("=STACK.STATS(Backtest_Returns)");
    expect(sheet.layout.names.map((n) => n.name)).not.toContain("Backtest_Rates");
  });

  it("one holding, the same series as the benchmark, written once in the data", () => {
    const data = syntheticData(300, START);
    const config = config5545({
      holdings: [
        { name: "2x Stocks", series: 0, leverage: 2, expenseRatio: 0.0089, spread: 0, weight: 1 },
      ],
      rebalance: "NONE",
    });
    const sheet = backtestSheet(config, data, BUILT_ON);
    expect(sheet.data.series.map((s) => s.series)).toEqual([0]);
    expect(sheet.layout.print!.area.columns).toBe(6); // the holdings table sets the report's width
    const book = loadLayout(sheet.layout);
    const checked = checkAgainstCore(sheet, book, config, data);
    expect(formulaCells(sheet).filter((k) => !checked.has(k))).toEqual([]);
  });
});

describe("configurations that cannot be built", () => {
  const data = syntheticData(300, START);
  const build = (overrides: Partial<BacktestConfig>) => () =>
    backtestSheet(config5545(overrides), data, BUILT_ON);

  it("says what is wrong in plain words", () => {
    expect(build({ holdings: [] })).toThrow("Add at least one holding to backtest.");
    expect(
      build({
        holdings: [
          { name: "3x rates", series: 2, leverage: 3, expenseRatio: 0, spread: 0, weight: 1 },
        ],
      })
    ).toThrow('Holding "3x rates": "T-bill" is a rate series; choose a series of returns.');
    expect(build({ benchmark: { name: "Cash", series: 2 } })).toThrow(
      'Benchmark "Cash": "T-bill" is a rate series; choose a series of returns.'
    );
    expect(build({ benchmark: { name: "Gold", series: 7 } })).toThrow(
      'Benchmark "Gold": there is no series 8 in the data.'
    );
    expect(build({ rate: 0 })).toThrow(
      'Borrowing rate: "Stocks" is a series of returns; choose a rate series.'
    );
    expect(build({ start: excelSerial(2020, 1, 1)!, end: excelSerial(2019, 12, 31)! })).toThrow(
      "The start date 2020-01-01 is after the end date 2019-12-31."
    );
    // 300 weekdays from 2019-03-04 end on 2020-04-24.
    expect(build({ start: excelSerial(2021, 1, 1)! })).toThrow(
      "No data between 2021-01-01 and the end: the data run from 2019-03-04 to 2020-04-24."
    );
    expect(build({ start: excelSerial(2019, 3, 9)!, end: excelSerial(2019, 3, 10)! })).toThrow(
      "No data between 2019-03-09 and 2019-03-10: the data run from 2019-03-04 to 2020-04-24."
    );
    expect(build({ rollingYears: 2 })).toThrow(
      "The rolling window of 2 years (504 days) is longer than the 300 days of data: shorten it or widen the dates."
    );
    expect(build({ startAmount: 0 })).toThrow("The start amount must be more than 0.");
    expect(build({ monteCarlo: { years: 1, paths: 0, block: 1, seed: 1 } })).toThrow(
      "Monte Carlo paths must be a whole number from 1 to 1,048,576."
    );
  });
});

const DATA = path.resolve(__dirname, "../../../shared/data");
const describeData = fs.existsSync(DATA) ? describe : describe.skip;

describeData("the 55/45 preset on ../shared/data: ^SP500TR, VUSTX, Kenneth French daily RF", () => {
  const read = (file: string) => parseSeriesFile(fs.readFileSync(path.join(DATA, file), "utf8"));

  it("gives the core's CAGR and maximum drawdown when evaluated as a sheet", () => {
    const [sp] = read("talmiller2_market_analysis/^SP500TR.csv").series;
    const [vustx] = read("talmiller2_market_analysis/VUSTX.csv").series;
    const rf = read("kenneth_french/F-F_Research_Data_Factors_daily_1926-2024.csv").series.find(
      (s) => s.name === "RF"
    )!;
    // French's RF is the T-bill's return per trading day; × 252 makes it the annual rate the fund model charges (rate·days/360).
    const rate = {
      name: "T-bill (French RF × 252)",
      kind: "rates" as const,
      dates: rf.dates,
      values: rf.values.map((r) => r * 252),
    };
    const aligned = alignSeries([{ ...sp, name: "S&P 500 TR" }, { ...vustx, name: "VUSTX" }, rate]);
    const data: BacktestData = {
      dates: aligned.dates,
      series: aligned.values.map((values, i) => ({
        name: ["S&P 500 TR", "VUSTX", rate.name][i],
        kind: i === 2 ? "rates" : "returns",
        values,
      })),
      notes: ["^SP500TR and VUSTX (Yahoo Adj Close), Kenneth French daily RF."],
    };
    const preset = PRESETS.find((p) => p.id === "hfea-55-45")!;
    const config: BacktestConfig = {
      title: preset.label,
      holdings: preset.holdings.map((h) => ({
        name: h.name,
        series: h.role === "index" ? 0 : 1,
        leverage: h.leverage,
        expenseRatio: h.expenseRatio,
        spread: 0,
        weight: h.weight,
      })),
      rate: 2,
      benchmark: { name: "S&P 500 TR", series: 0 },
      rebalance: preset.rebalance,
      startAmount: 10_000,
      rollingYears: 5,
    };
    const sheet = backtestSheet(config, data, BUILT_ON);
    // The dates of ^SP500TR's 8,308 returns (1988-01-05 … 2020-12-18), all in VUSTX too; the first only starts
    // the first row's period, since VUSTX has earlier returns (alignSeries).
    expect(sheet.rows).toBe(8_307);
    expect([data.dates[0], data.dates[8_306]]).toEqual([
      excelSerial(1988, 1, 6),
      excelSerial(2020, 12, 18),
    ]);
    const book = loadLayout(sheet.layout);
    const dates = data.dates;
    const days = dayGaps(dates);
    const funds = config.holdings.map((h) =>
      letfSeries(
        data.series[h.series].values,
        h.leverage,
        h.expenseRatio,
        data.series[2].values,
        days,
        h.spread
      )
    );
    const portfolio = backtest(funds, Float64Array.of(0.55, 0.45), {
      kind: "calendar",
      frequency: "Q",
      dates,
    });
    const core = seriesStats(
      portfolio,
      data.series[2].values.map((r) => r / 252),
      252
    );
    const row = (label: string) =>
      sheet.summary.row + STATS_ROWS.findIndex(([, text]) => text === label);
    const sheetCagr = num(book, { row: row("CAGR"), column: 1 });
    const sheetDrawdown = num(book, { row: row("Max drawdown"), column: 1 });
    expect(sheetCagr).toBeCloseTo(core.cagr as number, 12);
    expect(sheetDrawdown).toBeCloseTo(core.maxDrawdown as number, 12);
  });
});
