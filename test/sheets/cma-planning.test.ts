/**
 * The planning sections of the stacked-portfolio sheet (efficient frontier, plan), built from the
 * template CMAs as the pane builds them and evaluated in HyperFormula with the built functions: the
 * worked example of the issue (the frontier with and without 200% exposure, a 30-year 4% withdrawal
 * plan's success share), live recalculation of every input, and the layout's charts and tables.
 */
import { readCmaText } from "../../src/io/cma-table";
import { template } from "../../src/io/templates";
import { DEFAULT_MAX_EXPOSURE, FRONTIER_POINTS } from "../../src/sheets/cma-frontier";
import { DEFAULT_PLAN, PLAN_TABLE_YEARS } from "../../src/sheets/cma-plan";
import { cmaSheet, CmaSheet, CmaSheetOptions } from "../../src/sheets/cma-sheet";
import { Area, Cell } from "../../src/sheets/layout";
import { checkPlanningSections, planningOf } from "./cma-planning-checks";
import { loadLayout, LoadedLayout } from "./hyperformula-stack";
import { cellsOf, num } from "./cells";

const table = readCmaText(template("stocks-bonds-cash")!.csv).table!;
const build = (extra: Partial<CmaSheetOptions> = {}) =>
  cmaSheet(table, { source: "template", builtOn: "2025-01-31", ...extra });

const rowOf = (book: LoadedLayout, spill: Area, i: number) =>
  Array.from({ length: spill.columns }, (_, j) =>
    book.value({ row: spill.row + i, column: spill.column + j })
  );
const inside = (c: Cell, a: Area) =>
  c.row >= a.row &&
  c.row < a.row + a.rows &&
  c.column >= a.column &&
  c.column < a.column + a.columns;

describe("the worked example on the template CMAs, as the pane builds the sheet", () => {
  const sheet = build();
  const book = loadLayout(sheet.layout);

  it("starts with 200% maximum exposure and the 30-year 4% plan (1,000,000, −40,000 a year, 2.5% inflation, 10,000 paths)", () => {
    expect(num(book, planningOf(sheet).frontier.maxExposure)).toBe(DEFAULT_MAX_EXPOSURE);
    const { inputs } = planningOf(sheet).plan;
    expect(
      [inputs.startValue, inputs.cashflow, inputs.years, inputs.inflation, inputs.paths].map((c) =>
        num(book, c)
      )
    ).toEqual([1_000_000, -40_000, 30, 0.025, 10_000]);
    expect(DEFAULT_PLAN.cashflow / DEFAULT_PLAN.startValue).toBe(-0.04);
  });

  it("evaluates every frontier and plan cell to the core's result", () => {
    // 2 FRONTIER spills, 3 PLAN spills and 3 × 6 summary cells.
    expect(checkPlanningSections(sheet, book)).toHaveLength(2 + 3 + 3 * 6);
  });

  it("shows both frontiers from the same least volatile portfolio; unlevered to 100% stocks, levered to 200% stocks", () => {
    const { unlevered, levered } = planningOf(sheet).frontier;
    // The closed-form minimum variance (numpy, test/fixtures/frontier_reference.py): 0.99%, 3.08%.
    for (const spill of [unlevered, levered]) {
      const [vol, e] = rowOf(book, spill, 1) as number[];
      expect(vol).toBeCloseTo(0.009877377712412753, 13);
      expect(e).toBeCloseTo(0.030754967963669083, 13);
    }
    // Tops: 100% stocks 7% / 15%; 200% stocks 2·7% − 3% = 11% / 30%, Sharpe (11% − 3%)/30%.
    const top = (spill: Area) =>
      (rowOf(book, spill, FRONTIER_POINTS) as number[]).slice(0, 4).map((v) => +v.toFixed(12));
    expect(top(unlevered)).toEqual([0.15, 0.07, 0.266666666667, 1]);
    expect(top(levered)).toEqual([0.3, 0.11, 0.266666666667, 2]);
  });

  it("lasts 30 years of 4% withdrawals in about 90% of the stack's paths, 72% of 100% stocks', 85% of 60/40's (numpy, test/fixtures/plan_reference.py)", () => {
    const solvent = planningOf(sheet).plan.summary[5].map((c) => num(book, c));
    // The reference's 2,000,000 paths: 0.905413, 0.7246475, 0.853574; within 4 binomial standard
    // errors of 10,000 paths plus 4 of the reference's.
    [0.905413, 0.7246475, 0.853574].forEach((p, k) => {
      const se = (n: number) => Math.sqrt((p * (1 - p)) / n);
      expect(Math.abs(solvent[k] - p)).toBeLessThanOrEqual(4 * se(10_000) + 4 * se(2_000_000));
    });
    // The stack's median after 30 years, in today's money, inside the reference's band.
    const median = num(book, planningOf(sheet).plan.summary[2][0]);
    expect(median).toBeGreaterThanOrEqual(1636586.328757901);
    expect(median).toBeLessThanOrEqual(1852286.181043873);
  });
});

describe("live: every input recalculates the sections", () => {
  // Few paths: each recalculation runs three plans through the bundle in a sandbox.
  const sheet = build({ plan: { paths: 400 } });

  /** Load, edit, check every planning cell against the core, and return row 5 of two spills before the edit. */
  const edited = (edit: (book: LoadedLayout, sheet: CmaSheet) => void) => {
    const book = loadLayout(sheet.layout);
    const before = [planningOf(sheet).frontier.levered, planningOf(sheet).plan.tables[0]].map((a) =>
      rowOf(book, a, 5)
    );
    edit(book, sheet);
    checkPlanningSections(sheet, book);
    return { book, before };
  };

  it("the CMA table: a higher stocks return moves both frontiers and every plan", () => {
    const { book, before } = edited((b, s) => b.set({ ...s.table.returns }, 0.08));
    expect(rowOf(book, planningOf(sheet).frontier.levered, 5)).not.toEqual(before[0]);
    expect(rowOf(book, planningOf(sheet).plan.tables[0], 5)).not.toEqual(before[1]);
  });

  it("the maximum exposure: 150% ends the levered frontier at 150% stocks, E = 1.5·7% − 0.5·3% = 9%", () => {
    const { book } = edited((b, s) => b.set(planningOf(s).frontier.maxExposure, 1.5));
    const top = rowOf(book, planningOf(sheet).frontier.levered, FRONTIER_POINTS) as number[];
    expect(top[1]).toBeCloseTo(0.09, 12);
    expect(top[3]).toBeCloseTo(1.5, 12);
  });

  it("the financing premium: the levered frontier pays it", () => {
    const { book, before } = edited((b, s) => b.set(s.portfolios[0].premium, 0.01));
    expect(rowOf(book, planningOf(sheet).frontier.levered, 5)).not.toEqual(before[0]);
  });

  it("the weights: the stack's plan follows its expected return and volatility", () => {
    const { book, before } = edited((b, s) =>
      b.set({ row: s.portfolios[0].weights.row + 1, column: s.portfolios[0].weights.column }, 0.5)
    );
    expect(rowOf(book, planningOf(sheet).plan.tables[0], 5)).not.toEqual(before[1]);
  });

  it("start value, cashflow, inflation and paths", () => {
    for (const [key, value] of [
      ["startValue", 2_000_000],
      ["cashflow", 25_000],
      ["inflation", 0.04],
      ["paths", 250],
    ] as const) {
      const { book, before } = edited((b, s) => b.set(planningOf(s).plan.inputs[key], value));
      expect(rowOf(book, planningOf(sheet).plan.tables[0], 5)).not.toEqual(before[1]);
    }
  });

  it("the years, on a sheet built for 45: the summary reads year 45 (Excel resizes a spill when Years is edited)", () => {
    const long = build({ plan: { paths: 400, years: 45 } });
    const book = loadLayout(long.layout);
    checkPlanningSections(long, book);
    const [stack] = planningOf(long).plan.tables;
    expect(book.value({ row: stack.row + 46, column: stack.column })).toBe(45);
    expect(book.value({ row: stack.row + 47, column: stack.column })).toBeNull();
  });
});

describe("the layout of the sections", () => {
  const sheet = build();
  const { layout } = sheet;

  it("adds a scatter chart of both frontiers with the three portfolios as points", () => {
    const [chart] = layout.charts;
    expect(chart.kind).toBe("scatter");
    expect(chart.series.map((s) => [s.name, s.markersOnly ?? false])).toEqual([
      ["100% exposure", false],
      ["Up to the maximum exposure", false],
      ["Your stack", true],
      ["100% Stocks", true],
      ["60/40 Stocks/Bonds", true],
    ]);
    const body = { row: planningOf(sheet).frontier.unlevered.row + 1, rows: 20, columns: 1 };
    expect(chart.series[0].xValues).toEqual({ ...body, column: 0 });
    expect(chart.series[0].values).toEqual({ ...body, column: 1 });
    const stack = sheet.portfolios[0];
    expect(chart.series[2].xValues).toEqual({ ...stack.vol, rows: 1, columns: 1 });
    expect(chart.series[2].values).toEqual({ ...stack.expectedReturn, rows: 1, columns: 1 });
  });

  it("adds a fan chart of the stack's percentiles and a chart of each portfolio's share not depleted, over 100 years of room", () => {
    const [, fan, success] = layout.charts;
    const stack = planningOf(sheet).plan.tables[0];
    expect(fan.series.map((s) => s.name)).toEqual([
      "10th percentile",
      "25th percentile",
      "Median",
      "75th percentile",
      "90th percentile",
    ]);
    fan.series.forEach((s, k) => {
      const rows = { row: stack.row + 1, rows: PLAN_TABLE_YEARS + 1, columns: 1 };
      expect(s.values).toEqual({ ...rows, column: stack.column + 1 + k });
      expect(s.xValues).toEqual({ ...rows, column: stack.column });
    });
    expect(success.series.map((s) => s.values.column)).toEqual(
      planningOf(sheet).plan.tables.map((t) => t.column + 6)
    );
    expect(success.valueAxis).toMatchObject({ minimum: 0, maximum: 1, numberFormat: "0%" });
  });

  it("keeps the charts on empty cells of the report, the plan tables right of the print area, spills clear", () => {
    const filled = layout.blocks.flatMap((b) =>
      b.cells.flatMap((row, i) =>
        row.flatMap((content, j) =>
          content === null ? [] : [{ row: b.row + i, column: b.column + j }]
        )
      )
    );
    const spills = [
      planningOf(sheet).frontier.unlevered,
      planningOf(sheet).frontier.levered,
      ...planningOf(sheet).plan.tables,
    ];
    const print = layout.print!.area;
    for (const chart of layout.charts) {
      expect(chart.position.column + chart.position.columns).toBeLessThanOrEqual(print.columns);
      expect(chart.position.row + chart.position.rows).toBeLessThanOrEqual(print.rows);
      const covered = [...filled, ...spills.flatMap(cellsOf)].filter((c) =>
        inside(c, chart.position)
      );
      expect(covered).toEqual([]);
    }
    for (const t of planningOf(sheet).plan.tables)
      expect(t.column).toBeGreaterThanOrEqual(print.columns);
    // Nothing but each spill's formula is written where the spill lands (no #SPILL! in Excel).
    const blocking = filled.filter(
      (c) =>
        spills.some((a) => inside(c, a)) &&
        !spills.some((a) => a.row === c.row && a.column === c.column)
    );
    expect(blocking).toEqual([]);
  });
});
