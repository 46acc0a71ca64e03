/**
 * Checks of the stacked-portfolio sheet's planning sections (src/sheets/cma-frontier.ts, cma-plan.ts)
 * in HyperFormula against the core: the inputs are read back from the engine, the core computes what
 * each spill and summary cell must show (or the error it must show), and every cell is compared.
 * Returns the cells checked, so the sheet's own test can assert that no formula went unchecked.
 */
import { CellValue, DetailedCellError } from "hyperformula";
import { efficientFrontier } from "../../src/core/efficient-frontier";
import { StackError } from "../../src/core/errors";
import { frontierPoints } from "../../src/core/frontier-portfolios";
import { squareMatrix } from "../../src/core/matrix";
import { plan } from "../../src/core/plan";
import { FRONTIER_HEADER, PLAN_HEADER } from "../../src/functions/planning";
import { CmaSheet } from "../../src/sheets/cma-sheet";
import { FRONTIER_POINTS } from "../../src/sheets/cma-frontier";
import { PLAN_TABLE_YEARS } from "../../src/sheets/cma-plan";
import { Area, Cell } from "../../src/sheets/layout";
import { LoadedLayout } from "./hyperformula-stack";
import { cellsOf, num } from "./cells";

/** Equal to 12 significant digits (values run from weights to millions). */
function expectNumber(actual: CellValue, expected: number) {
  expect(typeof actual).toBe("number");
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(
    1e-12 * Math.max(1, Math.abs(expected))
  );
}

/** Run `compute`; when the core refuses the inputs, the anchor cell must show its #VALUE! message. */
function expectSpill(
  book: LoadedLayout,
  spill: Area,
  compute: () => (number | string)[][],
  checked: Cell[]
): void {
  const anchor = { row: spill.row, column: spill.column };
  checked.push(anchor);
  let rows: (number | string)[][];
  try {
    rows = compute();
  } catch (e) {
    if (!(e instanceof StackError)) throw e;
    const shown = book.value(anchor);
    expect(shown).toBeInstanceOf(DetailedCellError);
    expect((shown as DetailedCellError).value).toBe("#VALUE!");
    expect((shown as DetailedCellError).message).toBe(e.message);
    return;
  }
  rows.forEach((row, i) =>
    row.forEach((expected, j) => {
      const actual = book.value({ row: spill.row + i, column: spill.column + j });
      if (typeof expected === "number") expectNumber(actual, expected);
      else expect(actual).toBe(expected);
    })
  );
  // Below the spill the reserved room is empty.
  if (rows.length < spill.rows)
    expect(book.value({ row: spill.row + rows.length, column: spill.column })).toBeNull();
}

/** The frontier and plan sections of a live sheet (a portable one has neither). */
export function planningOf(sheet: CmaSheet): Required<Pick<CmaSheet, "frontier" | "plan">> {
  const { frontier, plan } = sheet;
  if (frontier === undefined || plan === undefined) throw new Error("no planning sections");
  return { frontier, plan };
}

export function checkPlanningSections(sheet: CmaSheet, book: LoadedLayout): Cell[] {
  const checked: Cell[] = [];
  const read = (a: Area) => Float64Array.from(cellsOf(a).map((c) => num(book, c)));
  const returns = read(sheet.table.returns);
  const vols = read(sheet.table.vols);
  const correlations = squareMatrix(vols.length, read(sheet.table.correlations));
  const stack = sheet.portfolios[0];
  const rate = num(book, stack.rate);
  const premium = num(book, stack.premium);

  // The frontiers: unlevered, and up to the maximum exposure.
  const { frontier, plan: section } = planningOf(sheet);
  const maxima = [1, num(book, frontier.maxExposure)];
  [frontier.unlevered, frontier.levered].forEach((spill, k) =>
    expectSpill(
      book,
      spill,
      () => {
        const traced = efficientFrontier({
          returns,
          vols,
          correlations,
          maxTotal: maxima[k],
          borrowingRate: rate + premium,
        });
        return [
          [...FRONTIER_HEADER, ...Array.from(returns, (_, i) => `Weight ${i + 1}`)],
          ...frontierPoints(traced, FRONTIER_POINTS).map((p) => [
            p.volatility,
            p.expectedReturn,
            (p.expectedReturn - rate) / p.volatility,
            ...p.weights,
          ]),
        ];
      },
      checked
    )
  );

  // The plans: one table per portfolio, and the summary after the last year.
  const inputs = section.inputs;
  const [start, flow, years, inflation, paths] = [
    inputs.startValue,
    inputs.cashflow,
    inputs.years,
    inputs.inflation,
    inputs.paths,
  ].map((c) => num(book, c));
  expect(years).toBeLessThanOrEqual(PLAN_TABLE_YEARS);
  sheet.portfolios.forEach((p, k) => {
    const result = plan(
      start,
      flow,
      years,
      num(book, p.expectedReturn),
      num(book, p.vol),
      inflation,
      paths,
      1
    );
    const row = (t: number) => [t, ...result.percentiles.map((q) => q[t]), result.solvent[t]];
    expectSpill(
      book,
      section.tables[k],
      () => [[...PLAN_HEADER], ...Array.from({ length: years + 1 }, (_, t) => row(t))],
      checked
    );
    section.summary.forEach((cells, j) => {
      expectNumber(book.value(cells[k]), row(years)[1 + j]);
      checked.push(cells[k]);
    });
  });
  return checked;
}
