/**
 * The stacked-portfolio sheet's results against the core: every portfolio's total, financing terms,
 * expected and compound return, volatility, Sharpe ratio, correlations and outcome percentiles
 * recomputed by the core from the inputs the engine holds. Shared by the HyperFormula tests of the live
 * sheet and the HyperFormula and LibreOffice tests of the portable one.
 */
import { expectedReturn } from "../../src/core/expected-return";
import { geometricReturn } from "../../src/core/geometric-return";
import { horizonPercentile } from "../../src/core/horizon";
import { squareMatrix } from "../../src/core/matrix";
import { portfolio } from "../../src/core/portfolio";
import { correlationsWithAssets } from "../../src/core/portfolio-correlation";
import { portfolioVolatility } from "../../src/core/volatility";
import { CmaSheet, PERCENTILES } from "../../src/sheets/cma-sheet";
import { Area, Cell } from "../../src/sheets/layout";
import { Book, cellsOf, key, num } from "./cells";

/**
 * Every formula cell of the sheet against the core, with the inputs read back from the engine. Returns
 * the cells checked, so the caller can assert none was missed.
 */
export function checkAgainstCore(sheet: CmaSheet, book: Book): Set<string> {
  const checked = new Set<string>();
  const read = (a: Area) => Float64Array.from(cellsOf(a).map((c) => num(book, c)));
  const returns = read(sheet.table.returns);
  const vols = read(sheet.table.vols);
  const n = vols.length;
  const matrix = squareMatrix(n, read(sheet.table.correlations));
  const cash = sheet.references.cash;
  const expectCell = (cell: Cell, expected: number) => {
    expect(num(book, cell)).toBeCloseTo(expected, 12);
    checked.add(key(cell));
  };
  for (const p of sheet.portfolios) {
    const w = read(p.weights);
    const total = w.reduce((s, x) => s + x, 0);
    expectCell(p.total, total);
    expectCell(p.financingWeight, 1 - total);
    const [rate, premium, fee, financingVol] = [p.rate, p.premium, p.fee, p.financingVol].map((c) =>
      num(book, c)
    );
    // The linked financing terms: the stack's rate and volatility come from cash; the references follow the stack.
    const stack = sheet.portfolios[0];
    if (p === stack) {
      expect(rate).toBe(cash === undefined ? 0 : returns[cash]);
      expect(financingVol).toBe(cash === undefined ? 0 : vols[cash]);
      if (cash !== undefined) [p.rate, p.financingVol].forEach((c) => checked.add(key(c)));
    } else {
      expectCell(p.rate, num(book, stack.rate));
      expectCell(p.premium, num(book, stack.premium));
      expectCell(p.financingVol, num(book, stack.financingVol));
    }
    const financing = {
      vol: financingVol,
      correlations:
        cash === undefined ? new Float64Array(n) : matrix.data.slice(cash * n, cash * n + n),
    };
    const model = portfolio(w, vols, matrix, financing);
    const e = expectedReturn(w, returns, { financingRate: rate, premium, fee });
    const sigma = portfolioVolatility(model);
    const g = geometricReturn(e, sigma);
    expectCell(p.expectedReturn, e);
    expectCell(p.vol, sigma);
    expectCell(p.compoundReturn, g);
    expectCell(p.sharpe, (e - rate) / sigma);
    const rho = correlationsWithAssets(model);
    expect(p.correlations.rows).toBe(n + 1);
    cellsOf(p.correlations).forEach((c, k) => expectCell(c, rho[k]));
    const years = num(book, sheet.horizon);
    p.outcomes.forEach((c, k) => expectCell(c, horizonPercentile(g, sigma, years, PERCENTILES[k])));
  }
  for (const { cell, text } of sheet.labels) {
    expect(book.value(cell)).toBe(text);
    checked.add(key(cell));
  }
  return checked;
}
