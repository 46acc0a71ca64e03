/**
 * The spill-size rules of the HyperFormula harness (hyperformula-stack.ts): for every spilling =STACK.*
 * function, the area HyperFormula reserves when it parses a formula is exactly the size of the function's
 * result as Excel receives it (the built function called directly, with the same arguments), and holds the
 * same values. Covers the adapters' conventions: a row of several cells is one series, trailing blank rows
 * spill as "", BACKTEST/STACKED/BOOTSTRAP return one column, BOOTSTRAP's paths (and PLAN's years) come
 * from a literal or a value cell above the formula, named ranges are sized by their range.
 */
import { DetailedCellError } from "hyperformula";
import { Content, formula, Layout } from "../../src/sheets/layout";
import { callAsExcel, loadBundle, loadMetadata, StubError } from "../functions/bundle";
import { loadLayout, registerStackFunctions } from "./hyperformula-stack";

type Range = (number | null)[][];
const a: Range = [[0.01], [-0.02], [0.03], [-0.01]];
const b: Range = [[0.004], [0.006], [-0.012], [0.018]];
const rates: Range = [[0.02], [0.021], [0.022], [0.02]];
const dates: Range = [[45293], [45294], [45295], [45296]];
const fund: Range = [[0.0298], [-0.0603], [0.0897], [-0.0302]];
const pair: Range = a.map((row, t) => [row[0], b[t][0]]);
const blankRows: Range = [[null], [null]];
const rowSeries: Range = [[0.01, -0.02, 0.03, -0.01]];
/** A stress-episode table (G1:I2): one episode, then a blank row left for the user. */
const episodes: (string | number | null)[][] = [
  ["Test", 45293, 45295],
  [null, null, null],
];
/** Returns, volatilities and correlations of two assets, as array constants arrive. */
const twoAssets: Range[] = [
  [[0.1], [0.04]],
  [[0.2], [0.05]],
  [
    [1, 0],
    [0, 1],
  ],
];

/**
 * The sheet every case reads: A1:A6 the first series (two blank rows at the end), B1:B4 the second, C1:C4
 * rates, D1:D4 dates, E1:E4 a fund's returns, F1 a number of paths (5), G1:I2 stress episodes, A8:D8 a
 * series laid out as a row.
 * The name Pair stands for A1:B4. The formula goes in H10, below and right of all of it.
 */
function layoutWith(text: string): Layout {
  const column = (r: Range): Content[][] => r.map((row) => [row[0]]);
  return {
    sheetName: "Spills",
    blocks: [
      { row: 0, column: 0, cells: [...column(a), ...blankRows] },
      { row: 0, column: 1, cells: column(b) },
      { row: 0, column: 2, cells: column(rates) },
      { row: 0, column: 3, cells: column(dates) },
      { row: 0, column: 4, cells: column(fund) },
      { row: 0, column: 5, cells: [[5]] },
      { row: 7, column: 0, cells: rowSeries },
      { row: 0, column: 6, cells: episodes },
      { row: 9, column: 7, cells: [[formula(text)]] },
    ],
    styles: [],
    columnWidths: [],
    names: [{ name: "Pair", area: { row: 0, column: 0, rows: 4, columns: 2 } }],
    charts: [],
    showGridlines: true,
  };
}

/** Formula, function id, and the arguments Excel would pass (ranges as rows of cells, blank = null). */
const cases: [string, string, unknown[]][] = [
  ["=STACK.LETF.SERIES(A1:A4,3)", "LETF.SERIES", [a, 3]],
  ["=STACK.LETF.SERIES(A8:D8,3,0.01,C1)", "LETF.SERIES", [rowSeries, 3, 0.01, 0.02]],
  ["=STACK.LETF.SERIES(A1:A6,3,0.01,0.02)", "LETF.SERIES", [[...a, ...blankRows], 3, 0.01, 0.02]],
  ["=STACK.STACKED(A1:B4,{1,1},C1:C4)", "STACKED", [pair, [[1, 1]], rates]],
  ["=STACK.LETF.FIT(E1:E4,A1:A4,3,C1:C4,D1:D4)", "LETF.FIT", [fund, a, 3, rates, dates]],
  ["=STACK.GROWTH(Pair,100)", "GROWTH", [pair, 100]],
  ["=STACK.GROWTH(A8:D8)", "GROWTH", [rowSeries]],
  ["=STACK.DRAWDOWN(A1:A6)", "DRAWDOWN", [[...a, ...blankRows]]],
  ["=STACK.ROLLING(A1:B4,2)", "ROLLING", [pair, 2]],
  ["=STACK.MAXDD(A1:B4)", "MAXDD", [pair]],
  ["=STACK.CAGR(A8:D8)", "CAGR", [rowSeries]],
  ["=STACK.ANNVOL(A1:B4)", "ANNVOL", [pair]],
  ["=STACK.SHARPE(A1:B4,C1:C4/252)", "SHARPE", [pair, rates.map(([r]) => [r! / 252])]],
  ["=STACK.SORTINO(A1:B4,0.02)", "SORTINO", [pair, 0.02]],
  ["=STACK.CALMAR(A1:B4)", "CALMAR", [pair]],
  ["=STACK.ULCER(A1:B4)", "ULCER", [pair]],
  ["=STACK.STATS(Pair,C1:C4/252)", "STATS", [pair, rates.map(([r]) => [r! / 252])]],
  ["=STACK.STATS(A8:D8)", "STATS", [rowSeries]],
  ['=STACK.BACKTEST(A1:B4,{0.5,0.5},"NONE")', "BACKTEST", [pair, [[0.5, 0.5]], "NONE"]],
  [
    '=STACK.BOOTSTRAP(A1:B4,{0.5,0.5},1,3,1,1,"NONE",2)',
    "BOOTSTRAP",
    [pair, [[0.5, 0.5]], 1, 3, 1, 1, "NONE", 2],
  ],
  [
    '=STACK.BOOTSTRAP(A1:B4,{0.5,0.5},1,F1,1,1,"NONE",2)',
    "BOOTSTRAP",
    [pair, [[0.5, 0.5]], 1, 5, 1, 1, "NONE", 2],
  ],
  [
    "=STACK.BOOTSTRAP(A1:B4,{0.5,0.5},1,,2,3,1,2)",
    "BOOTSTRAP",
    [pair, [[0.5, 0.5]], 1, null, 2, 3, 1, 2],
  ],
  ["=STACK.CONDITIONAL(A1:A4,B1:B4)", "CONDITIONAL", [a, b]],
  ["=STACK.CONDITIONAL(A1:A4,B1:B4,{-0.01,0.01})", "CONDITIONAL", [a, b, [[-0.01, 0.01]]]],
  ["=STACK.FUNDS.EXPOSURE({0.5,0.5},A1:B2)", "FUNDS.EXPOSURE", [[[0.5, 0.5]], pair.slice(0, 2)]],
  // A1:B6 ends with two blank rows: empty fund slots, spilled as "" before the residual.
  [
    "=STACK.FUNDS.MIX({0.01,0.005},A1:B6)",
    "FUNDS.MIX",
    [[[0.01, 0.005]], [...pair, [null, null], [null, null]]],
  ],
  [
    "=STACK.SPLICE(A1:A6,B1:B6)",
    "SPLICE",
    [
      [...a, ...blankRows],
      [...b, ...blankRows],
    ],
  ],
  ["=STACK.STATS(Pair,0,252,B1:B4)", "STATS", [pair, 0, 252, b]],
  ["=STACK.PERIODIC(A1:B4,D1:D4)", "PERIODIC", [pair, dates]],
  ['=STACK.PERIODIC(A1:A4,D1:D4,"w")', "PERIODIC", [a, dates, "w"]],
  ["=STACK.CALENDAR(A1:A4,D1:D4)", "CALENDAR", [a, dates]],
  ["=STACK.DRAWDOWNS(A1:A4,D1:D4,2)", "DRAWDOWNS", [a, dates, 2]],
  ["=STACK.DRAWDOWNS(A1:A4,D1:D4)", "DRAWDOWNS", [a, dates]],
  ["=STACK.VAR(A1:B4)", "VAR", [pair]],
  ['=STACK.CVAR(A8:D8,0.9,"normal")', "CVAR", [rowSeries, 0.9, "normal"]],
  ["=STACK.BETA(A1:B4,B1:B4)", "BETA", [pair, b]],
  ["=STACK.ALPHA(A1:A4,B1:B4,C1:C4/252,12)", "ALPHA", [a, b, rates.map(([r]) => [r! / 252]), 12]],
  ['=STACK.CAPTURE(A1:B4,B1:B4,"down")', "CAPTURE", [pair, b, "down"]],
  ["=STACK.TRACKINGERROR(A1:B4,B1:B4)", "TRACKINGERROR", [pair, b]],
  ["=STACK.INFORATIO(A1:A4,B1:B4)", "INFORATIO", [a, b]],
  ["=STACK.OMEGA(A1:B4)", "OMEGA", [pair]],
  ["=STACK.DOWNSIDE(A1:B4,0.02)", "DOWNSIDE", [pair, 0.02]],
  ["=STACK.TAILRATIO(A1:B4)", "TAILRATIO", [pair]],
  ["=STACK.STRESS(A1:B4,D1:D4,G1:I2)", "STRESS", [pair, dates, episodes]],
  ["=STACK.STRESS(A1:A4,D1:D4)", "STRESS", [a, dates]],
  ["=STACK.PLAN(100,-10,3,0.05,0.1,0,50)", "PLAN", [100, -10, 3, 0.05, 0.1, 0, 50]],
  ["=STACK.PLAN(100,-10,F1,0.05,0.1,0,50)", "PLAN", [100, -10, 5, 0.05, 0.1, 0, 50]],
  [
    "=STACK.FRONTIER({0.1;0.04},{0.2;0.05},{1,0;0,1},3,0.02,0,4)",
    "FRONTIER",
    [...twoAssets, 3, 0.02, 0, 4],
  ],
  ["=STACK.FRONTIER({0.1;0.04},{0.2;0.05},{1,0;0,1})", "FRONTIER", twoAssets],
  [
    '=STACK.OPTIMIZE({0.1,0.04},{0.2,0.05},{1,0;0,1},"MAXSHARPE",,3,0.02)',
    "OPTIMIZE",
    [[[0.1, 0.04]], [[0.2, 0.05]], twoAssets[2], "MAXSHARPE", null, 3, 0.02],
  ],
];

describe("spill sizes in HyperFormula", () => {
  const bundle = loadBundle();
  const metadata = loadMetadata();

  it("has a rule for every spilling function", () => {
    expect(registerStackFunctions().skipped).toEqual([]);
    const spilling = metadata.filter((m) => m.result.dimensionality === "matrix").map((m) => m.id);
    expect(new Set(cases.map(([, id]) => id))).toEqual(
      new Set(spilling.filter((id) => !["CORRS", "COV", "RISKPARITY"].includes(id)))
    );
  });

  it.each(cases)("%s reserves exactly the result's area and holds its values", (text, id, args) => {
    const meta = metadata.find((m) => m.id === id)!;
    const expected = callAsExcel(bundle.get(id)!, meta, args) as unknown[][];
    const book = loadLayout(layoutWith(text));
    const at = (row: number, col: number) => ({ sheet: book.sheet, row: 9 + row, col: 7 + col });
    const height = expected.length;
    const width = expected[0].length;
    expected.forEach((row, i) =>
      row.forEach((want, j) => {
        const got = book.hf.getCellValue(at(i, j));
        if (want instanceof StubError) expect((got as DetailedCellError).value).toBe(want.code);
        else expect(got).toBe(want);
        // A 1×1 result is an ordinary cell to HyperFormula; larger ones are arrays.
        expect(book.hf.isCellPartOfArray(at(i, j))).toBe(height * width > 1);
      })
    );
    expect(book.hf.isCellPartOfArray(at(height, 0))).toBe(false);
    expect(book.hf.isCellPartOfArray(at(0, width))).toBe(false);
  });

  it("pads trailing blank rows with empty text and sizes the default 1,000 paths", () => {
    const padded = callAsExcel(
      bundle.get("LETF.SERIES")!,
      metadata.find((m) => m.id === "LETF.SERIES")!,
      [[...a, ...blankRows], 3]
    ) as unknown[][];
    expect(padded.slice(4)).toEqual([[""], [""]]);
    const paths = callAsExcel(
      bundle.get("BOOTSTRAP")!,
      metadata.find((m) => m.id === "BOOTSTRAP")!,
      [pair, [[0.5, 0.5]], 1]
    ) as unknown[][];
    expect(paths).toHaveLength(1000);
  });
});
