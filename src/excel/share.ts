/**
 * Share as values (issue #12): a copy of the active sheet (or of the selection) that opens anywhere, next
 * to the original, named "<name> (shared)" or a free variant. What changes on the copy is planned by
 * src/sheets/share-plan.ts from what this module reads; Excel's own Worksheet.copy carries everything
 * else — formats, column widths, row heights, conditional formats, data validation, the sheet's names,
 * print setup, frozen panes, charts.
 *
 * Round trips (each a `context.sync`; every request and response stays under the budget of Excel on the
 * web's 5 MB limit, split into more round trips only when a sheet needs it):
 * 1. read the workbook (protection, sheet names), the sheet (formulas of its formula cells and their
 *    values, names, print area, charts) and the selection;
 * 2. read each formula's spill range, the charts' series, the fill of the cells in the print area (the
 *    input cells), the builders' note on inputs and where the content ends;
 * 3. (charts only, ExcelApi 1.15) read where each series takes its values and categories from;
 * 4. copy the sheet, and read back the copy's id: the only handle a cleanup may delete it by;
 * 5. write: name the copy, replace every Stack-dependent formula by its value (Range.copyFrom "Values",
 *    done by Excel itself: no values travel through the add-in), mark the inputs, the note, the footer,
 *    the print area, re-point the charts, show the copy.
 * A failure or a cancel after step 4 deletes the copy by its id; the original sheet is only read.
 *
 * Requirement sets: ExcelApi 1.12 (spill ranges; also 1.9 getCellProperties, copyFrom, print area, and
 * 1.7 Worksheet.copy); charts are checked and re-pointed with ExcelApi 1.15 where available (Excel on the
 * web, Microsoft 365 since 2202, Office 2024), else left as Excel's copy made them (re-pointed at the copy
 * as the Copy Sheet command does).
 */
import { excelInput, MAX_REQUEST_BYTES } from "./plan";
import { Area, Cell, Style } from "../sheets/layout";
import {
  INPUT_FILL,
  INPUTS_NOTE_START,
  planShare,
  SharePlan,
  ShareSource,
  SourceFormula,
  SourceSeries,
} from "../sheets/share-plan";
import { removeAddedSheet } from "./cleanup";
import {
  BuildCancelled,
  BuildFailed,
  Cleanup,
  ExcelProblem,
  PROTECTED,
  refusedByExcel,
} from "./errors";
import { freeSheetName } from "./writer";

export interface ShareProgress {
  /** Round trips done, and planned (0 until the sheet has been read). */
  readonly done: number;
  readonly total: number;
}

export interface ShareOptions {
  /** The whole active sheet, or only the selected range (one block of cells). */
  readonly scope: "sheet" | "selection";
  /** Stack's version, shown in the footer. */
  readonly version: string;
  /** When the snapshot is taken (default now). */
  readonly now?: Date;
  readonly onProgress?: (progress: ShareProgress) => void;
  /** Cancels between round trips; a copy already made is deleted. */
  readonly signal?: AbortSignal;
  /** Request (and response) budget in bytes (default 4 MB, under Excel on the web's 5 MB limit). */
  readonly maxRequestBytes?: number;
  /** Whether this Excel has a requirement set (default: Office.context.requirements). */
  readonly supports?: (set: "ExcelApi", version: string) => boolean;
}

export interface ShareResult {
  readonly sheetName: string;
  readonly roundTrips: number;
  readonly plan: SharePlan;
}

/** Estimated bytes of one queued Office.js action besides its data, as in plan.ts. */
const ACTION_BYTES = 200;
/** Estimated response bytes per cell of a getCellProperties fill read. */
const FILL_BYTES = 48;
/** Excel's grid. */
const ROWS = 1_048_576;

/** Values Excel shows while a custom function is still calculating. */
const CALCULATING = new Set(["#BUSY!", "#GETTING_DATA"]);

const officeSupports = (set: "ExcelApi", version: string) =>
  typeof Office !== "undefined" && Office.context.requirements.isSetSupported(set, version);

/** Share the active sheet (or the selection) as values, in the open workbook. */
export function shareAsValues(options: ShareOptions): Promise<ShareResult> {
  return Excel.run((context) => shareInContext(context, options));
}

interface Box {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}
const areaOf = (b: Box): Area => ({
  row: b.rowIndex,
  column: b.columnIndex,
  rows: b.rowCount,
  columns: b.columnCount,
});

/** "yyyy-mm-dd hh:mm", local time. */
function stamp(date: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** {@link shareAsValues} inside an existing request context (what Excel.run provides). */
export async function shareInContext(
  context: Excel.RequestContext,
  options: ShareOptions
): Promise<ShareResult> {
  const budget = options.maxRequestBytes ?? MAX_REQUEST_BYTES;
  const supports = options.supports ?? officeSupports;
  let roundTrips = 0;
  let total = 0;
  const counted = () => {
    roundTrips++;
    options.onProgress?.({ done: roundTrips, total: Math.max(total, roundTrips) });
  };
  const sync = async () => {
    await context.sync();
    counted();
  };
  const stopIfCancelled = () => {
    if (options.signal?.aborted) throw new BuildCancelled();
  };
  const { room, flush } = budgeted(sync, stopIfCancelled, budget);

  let read: { source: ShareSource; plan: SharePlan; sheet: Excel.Worksheet; existing: string[] };
  try {
    if (!supports("ExcelApi", "1.12"))
      throw new ExcelProblem(
        "Sharing as values needs a newer Excel (ExcelApi 1.12: Microsoft 365, Office 2021 or later, or Excel on the web)."
      );
    read = await readSheet(context, options, { supports, budget, counted, stopIfCancelled });
    // Planned: the reads done, the copy, and the writes (one request for sheets of Stack's size).
    total = roundTrips + 2;
  } catch (error) {
    throw new BuildFailed(error, { kind: "none" });
  }
  const { plan, sheet, existing } = read;

  // 4. The copy, alone in its request: if anything else in it were refused, the copy might exist
  // without its id.
  const name = freeSheetName(`${read.source.sheetName} (shared)`, existing);
  let copy: Excel.Worksheet;
  try {
    stopIfCancelled();
    copy = sheet.copy("After", sheet);
    copy.load("id");
    await sync();
  } catch (error) {
    throw new BuildFailed(
      error,
      error instanceof BuildCancelled || refusedByExcel(error)
        ? { kind: "none" }
        : { kind: "unconfirmed", sheetName: `a copy of “${read.source.sheetName}”` }
    );
  }
  const copyId = copy.id;

  // 5. The changes, in as few requests as fit.
  try {
    await writeCopy(context, sheet, copyId, name, plan, room);
    await flush();
    // A Cancel pressed while the last request was in flight still wins: the copy is removed.
    stopIfCancelled();
  } catch (error) {
    const cleanup: Cleanup = await removeAddedSheet(context, copyId, name);
    throw new BuildFailed(error, cleanup);
  }
  return { sheetName: name, roundTrips, plan };
}

/** Round trips 1–3: what the plan needs, and the plan. */
async function readSheet(
  context: Excel.RequestContext,
  options: ShareOptions,
  requests: {
    readonly supports: (set: "ExcelApi", version: string) => boolean;
    readonly budget: number;
    /** Called after each round trip. */
    readonly counted: () => void;
    readonly stopIfCancelled: () => void;
  }
): Promise<{ source: ShareSource; plan: SharePlan; sheet: Excel.Worksheet; existing: string[] }> {
  const { supports, budget, counted, stopIfCancelled } = requests;
  // Each step ends with a literal context.sync() between its loads and its reads (the office-addins lint
  // rules check the order in the text).
  const { room } = budgeted(
    async () => {
      await context.sync();
      counted();
    },
    stopIfCancelled,
    budget
  );
  const workbook = context.workbook;
  // 1. The workbook, the sheet, the selection.
  workbook.protection.load("protected");
  workbook.worksheets.load("items/name");
  const sheet = workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  const sheetProtection = workbook.worksheets.getActiveWorksheet().protection;
  sheetProtection.load("protected");
  const used = sheet.getUsedRangeOrNullObject();
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  const formulaCells = sheet.getRange().getSpecialCellsOrNullObject("Formulas");
  formulaCells.load(
    "areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount,areas/items/formulas,areas/items/values"
  );
  sheet.names.load("items/name,items/formula");
  const print = sheet.pageLayout.getPrintAreaOrNullObject();
  print.load(
    "areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount"
  );
  sheet.charts.load("items/name,items/chartType");
  const selected = options.scope === "selection" ? workbook.getSelectedRange() : undefined;
  selected?.load("rowIndex,columnIndex,rowCount,columnCount");
  stopIfCancelled();
  await context.sync();
  counted();
  if (workbook.protection.protected || sheetProtection.protected) throw new ExcelProblem(PROTECTED);

  const formulas: { cell: Cell; formula: string }[] = [];
  if (!formulaCells.isNullObject)
    for (const area of formulaCells.areas.items)
      area.formulas.forEach((row, i) =>
        row.forEach((f, j) => {
          const value = area.values[i][j];
          if (typeof value === "string" && CALCULATING.has(value))
            throw new ExcelProblem(
              "Some results are still being calculated (they show #BUSY!). Wait until every cell shows a number, then share again."
            );
          if (typeof f === "string" && f.startsWith("="))
            formulas.push({
              cell: { row: area.rowIndex + i, column: area.columnIndex + j },
              formula: f,
            });
        })
      );
  const printArea = print.isNullObject ? undefined : areaOf(print.areas.items[0]);
  const usedArea = used.isNullObject ? undefined : areaOf(used);
  const selection = selected && areaOf(selected);
  const frame = selection ?? printArea ?? usedArea;

  // 2. Spill ranges, series, input fills, the note on inputs, where the content ends.
  const spills: Excel.Range[] = [];
  for (const f of formulas) {
    await room(3 * ACTION_BYTES);
    const spill = sheet.getCell(f.cell.row, f.cell.column).getSpillingToRangeOrNullObject();
    spill.load("rowIndex,columnIndex,rowCount,columnCount");
    spills.push(spill);
  }
  const charts = sheet.charts.items.map((chart) => {
    chart.series.load("items/name");
    return chart;
  });
  const fills: { area: Area; cells: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[] = [];
  if (frame) {
    // Rows per read so that each response stays under the budget.
    const step = Math.max(1, Math.floor(budget / FILL_BYTES / frame.columns));
    for (let r = 0; r < frame.rows; r += step) {
      const area = { ...frame, row: frame.row + r, rows: Math.min(step, frame.rows - r) };
      await room(area.rows * area.columns * FILL_BYTES);
      fills.push({
        area,
        cells: sheet
          .getRangeByIndexes(area.row, area.column, area.rows, area.columns)
          .getCellProperties({ format: { fill: { color: true } } }),
      });
    }
  }
  const notes = sheet.findAllOrNullObject(INPUTS_NOTE_START, {
    completeMatch: false,
    matchCase: true,
  });
  notes.load(
    "areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount"
  );
  const content = frame
    ? sheet.getRangeByIndexes(0, frame.column, ROWS, frame.columns).getUsedRangeOrNullObject(true)
    : undefined;
  content?.load("rowIndex,columnIndex,rowCount,columnCount");
  stopIfCancelled();
  await context.sync();
  counted();

  const inputs: Cell[] = [];
  for (const { area, cells } of fills)
    cells.value.forEach((row, i) =>
      row.forEach((props, j) => {
        if (props.format?.fill?.color?.toUpperCase() === INPUT_FILL)
          inputs.push({ row: area.row + i, column: area.column + j });
      })
    );
  const inputNotes: Cell[] = [];
  if (!notes.isNullObject)
    for (const a of notes.areas.items)
      for (let i = 0; i < a.rowCount; i++)
        for (let j = 0; j < a.columnCount; j++)
          inputNotes.push({ row: a.rowIndex + i, column: a.columnIndex + j });

  // 3. Where each series reads (ExcelApi 1.15), before anything is created.
  let series: (readonly SourceSeries[] | undefined)[] = charts.map(() => undefined);
  if (charts.length > 0 && supports("ExcelApi", "1.15")) {
    const sources = charts.map((chart) => {
      const scatter = /^XY|Scatter|Bubble/i.test(String(chart.chartType));
      return chart.series.items.map((s) => ({
        values: s.getDimensionDataSourceString(scatter ? "YValues" : "Values"),
        categories: s.getDimensionDataSourceString(scatter ? "XValues" : "Categories"),
      }));
    });
    stopIfCancelled();
    await context.sync();
    counted();
    series = sources.map((list) =>
      list.map((s) => ({
        values: s.values.value || undefined,
        categories: s.categories.value || undefined,
      }))
    );
  }

  const source: ShareSource = {
    sheetName: sheet.name,
    formulas: formulas.map((f, k): SourceFormula =>
      spills[k].isNullObject ? f : { ...f, spill: areaOf(spills[k]) }
    ),
    names: sheet.names.items.map((n) => ({ name: n.name, formula: String(n.formula) })),
    inputs,
    inputNotes,
    used: usedArea,
    printArea,
    contentBottom:
      content && !content.isNullObject
        ? content.rowIndex + content.rowCount - 1
        : (frame?.row ?? 0) - 1,
    charts: charts.map((chart, k) => ({ name: chart.name, series: series[k] })),
    selection,
    frozenAt: stamp(options.now ?? new Date()),
    version: options.version,
  };
  return {
    source,
    plan: planShare(source),
    sheet,
    existing: workbook.worksheets.items.map((s) => s.name),
  };
}

/**
 * Requests under a byte budget: `room(bytes)` before queueing work syncs first when the work would take
 * the current request past the budget; `flush()` sends what is queued. Both stop on a cancel first.
 */
function budgeted(
  sync: () => Promise<void>,
  stopIfCancelled: () => void,
  budget: number
): { room: (bytes: number) => Promise<void>; flush: () => Promise<void> } {
  let pending = 0;
  const flush = async () => {
    stopIfCancelled();
    await sync();
    pending = 0;
  };
  return {
    room: async (bytes) => {
      if (pending > 0 && pending + bytes > budget) await flush();
      pending += bytes;
    },
    flush,
  };
}

function applyLook(range: Excel.Range, style: Style): void {
  if (style.fill !== undefined) range.format.fill.color = style.fill;
  if (style.font?.color !== undefined) range.format.font.color = style.font.color;
  if (style.font?.italic !== undefined) range.format.font.italic = style.font.italic;
  if (style.font?.size !== undefined) range.format.font.size = style.font.size;
}

/** Round trips 5…: the plan applied to the copy (`room` syncs whenever a request is full). */
async function writeCopy(
  context: Excel.RequestContext,
  original: Excel.Worksheet,
  copyId: string,
  name: string,
  plan: SharePlan,
  room: (bytes: number) => Promise<void>
): Promise<void> {
  const copy = context.workbook.worksheets.getItem(copyId);
  const at = (sheet: Excel.Worksheet, a: Area) =>
    sheet.getRangeByIndexes(a.row, a.column, a.rows, a.columns);
  await room(2 * ACTION_BYTES);
  copy.name = name;
  for (const area of plan.freeze) {
    await room(4 * ACTION_BYTES);
    at(copy, area).copyFrom(at(original, area), "Values");
  }
  for (const area of plan.clear) {
    await room(2 * ACTION_BYTES);
    at(copy, area).clear("All");
  }
  for (const area of plan.inputs) {
    await room(4 * ACTION_BYTES);
    applyLook(at(copy, area), plan.fixedStyle);
  }
  for (const { cell, text } of [...plan.notes, plan.footer]) {
    await room(2 * ACTION_BYTES + text.length);
    at(copy, { ...cell, rows: 1, columns: 1 }).formulas = [[excelInput(text)]];
  }
  await room(4 * ACTION_BYTES);
  applyLook(at(copy, { ...plan.footer.cell, rows: 1, columns: 1 }), plan.footer.style);
  for (const n of plan.deleteNames) {
    await room(2 * ACTION_BYTES);
    copy.names.getItem(n).delete();
  }
  for (const chart of plan.deleteCharts) {
    await room(2 * ACTION_BYTES);
    copy.charts.getItem(chart).delete();
  }
  for (const r of plan.rebind) {
    await room(4 * ACTION_BYTES);
    const series = copy.charts.getItem(r.chart).series.getItemAt(r.series);
    if (r.values) series.setValues(at(copy, r.values));
    if (r.categories) series.setXAxisValues(at(copy, r.categories));
  }
  await room(4 * ACTION_BYTES);
  if (plan.printArea) copy.pageLayout.setPrintArea(at(copy, plan.printArea));
  copy.activate();
  copy.getRange("A1").select();
}
