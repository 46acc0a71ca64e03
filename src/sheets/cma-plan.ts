/**
 * The plan section of the stacked-portfolio sheet: a Monte Carlo of contributions or withdrawals
 * (=STACK.PLAN) for the user's stack and the reference portfolios, from each one's expected return and
 * volatility on the sheet. Orange inputs (start value, yearly cashflow, years, inflation, paths); a
 * summary after the last year (percentiles in today's money and the share of paths not depleted); a
 * fan chart of the stack's percentiles and a chart of each portfolio's share not depleted over the
 * years. Live: every PLAN reads the inputs and the portfolios' result cells.
 *
 * The year-by-year PLAN tables sit to the right of the report (outside its print area), side by side,
 * one per portfolio, each with room below it for {@link PLAN_TABLE_YEARS} years: a spill grows and
 * shrinks with Years without running into anything, and the summary and the charts read that fixed
 * room (empty cells are left out of a scatter chart).
 */
import { PLAN_PERCENTILES, percentileName } from "../core/plan";
import { cellName, rangeName } from "../io/a1";
import { Area, Cell, ChartSpec, formula } from "./layout";
import { CmaSectionContext, SectionResult } from "./cma-section";
import { columnOf } from "./sheet-builder";
import { theme } from "./theme";

export interface PlanInputs {
  readonly startValue: number;
  /** Positive contributes, negative withdraws, in today's money. */
  readonly cashflow: number;
  readonly years: number;
  readonly inflation: number;
  readonly paths: number;
}

/** A 30-year plan withdrawing 4% of the start a year, kept up with 2.5% inflation. */
export const DEFAULT_PLAN: PlanInputs = {
  startValue: 1_000_000,
  cashflow: -40_000,
  years: 30,
  inflation: 0.025,
  paths: 10_000,
};
/** Years the tables to the right have room for; the summary and the charts read that far. */
export const PLAN_TABLE_YEARS = 100;
/** Columns of one PLAN spill: year, five percentiles, share not depleted. */
const PLAN_COLUMNS = 2 + PLAN_PERCENTILES.length;
const CHART_ROWS = 18;
const MONEY = "#,##0";

export interface PlanSection extends SectionResult {
  readonly inputs: { readonly [K in keyof PlanInputs]: Cell };
  /** Each portfolio's PLAN spill with its room below: header row, then years 0…PLAN_TABLE_YEARS. */
  readonly tables: readonly Area[];
  /** summary[k][p]: row k (the five percentiles, then the share not depleted) for portfolio p. */
  readonly summary: readonly (readonly Cell[])[];
  /** Widths of the table columns to the right of the report. */
  readonly columnWidths: readonly { readonly column: number; readonly width: number }[];
}

/** Place the section from row `top` down, its tables from the column after the report. */
export function planSection(
  context: CmaSectionContext,
  top: number,
  start: Partial<PlanInputs> = {}
): PlanSection {
  const { builder, portfolios, width } = context;
  const { put, style, label, section } = builder;
  const values = { ...DEFAULT_PLAN, ...start };
  const ref = (c: Cell) => cellName(c.row, c.column, true);

  section(top, "Plan: a Monte Carlo of contributions or withdrawals (yearly; today's money)");
  const rows: [keyof PlanInputs, string, string][] = [
    ["startValue", "Start value", MONEY],
    ["cashflow", "Yearly cashflow (+ contribution, − withdrawal)", MONEY],
    ["years", "Years", "0"],
    ["inflation", "Inflation", "0.0%"],
    ["paths", "Paths", MONEY],
  ];
  put(
    top + 1,
    0,
    rows.map(([key, text]) => [text, values[key]])
  );
  const inputs = Object.fromEntries(
    rows.map(([key], k) => [key, { row: top + 1 + k, column: 1 }])
  ) as PlanSection["inputs"];
  style({ row: top + 1, column: 1, rows: rows.length, columns: 1 }, theme.input);
  rows.forEach(([, , numberFormat], k) =>
    style({ row: top + 1 + k, column: 1, rows: 1, columns: 1 }, { numberFormat })
  );
  put(
    top + 1 + rows.length,
    0,
    [
      [
        "Each year the cashflow, grown with inflation, is added at the start, then the portfolio earns a lognormal return with its expected return and volatility above (=STACK.PLAN); a path that runs out stays at 0.",
      ],
      [
        `Year-by-year tables to the right, with room for ${PLAN_TABLE_YEARS} years; the summary and the charts read them.`,
      ],
    ],
    theme.note
  );

  // The tables to the right: a caption with the portfolio's name, then its PLAN spill.
  const headerRow = top + rows.length + 4;
  const tables = portfolios.map((p, k): Area => {
    const column = width + 1 + k * (PLAN_COLUMNS + 1);
    put(headerRow, column, [[label({ row: headerRow, column }, p.header, p.name)]], {
      font: { bold: true },
    });
    const { startValue, cashflow, years, inflation, paths } = inputs;
    put(headerRow + 1, column, [
      [
        formula(
          `=STACK.PLAN(${[startValue, cashflow, years].map(ref).join(",")},${ref(p.expectedReturn)},${ref(p.vol)},${ref(inflation)},${ref(paths)})`
        ),
      ],
    ]);
    const table: Area = {
      row: headerRow + 1,
      column,
      rows: PLAN_TABLE_YEARS + 2,
      columns: PLAN_COLUMNS,
    };
    const body = { row: table.row + 1, rows: PLAN_TABLE_YEARS + 1 };
    style({ ...table, rows: 1 }, theme.header);
    style({ ...body, column, columns: 1 }, { numberFormat: "0" });
    style({ ...body, column: column + 1, columns: PLAN_COLUMNS - 2 }, { numberFormat: MONEY });
    style({ ...body, column: column + PLAN_COLUMNS - 1, columns: 1 }, { numberFormat: "0.0%" });
    return table;
  });

  // The summary after the last year: INDEX(table, Years + 2, column) (row 1 is the header, row 2 year 0).
  context.portfolioHeader(headerRow, "After the last year (today's money)");
  const names = [...PLAN_PERCENTILES.map(percentileName), "Paths not depleted"];
  const summaryRow = headerRow + 1;
  put(
    summaryRow,
    0,
    names.map((name, k) => [
      name,
      ...tables.map((t) =>
        formula(`=INDEX(${rangeName(t, true)},${ref(inputs.years)}+2,${k + 2})`)
      ),
    ])
  );
  style(
    { row: summaryRow, column: 1, rows: names.length - 1, columns: tables.length },
    { numberFormat: MONEY }
  );
  style(
    { row: summaryRow + names.length - 1, column: 1, rows: 1, columns: tables.length },
    { ...theme.total, numberFormat: "0.0%" }
  );
  const summary = names.map((_, k) =>
    tables.map((_, p): Cell => ({ row: summaryRow + k, column: 1 + p }))
  );

  // Charts: the stack's fan of percentiles, then every portfolio's share not depleted.
  const yearsOf = (t: Area) => columnOf({ ...t, row: t.row + 1, rows: PLAN_TABLE_YEARS + 1 }, 0);
  const columnOfTable = (t: Area, j: number) =>
    columnOf({ ...t, row: t.row + 1, rows: PLAN_TABLE_YEARS + 1 }, j);
  const fanRow = summaryRow + names.length + 1;
  const fan: ChartSpec = {
    kind: "scatter",
    title: `${portfolios[0].name}: value by year in today's money (percentiles of the paths)`,
    series: names.slice(0, -1).map((name, k) => ({
      name,
      values: columnOfTable(tables[0], 1 + k),
      xValues: yearsOf(tables[0]),
    })),
    valueAxis: { title: "Value (today's money)", numberFormat: MONEY },
    categoryAxis: { title: "Year", numberFormat: "0" },
    legend: "bottom",
    position: { row: fanRow, column: 0, rows: CHART_ROWS, columns: width },
  };
  const successRow = fanRow + CHART_ROWS + 1;
  const success: ChartSpec = {
    kind: "scatter",
    title: "Share of paths not depleted",
    series: portfolios.map((p, k) => ({
      name: p.name,
      values: columnOfTable(tables[k], PLAN_COLUMNS - 1),
      xValues: yearsOf(tables[k]),
    })),
    valueAxis: { numberFormat: "0%", minimum: 0, maximum: 1 },
    categoryAxis: { title: "Year", numberFormat: "0" },
    legend: "bottom",
    position: { row: successRow, column: 0, rows: CHART_ROWS, columns: width },
  };
  const firstTableColumn = width + 1;
  const lastTableColumn = tables[tables.length - 1].column + PLAN_COLUMNS;
  return {
    inputs,
    tables,
    summary,
    charts: [fan, success],
    nextRow: successRow + CHART_ROWS,
    columnWidths: Array.from({ length: lastTableColumn - firstTableColumn }, (_, i) => ({
      column: firstTableColumn + i,
      width: 72,
    })),
  };
}
