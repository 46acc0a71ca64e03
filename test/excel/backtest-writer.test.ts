/**
 * The backtest sheet through the Excel writer at scale, over the fake workbook (fake-excel.ts): 64 years
 * of daily data (64 × 252 = 16,128 rows: four portfolios of five funds over two index series, a benchmark
 * and a rate) are written in as many round trips as 2 years, every request under the 4 MB budget; the
 * box-and-whisker chart goes in a request of its own and falls back to the quartile chart when refused; a
 * cancelled or failing build deletes its half-built sheet by its id.
 */
import { BuildCancelled, BuildFailed } from "../../src/excel/errors";
import { MAX_REQUEST_BYTES } from "../../src/excel/plan";
import { applyLayout, BuildProgress } from "../../src/excel/writer";
import { backtestSheet } from "../../src/sheets/backtest-sheet";
import { configFour, syntheticData } from "../fixtures/backtest-data";
import { calls, fakeExcel, sets } from "./fake-excel";

/** 1961-01-02, a Monday. */
const START = 22283;
const config = configFour({
  rollingYears: 1,
  monteCarlo: { years: 20, paths: 1000, block: 21, seed: 1 },
});
const sheetOf = (years: number) =>
  backtestSheet(config, syntheticData(years * 252, START), "2025-01-31");
const longSheet = sheetOf(64);

describe("the 64-year backtest sheet over the fake workbook", () => {
  it("takes as many round trips as 2 years of data, each request under the 4 MB budget", async () => {
    const short = await applyLayout(fakeExcel([]).context, sheetOf(2).layout);
    const fake = fakeExcel(["Sheet1"]);
    const progress: BuildProgress[] = [];
    const long = await applyLayout(fake.context, longSheet.layout, {
      onProgress: (p) => progress.push(p),
    });
    expect(longSheet.rows).toBe(16_128);
    expect(long.roundTrips).toBe(short.roundTrips);
    // Read the sheet names, add the sheet, write everything, then the box-and-whisker chart on its own.
    expect(long.roundTrips).toBe(4);
    expect(fake.syncs()).toBe(4);
    expect(progress.map((p) => p.total)).toEqual([4, 4, 4, 4]);
    expect(long.optionalCharts).toBe("native");
    for (const bytes of long.requestBytes) expect(bytes).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    expect(long.sheetName).toBe("Stack backtest");
    // The data go in one write of 16,128 rows: date, the two index series, the rate.
    const { dates } = longSheet.data;
    const written = sets(
      fake.log,
      `sheet.getRangeByIndexes(${dates.row},${dates.column},16128,4).formulas`
    );
    expect(written).toHaveLength(1);
    expect((written[0].value as number[][])[16_127][0]).toBe(
      longSheet.layout.blocks.find((b) => b.column === dates.column && b.row === dates.row)!
        .cells[16_127][0]
    );
    expect(calls(fake.log, ".names.add")).toHaveLength(longSheet.layout.names.length);
    const charts = calls(fake.log, "sheet.charts.add");
    expect(charts.map((c) => (c.value as unknown[])[0])).toEqual([
      "Line",
      "Line",
      "Line",
      "ColumnClustered",
      "ColumnClustered",
      "Boxwhisker",
    ]);
    expect(calls(fake.log, ".conditionalFormats.add")).toHaveLength(1);
  });

  it("a host that refuses the box-and-whisker chart gets the quartile chart; nothing else is undone", async () => {
    // Sync 4 holds the box-and-whisker chart alone (after read, add, write): Excel refuses it.
    const fake = fakeExcel([], {
      refusals: [
        {
          sync: 4,
          path: "charts.add",
          code: "InvalidArgument",
          message: "The argument is invalid or missing.",
        },
      ],
    });
    const result = await applyLayout(fake.context, longSheet.layout);
    expect(result.optionalCharts).toBe("fallback");
    expect(fake.syncs()).toBe(5); // read, add, write, the refused chart, its fallback
    const charts = calls(fake.log, "sheet.charts.add").map((c) => (c.value as unknown[])[0]);
    expect(charts.slice(-1)).toEqual(["Line"]);
    expect(calls(fake.log, ".delete")).toHaveLength(0);
    expect(fake.state.sheets).toEqual(["Stack backtest"]);
  });

  it("cancelled between round trips: rejects with BuildCancelled and deletes the half-built sheet", async () => {
    const controller = new AbortController();
    const fake = fakeExcel([]);
    // A 500 kB budget splits the data into several requests, so there is a round trip to cancel before.
    const build = applyLayout(fake.context, longSheet.layout, {
      maxRequestBytes: 500_000,
      signal: controller.signal,
      onProgress: (p) => p.done === 3 && controller.abort(),
    });
    const failed: unknown = await build.catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(BuildFailed);
    expect((failed as BuildFailed).reason).toBeInstanceOf(BuildCancelled);
    expect(fake.syncs()).toBe(4); // read, add, the first write, the delete
    expect(calls(fake.log, 'worksheets.getItem("{added-1}").delete')).toHaveLength(1);
    expect(fake.state.sheets).toEqual([]);
  });

  it("a refused request mid-build rejects with Excel's error and deletes the half-built sheet", async () => {
    const fake = fakeExcel([], {
      refusals: [{ sync: 4, code: "RequestPayloadSizeLimitExceeded", message: "Too large." }],
    });
    const failed: unknown = await applyLayout(fake.context, longSheet.layout, {
      maxRequestBytes: 500_000,
    }).catch((e: unknown) => e);
    expect((failed as BuildFailed).reason).toEqual(
      expect.objectContaining({ code: "RequestPayloadSizeLimitExceeded" })
    );
    expect((failed as BuildFailed).cleanup).toEqual({
      kind: "removed",
      sheetName: "Stack backtest",
    });
    expect(fake.syncs()).toBe(5); // read, add, two writes (the second refused), the delete
    expect(calls(fake.log, 'worksheets.getItem("{added-1}").delete')).toHaveLength(1);
  });
});
