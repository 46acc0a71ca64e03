/**
 * The shared backtest sheet looked at as a user would (issue #12): shared as values in the fake workbook
 * (share.test.ts), written as an .xlsx file with its formats, print setup and charts (xlsx-layout.ts),
 * opened by LibreOffice Calc — which has no Stack — and printed to PDF, then to PNG with pdftoppm. The
 * pages are kept in test-artifacts/shared-backtest-*.png; the test checks that Calc found every value
 * (no #NAME?, which a =STACK formula left behind would show) and printed the report.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import path from "path";
import { shareInContext } from "../../src/excel/share";
import { convert, describeWithSoffice, readCalculated, scratchFolder } from "../sheets/libreoffice";
import { writeLayoutXlsx } from "../sheets/xlsx-layout";
import { cloneSheet, fakeContext, FakeWorkbook } from "./fake-workbook-share";
import { builtLayouts, calculatedSheet, layoutOf } from "./shared-sheets";

const artifacts = path.resolve(__dirname, "../../test-artifacts");

describeWithSoffice("the shared backtest sheet, printed by LibreOffice Calc", () => {
  it("shows every number without Stack, and prints the report with its charts", async () => {
    const { backtest } = builtLayouts();
    const original = calculatedSheet(backtest, "{backtest}");
    const book: FakeWorkbook = {
      sheets: [cloneSheet(original)],
      activeId: original.id,
      protected: false,
      syncs: 0,
      ran: [],
    };
    const result = await shareInContext(fakeContext(book), {
      scope: "sheet",
      version: "0.1.0",
      now: new Date(2025, 0, 31, 14, 5),
      supports: () => true,
    });
    const shared = layoutOf(
      book.sheets.find((s) => s.name === result.sheetName)!,
      backtest
    );
    const folder = scratchFolder("shared");
    const file = path.join(folder, "shared-backtest.xlsx");
    await writeLayoutXlsx(shared, file);

    // Recalculated by Calc: no cell is #NAME? (nothing calls a function Calc lacks).
    const out = path.join(folder, "calculated");
    fs.mkdirSync(out);
    const [calculated] = convert([file], "xlsx", out);
    const values = await readCalculated(calculated);
    for (const block of shared.blocks)
      expect([block.row, block.column, values.value(block)]).not.toEqual([
        block.row,
        block.column,
        "#NAME?",
      ]);
    // The summary's first statistic is the original's value (Calc writes 15 significant digits).
    const cagr = shared.blocks.find((b) => b.cells[0][0] === "CAGR");
    expect(cagr).toBeDefined();
    expect(values.value({ row: cagr!.row, column: 1 })).toBeCloseTo(
      original.cells.get(`${cagr!.row},1`)!.value as number,
      14
    );

    const [pdf] = convert([file], "pdf", folder);
    fs.mkdirSync(artifacts, { recursive: true });
    for (const old of fs.readdirSync(artifacts).filter((f) => f.startsWith("shared-backtest-")))
      fs.rmSync(path.join(artifacts, old));
    execFileSync("pdftoppm", ["-png", "-r", "60", pdf, path.join(artifacts, "shared-backtest")]);
    const pages = fs.readdirSync(artifacts).filter((f) => /^shared-backtest-\d+\.png$/.test(f));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    fs.copyFileSync(file, path.join(artifacts, "shared-backtest.xlsx"));
  }, 180_000);
});
