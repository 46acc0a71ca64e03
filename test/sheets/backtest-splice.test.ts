/**
 * Funds spliced onto a real history (issue #11): the backtest sheet holds the real fund's returns as values
 * (blank before it existed) and each spliced fund is =STACK.SPLICE of them over its live simulation.
 * Evaluated in HyperFormula with the built functions, both as Excel on the web passes blank cells (null)
 * and as Excel for Windows does (0): every formula cell equals the core's result (backtest-check.ts, whose
 * reference for a spliced fund is core splice over core letfSeries / stackedSeries); the switch from
 * simulated to real is marked (the holdings table's "Real from" date, the shaded rows and the rule in the
 * data, the charts' titles, a note); editing the spread changes the simulated rows only.
 */
import { DetailedCellError } from "hyperformula";
import { columnLetter, rangeName } from "../../src/io/a1";
import { excelSerial, formatDate } from "../../src/io/series-dates";
import { BacktestConfig, BacktestData } from "../../src/sheets/backtest-config";
import { backtestSheet } from "../../src/sheets/backtest-sheet";
import { REAL_FILL } from "../../src/sheets/backtest/data";
import { formula, Layout } from "../../src/sheets/layout";
import { config5545, configFour, syntheticData } from "../fixtures/backtest-data";
import { checkAgainstCore, formulaCells } from "./backtest-check";
import { cellsOf, num } from "./cells";
import { loadLayout } from "./hyperformula-stack";

const START = excelSerial(2019, 3, 4)!;
const BUILT_ON = "2025-01-31";
/** Row (0-based) of the real fund's first return: its first 300 rows are blank. */
const INCEPTION = 300;

/**
 * The synthetic data plus two real histories: "Real 3x" (series 3), 3 × stocks less 3 bp a day plus a
 * wobble, from row 300; "Real stack" (series 4), stocks + bonds less 1 bp a day, from row 500.
 */
function dataWithReal(): BacktestData {
  const base = syntheticData(650, START);
  const [stocks, bonds] = base.series.map((s) => s.values);
  const history = (from: number, f: (t: number) => number) =>
    Float64Array.from(stocks, (_, t) => (t < from ? NaN : f(t)));
  return {
    ...base,
    series: [
      ...base.series,
      {
        name: "Real 3x",
        kind: "returns",
        values: history(INCEPTION, (t) => 3 * stocks[t] - 0.0003 + 0.0001 * Math.sin(t)),
      },
      {
        name: "Real stack",
        kind: "returns",
        values: history(500, (t) => stocks[t] + bonds[t] - 0.0001),
      },
    ],
  };
}

const data = dataWithReal();

/** 55/45 with the 3x stocks spliced onto "Real 3x"; then configFour's 100/100 stack spliced onto "Real stack". */
function splicedConfig(): BacktestConfig {
  const base = config5545();
  const [stocks3x, bonds3x] = base.portfolios[0].holdings;
  const stack = configFour().portfolios[1];
  return {
    ...base,
    portfolios: [
      {
        ...base.portfolios[0],
        holdings: [
          {
            ...stocks3x,
            source: { ...stocks3x.source, real: 3, costSource: "calibrated to the real 3x" },
          },
          bonds3x,
        ],
      },
      {
        ...stack,
        holdings: stack.holdings.map((h) => ({ ...h, source: { ...h.source, real: 4 } })),
      },
    ],
  };
}

const config = splicedConfig();
const sheet = backtestSheet(config, data, BUILT_ON);

/** The layout's cell at (row, column) as written. */
function written(layout: Layout, row: number, column: number) {
  for (const b of layout.blocks) {
    const r = row - b.row;
    const c = column - b.column;
    if (r >= 0 && r < b.cells.length && c >= 0 && c < b.cells[0].length) return b.cells[r][c];
  }
  return undefined;
}

describe.each([
  ["Excel on the web (blank cells as null)", null],
  ["Excel for Windows (blank cells as 0)", 0],
] as const)("a backtest with spliced funds, %s", (_, blankCells) => {
  const book = loadLayout(sheet.layout, { blankCells });

  it("evaluates every formula cell to the core's result: the real fund where it exists, the simulation before", () => {
    const { checked, core } = checkAgainstCore(sheet, book, config, data);
    expect(formulaCells(sheet).filter((c) => !checked.has(c))).toEqual([]);
    // Directly: the spliced fund is the simulation before row 300 and exactly the real returns after.
    const real = data.series[3].values;
    expect(core.funds[0][INCEPTION - 1]).not.toBe(0);
    for (let t = INCEPTION; t < sheet.rows; t++) expect(core.funds[0][t]).toBe(real[t]);
  });

  it("recalculates the simulated rows, not the real ones, when the spread is edited", () => {
    const edited = loadLayout(sheet.layout, { blankCells });
    const fund = sheet.inputs.funds[0];
    if (fund.kind !== "letf") throw new Error("the first fund is the 3x stocks");
    const cell = (t: number) => ({
      row: sheet.data.funds.row + t,
      column: sheet.data.funds.column,
    });
    const before = [num(edited, cell(10)), num(edited, cell(INCEPTION))];
    edited.set(fund.spread, 0.02);
    checkAgainstCore(sheet, edited, config, data);
    // Hand: the simulated row pays 2 × (2% − 0.4%) / 360 × days more (ACT/360 over the row's days).
    const days = data.dates[10] - data.dates[9];
    expect(num(edited, cell(10))).toBeCloseTo(before[0] - (2 * 0.016 * days) / 360, 14);
    expect(num(edited, cell(INCEPTION))).toBe(before[1]);
  });
});

describe("the switch from simulated to real, marked", () => {
  const [stocks3x, , stack] = sheet.inputs.funds;

  it("the holdings tables name the real history and its first date; where the spread comes from", () => {
    const book = loadLayout(sheet.layout);
    const header = stocks3x.name.row - 1;
    expect([5, 6, 7].map((column) => book.value({ row: header, column }))).toEqual([
      "Real history (SPLICE)",
      "Real from",
      "Where the spread comes from",
    ]);
    expect(book.value({ ...stocks3x.name, column: 5 })).toBe("Real 3x");
    expect(book.value(stocks3x.realFrom!)).toBe(data.dates[INCEPTION]);
    expect(book.value({ ...stocks3x.name, column: 7 })).toBe("calibrated to the real 3x");
    // The 3x bonds are not spliced; the benchmark row says what it is.
    expect(book.value({ row: stocks3x.name.row + 1, column: 5 })).toBe("none: simulated");
    expect(book.value({ row: stocks3x.name.row + 2, column: 7 })).toBe(
      "the benchmark: the index at 1x, no costs to start"
    );
    expect(book.value(stack.realFrom!)).toBe(data.dates[500]);
    const styles = sheet.layout.styles.filter(
      (s) => s.area.row === stocks3x.name.row && s.area.column === 6
    );
    expect(styles.map((s) => s.style.numberFormat)).toContain("yyyy-mm-dd");
  });

  it("the data hold the real returns as values, blank before, with the real rows shaded under a rule", () => {
    const real = sheet.data.real!;
    expect(sheet.real).toEqual([3, 4]);
    expect(written(sheet.layout, real.row + INCEPTION - 1, real.column)).toBeNull();
    expect(written(sheet.layout, real.row + INCEPTION, real.column)).toBe(
      data.series[3].values[INCEPTION]
    );
    expect(written(sheet.layout, real.row - 1, real.column)).toBe("Real 3x (real)");
    const shaded = sheet.layout.styles.filter((s) => s.style.fill === REAL_FILL).map((s) => s.area);
    const from = (column: number, t: number) => ({
      row: sheet.data.funds.row + t,
      column,
      rows: sheet.rows - t,
      columns: 1,
    });
    expect(shaded).toEqual([
      from(real.column, INCEPTION),
      from(sheet.data.funds.column, INCEPTION),
      from(real.column + 1, 500),
      from(sheet.data.funds.column + 2, 500),
    ]);
    const rule = sheet.layout.styles.find((s) => s.style.fill === REAL_FILL)!.style.borders;
    expect(rule).toEqual([{ edges: ["top"], weight: "medium", color: "#0F3C6E" }]);
    expect(written(sheet.layout, sheet.data.funds.row - 2, sheet.data.funds.column)).toBe(
      "Funds: daily returns (shaded: real)"
    );
  });

  it("SPLICE reads the real column through IF(ISBLANK(…)), so Excel for Windows' zeros never reach it", () => {
    const cell = written(sheet.layout, sheet.data.funds.row, sheet.data.funds.column);
    const realColumn = rangeName({ ...sheet.data.real!, columns: 1 }, true);
    expect(
      (cell as { formula: string }).formula.startsWith(
        `=STACK.SPLICE(IF(ISBLANK(${realColumn}),"",${realColumn}),STACK.LETF.SERIES(`
      )
    ).toBe(true);
    // Without the guard, on Excel for Windows, the blank rows would be real returns of 0%: what the guard prevents.
    const unguarded: Layout = {
      ...sheet.layout,
      blocks: [
        ...sheet.layout.blocks,
        {
          row: sheet.data.funds.row,
          column: sheet.data.rolling.column + sheet.data.rolling.columns + 10,
          cells: [[formula(`=STACK.SPLICE(${realColumn},${realColumn})`)]],
        },
      ],
    };
    const windows = loadLayout(unguarded, { blankCells: 0 });
    const web = loadLayout(unguarded);
    const probe = { row: sheet.data.funds.row, column: unguarded.blocks.at(-1)!.column };
    expect(windows.value(probe)).toBe(0);
    expect((web.value(probe) as DetailedCellError).message).toBe(
      "backfill: row 1 is blank, and so is primary's"
    );
  });

  it("the charts and notes say from when each fund is real", () => {
    const [growth, drawdown] = sheet.layout.charts.filter((c) => c.kind === "line");
    const suffix = ` · real Real 3x from ${formatDate(data.dates[INCEPTION])}, Real stack from ${formatDate(data.dates[500])}, simulated before`;
    expect(growth.title).toBe(`Growth of the start amount (log scale)${suffix}`);
    expect(drawdown.title).toBe(`Drawdown from the previous peak${suffix}`);
    const notes = sheet.layout.blocks
      .flatMap((b) => b.cells.flat())
      .filter((c) => typeof c === "string");
    expect(notes).toContain(
      `3x Stocks: the real fund (Real 3x) from ${formatDate(data.dates[INCEPTION])}, simulated before (=STACK.SPLICE; column ${columnLetter(sheet.data.funds.column)}, its real rows shaded).`
    );
  });

  it("a real history with no return in the backtest's dates leaves the fund simulated, and says so", () => {
    const short = backtestSheet({ ...config, end: data.dates[INCEPTION - 1] }, data, BUILT_ON);
    const book = loadLayout(short.layout);
    expect(book.value(short.inputs.funds[0].realFrom!)).toBe("none in these dates");
    checkAgainstCore(short, book, config, data);
    expect(short.layout.styles.filter((s) => s.style.fill === REAL_FILL)).toHaveLength(0);
    expect(short.layout.charts[1].title).toBe("Growth of the start amount (log scale)");
  });
});

describe("real histories that cannot be built", () => {
  const fails = (c: BacktestConfig, d: BacktestData) => () => backtestSheet(c, d, BUILT_ON);

  it("a blank row after the first value, blanks in a series no fund is spliced onto, a history followed as an index", () => {
    const values = Float64Array.from(data.series[3].values);
    values[400] = NaN;
    const gap = { ...data, series: data.series.map((s, k) => (k === 3 ? { ...s, values } : s)) };
    expect(fails(config, gap)).toThrow(
      `55/45 3x, holding "3x Stocks": the real history "Real 3x" has no value on ${formatDate(data.dates[400])}, after its first; only the rows before the fund existed may be blank.`
    );
    expect(fails(config5545(), data)).toThrow(
      `"Real 3x" has blank rows; only a real fund's history may (before the fund existed), and no fund may follow it as an index.`
    );
    const followed = splicedConfig();
    expect(fails({ ...followed, benchmark: { name: "Real 3x", series: 3 } }, data)).toThrow(
      `"Real 3x" has blank rows`
    );
    expect(
      fails(
        {
          ...followed,
          portfolios: [
            {
              ...followed.portfolios[0],
              holdings: [
                {
                  ...followed.portfolios[0].holdings[0],
                  source: { ...followed.portfolios[0].holdings[0].source, real: 2 },
                },
              ],
            },
          ],
        },
        data
      )
    ).toThrow('"T-bill" is a rate series; choose a series of returns.');
    // The cells of a blank-before history are null in the layout, never NaN (Excel refuses NaN).
    expect(
      cellsOf({ ...sheet.data.real!, rows: INCEPTION, columns: 1 }).every(
        (c) => written(sheet.layout, c.row, c.column) === null
      )
    ).toBe(true);
  });
});
