/**
 * The funds section of the stacked-portfolio sheet in a real spreadsheet engine (HyperFormula with the
 * built =STACK.* functions registered): the look-through exposures, the mix for a target, the CMA
 * weights by mapped asset class and the risk and return over them, checked against worked values (issue
 * #11, DESIGN.md §1, test/fixtures/funds_reference.py) and the core; edits recalculate; a fund typed
 * into an empty row counts; an unmapped class is flagged and its exposure shown as left out.
 */
import { DetailedCellError } from "hyperformula";
import { writeFileSync, mkdirSync } from "fs";
import { resolve } from "path";
import { expectedReturn } from "../../src/core/expected-return";
import { geometricReturn } from "../../src/core/geometric-return";
import { squareMatrix } from "../../src/core/matrix";
import { portfolio } from "../../src/core/portfolio";
import { correlationsWithAssets } from "../../src/core/portfolio-correlation";
import { portfolioVolatility } from "../../src/core/volatility";
import { readCmaText } from "../../src/io/cma-table";
import { template } from "../../src/io/templates";
import { EMPTY_FUND_ROWS, FundsSetup } from "../../src/sheets/cma-funds";
import { cmaSheet, CmaSheet } from "../../src/sheets/cma-sheet";
import { templateFund } from "../../src/sheets/fund-template";
import { Area, isFormula } from "../../src/sheets/layout";
import { worked } from "../fixtures/stacked-example";
import { loadLayout, LoadedLayout } from "./hyperformula-stack";
import { cellsOf, num } from "./cells";

const example = readCmaText(template("stocks-bonds-cash")!.csv).table!;
const options = { source: "test", builtOn: "2025-01-31" };
const funds = (...tickers: string[]) => tickers.map((t) => templateFund(t)!);

const row = (book: LoadedLayout, a: Area) => cellsOf(a).map((c) => num(book, c));

function build(setup: FundsSetup): { sheet: CmaSheet; book: LoadedLayout } {
  const sheet = cmaSheet(example, { ...options, funds: setup });
  return { sheet, book: loadLayout(sheet.layout) };
}

/** The CMA results of one fund portfolio recomputed by the core from what the sheet holds. */
function expectCoreResults(sheet: CmaSheet, book: LoadedLayout, p: number) {
  const cells = sheet.funds!.portfolios[p];
  const n = example.assets.length;
  const w = Float64Array.from(row(book, cells.weights));
  const returns = Float64Array.from(example.returns);
  const vols = Float64Array.from(example.vols);
  const matrix = squareMatrix(n, Float64Array.from(example.correlations.flat()));
  const [rate, premium, fee, financingVol] = [
    cells.rate,
    cells.premium,
    cells.fee,
    cells.financingVol,
  ].map((c) => num(book, c));
  const model = portfolio(w, vols, matrix, {
    vol: financingVol,
    correlations: Float64Array.from(example.correlations[2]),
  });
  const e = expectedReturn(w, returns, { financingRate: rate, premium, fee });
  const sigma = portfolioVolatility(model);
  expect(num(book, cells.expectedReturn)).toBeCloseTo(e, 12);
  expect(num(book, cells.vol)).toBeCloseTo(sigma, 12);
  expect(num(book, cells.compoundReturn)).toBeCloseTo(geometricReturn(e, sigma), 12);
  expect(num(book, cells.sharpe)).toBeCloseTo((e - rate) / sigma, 12);
  const rho = correlationsWithAssets(model);
  row(book, cells.correlations).forEach((r, k) => expect(r).toBeCloseTo(rho[k], 12));
}

describe("the funds section in HyperFormula", () => {
  it("100% RSSB priced as stocks + bonds is the §1 stack: σ 14.43%, E 9% less its 0.40% fee", () => {
    const { sheet, book } = build({
      funds: funds("RSSB", "RSST", "NTSX"),
      holdings: [1, 0, 0],
      target: {},
      maxTotal: 1,
      mapping: { "Global equity": "Stocks", "US equity": "Stocks", "US Treasuries": "Bonds" },
    });
    const f = sheet.funds!;
    expect(f.classes).toEqual(["US equity", "Global equity", "US Treasuries", "Managed futures"]);
    // Hand: RSSB = 1 global equity + 1 US Treasuries; total 2; financing −1.
    expect(row(book, f.lookThrough)).toEqual([0, 1, 1, 0, 2, -1]);
    expect(num(book, f.expenseRatios[0])).toBeCloseTo(0.004, 15);
    const yours = f.portfolios[0];
    expect(row(book, yours.weights)).toEqual([1, 1, 0]);
    expect(num(book, yours.leftOut)).toBe(0);
    // DESIGN.md §1 with weights (1, 1) financed at cash: σ = 14.4326%, E = 7% + 5% − 3% = 9%, less the fee.
    expect(num(book, yours.vol)).toBeCloseTo(worked.vol, 6);
    expect(num(book, yours.expectedReturn)).toBeCloseTo(0.09 - 0.004, 12);
    const rho = row(book, yours.correlations);
    expect(rho[0]).toBeCloseTo(worked.corrStocks, 7);
    expect(rho[1]).toBeCloseTo(worked.corrBonds, 7);
    expect(rho[3]).toBeCloseTo(worked.corrCash, 7);
    expectCoreResults(sheet, book, 0);
    expectCoreResults(sheet, book, 1);
  });

  it("50% RSSB + 50% RSST: 0.5 of each class, total 2.0, financing −1.0; trend unmapped and left out", () => {
    const { sheet, book } = build({
      funds: funds("RSSB", "RSST"),
      holdings: [0.5, 0.5],
      target: {},
      maxTotal: 1,
      mapping: { "Global equity": "Stocks", "US equity": "Stocks", "US Treasuries": "Bonds" },
    });
    const f = sheet.funds!;
    // Issue #11's worked value; weighted expense ratio 0.5·0.40% + 0.5·1.00% = 0.70%.
    expect(row(book, f.lookThrough)).toEqual([0.5, 0.5, 0.5, 0.5, 2, -1]);
    expect(num(book, f.expenseRatios[0])).toBeCloseTo(0.007, 15);
    expect(cellsOf(f.mapped).map((c) => book.value(c))).toEqual([
      "yes",
      "yes",
      "yes",
      "no: left out",
    ]);
    expect(num(book, f.portfolios[0].leftOut)).toBeCloseTo(0.5, 15);
    expect(row(book, f.portfolios[0].weights)).toEqual([1, 0.5, 0]);
    const notes = sheet.layout.blocks
      .flatMap((b) => b.cells.flat())
      .filter((c) => typeof c === "string");
    expect(notes).toContain(
      "Not in the CMA table, so left out of the results: Managed futures. Type a CMA asset's name under each, or add the class to the table."
    );
    // Mapping it on the sheet brings it in (here, as stocks), live.
    book.set(cellsOf(f.mapping)[3], "Stocks");
    expect(book.value(cellsOf(f.mapped)[3])).toBe("yes");
    expect(num(book, f.portfolios[0].leftOut)).toBeCloseTo(0, 15);
    expectCoreResults(sheet, book, 0);
  });

  it("sizes NTSX + RSST to 60/40 + 20% trend: the numpy mix, its residual and its look-through", () => {
    const { sheet, book } = build({
      funds: funds("NTSX", "RSST"),
      holdings: [0.6, 0.4],
      target: { "US equity": 0.6, "US Treasuries": 0.4, "Managed futures": 0.2 },
      maxTotal: 1,
      mapping: { "US equity": "Stocks", "US Treasuries": "Bonds" },
    });
    const f = sheet.funds!;
    const mix = cellsOf(f.mix);
    // test/fixtures/funds_reference.py: weights 0.5490196, 0.1529412; residual 0.0970143.
    expect(num(book, mix[0])).toBeCloseTo(0.5490196078431372, 12);
    expect(num(book, mix[1])).toBeCloseTo(0.15294117647058808, 12);
    expect(mix.slice(2, 2 + EMPTY_FUND_ROWS).map((c) => book.value(c))).toEqual(["", "", ""]);
    expect(num(book, f.residual)).toBeCloseTo(0.09701425001453325, 12);
    const reached = row(book, f.mixLookThrough);
    [0.6470588235294116, 0.3294117647058823, 0.15294117647058808].forEach((e, k) =>
      expect(reached[k]).toBeCloseTo(e, 12)
    );
    expect(reached[3]).toBeCloseTo(
      0.6470588235294116 + 0.3294117647058823 + 0.15294117647058808,
      12
    );
    // Mix expense ratio: 0.549·0.20% + 0.153·1.00%.
    expect(num(book, f.expenseRatios[1])).toBeCloseTo(
      0.5490196078431372 * 0.002 + 0.15294117647058808 * 0.01,
      14
    );
    expectCoreResults(sheet, book, 1);
    // A reachable target: 45% US equity + 30% Treasuries = 50% NTSX, residual 0 (hand: 0.5·0.9, 0.5·0.6).
    cellsOf(f.target).forEach((c, k) => book.set(c, [0.45, 0.3, 0][k]));
    expect(num(book, mix[0])).toBeCloseTo(0.5, 12);
    expect(num(book, mix[1])).toBeCloseTo(0, 12);
    expect(num(book, f.residual)).toBeLessThan(1e-12);
  });

  it("counts a fund typed into an empty row, and recalculates edited holdings", () => {
    const { sheet, book } = build({
      funds: funds("RSSB", "RSST"),
      holdings: [0.3, 0.2],
      target: {},
      maxTotal: 1,
      mapping: {},
    });
    const f = sheet.funds!;
    const slot = f.funds.row + 2;
    // VTI: 1.0 US equity (first class column), 0.03%, held at 50%: the "30% RSSB, 20% RSST, 50% VTI".
    book.set({ row: slot, column: 0 }, "VTI");
    book.set({ row: slot, column: 1 }, 0.5);
    book.set({ row: slot, column: 3 }, 0.0003);
    cellsOf({ row: slot, column: f.exposures.column, rows: 1, columns: 4 }).forEach((c, k) =>
      book.set(c, [1, 0, 0, 0][k])
    );
    // Hand: US equity 0.2 + 0.5, global 0.3, Treasuries 0.3, trend 0.2 → total 1.5, financing −0.5.
    const look = row(book, f.lookThrough);
    [0.7, 0.3, 0.3, 0.2, 1.5, -0.5].forEach((e, k) => expect(look[k]).toBeCloseTo(e, 15));
    expect(num(book, f.expenseRatios[0])).toBeCloseTo(0.3 * 0.004 + 0.2 * 0.01 + 0.5 * 0.0003, 15);
    book.set(cellsOf(f.holdings)[0], 0);
    expect(row(book, f.lookThrough)[1]).toBe(0);
  });

  it("evaluates every formula of the section without an error", () => {
    const { sheet, book } = build({
      funds: funds("RSSB", "RSST", "NTSX", "UPRO", "TMF"),
      holdings: [0.3, 0.2, 0.3, 0.1, 0.1],
      target: { "US equity": 0.6, "US Treasuries": 0.4, "Managed futures": 0.2 },
      maxTotal: 1,
      mapping: { "US equity": "Stocks", "US Treasuries": "Bonds", "Long-duration bonds": "Bonds" },
    });
    const start = sheet.funds!.funds.row - 3;
    const grid: string[] = [];
    for (const block of sheet.layout.blocks.filter((b) => b.row >= start))
      block.cells.forEach((cells, i) =>
        cells.forEach((content, j) => {
          if (!isFormula(content)) return;
          const v = book.value({ row: block.row + i, column: block.column + j });
          expect(v).not.toBeInstanceOf(DetailedCellError);
        })
      );
    // A printed grid of the section, to look at (test-artifacts/ is git-ignored).
    const last = sheet.funds!.lastRow;
    for (let r = start; r <= last; r++) {
      const values: string[] = [];
      for (let c = 0; c < 12; c++) {
        const v = book.value({ row: r, column: c });
        values.push(
          typeof v === "number" ? v.toFixed(4) : v === null ? "" : String(v).slice(0, 24)
        );
      }
      grid.push(`${r + 1}\t${values.join("\t")}`);
    }
    const dir = resolve(__dirname, "../../test-artifacts");
    mkdirSync(dir, { recursive: true });
    writeFileSync(resolve(dir, "cma-funds-grid.tsv"), grid.join("\n") + "\n");
  });
});
