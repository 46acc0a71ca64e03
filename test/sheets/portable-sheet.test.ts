/**
 * The stacked-portfolio sheet in portable Excel formulas (issue #12), checked by two engines nobody here
 * wrote: HyperFormula (array arithmetic on, as Excel's dynamic arrays) and LibreOffice Calc, which
 * recalculates the layout written as an .xlsx file (xlsx-layout.ts, libreoffice.ts). In both, every
 * result equals the core's (cma-check.ts recomputes each from the inputs the engine holds) and the same
 * cell of the live =STACK.* sheet to 12 significant digits; no formula calls a function outside Excel's
 * own. The funds section's look-through is native too; its mix (least squares, no Excel formula) is
 * frozen when built, and equals the numpy reference of test/fixtures/funds_reference.py.
 * The largest difference from the live sheet, as LibreOffice computes it, is written to
 * test-artifacts/portable-vs-live.txt.
 */
import fs from "fs";
import path from "path";
import { readCmaText } from "../../src/io/cma-table";
import { cellName } from "../../src/io/a1";
import { template } from "../../src/io/templates";
import { FundsSetup } from "../../src/sheets/cma-funds";
import {
  cmaSheet,
  CmaSheet,
  PORTABLE_NOTE,
  PORTABLE_PLANNING_NOTE,
} from "../../src/sheets/cma-sheet";
import { templateFund } from "../../src/sheets/fund-template";
import { Cell, isFormula, Layout } from "../../src/sheets/layout";
import { theme } from "../../src/sheets/theme";
import { worked } from "../fixtures/stacked-example";
import { Book, cellsOf, num } from "./cells";
import { checkAgainstCore } from "./cma-check";
import { loadLayout } from "./hyperformula-stack";
import { convert, describeWithSoffice, readCalculated, scratchFolder } from "./libreoffice";
import { writeLayoutXlsx } from "./xlsx-layout";

const artifacts = path.resolve(__dirname, "../../test-artifacts");
const options = { source: "test", builtOn: "2025-01-31" };
const table = (csv: string) => {
  const read = readCmaText(csv);
  expect(read.problems).toEqual([]);
  return read.table!;
};
const example = table(template("stocks-bonds-cash")!.csv);
const FOUR_ASSETS = table(
  "Asset,Expected return,Volatility,US stocks,Intl stocks,Bonds,Cash\nUS stocks,7.5,16,1,0.8,0.1,0\nIntl stocks,8,18,0.8,1,0.05,0\nBonds,4.5,6,0.1,0.05,1,0.2\nCash,3.5,1,0,0,0.2,1\n"
);
const NO_CASH = table(
  "Asset,Return,Vol,US large cap,Intl,Gold\nUS large cap,8,16,1,,\nIntl,7,18,0.8,1,\nGold,4,15,0.1,0.2,1\n"
);
const FUNDS: FundsSetup = {
  funds: ["NTSX", "RSST", "RSSB"].map((t) => templateFund(t)!),
  holdings: [0.5, 0.3, 0.2],
  target: { "US equity": 0.6, "US Treasuries": 0.4, "Managed futures": 0.2 },
  maxTotal: 1,
  mapping: { "US equity": "Stocks", "Global equity": "Stocks", "US Treasuries": "Bonds" },
};

interface Case {
  readonly name: string;
  readonly live: CmaSheet;
  readonly portable: CmaSheet;
}
const cases: Case[] = [
  ["stocks, bonds and cash (DESIGN.md §1)", example, undefined],
  ["four assets with cash", FOUR_ASSETS, undefined],
  ["no cash asset", NO_CASH, undefined],
  ["with funds NTSX, RSST and RSSB", example, FUNDS],
].map(([name, t, funds]) => ({
  name: name as string,
  live: cmaSheet(t as typeof example, { ...options, funds: funds as FundsSetup | undefined }),
  portable: cmaSheet(t as typeof example, {
    ...options,
    funds: funds as FundsSetup | undefined,
    formulas: "portable",
  }),
}));

const formulaCells = (layout: Layout): { cell: Cell; formula: string }[] =>
  layout.blocks.flatMap((b) =>
    b.cells.flatMap((row, i) =>
      row.flatMap((c, j) =>
        isFormula(c) ? [{ cell: { row: b.row + i, column: b.column + j }, formula: c.formula }] : []
      )
    )
  );

/** Relative difference, with 1e-15 as the floor of the scale (a correlation that is 0 to rounding). */
const difference = (a: number, b: number) =>
  Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-15);
/** 12 significant digits. */
const TWELVE_DIGITS = 5e-12;

/**
 * Every formula cell of the portable sheet against the same cell of the live sheet: numbers to 12
 * significant digits, text and errors equal. Returns the largest relative difference.
 */
function compareWithLive(c: Case, portable: Book, live: Book): number {
  let largest = 0;
  for (const { cell } of formulaCells(c.portable.layout)) {
    const [p, l] = [portable.value(cell), live.value(cell)];
    if (typeof l === "number") {
      if (typeof p !== "number")
        throw new Error(`${c.name}: ${cellName(cell.row, cell.column)} is ${String(p)}, live ${l}`);
      const d = difference(p, l);
      if (d > TWELVE_DIGITS)
        throw new Error(`${c.name}: ${cellName(cell.row, cell.column)} is ${p}, live ${l}`);
      largest = Math.max(largest, d);
    } else
      expect([cellName(cell.row, cell.column), p]).toEqual([cellName(cell.row, cell.column), l]);
  }
  return largest;
}

/** HyperFormula's errors as their codes, like the other engine's. */
const hyperFormulaBook = (layout: Layout, arrayArithmetic: boolean): Book => {
  const book = loadLayout(layout, { arrayArithmetic });
  return {
    value: (cell) => {
      const v = book.value(cell);
      return typeof v === "object" && v !== null && "value" in v
        ? (v as { value: string }).value
        : v;
    },
  };
};

describe("the portable stacked-portfolio sheet", () => {
  it("calls none of Stack's functions and only functions of Excel that LibreOffice has", () => {
    for (const c of cases) {
      const formulas = formulaCells(c.portable.layout).map((f) => f.formula);
      expect(formulas.filter((f) => /STACK\./i.test(f))).toEqual([]);
      const used = new Set(
        formulas.flatMap((f) => [...f.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]))
      );
      expect([...used].filter((f) => !NATIVE.has(f))).toEqual([]);
      const texts = c.portable.layout.blocks.flatMap((b) => b.cells.flat());
      expect(texts).toContain(PORTABLE_NOTE);
      // No optimiser or Monte Carlo in Excel's own functions: those sections are left out, and said so.
      expect([c.portable.frontier, c.portable.plan]).toEqual([undefined, undefined]);
      expect(texts).toContain(PORTABLE_PLANNING_NOTE);
    }
  });

  it("puts every result where the live sheet has it, and leaves the live sheet as it was", () => {
    for (const c of cases) {
      expect(c.portable.portfolios).toEqual(c.live.portfolios);
      expect(c.portable.funds).toEqual(c.live.funds);
      expect(c.portable.layout.names).toEqual(c.live.layout.names);
      expect(formulaCells(c.live.layout).some((f) => f.formula.startsWith("=STACK.VOL("))).toBe(
        true
      );
    }
  });

  it("freezes the funds' mix (no Excel formula for it) at the numpy reference, its target marked fixed", () => {
    const c = cases[3];
    const f = c.portable.funds!;
    const book = hyperFormulaBook(c.portable.layout, true);
    const mix = cellsOf(f.mix).map((cell) => book.value(cell));
    // test/fixtures/funds_reference.py ("portable sheet: NTSX, RSST, RSSB"), numpy's active-set search.
    [0.5128205128205129, 0.16923076923076924, 0.04615384615384613].forEach((w, k) =>
      expect(mix[k]).toBeCloseTo(w, 12)
    );
    expect(mix.slice(3, 6)).toEqual([null, null, null]); // the empty rows for the user's own funds
    expect(num(book, f.residual)).toBeCloseTo(0.07844645405527367, 12);
    const inMix = (cell: Cell) =>
      cell.column === f.mix.column && cell.row >= f.mix.row && cell.row < f.mix.row + f.mix.rows;
    expect(formulaCells(c.portable.layout).filter((x) => inMix(x.cell))).toEqual([]);
    const styles = c.portable.layout.styles.filter(
      (s) => s.area.row === f.target.row && s.area.column === f.target.column
    );
    expect(styles.map((s) => s.style.fill)).toContain(theme.fixed.fill);
    // The mix's look-through and results are native formulas over the frozen weights, as in the live sheet.
    const live = hyperFormulaBook(c.live.layout, false);
    cellsOf(f.mix).forEach((cell) => {
      const [p, l] = [book.value(cell), live.value(cell)];
      if (typeof l === "number") expect(difference(p as number, l)).toBeLessThan(TWELVE_DIGITS);
    });
  });

  it("in HyperFormula equals the core and the live sheet to 12 significant digits", () => {
    for (const c of cases) {
      const book = hyperFormulaBook(c.portable.layout, true);
      expect(checkAgainstCore(c.portable, book).size).toBeGreaterThan(40);
      compareWithLive(c, book, hyperFormulaBook(c.live.layout, false));
    }
    // The worked values of DESIGN.md §1, from Excel's own functions.
    const book = hyperFormulaBook(cases[0].portable.layout, true);
    const stack = cases[0].portable.portfolios[0];
    expect(num(book, stack.vol)).toBeCloseTo(worked.vol, 6);
    expect(num(book, cellsOf(stack.correlations)[1])).toBeCloseTo(worked.corrBonds, 7);
  });
});

/** Excel functions the portable sheet may call: in every Excel since 2010, LibreOffice 7 and HyperFormula. */
const NATIVE = new Set([
  "SUM",
  "SUMPRODUCT",
  "MMULT",
  "SQRT",
  "MAX",
  "MIN",
  "NORM.S.INV",
  "IF",
  "COUNTIF",
  "SUMIF",
]);

describeWithSoffice("the portable sheet recalculated by LibreOffice Calc", () => {
  let calculated: Book[] = [];

  beforeAll(async () => {
    const folder = scratchFolder("portable");
    const files = cases.map((_, k) => path.join(folder, `portable-${k + 1}.xlsx`));
    await Promise.all(cases.map((c, k) => writeLayoutXlsx(c.portable.layout, files[k])));
    const out = path.join(folder, "calculated");
    fs.mkdirSync(out);
    calculated = await Promise.all(convert(files, "xlsx", out).map(readCalculated));
  }, 180_000);

  it("equals the core and the live sheet to 12 significant digits", () => {
    const lines: string[] = [];
    let largest = 0;
    cases.forEach((c, k) => {
      expect(checkAgainstCore(c.portable, calculated[k]).size).toBeGreaterThan(40);
      const d = compareWithLive(c, calculated[k], hyperFormulaBook(c.live.layout, false));
      lines.push(`${c.name}: largest relative difference ${d.toExponential(2)}`);
      largest = Math.max(largest, d);
    });
    lines.push(
      `overall: ${largest.toExponential(2)} (LibreOffice Calc vs the live =STACK.* sheet)`
    );
    fs.mkdirSync(artifacts, { recursive: true });
    fs.writeFileSync(path.join(artifacts, "portable-vs-live.txt"), `${lines.join("\n")}\n`);
    console.log(lines.join("\n"));
    expect(largest).toBeLessThan(TWELVE_DIGITS);
  });
});
