/**
 * The stacked-portfolio sheet evaluated in a real spreadsheet engine (HyperFormula with the built
 * =STACK.* functions): every formula cell equals the core's direct result for the inputs the sheet holds,
 * which proves each formula points at the right cells; the worked values of DESIGN.md §1 come out; edits
 * recalculate; text from a file stays text.
 */
import { DetailedCellError } from "hyperformula";
import { CmaTable, readCmaText } from "../../src/io/cma-table";
import { template } from "../../src/io/templates";
import { cmaSheet, CmaSheet, pickReferenceAssets } from "../../src/sheets/cma-sheet";
import { isFormula } from "../../src/sheets/layout";
import { worked } from "../fixtures/stacked-example";
import { cellsOf, key, num } from "./cells";
import { checkAgainstCore } from "./cma-check";
import { checkPlanningSections } from "./cma-planning-checks";
import { LoadedLayout, loadLayout } from "./hyperformula-stack";

// 500 paths per plan instead of 10,000: each load runs the sheet's three plans through the bundle
// in a sandbox (cma-planning.test.ts builds the sheet as the pane does).
const options = { source: "test", builtOn: "2025-01-31", plan: { paths: 500 } };

function tableOf(csv: string): CmaTable {
  const read = readCmaText(csv);
  expect(read.problems).toEqual([]);
  return read.table!;
}

const example = tableOf(template("stocks-bonds-cash")!.csv);

/** The portfolios' cells (cma-check.ts) and the frontier and plan sections (cma-planning-checks.ts). */
function checkAll(sheet: CmaSheet, book: LoadedLayout): Set<string> {
  const checked = checkAgainstCore(sheet, book);
  checkPlanningSections(sheet, book).forEach((c) => checked.add(key(c)));
  return checked;
}

function formulaCells(sheet: CmaSheet): string[] {
  return sheet.layout.blocks.flatMap((b) =>
    b.cells.flatMap((row, i) =>
      row.flatMap((content, j) =>
        isFormula(content) ? [key({ row: b.row + i, column: b.column + j })] : []
      )
    )
  );
}

describe("the stacked-portfolio sheet in HyperFormula", () => {
  const sheet = cmaSheet(example, options);
  const book = loadLayout(sheet.layout);

  it("evaluates every formula cell to the core's result for the inputs on the sheet", () => {
    const checked = checkAll(sheet, book);
    const unchecked = formulaCells(sheet).filter((k) => !checked.has(k));
    expect(unchecked).toEqual([]);
    expect(checked.size).toBeGreaterThan(40);
  });

  it("shows the worked values of DESIGN.md §1 for 100% stocks + 100% bonds financed at cash", () => {
    const [stack, stocks, sixtyForty] = sheet.portfolios;
    // DESIGN.md §1: σ = 14.43% (14.4326%), ρ(P, stocks) 0.918, ρ(P, bonds) 0.0970, ρ(P, cash) −0.080.
    expect(num(book, stack.vol)).toBeCloseTo(worked.vol, 6);
    const rho = cellsOf(stack.correlations).map((c) => num(book, c));
    expect(rho[0]).toBeCloseTo(worked.corrStocks, 7);
    expect(rho[1]).toBeCloseTo(worked.corrBonds, 7);
    expect(rho[2]).toBeCloseTo(worked.corrCash, 7);
    expect(rho[3]).toBeCloseTo(worked.corrCash, 7); // the financing leg is short cash
    // DESIGN.md §1: 7% + 5% − (3% + premium 0) − fee 0 = 9%.
    expect(num(book, stack.expectedReturn)).toBeCloseTo(0.09, 12);
    // Hand calculation (python3 math.sqrt): √(1.09² − 0.1443260²) − 1 = 0.0804027; Sharpe (9% − 3%)/14.4326% = 0.4157255.
    expect(num(book, stack.compoundReturn)).toBeCloseTo(0.0804027, 7);
    expect(num(book, stack.sharpe)).toBeCloseTo(0.4157255, 7);
    // Median outcome = compound return; 10th percentile: Python statistics.NormalDist:
    // 0.0804027 + inv_cdf(0.1)·0.1443260/√10 = 0.0219128.
    expect(num(book, stack.outcomes[2])).toBeCloseTo(0.0804027, 7);
    expect(num(book, stack.outcomes[0])).toBeCloseTo(0.0219128, 7);
    // 100% stocks: 7%, 15%, Sharpe (7% − 3%)/15% = 0.2667.
    expect(num(book, stocks.expectedReturn)).toBeCloseTo(0.07, 12);
    expect(num(book, stocks.vol)).toBeCloseTo(0.15, 12);
    expect(num(book, stocks.sharpe)).toBeCloseTo(0.2666667, 7);
    // 60/40 by hand: 0.6·7% + 0.4·5% = 6.2%; σ² = 0.36·0.0225 + 0.16·0.0036 + 2·0.24·0.15·0.06·(−0.3) = 0.00738 → 8.5907%.
    expect(num(book, sixtyForty.expectedReturn)).toBeCloseTo(0.062, 12);
    expect(num(book, sixtyForty.vol)).toBeCloseTo(0.0859069, 7);
  });

  it("labels the reference portfolios with the assets it picked", () => {
    expect(book.value(sheet.portfolios[1].header)).toBe("100% Stocks");
    expect(book.value(sheet.portfolios[2].header)).toBe("60/40 Stocks/Bonds");
    expect(sheet.references).toMatchObject({ stocks: 0, bonds: 1, cash: 2 });
  });

  it("recalculates when the user edits a weight, a return or the horizon", () => {
    const edited = loadLayout(sheet.layout);
    const stack = sheet.portfolios[0];
    edited.set({ row: stack.weights.row + 1, column: stack.weights.column }, 0.5); // bonds 100% → 50%
    edited.set({ row: sheet.table.returns.row + 2, column: sheet.table.returns.column }, 0.04); // cash 3% → 4%
    edited.set(sheet.horizon, 20);
    // 7% + 0.5·5% + (1 − 1.5)·4% = 7.5%: the financing rate follows cash's return.
    expect(num(edited, stack.expectedReturn)).toBeCloseTo(0.075, 12);
    const checked = checkAll(sheet, edited);
    expect(checked.size).toBeGreaterThan(40);
  });

  it("puts the CMA table in named ranges that the formulas use", () => {
    const names = Object.fromEntries(sheet.layout.names.map((n) => [n.name, n.area]));
    expect(names.CMA_Returns).toEqual(sheet.table.returns);
    expect(names.CMA_Correlations).toEqual(sheet.table.correlations);
    expect(names.CMA_Table).toEqual({ row: 5, column: 0, rows: 4, columns: 6 });
    const volFormula = sheet.layout.blocks
      .flatMap((b) => b.cells.flat())
      .find((c) => isFormula(c) && c.formula.startsWith("=STACK.VOL"));
    expect(volFormula).toEqual({
      formula: "=STACK.VOL(B13:B15,CMA_Vols,CMA_Correlations,B24,$F$7:$F$9)",
    });
  });
});

describe("tables without the example's names", () => {
  it("uses the first two non-cash assets as stocks and bonds, says so, and finances a table without cash at 0%", () => {
    const table = tableOf(
      "Asset,Return,Vol,US large cap,Intl,Gold\nUS large cap,8,16,1,,\nIntl,7,18,0.8,1,\nGold,4,15,0.1,0.2,1\n"
    );
    expect(pickReferenceAssets(table.assets)).toMatchObject({
      stocks: 0,
      bonds: 1,
      cash: undefined,
    });
    const sheet = cmaSheet(table, options);
    expect(sheet.references.explanation).toContain(
      "US large cap stands for stocks (no asset is named like it"
    );
    const book = loadLayout(sheet.layout);
    const checked = checkAll(sheet, book);
    expect(formulaCells(sheet).filter((k) => !checked.has(k))).toEqual([]);
    expect(num(book, sheet.portfolios[0].rate)).toBe(0);
    expect(book.value(sheet.portfolios[2].header)).toBe("60/40 US large cap/Intl");
  });

  it("picks stocks and bonds by name wherever they are, and cash as the financing asset", () => {
    expect(pickReferenceAssets(["T-Bills", "US Treasuries", "Global equities"])).toMatchObject({
      stocks: 2,
      bonds: 1,
      cash: 0,
    });
  });

  it("builds a one-asset table: 60% of it, the rest at the financing rate", () => {
    const sheet = cmaSheet(tableOf("Asset,Return,Volatility,Stocks\nStocks,7%,15%,1\n"), options);
    const book = loadLayout(sheet.layout);
    const checked = checkAll(sheet, book);
    expect(formulaCells(sheet).filter((k) => !checked.has(k))).toEqual([]);
    expect(book.value(sheet.portfolios[2].header)).toBe("60% Stocks");
  });

  it("shows the blank template's zero volatilities as #DIV/0! in Sharpe until the user fills them in", () => {
    const sheet = cmaSheet(tableOf(template("blank")!.csv), options);
    const book = loadLayout(sheet.layout);
    const sharpe = book.value(sheet.portfolios[0].sharpe);
    expect(sharpe).toBeInstanceOf(DetailedCellError);
    expect((sharpe as DetailedCellError).value).toBe("#DIV/0!");
    expect(num(book, sheet.portfolios[0].expectedReturn)).toBe(0);
  });
});

describe("text from a file stays text", () => {
  it("keeps asset names that look like formulas as the literal text, in the table and in every label", () => {
    const csv =
      'Asset,Return,Vol,,\n"=HYPERLINK(""http://evil.example"",""click"")",7%,15%,1,\n+cmd|calc,5%,6%,0.2,1\n';
    const table = tableOf(csv);
    expect(table.assets).toEqual(['=HYPERLINK("http://evil.example","click")', "+cmd|calc"]);
    const sheet = cmaSheet(table, options);
    const book = loadLayout(sheet.layout);
    expect(book.value({ row: sheet.table.assets.row, column: 0 })).toBe(
      '=HYPERLINK("http://evil.example","click")'
    );
    expect(book.value({ row: sheet.table.assets.row + 1, column: 0 })).toBe("+cmd|calc");
    expect(
      book.hf.getCellFormula({ sheet: book.sheet, row: sheet.table.assets.row, col: 0 })
    ).toBeUndefined();
    const checked = checkAll(sheet, book);
    expect(formulaCells(sheet).filter((k) => !checked.has(k))).toEqual([]);
  });
});
