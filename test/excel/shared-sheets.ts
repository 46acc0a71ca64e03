/**
 * Both sheets Stack builds, as they stand in a workbook after Excel calculated them, for the Share tests:
 * the layout evaluated in HyperFormula with the built =STACK.* functions (values, and the range each
 * formula spills to), loaded into the fake workbook of fake-workbook-share.ts. And the way back: a shared
 * copy in the fake workbook as a Layout again, to write it as an .xlsx file for LibreOffice.
 */
import { DetailedCellError } from "hyperformula";
import { excelSerial } from "../../src/io/series-dates";
import { readCmaText } from "../../src/io/cma-table";
import { template } from "../../src/io/templates";
import { backtestSheet } from "../../src/sheets/backtest-sheet";
import { cmaSheet } from "../../src/sheets/cma-sheet";
import { templateFund } from "../../src/sheets/fund-template";
import { sheetReference } from "../../src/sheets/formula-references";
import { Area, Block, Cell, ChartSpec, Layout, StyledArea } from "../../src/sheets/layout";
import { config5545, syntheticData } from "../fixtures/backtest-data";
import { loadLayout } from "../sheets/hyperformula-stack";
import { FakeSheet, sheetFromLayout } from "./fake-workbook-share";

/** The stacked-portfolio sheet with funds, and a backtest sheet with a Monte Carlo block (700 weekdays). */
export function builtLayouts(): { cma: Layout; backtest: Layout } {
  const cma = cmaSheet(readCmaText(template("stocks-bonds-cash")!.csv).table!, {
    source: "the example template",
    builtOn: "2025-01-31",
    funds: {
      funds: ["NTSX", "RSST", "RSSB"].map((t) => templateFund(t)!),
      holdings: [0.5, 0.3, 0.2],
      target: { "US equity": 0.6, "US Treasuries": 0.4, "Managed futures": 0.2 },
      maxTotal: 1,
      mapping: { "US equity": "Stocks", "Global equity": "Stocks", "US Treasuries": "Bonds" },
    },
  }).layout;
  const backtest = backtestSheet(
    config5545({ monteCarlo: { years: 1, paths: 200, block: 5, seed: 7 } }),
    syntheticData(700, excelSerial(2019, 3, 4)!),
    "2025-01-31"
  ).layout;
  return { cma, backtest };
}

/** A layout as Excel holds it once calculated: HyperFormula's values and spill ranges, in a fake sheet. */
export function calculatedSheet(layout: Layout, id: string): FakeSheet {
  const book = loadLayout(layout);
  const at = (c: Cell) => ({ sheet: book.sheet, row: c.row, col: c.column });
  const value = (c: Cell) => {
    const v = book.value(c);
    return v instanceof DetailedCellError ? v.value : v;
  };
  const spill = (c: Cell): Area | undefined => {
    if (!book.hf.isCellPartOfArray(at(c))) return undefined;
    const child = (r: number, col: number) =>
      book.hf.isCellPartOfArray(at({ row: r, column: col })) &&
      book.hf.getCellFormula(at({ row: r, column: col })) === undefined;
    let columns = 1;
    while (child(c.row, c.column + columns)) columns++;
    let rows = 1;
    while (child(c.row + rows, c.column)) rows++;
    return { ...c, rows, columns };
  };
  return sheetFromLayout(layout, id, value, spill);
}

/**
 * A sheet of the fake workbook as a Layout again: its cells (values, and the formulas it kept), the
 * original layout's looks with the sheet's own fill and font changes over them, its names, print area
 * and charts.
 */
export function layoutOf(sheet: FakeSheet, original: Layout): Layout {
  const blocks: Block[] = [...sheet.cells].map(([k, cell]) => {
    const [row, column] = k.split(",").map(Number);
    const content =
      cell.formula !== undefined
        ? { formula: cell.formula }
        : cell.value === undefined || cell.value === ""
          ? null
          : cell.value === "#N/A"
            ? { formula: "=NA()" } // the error value itself, which a file cannot hold as text
            : (cell.value as string | number | boolean);
    return { row, column, cells: [[content]] };
  });
  const restyled: StyledArea[] = [];
  for (const [k, fill] of sheet.fills) {
    const [row, column] = k.split(",").map(Number);
    restyled.push({ area: { row, column, rows: 1, columns: 1 }, style: { fill } });
  }
  for (const [k, font] of sheet.fonts) {
    const [row, column] = k.split(",").map(Number);
    restyled.push({ area: { row, column, rows: 1, columns: 1 }, style: { font } });
  }
  const area = (text: string | undefined) => (text ? sheetReference(text)?.area : undefined);
  const charts: ChartSpec[] = sheet.charts.map((chart) => {
    const spec = original.charts[Number(/\d+$/.exec(chart.name)![0]) - 1];
    return {
      ...spec,
      categories: area(chart.series[0]?.categories) ?? spec.categories,
      series: chart.series.map((s, j) => ({
        name: s.name,
        values: area(s.values) ?? spec.series[j].values,
      })),
    };
  });
  return {
    ...original,
    sheetName: sheet.name,
    blocks,
    styles: [...original.styles, ...restyled],
    names: sheet.names.flatMap((n) => {
      const ref = sheetReference(n.formula);
      return ref ? [{ name: n.name, area: ref.area }] : [];
    }),
    charts,
    print:
      original.print && sheet.printArea
        ? { ...original.print, area: sheet.printArea }
        : original.print,
  };
}

/** Every formula of a fake sheet, with where it is. */
export function formulasOf(sheet: FakeSheet): { at: string; formula: string }[] {
  return [...sheet.cells].flatMap(([k, c]) =>
    c.formula === undefined ? [] : [{ at: k, formula: c.formula }]
  );
}
