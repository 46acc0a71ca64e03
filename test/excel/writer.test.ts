/**
 * The Excel writer under office-addin-mock (fake-excel.ts): counts context.sync round trips, checks the
 * free-name logic, chunking under the payload budget, cleanup after a failure or a cancel, and the
 * plain-words message for protection.
 */
import { readCmaText } from "../../src/io/cma-table";
import { template } from "../../src/io/templates";
import { BuildCancelled, explain, ExcelProblem, PROTECTED } from "../../src/excel/errors";
import { excelInput, MAX_REQUEST_BYTES, planBatches } from "../../src/excel/plan";
import { applyLayout, BuildOptions, BuildProgress, freeSheetName } from "../../src/excel/writer";
import { cmaSheet } from "../../src/sheets/cma-sheet";
import { Layout } from "../../src/sheets/layout";
import { calls, fakeExcel, sets } from "./fake-excel";

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
  it("takes 2 round trips: read the sheet names, then write everything in one batch", async () => {
    const fake = fakeExcel(["Sheet1", "stack PORTFOLIO"]);
    const progress: BuildProgress[] = [];
    const result = await applyLayout(fake.context, cma.layout, {
      onProgress: (p) => progress.push(p),
    });
    expect(fake.syncs()).toBe(2);
    expect(result.roundTrips).toBe(2);
    expect(progress).toEqual([
      { done: 1, total: 2 },
      { done: 2, total: 2 },
    ]);
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

describe("protection and failures", () => {
  it("stops after one round trip when the workbook is protected, explaining how to unprotect it", async () => {
    const fake = fakeExcel(["Sheet1"], { protectedWorkbook: true });
    const build = applyLayout(fake.context, cma.layout);
    await expect(build).rejects.toBeInstanceOf(ExcelProblem);
    await build.catch((e) => expect(explain(e)).toBe(PROTECTED));
    expect(PROTECTED).toContain("Review > Unprotect Sheet");
    expect(fake.syncs()).toBe(1);
    expect(fake.added).toEqual([]);
  });

  it("deletes the half-built sheet when Excel refuses a write (a protected sheet: AccessDenied)", async () => {
    const error = Object.assign(
      new Error("The cell or chart you're trying to change is protected."),
      { code: "AccessDenied" }
    );
    const fake = fakeExcel(["Sheet1"], { failAt: 2, error });
    await expect(applyLayout(fake.context, cma.layout)).rejects.toBe(error);
    expect(calls(fake.log, 'worksheets.getItem("Stack portfolio").delete')).toHaveLength(1);
    expect(fake.syncs()).toBe(3);
    expect(explain(error)).toBe(PROTECTED);
  });

  it("explains other Office errors in plain words and keeps unknown ones readable", () => {
    expect(explain({ code: "InvalidOperation", message: "x" })).toMatch(
      /^Excel refused the change\. If the workbook or a sheet is protected/
    );
    expect(explain({ code: "RequestPayloadSizeLimitExceeded" })).toMatch(
      /too large for one request/
    );
    expect(explain(new Error("boom"))).toBe("Excel could not complete the request: boom");
    expect(explain(new BuildCancelled())).toBe("Cancelled. Nothing was left in the workbook.");
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
    expect(result.roundTrips).toBe(1 + batches.length);
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

  it("cancels between round trips and deletes the half-built sheet", async () => {
    const controller = new AbortController();
    const fake = fakeExcel([]);
    const options: BuildOptions = {
      maxRequestBytes: 50_000,
      signal: controller.signal,
      onProgress: (p) => p.done === 3 && controller.abort(),
    };
    const build = applyLayout(fake.context, dataLayout(2_000), options);
    await expect(build).rejects.toBeInstanceOf(BuildCancelled);
    expect(fake.syncs()).toBe(4); // names, two batches, the delete
    expect(calls(fake.log, 'worksheets.getItem("Backtest").delete')).toHaveLength(1);
  });

  it("cancelled before the sheet exists: nothing to delete", async () => {
    const controller = new AbortController();
    const fake = fakeExcel([]);
    await expect(
      applyLayout(fake.context, cma.layout, {
        signal: controller.signal,
        onProgress: () => controller.abort(),
      })
    ).rejects.toBeInstanceOf(BuildCancelled);
    expect(fake.added).toEqual([]);
    expect(fake.syncs()).toBe(1);
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
