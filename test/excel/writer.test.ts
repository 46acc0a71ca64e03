/**
 * The Excel writer over the fake workbook of fake-workbook.ts (operations run at sync, one refused
 * operation rejects its batch, sheets have ids): counts context.sync round trips, checks the free-name
 * logic, chunking under the payload budget, and — the failure matrix — what a failed or cancelled build
 * leaves and says at every round trip: the writer only removes the sheet it added, by its id, and says
 * "nothing was left" only after Excel confirmed the removal.
 */
import { readCmaText } from "../../src/io/cma-table";
import { template } from "../../src/io/templates";
import {
  BuildCancelled,
  BuildFailed,
  Cleanup,
  explain,
  ExcelProblem,
  PROTECTED,
} from "../../src/excel/errors";
import { excelInput, MAX_REQUEST_BYTES, planBatches } from "../../src/excel/plan";
import { applyLayout, BuildOptions, BuildProgress, freeSheetName } from "../../src/excel/writer";
import { cmaSheet } from "../../src/sheets/cma-sheet";
import { Layout } from "../../src/sheets/layout";
import { calls, Fake, fakeExcel, sets } from "./fake-excel";
import { Refusal } from "./fake-workbook";

const cma = cmaSheet(readCmaText(template("stocks-bonds-cash")!.csv).table!, {
  source: "template",
  builtOn: "2025-01-31",
});

/** A data layout of `rows` × 12 numbers, like the backtest sheet's aligned series. */
function dataLayout(rows: number, extra: Partial<Layout> = {}): Layout {
  const cells = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: 12 }, (_, j) => Math.sin(i * 12 + j) / 100)
  );
  return {
    sheetName: "Backtest",
    blocks: [{ row: 1, column: 0, cells }],
    styles: [],
    columnWidths: [],
    names: [],
    charts: [],
    showGridlines: true,
    ...extra,
  };
}

describe("free sheet names", () => {
  it("never reuses an existing name, compared without case, and keeps within Excel's rules", () => {
    expect(freeSheetName("Stack portfolio", ["Sheet1"])).toBe("Stack portfolio");
    expect(freeSheetName("Stack portfolio", ["stack PORTFOLIO", "Stack portfolio (2)"])).toBe(
      "Stack portfolio (3)"
    );
    expect(freeSheetName("a/b:c[d]*?\\e", [])).toBe("a b c d    e");
    expect(freeSheetName("'quoted'", [])).toBe("quoted");
    const long = "A sheet name that is far too long for Excel";
    expect(freeSheetName(long, [])).toBe(long.slice(0, 31));
    expect(freeSheetName(long, [long.slice(0, 31)])).toBe(`${long.slice(0, 27)} (2)`);
    expect(freeSheetName("  ", [])).toBe("Stack");
  });
});

describe("building the stacked-portfolio sheet", () => {
  it("takes 3 round trips: read the sheet names, add the sheet and read its id, write everything in one batch", async () => {
    const fake = fakeExcel(["Sheet1", "stack PORTFOLIO"]);
    const progress: BuildProgress[] = [];
    const result = await applyLayout(fake.context, cma.layout, {
      onProgress: (p) => progress.push(p),
    });
    expect(fake.syncs()).toBe(3);
    expect(result.roundTrips).toBe(3);
    expect(progress).toEqual([
      { done: 1, total: 3 },
      { done: 2, total: 3 },
      { done: 3, total: 3 },
    ]);
    expect(fake.state.sheets).toEqual(["Sheet1", "stack PORTFOLIO", "Stack portfolio (2)"]);
    expect(result.sheetName).toBe("Stack portfolio (2)");
    expect(fake.added).toEqual(["Stack portfolio (2)"]);
    expect(result.requestBytes).toHaveLength(1);
    // About 150 KB estimated, 60 KB of it the efficient-frontier and plan sections' charts and tables.
    expect(result.requestBytes[0]).toBeLessThan(200_000);
  });

  it("writes every block at its place, strings as text (with Excel's apostrophe) and formulas as formulas", async () => {
    const fake = fakeExcel([]);
    await applyLayout(fake.context, cma.layout);
    for (const block of cma.layout.blocks) {
      const path = `sheet.getRangeByIndexes(${block.row},${block.column},${block.cells.length},${block.cells[0].length}).formulas`;
      const written = sets(fake.log, ".formulas").find((r) => r.path === path);
      expect(written?.value).toEqual(block.cells.map((row) => row.map(excelInput)));
    }
    const title = sets(fake.log, ".formulas").find(
      (r) => r.path === "sheet.getRangeByIndexes(0,0,1,1).formulas"
    );
    expect(title?.value).toEqual([["'Stacked portfolio"]]);
    const assets = sets(fake.log, ".formulas").find((r) =>
      r.path.startsWith("sheet.getRangeByIndexes(6,0,3,")
    );
    expect((assets?.value as unknown[][]).map((row) => row[0])).toEqual([
      "'Stocks",
      "'Bonds",
      "'Cash",
    ]);
  });

  it("adds the sheet-scoped names, styles, widths, print settings, and shows the sheet", async () => {
    const fake = fakeExcel([]);
    await applyLayout(fake.context, cma.layout);
    expect(calls(fake.log, "sheet.names.add").map((c) => (c.value as unknown[])[0])).toEqual([
      "CMA_Table",
      "CMA_Assets",
      "CMA_Returns",
      "CMA_Vols",
      "CMA_Correlations",
      "Stack_Weights",
      "Horizon_Years",
    ]);
    expect(calls(fake.log, "sheet.names.add")[3].value).toEqual([
      "CMA_Vols",
      "sheet.getRangeByIndexes(6,2,3,1)",
      undefined,
    ]);
    // A number format is one value for the whole area, however many cells it has.
    expect(sets(fake.log, "getRangeByIndexes(6,1,3,2).numberFormat").map((r) => r.value)).toEqual([
      "0.0%",
    ]);
    expect(
      sets(fake.log, "getRangeByIndexes(0,0,1,1).format.columnWidth").map((r) => r.value)
    ).toEqual([165]);
    // Inside borders only where the area has inside edges: the one-cell horizon input has none.
    const horizon = cma.horizon;
    const horizonBorders = fake.log.filter((r) =>
      r.path.startsWith(`sheet.getRangeByIndexes(${horizon.row},1,1,1).format.borders.getItem(`)
    );
    expect(new Set(horizonBorders.map((r) => r.path.split('"')[1]))).toEqual(
      new Set(["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"])
    );
    expect(sets(fake.log, "sheet.showGridlines").map((r) => r.value)).toEqual([false]);
    expect(sets(fake.log, "sheet.pageLayout.zoom").map((r) => r.value)).toEqual([
      { horizontalFitToPages: 1, verticalFitToPages: 0 },
    ]);
    expect(calls(fake.log, "sheet.activate")).toHaveLength(1);
    // Names come before the formulas that use them; activation comes last, after every write.
    expect(fake.log.findIndex((r) => r.path === "sheet.names.add")).toBeLessThan(
      fake.log.findIndex((r) => r.path.endsWith(".formulas"))
    );
    expect(fake.log.findIndex((r) => r.path === "sheet.activate")).toBeGreaterThan(
      fake.log.findIndex((r) => r.path.endsWith(".formulas"))
    );
  });
});

/** The rejection of a build, which must be a BuildFailed. */
async function failure(build: Promise<unknown>): Promise<BuildFailed> {
  const error = await build.then(
    () => undefined,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(BuildFailed);
  return error as BuildFailed;
}

/** A layout split into 1 + 5 round trips of writes under a 50 kB budget (2,000 rows × 12). */
const LARGE = { layout: dataLayout(2_000), budget: 50_000 };
const largeWrites = planBatches(LARGE.layout, LARGE.budget).length;

/** Call `hook` just before the sync with this number (1-based) sends its batch. */
function beforeSync(fake: Fake, sync: number, hook: () => void): void {
  const send = fake.context.sync.bind(fake.context);
  fake.context.sync = () => {
    if (fake.syncs() + 1 === sync) hook();
    return send();
  };
}

describe("what a failed build leaves, at every round trip", () => {
  const removed = (name: string): Cleanup => ({ kind: "removed", sheetName: name });

  it("round trip 1, a protected workbook: stops there, explains how to unprotect it, writes nothing", async () => {
    const fake = fakeExcel(["Sheet1"], { protectedWorkbook: true });
    const failed = await failure(applyLayout(fake.context, cma.layout));
    expect(failed.reason).toBeInstanceOf(ExcelProblem);
    expect(failed.cleanup).toEqual({ kind: "none" });
    expect(explain(failed)).toBe(`${PROTECTED} Nothing was written to the workbook.`);
    expect(PROTECTED).toContain("Review > Unprotect Sheet");
    expect(fake.syncs()).toBe(1);
    expect([fake.added, fake.state.sheets]).toEqual([[], ["Sheet1"]]);
  });

  it("round trip 1 refused (reading the workbook fails): nothing was created", async () => {
    const fake = fakeExcel(["Sheet1"], { refusals: [{ sync: 1, code: "GeneralException" }] });
    const failed = await failure(applyLayout(fake.context, cma.layout));
    expect(failed.cleanup).toEqual({ kind: "none" });
    expect(explain(failed)).toBe(
      "Excel reported an internal error. Try again; if it keeps failing, restart Excel. Nothing was written to the workbook."
    );
    expect([fake.syncs(), fake.added, fake.log]).toEqual([1, [], []]);
  });

  it("round trip 2, the name taken between read and write: the add is refused, the other sheet is never touched", async () => {
    const fake = fakeExcel(["Sheet1"]);
    // Another user adds "Stack portfolio" after Stack read the names and before its add arrives.
    beforeSync(fake, 2, () => {
      fake.state.sheets.push("Stack portfolio");
      fake.state.sheetIds.push("{co-author}");
    });
    const failed = await failure(applyLayout(fake.context, cma.layout));
    expect(failed.cleanup).toEqual({ kind: "none" });
    expect(explain(failed)).toBe(
      "Another sheet took the name Stack picked while it was building. Try again. Nothing was written to the workbook."
    );
    expect(fake.syncs()).toBe(2); // no cleanup round trip: there is nothing of Stack's to remove
    expect(fake.state.sheets).toEqual(["Sheet1", "Stack portfolio"]);
    expect(fake.state.sheetIds).toEqual(["{sheet-1}", "{co-author}"]);
    expect(calls(fake.log, ".delete")).toEqual([]);
  });

  it("round trip 2 unanswered (the connection dropped): the pane names the sheet that may have been added", async () => {
    const fake = fakeExcel(["Sheet1"], { refusals: [{ sync: 2, code: "ConnectionFailure" }] });
    const failed = await failure(applyLayout(fake.context, cma.layout));
    expect(failed.cleanup).toEqual({ kind: "unconfirmed", sheetName: "Stack portfolio" });
    expect(explain(failed)).toMatch(
      /^Excel could not complete the request: ConnectionFailure Excel did not confirm whether it added the sheet “Stack portfolio”\. If a sheet of that name is in the workbook and empty, right-click its tab and choose Delete\.$/
    );
    expect(calls(fake.log, ".delete")).toEqual([]);
  });

  it.each(Array.from({ length: largeWrites }, (_, k) => [k + 3]))(
    "round trip %i (a write) refused: Excel ran the batch up to the refused operation; the sheet is deleted by its id",
    async (sync) => {
      const fake = fakeExcel(["Sheet1"], {
        refusals: [{ sync, path: ".formulas", code: "AccessDenied" }],
      });
      const failed = await failure(
        applyLayout(fake.context, LARGE.layout, { maxRequestBytes: LARGE.budget })
      );
      expect(failed.reason).toEqual(expect.objectContaining({ code: "AccessDenied" }));
      expect(failed.cleanup).toEqual(removed("Backtest"));
      expect(explain(failed)).toBe(
        `${PROTECTED} The half-built sheet “Backtest” was removed: nothing was left in the workbook.`
      );
      expect(fake.syncs()).toBe(sync + 1); // the refused write, then the cleanup
      expect(calls(fake.log, ".delete").map((c) => c.path)).toEqual([
        'worksheets.getItem("{added-1}").delete',
      ]);
      expect([fake.state.sheets, fake.state.sheetIds]).toEqual([["Sheet1"], ["{sheet-1}"]]);
      // Only the rows written before the refused batch reached the sheet, and nothing after it ran.
      const written = sets(fake.log, ".formulas").length;
      const batches = planBatches(LARGE.layout, LARGE.budget);
      const before = batches
        .slice(0, sync - 3)
        .reduce((n, b) => n + b.steps.filter((st) => st.kind === "cells").length, 0);
      expect(written).toBe(before);
      expect(calls(fake.log, "sheet.activate")).toEqual([]);
    }
  );

  it("deletes its own sheet by id even after a co-author renamed it and took its name for another sheet", async () => {
    const fake = fakeExcel(["Sheet1"], {
      refusals: [{ sync: 4, path: ".formulas", code: "InvalidOperation" }],
    });
    beforeSync(fake, 4, () => {
      const ours = fake.state.sheets.indexOf("Backtest");
      fake.state.sheets[ours] = "Renamed by a co-author";
      fake.state.sheets.push("Backtest");
      fake.state.sheetIds.push("{co-author}");
    });
    const failed = await failure(
      applyLayout(fake.context, LARGE.layout, { maxRequestBytes: LARGE.budget })
    );
    expect(failed.cleanup).toEqual(removed("Backtest"));
    expect(fake.state.sheets).toEqual(["Sheet1", "Backtest"]);
    expect(fake.state.sheetIds).toEqual(["{sheet-1}", "{co-author}"]);
  });

  it("a sheet already gone when the cleanup runs (a co-author deleted it) counts as removed: Excel says it is not there", async () => {
    const fake = fakeExcel(["Sheet1"]);
    beforeSync(fake, 4, () => {
      fake.state.sheets.pop();
      fake.state.sheetIds.pop();
    });
    const failed = await failure(
      applyLayout(fake.context, LARGE.layout, { maxRequestBytes: LARGE.budget })
    );
    // The write on the vanished sheet is refused (ItemNotFound), and so is its deletion.
    expect(failed.reason).toEqual(expect.objectContaining({ code: "ItemNotFound" }));
    expect(failed.cleanup).toEqual(removed("Backtest"));
    expect(fake.state.sheets).toEqual(["Sheet1"]);
  });

  const refusedCleanup: Refusal[] = [
    { sync: 3, path: ".formulas", code: "AccessDenied" },
    { path: ".delete", code: "InvalidOperation", message: "This operation is not allowed now." },
  ];

  it("the cleanup refused: the pane names the sheet that is left and how to remove it, never “nothing was left”", async () => {
    const fake = fakeExcel(["Sheet1"], { refusals: refusedCleanup });
    const failed = await failure(applyLayout(fake.context, cma.layout));
    expect(failed.cleanup).toEqual({
      kind: "left",
      sheetName: "Stack portfolio",
      error: expect.objectContaining({ code: "InvalidOperation" }),
    });
    expect(explain(failed)).toBe(
      `${PROTECTED} Stack could not remove the half-built sheet “Stack portfolio” (Excel said: This operation is not allowed now.). It is still in the workbook: right-click its tab and choose Delete.`
    );
    expect(explain(failed)).not.toMatch(/nothing was left/i);
    expect(fake.state.sheets).toEqual(["Sheet1", "Stack portfolio"]);
  });

  it("the cleanup unanswered: the sheet is reported as left (Excel did not confirm its removal)", async () => {
    const fake = fakeExcel(["Sheet1"], {
      refusals: [
        { sync: 3, code: "AccessDenied" },
        { sync: 4, code: "ConnectionFailure", message: "" },
      ],
    });
    const failed = await failure(applyLayout(fake.context, cma.layout));
    expect(failed.cleanup.kind).toBe("left");
    expect(explain(failed)).toContain(
      "Stack could not remove the half-built sheet “Stack portfolio” (Excel said: ConnectionFailure)."
    );
  });

  it("explains other Office errors in plain words and keeps unknown ones readable", () => {
    expect(explain({ code: "InvalidOperation", message: "x" })).toMatch(
      /^Excel refused the change\. If the workbook or a sheet is protected/
    );
    expect(explain({ code: "RequestPayloadSizeLimitExceeded" })).toMatch(
      /too large for one request/
    );
    expect(explain(new Error("boom"))).toBe("Excel could not complete the request: boom");
  });
});

describe("what a cancelled build leaves, at every stage", () => {
  /** Build LARGE with a Cancel that `arm` wires (it may return more options); the rejection. */
  async function cancelled(
    fake: Fake,
    arm: (controller: AbortController) => Partial<BuildOptions> | void
  ): Promise<BuildFailed> {
    const controller = new AbortController();
    const failed = await failure(
      applyLayout(fake.context, LARGE.layout, {
        maxRequestBytes: LARGE.budget,
        signal: controller.signal,
        ...(arm(controller) ?? {}),
      })
    );
    expect(failed.reason).toBeInstanceOf(BuildCancelled);
    return failed;
  }

  it("before the build starts: no round trip at all", async () => {
    const fake = fakeExcel(["Sheet1"]);
    const failed = await cancelled(fake, (c) => c.abort());
    expect(failed.cleanup).toEqual({ kind: "none" });
    expect(explain(failed)).toBe("Cancelled. Nothing was written to the workbook.");
    expect(fake.syncs()).toBe(0);
  });

  it("while the workbook is read: nothing is added", async () => {
    const fake = fakeExcel(["Sheet1"]);
    const failed = await cancelled(fake, (c) => beforeSync(fake, 1, () => c.abort()));
    expect(failed.cleanup).toEqual({ kind: "none" });
    expect([fake.syncs(), fake.added]).toEqual([1, []]);
  });

  it("while the sheet is being added: it is deleted by its id once Excel has added it", async () => {
    const fake = fakeExcel(["Sheet1"]);
    const failed = await cancelled(fake, (c) => beforeSync(fake, 2, () => c.abort()));
    expect(failed.cleanup).toEqual({ kind: "removed", sheetName: "Backtest" });
    expect(explain(failed)).toBe(
      "Cancelled. The half-built sheet “Backtest” was removed: nothing was left in the workbook."
    );
    expect(fake.syncs()).toBe(3); // read, add, delete: no write was sent
    expect(sets(fake.log, ".formulas")).toEqual([]);
    expect(fake.state.sheets).toEqual(["Sheet1"]);
  });

  it.each(Array.from({ length: largeWrites }, (_, k) => [k + 3]))(
    "during write round trip %i: the half-built sheet is deleted by its id",
    async (sync) => {
      const fake = fakeExcel(["Sheet1"]);
      const failed = await cancelled(fake, (c) => beforeSync(fake, sync, () => c.abort()));
      expect(failed.cleanup).toEqual({ kind: "removed", sheetName: "Backtest" });
      // The write in flight completes, then the delete: nothing after it is sent.
      expect(fake.syncs()).toBe(sync + 1);
      expect(calls(fake.log, ".delete").map((c) => c.path)).toEqual([
        'worksheets.getItem("{added-1}").delete',
      ]);
      expect(fake.state.sheets).toEqual(["Sheet1"]);
    }
  );

  it("with a cleanup that fails: the pane names the sheet left", async () => {
    const fake = fakeExcel(["Sheet1"], {
      refusals: [{ path: ".delete", code: "AccessDenied", message: "The sheet is protected." }],
    });
    const failed = await cancelled(fake, (c) => ({ onProgress: (p) => p.done === 3 && c.abort() }));
    expect(failed.cleanup).toEqual(
      expect.objectContaining({ kind: "left", sheetName: "Backtest" })
    );
    expect(explain(failed)).toBe(
      "Cancelled. Stack could not remove the half-built sheet “Backtest” (Excel said: The sheet is protected.). It is still in the workbook: right-click its tab and choose Delete."
    );
    expect(fake.state.sheets).toEqual(["Sheet1", "Backtest"]);
  });
});

describe("the fake Excel batches like Office.js", () => {
  it("runs queued operations only at sync, and a refused one rejects the batch: those before it stay done, those after never run", async () => {
    const fake = fakeExcel(["Sheet1"], {
      refusals: [{ sync: 1, path: 'getItem("Sheet1").delete', code: "AccessDenied" }],
    });
    const worksheets = fake.context.workbook.worksheets;
    worksheets.add("A");
    worksheets.getItem("Sheet1").delete();
    worksheets.add("B");
    expect(fake.state.sheets).toEqual(["Sheet1"]); // nothing ran yet
    await expect(fake.context.sync()).rejects.toEqual(
      expect.objectContaining({ code: "AccessDenied" })
    );
    expect(fake.state.sheets).toEqual(["Sheet1", "A"]);
    worksheets.add("a"); // Excel compares sheet names without case
    await expect(fake.context.sync()).rejects.toEqual(
      expect.objectContaining({ code: "ItemAlreadyExists" })
    );
  });

  it("lets a loaded property be read only after the sync that loaded it", async () => {
    const fake = fakeExcel(["Sheet1"]);
    const sheet = fake.context.workbook.worksheets.add("New");
    sheet.load("id");
    expect(() => sheet.id).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await fake.context.sync();
    expect(sheet.id).toBe("{added-1}");
  });
});

describe("large layouts", () => {
  it("keeps round trips flat as rows grow, until the 4 MB budget forces a split", () => {
    // Full-precision returns take about 20 bytes each: 10,000 rows × 12 fit one request, 64 years of
    // daily data (16,000 rows) need two, 80,000 rows six.
    const batchesFor = (rows: number) => planBatches(dataLayout(rows));
    expect(batchesFor(1_000)).toHaveLength(1);
    expect(batchesFor(10_000)).toHaveLength(1);
    expect(batchesFor(16_000)).toHaveLength(2);
    const huge = batchesFor(80_000);
    expect(huge.length).toBeGreaterThan(1);
    for (const batch of huge) expect(batch.bytes).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    const rowsWritten = huge
      .flatMap((b) => b.steps)
      .reduce((sum, s) => sum + (s.kind === "cells" ? s.area.rows : 0), 0);
    expect(rowsWritten).toBe(80_000);
  });

  it("estimates request bytes from the JSON Excel receives", () => {
    const [batch] = planBatches(dataLayout(100));
    const cells = batch.steps.find((s) => s.kind === "cells");
    const json = JSON.stringify(cells?.kind === "cells" ? cells.formulas : null).length;
    expect(batch.bytes).toBeGreaterThan(json);
    expect(batch.bytes).toBeLessThan(json + 5_000);
  });

  it("splits by rows under a small budget, writing each row once, in order, within budget", async () => {
    const layout = dataLayout(2_000);
    const budget = 50_000;
    const batches = planBatches(layout, budget);
    expect(batches.length).toBeGreaterThan(5);
    for (const b of batches) expect(b.bytes).toBeLessThanOrEqual(budget);
    const fake = fakeExcel([]);
    const result = await applyLayout(fake.context, layout, { maxRequestBytes: budget });
    expect(result.roundTrips).toBe(2 + batches.length);
    const writes = sets(fake.log, ".formulas").map((r) =>
      r.path
        .match(/getRangeByIndexes\((\d+),0,(\d+),12\)/)!
        .slice(1)
        .map(Number)
    );
    let next = 1;
    for (const [row, rows] of writes) {
      expect(row).toBe(next);
      next += rows;
    }
    expect(next).toBe(2_001);
  });

  it("refuses a single row larger than the budget", () => {
    expect(() => planBatches(dataLayout(1), 100)).toThrow(
      /row 2 alone exceeds the request budget of 100 bytes/
    );
  });
});

describe("charts and sheet settings", () => {
  it("adds a log-scale line chart and a column chart with their series, categories, titles and places", async () => {
    const layout = dataLayout(10, {
      charts: [
        {
          kind: "line",
          title: "Growth of $1",
          categories: { row: 1, column: 0, rows: 10, columns: 1 },
          series: [
            { name: "Portfolio", values: { row: 1, column: 1, rows: 10, columns: 1 } },
            { name: "S&P 500", values: { row: 1, column: 2, rows: 10, columns: 1 } },
          ],
          valueAxis: { logarithmic: true, numberFormat: "$#,##0" },
          legend: "bottom",
          position: { row: 0, column: 13, rows: 15, columns: 8 },
        },
        {
          kind: "column",
          title: "Annual returns",
          series: [{ name: "Portfolio", values: { row: 1, column: 3, rows: 10, columns: 1 } }],
          valueAxis: { numberFormat: "0%", minimum: -0.5, maximum: 0.5, title: "Return" },
          categoryAxis: { numberFormat: "yyyy", title: "Year" },
          legend: "none",
          position: { row: 16, column: 13, rows: 15, columns: 8 },
        },
      ],
      styles: [
        {
          area: { row: 0, column: 0, rows: 1, columns: 12 },
          style: { horizontalAlignment: "center", wrapText: true },
        },
      ],
      freeze: { rows: 1, columns: 1 },
      print: {
        orientation: "landscape",
        area: { row: 0, column: 0, rows: 11, columns: 21 },
        fitToWidth: false,
        repeatRows: { first: 0, count: 1 },
      },
    });
    const fake = fakeExcel([]);
    await applyLayout(fake.context, layout);
    const line = 'sheet.charts.add("Line",sheet.getRangeByIndexes(1,1,10,1),"Columns")';
    const column =
      'sheet.charts.add("ColumnClustered",sheet.getRangeByIndexes(1,3,10,1),"Columns")';
    const value = (path: string) => fake.log.find((r) => r.path === path)?.value;
    expect(value(`${line}.title.text`)).toBe("Growth of $1");
    expect(value(`${line}.axes.valueAxis.scaleType`)).toBe("Logarithmic");
    expect(value(`${line}.axes.valueAxis.logBase`)).toBe(10);
    expect(value(`${line}.axes.valueAxis.numberFormat`)).toBe("$#,##0");
    expect(value(`${line}.setPosition`)).toEqual(["N1", "U15"]);
    expect(value(`${line}.series.getItemAt(0).name`)).toBe("Portfolio");
    expect(value(`${line}.series.getItemAt(0).setXAxisValues`)).toEqual([
      "sheet.getRangeByIndexes(1,0,10,1)",
    ]);
    expect(value(`${line}.series.add("S&P 500").setValues`)).toEqual([
      "sheet.getRangeByIndexes(1,2,10,1)",
    ]);
    expect(value(`${line}.legend.position`)).toBe("Bottom");
    expect(value(`${column}.title.text`)).toBe("Annual returns");
    expect(value(`${column}.legend.visible`)).toBe(false);
    expect(value(`${column}.axes.valueAxis.scaleType`)).toBeUndefined();
    expect([
      value(`${column}.axes.valueAxis.minimum`),
      value(`${column}.axes.valueAxis.maximum`),
    ]).toEqual([-0.5, 0.5]);
    expect(value(`${column}.axes.valueAxis.title.text`)).toBe("Return");
    expect(value(`${column}.axes.categoryAxis.numberFormat`)).toBe("yyyy");
    expect(value(`${column}.axes.categoryAxis.title.text`)).toBe("Year");
    // Sheet settings of a data sheet: header row and date column frozen, printed landscape with the header on every page.
    expect(value("sheet.freezePanes.freezeAt")).toEqual(["sheet.getRangeByIndexes(0,0,1,1)"]);
    expect(value("sheet.pageLayout.orientation")).toBe("Landscape");
    expect(value("sheet.pageLayout.setPrintTitleRows")).toEqual(["$1:$1"]);
    expect(value("sheet.pageLayout.zoom")).toBeUndefined();
    expect(value("sheet.getRangeByIndexes(0,0,1,12).format.horizontalAlignment")).toBe("Center");
    expect(value("sheet.getRangeByIndexes(0,0,1,12).format.wrapText")).toBe(true);
  });

  it("freezes only rows, or only columns, when asked", async () => {
    for (const [freeze, call, count] of [
      [{ rows: 2, columns: 0 }, "sheet.freezePanes.freezeRows", 2],
      [{ rows: 0, columns: 3 }, "sheet.freezePanes.freezeColumns", 3],
    ] as const) {
      const fake = fakeExcel([]);
      await applyLayout(fake.context, dataLayout(3, { freeze }));
      expect(calls(fake.log, call).map((c) => c.value)).toEqual([[count]]);
    }
  });
});
