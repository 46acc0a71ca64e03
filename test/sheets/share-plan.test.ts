/**
 * Share as values planned on small hand-made sheets (share-plan.ts, formula-references.ts): which
 * formulas depend on Stack (directly, through a spill, a name or another formula), which stay native,
 * what is opaque and therefore frozen, and the rectangles the copy writes. Both real sheets are shared
 * in test/excel/share.test.ts.
 */
import { formulaReferences, sheetReference } from "../../src/sheets/formula-references";
import { planShare, rectangles, ShareSource } from "../../src/sheets/share-plan";

describe("reading a formula's references", () => {
  it("finds cells, ranges, spills, names and functions, and skips string literals", () => {
    const refs = formulaReferences('=SUM($B$2:B4)+A1#*Rates-LEN("C9 and D10")+STACK.VOL(H:H,2:3)');
    expect(refs.areas).toEqual([
      { row: 1, column: 1, rows: 3, columns: 1 },
      { row: 0, column: 0, rows: 1, columns: 1, spill: true },
      { row: 0, column: 7, rows: 1_048_576, columns: 1 },
      { row: 1, column: 0, rows: 2, columns: 16_384 },
    ]);
    expect(refs.names).toEqual(["Rates"]);
    expect(refs.functions).toEqual(["SUM", "LEN", "STACK.VOL"]);
    expect(refs.opaque).toBe(false);
  });

  it("is opaque for other sheets, tables and INDIRECT, whose reach the text does not tell", () => {
    for (const f of [
      "='Other sheet'!A1",
      "=Sheet2!B3+1",
      "=SUM(Table1[Amount])",
      '=INDIRECT("A"&B1)',
      "=OFFSET(A1,1,1)",
    ])
      expect([f, formulaReferences(f).opaque]).toEqual([f, true]);
    expect(formulaReferences("=TRUE+1E-3+2.5").areas).toEqual([]);
  });

  it("reads a sheet reference as names and chart series hold it", () => {
    expect(sheetReference("='Stack backtest'!$H$6:$H$99")).toEqual({
      sheet: "Stack backtest",
      area: { row: 5, column: 7, rows: 94, columns: 1 },
    });
    expect(sheetReference("=Sheet1!$A$1")?.sheet).toBe("Sheet1");
    expect(sheetReference("={1,2,3}")).toBeUndefined();
  });
});

describe("rectangles", () => {
  it("covers exactly the cells given, a table as one area", () => {
    const table = [0, 1, 2].flatMap((row) => [3, 4].map((column) => ({ row: row + 5, column })));
    expect(rectangles([...table, { row: 9, column: 0 }])).toEqual([
      { row: 5, column: 3, rows: 3, columns: 2 },
      { row: 9, column: 0, rows: 1, columns: 1 },
    ]);
  });
});

/** A1 = 1 (input); B1 spills STACK results to B1:B3; the rest reads them, or not. */
const source = (changes: Partial<ShareSource> = {}): ShareSource => ({
  sheetName: "S",
  formulas: [
    {
      cell: { row: 0, column: 1 },
      formula: "=STACK.GROWTH(A1:A3)",
      spill: { row: 0, column: 1, rows: 3, columns: 1 },
    },
    { cell: { row: 0, column: 2 }, formula: "=B3*2" }, // a spilled cell: depends on Stack
    { cell: { row: 1, column: 2 }, formula: "=C1+1" }, // through C1
    { cell: { row: 2, column: 2 }, formula: "=SUM(A1:A3)" }, // native
    { cell: { row: 3, column: 2 }, formula: "=Inputs*2" }, // a name on the sheet's inputs: native
    { cell: { row: 4, column: 2 }, formula: "=Result+1" }, // a name defined by a STACK formula
    { cell: { row: 5, column: 2 }, formula: "=Elsewhere" }, // a workbook name: opaque
    { cell: { row: 6, column: 2 }, formula: "=SUM(B1#)" }, // the spill by reference
  ],
  names: [
    { name: "Inputs", formula: "='S'!$A$1:$A$3" },
    { name: "Result", formula: "=STACK.VOL(1,1,1)" },
  ],
  inputs: [
    { row: 0, column: 0 },
    { row: 1, column: 0 },
    { row: 2, column: 0 },
  ],
  inputNotes: [],
  used: { row: 0, column: 0, rows: 7, columns: 3 },
  printArea: { row: 0, column: 0, rows: 7, columns: 3 },
  contentBottom: 6,
  charts: [],
  frozenAt: "2025-01-31 14:05",
  version: "0.1.0",
  ...changes,
});

describe("planning a share", () => {
  it("freezes every formula that depends on Stack, directly, through a spill, a name or a formula", () => {
    const plan = planShare(source());
    expect(plan.freeze).toEqual([
      { row: 0, column: 2, rows: 2, columns: 1 }, // C1:C2
      { row: 4, column: 2, rows: 3, columns: 1 }, // C5:C7
      { row: 0, column: 1, rows: 3, columns: 1 }, // the spill B1:B3
    ]);
    expect(plan.counts).toEqual({ formulas: 6, cells: 8, kept: 2 });
    expect(plan.deleteNames).toEqual(["Result"]);
    expect(plan.inputs).toEqual([{ row: 0, column: 0, rows: 3, columns: 1 }]);
    expect(plan.footer.cell).toEqual({ row: 8, column: 0 });
    expect(plan.printArea).toEqual({ row: 0, column: 0, rows: 9, columns: 3 });
  });

  it("sharing a selection freezes kept formulas that read outside it, and clears the rest", () => {
    const plan = planShare(source({ selection: { row: 2, column: 2, rows: 2, columns: 1 } }));
    // C3 =SUM(A1:A3) reads outside the selection; C4 =Inputs*2 too (the name's cells).
    expect(plan.counts).toEqual({ formulas: 2, cells: 2, kept: 0 });
    expect(plan.clear).toEqual([
      { row: 0, column: 0, rows: 2, columns: 3 },
      { row: 4, column: 0, rows: 3, columns: 3 },
      { row: 2, column: 0, rows: 2, columns: 2 },
    ]);
    expect(plan.inputs).toEqual([]);
  });

  it("re-points charts on this sheet, reports one that reads another sheet", () => {
    const plan = planShare(
      source({
        charts: [
          { name: "Chart 1", series: [{ values: "='S'!$B$1:$B$3", categories: "='S'!$A$1:$A$3" }] },
          { name: "Chart 2", series: [{ values: "='Other'!$B$1:$B$3" }] },
        ],
      })
    );
    expect(plan.rebind).toEqual([
      {
        chart: "Chart 1",
        series: 0,
        values: { row: 0, column: 1, rows: 3, columns: 1 },
        categories: { row: 0, column: 0, rows: 3, columns: 1 },
      },
    ]);
    expect(plan.warnings).toEqual([
      "Chart “Chart 2” reads another sheet (or a list of its own): it shows that sheet's cells, not a snapshot.",
    ]);
  });
});
