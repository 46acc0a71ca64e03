/**
 * Share as values (src/excel/share.ts, planned by src/sheets/share-plan.ts) on both sheets Stack builds,
 * calculated by HyperFormula with the built =STACK.* functions and loaded into a fake workbook that
 * batches like Excel (fake-workbook-share.ts): the copy holds every value the original shows and no
 * formula that mentions STACK., keeps the native formulas that do not depend on Stack, marks the inputs
 * as fixed, says when and from where it was frozen, keeps the print setup and charts on its own cells;
 * the original is untouched; round trips are few; a failure or a cancel at any round trip leaves nothing,
 * removing the copy by its id, never by name, and says exactly what is left when that fails.
 */
import { cleanCancel, explain } from "../../src/excel/errors";
import { shareInContext, ShareOptions } from "../../src/excel/share";
import { INPUT_FILL } from "../../src/sheets/share-plan";
import { theme } from "../../src/sheets/theme";
import {
  cloneSheet,
  fakeContext,
  FakeSheet,
  FakeWorkbook,
  key,
  officeError,
  snapshot,
} from "./fake-workbook-share";
import { builtLayouts, calculatedSheet, formulasOf } from "./shared-sheets";

const layouts = builtLayouts();
const originals = {
  cma: calculatedSheet(layouts.cma, "{cma}"),
  backtest: calculatedSheet(layouts.backtest, "{backtest}"),
};
const NOW = new Date(2025, 0, 31, 14, 5);
const options: ShareOptions = { scope: "sheet", version: "0.1.0", now: NOW, supports: () => true };

function workbook(sheet: FakeSheet, changes: Partial<FakeWorkbook> = {}): FakeWorkbook {
  return {
    sheets: [{ ...cloneSheet(sheet), id: "{other}", name: "Notes" }, cloneSheet(sheet)],
    activeId: sheet.id,
    protected: false,
    syncs: 0,
    ran: [],
    ...changes,
  };
}
const sheetNamed = (book: FakeWorkbook, name: string) => book.sheets.find((s) => s.name === name);

describe.each([
  ["the stacked-portfolio sheet (with funds)", "cma", "Stack portfolio"],
  ["the backtest sheet (with Monte Carlo)", "backtest", "Stack backtest"],
] as const)("sharing %s as values", (_, which, name) => {
  const original = originals[which];
  const book = workbook(original);
  const before = snapshot(book.sheets[1]);
  let result: Awaited<ReturnType<typeof shareInContext>>;
  let copy: FakeSheet;

  beforeAll(async () => {
    result = await shareInContext(fakeContext(book), options);
    copy = sheetNamed(book, `${name} (shared)`)!;
  });

  it("adds “<name> (shared)” right after the original, and leaves the original untouched", () => {
    expect(result.sheetName).toBe(`${name} (shared)`);
    expect(book.sheets.map((s) => s.name)).toEqual(["Notes", name, `${name} (shared)`]);
    expect(snapshot(book.sheets[1])).toEqual(before);
    expect(book.activeId).toBe(copy.id);
  });

  it("has no formula that mentions STACK., and every cell shows what the original showed", () => {
    expect(formulasOf(copy).filter((f) => /STACK\./i.test(f.formula))).toEqual([]);
    expect(formulasOf(original).some((f) => /STACK\./i.test(f.formula))).toBe(true);
    const changedText = new Set([...result.plan.notes.map((n) => key(n.cell.row, n.cell.column))]);
    for (const [k, cell] of original.cells) {
      if (changedText.has(k)) continue;
      expect([k, copy.cells.get(k)?.value]).toEqual([k, cell.value]);
    }
  });

  it("keeps the native formulas that do not depend on Stack, and freezes those that do", () => {
    const kept = formulasOf(copy);
    expect(kept.length).toBe(result.plan.counts.kept);
    expect(result.plan.counts.kept).toBeGreaterThan(5);
    // Labels that repeat an input's text stay live; no kept formula reads a frozen cell.
    expect(kept.some((f) => /^=\$A\$\d+$/.test(f.formula))).toBe(true);
    expect(result.plan.counts.formulas).toBeGreaterThan(10);
  });

  it("marks the orange inputs as fixed, rewrites the note on inputs and adds a footer, in the print area", () => {
    const inputs = [...original.fills].filter(([, f]) => f === INPUT_FILL).map(([k]) => k);
    expect(inputs.length).toBeGreaterThan(5);
    for (const k of inputs) expect(copy.fills.get(k)).toBe(theme.fixed.fill);
    expect([...copy.fills.values()]).not.toContain(INPUT_FILL);
    const [note] = result.plan.notes;
    expect(copy.cells.get(key(note.cell.row, note.cell.column))?.value).toBe(
      `Snapshot of “${name}”, frozen 2025-01-31 14:05: the grey cells were its inputs and are fixed here; every Stack result is a value, so editing them recalculates nothing Stack computed.`
    );
    const { cell } = result.plan.footer;
    expect(copy.cells.get(key(cell.row, cell.column))?.value).toBe(
      `Shared as values on 2025-01-31 14:05 from the sheet “${name}” with Stack 0.1.0: every result of a =STACK formula is the value it had then, so this sheet opens without Stack.`
    );
    const print = original.printArea!;
    // The footer sits two rows under the report, inside the (grown) print area.
    expect(cell.row).toBe(print.row + print.rows + 1);
    expect(copy.printArea).toEqual({ ...print, rows: print.rows + 2 });
    expect(copy.names.map((n) => n.name)).toEqual(original.names.map((n) => n.name));
  });

  it("keeps every chart, reading the copy's own cells", () => {
    expect(copy.charts.length).toBe(original.charts.length);
    for (const chart of copy.charts)
      for (const s of chart.series) {
        expect(s.values.startsWith(`='${name} (shared)'!`)).toBe(true);
        if (s.categories) expect(s.categories.startsWith(`='${name} (shared)'!`)).toBe(true);
      }
  });

  it("takes few round trips: read, read the spills and fills, (read the charts), copy, write", () => {
    expect(result.roundTrips).toBe(original.charts.length > 0 ? 5 : 4);
    expect(book.ran.filter((op) => op === "copyFrom").length).toBeLessThan(40);
  });
});

describe("charts that Excel's copy left on the original's cells", () => {
  it("are re-pointed at the copy's cells (ExcelApi 1.15)", async () => {
    const book = workbook(originals.backtest, { copyKeepsChartSources: true });
    await shareInContext(fakeContext(book), options);
    const copy = sheetNamed(book, "Stack backtest (shared)")!;
    for (const chart of copy.charts)
      for (const s of chart.series) expect(s.values).toMatch(/^='Stack backtest \(shared\)'!/);
    expect(book.ran.filter((op) => op === "setValues").length).toBeGreaterThan(4);
  });
});

describe("sharing a selection", () => {
  it("keeps only the selected cells, freezing what reads outside it, and the charts that read only it", async () => {
    const original = originals.cma;
    const book = workbook(original, { selection: { row: 5, column: 0, rows: 40, columns: 4 } });
    const result = await shareInContext(fakeContext(book), { ...options, scope: "selection" });
    const copy = sheetNamed(book, result.sheetName)!;
    for (const [k] of copy.cells) {
      const [r, c] = k.split(",").map(Number);
      const inside = r >= 5 && r < 45 && c < 4;
      expect([k, inside || r === result.plan.footer.cell.row]).toEqual([k, true]);
    }
    expect(formulasOf(copy).filter((f) => /STACK\./i.test(f.formula))).toEqual([]);
    expect(copy.printArea).toEqual({ row: 5, column: 0, rows: 42, columns: 4 });
    expect(result.plan.footer.text).toContain("from the sheet A6:D45 of “Stack portfolio”");
  });
});

describe("what stops a share before anything is written", () => {
  it("refuses a protected workbook or sheet, in plain words, creating nothing", async () => {
    for (const changes of [{ protected: true }, {}]) {
      const book = workbook(originals.cma, changes);
      if (!("protected" in changes)) book.sheets[1].protected = true;
      const error = await shareInContext(fakeContext(book), options).catch((e) => e);
      expect(explain(error)).toMatch(/protected.*Nothing was written to the workbook\.$/);
      expect(book.sheets.length).toBe(2);
    }
  });

  it("waits for results that are still calculating (#BUSY!)", async () => {
    const sheet = cloneSheet(originals.cma);
    const [k] = [...sheet.cells].find(([, c]) => c.formula?.startsWith("=STACK.VOL"))!;
    sheet.cells.get(k)!.value = "#BUSY!";
    const book = workbook(sheet);
    const error = await shareInContext(fakeContext(book), options).catch((e) => e);
    expect(explain(error)).toContain("still being calculated");
    expect(book.ran).not.toContain("copy");
  });

  it("says which Excel it needs when spill ranges cannot be read (ExcelApi 1.12)", async () => {
    const book = workbook(originals.cma);
    const error = await shareInContext(fakeContext(book), {
      ...options,
      supports: () => false,
    }).catch((e) => e);
    expect(explain(error)).toContain("ExcelApi 1.12");
    expect(book.syncs).toBe(0);
  });
});

describe("a failure or a cancel at any round trip", () => {
  const syncs = 5; // the backtest sheet: read, read, charts, copy, write
  it.each(Array.from({ length: syncs }, (_, k) => k + 1))(
    "at round trip %i leaves the workbook as it was",
    async (at) => {
      const book = workbook(originals.backtest, {
        failSync: { at, error: officeError("InvalidOperation", "refused") },
      });
      const names = book.sheets.map((s) => s.name);
      const error = await shareInContext(fakeContext(book), options).catch((e) => e);
      expect(book.sheets.map((s) => s.name)).toEqual(names);
      expect(explain(error)).toMatch(
        at < 5
          ? /Nothing was written to the workbook\.$/
          : /was removed: nothing was left in the workbook\.$/
      );
    }
  );

  it.each(Array.from({ length: syncs }, (_, k) => k + 1))(
    "cancelled after round trip %i leaves the workbook as it was",
    async (at) => {
      const controller = new AbortController();
      const book = workbook(originals.backtest);
      const names = book.sheets.map((s) => s.name);
      const error = await shareInContext(fakeContext(book), {
        ...options,
        signal: controller.signal,
        onProgress: (p) => (p.done === at ? controller.abort() : undefined),
      }).catch((e) => e);
      expect(cleanCancel(error)).toBe(true);
      expect(explain(error)).toMatch(/^Cancelled\./);
      expect(book.sheets.map((s) => s.name)).toEqual(names);
    }
  );

  it("never deletes a co-author's sheet that took the name meanwhile: only the copy, by its id", async () => {
    const book = workbook(originals.cma);
    book.beforeSync = (n) => {
      if (n === 4)
        book.sheets.push({
          ...cloneSheet(originals.cma),
          id: "{coauthor}",
          name: "Stack portfolio (shared)",
        });
    };
    const error = await shareInContext(fakeContext(book), options).catch((e) => e);
    expect(explain(error)).toContain("Another sheet took the name");
    expect(book.sheets.map((s) => s.id)).toEqual(["{other}", "{cma}", "{coauthor}"]);
  });

  it("says exactly which sheet is left when Excel refuses to delete the copy", async () => {
    // The write is the last round trip (4 for a sheet without charts, 5 with: their sources are read).
    const write = originals.cma.charts.length > 0 ? 5 : 4;
    const book = workbook(originals.cma, {
      failSync: { at: write, error: officeError("InvalidOperation") },
    });
    // The write fails, then the delete is refused.
    book.refuse = { op: "delete", error: officeError("AccessDenied", "The sheet is locked") };
    const error = await shareInContext(fakeContext(book), options).catch((e) => e);
    expect(explain(error)).toContain(
      "Stack could not remove the half-built sheet “Stack portfolio (shared)” (Excel said: The sheet is locked). It is still in the workbook"
    );
    expect(book.sheets.length).toBe(3);
  });
});
