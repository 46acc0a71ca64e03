/**
 * Applies a {@link Layout} to the workbook as a new sheet, in few round trips: one `context.sync` to
 * read the existing sheet names (and whether the workbook is protected), one to add the sheet under a
 * free name and read back its id, then one per planned batch (see plan.ts; a layout under the 4 MB
 * budget is a single batch). The user's sheets are never overwritten or renamed: the new sheet gets a
 * free name ("Stack portfolio", "Stack portfolio (2)", ...).
 *
 * The writer only ever removes what it created: a build that is cancelled or fails after the sheet was
 * added deletes that sheet by the id `worksheets.add` returned in this build — never by name, so a
 * sheet someone else created meanwhile (co-authoring) under the same name is never touched — and it
 * rejects with a {@link BuildFailed} that says what was left, only as far as Excel confirmed it.
 *
 * Requirement sets: ExcelApi 1.9 (page layout, box-and-whisker charts), 1.8 (gridlines, axis number
 * formats) and 1.6 (colour scales); every host that runs the add-in's shared runtime (SharedRuntime 1.1,
 * required by the manifest) has them. Whether a host also draws a box-and-whisker chart through the API
 * is not documented host by host: the writer tries it in a request of its own and falls back to the
 * layout's fallback chart when the host refuses it.
 */
import { cellName } from "../io/a1";
import { Area, ChartAxis, ChartSpec, ColorScale, Layout, Style } from "../sheets/layout";
import { removeAddedSheet } from "./cleanup";
import { BuildCancelled, BuildFailed, ExcelProblem, PROTECTED, refusedByExcel } from "./errors";
import { ExcelInput, MAX_REQUEST_BYTES, planBatches, Step } from "./plan";

export interface BuildProgress {
  /** Round trips done and planned (the first reads the workbook). */
  readonly done: number;
  readonly total: number;
}

export interface BuildOptions {
  /** Called after each round trip. */
  readonly onProgress?: (progress: BuildProgress) => void;
  /** Cancels between round trips; the half-built sheet is then deleted and the build rejects with a {@link BuildFailed} whose reason is a {@link BuildCancelled}. */
  readonly signal?: AbortSignal;
  /** Request budget in bytes (default 4 MB, under Excel on the web's 5 MB limit). */
  readonly maxRequestBytes?: number;
}

export interface BuildResult {
  readonly sheetName: string;
  /**
   * How the charts that a host may refuse were drawn: "native" (e.g. Excel's box-and-whisker) or
   * "fallback" (the host refused that chart type; the layout's fallback chart was added instead).
   */
  readonly optionalCharts?: "native" | "fallback";
  /** `context.sync` calls made. */
  readonly roundTrips: number;
  /** Estimated size of each write request, in bytes. */
  readonly requestBytes: readonly number[];
}

/** Excel's limit on sheet names, and the characters it forbids in them. */
const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;

/**
 * The first of `base`, `base (2)`, `base (3)`, ... that no existing sheet uses (Excel compares sheet
 * names without regard to case), cleaned of the characters Excel forbids and cut to 31 characters.
 */
export function freeSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((name) => name.toLowerCase()));
  const clean =
    base
      .replace(FORBIDDEN, " ")
      .replace(/^'+|'+$/g, "")
      .trim() || "Stack";
  for (let k = 1; ; k++) {
    const suffix = k === 1 ? "" : ` (${k})`;
    const name = clean.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** Build `layout` in a new sheet of the open workbook. */
export function buildSheet(layout: Layout, options: BuildOptions = {}): Promise<BuildResult> {
  return Excel.run((context) => applyLayout(context, layout, options));
}

/**
 * {@link buildSheet} inside an existing request context (what Excel.run provides).
 * @throws BuildFailed for a cancelled or failed build, with what it left in the workbook
 */
export async function applyLayout(
  context: Excel.RequestContext,
  layout: Layout,
  options: BuildOptions = {}
): Promise<BuildResult> {
  const { onProgress, signal } = options;
  const batches = planBatches(layout, options.maxRequestBytes ?? MAX_REQUEST_BYTES);
  const total = 2 + batches.length;
  let roundTrips = 0;
  const sync = async () => {
    await context.sync();
    roundTrips++;
    onProgress?.({ done: roundTrips, total });
  };
  const stopIfCancelled = () => {
    if (signal?.aborted) throw new BuildCancelled();
  };
  const worksheets = context.workbook.worksheets;

  // 1. Read the sheet names and the protection. Nothing is created before this succeeds.
  let sheetName: string;
  let optionalCharts: BuildResult["optionalCharts"];
  try {
    worksheets.load("items/name");
    const protection = context.workbook.protection;
    protection.load("protected");
    stopIfCancelled();
    await sync();
    if (protection.protected) throw new ExcelProblem(PROTECTED);
    sheetName = freeSheetName(
      layout.sheetName,
      worksheets.items.map((s) => s.name)
    );
    stopIfCancelled();
  } catch (error) {
    throw new BuildFailed(error, { kind: "none" });
  }

  // 2. Add the sheet and read back its id, the only handle a cleanup may delete it by.
  const sheet = worksheets.add(sheetName);
  sheet.load("id");
  try {
    await sync();
  } catch (error) {
    // Excel refused the add (e.g. the name was taken meanwhile): nothing was created. Without an
    // answer, the sheet may exist, and only the user can tell whether that sheet is this build's.
    throw new BuildFailed(
      error,
      refusedByExcel(error) ? { kind: "none" } : { kind: "unconfirmed", sheetName }
    );
  }
  const sheetId = sheet.id;

  // 3. Write, one round trip per batch.
  try {
    for (const batch of batches) {
      stopIfCancelled();
      for (const step of batch.steps) apply(sheet, layout, step);
      if (batch.fallbacks === undefined) {
        await sync();
        continue;
      }
      // Charts a host may refuse: detected by trying; on refusal the fallbacks are drawn instead.
      try {
        await sync();
        optionalCharts = "native";
      } catch {
        stopIfCancelled();
        for (const chart of batch.fallbacks) addChart(sheet, chart);
        await sync();
        optionalCharts = "fallback";
      }
    }
    // A Cancel pressed while the last request was in flight still wins: the finished sheet is removed.
    stopIfCancelled();
  } catch (error) {
    throw new BuildFailed(error, await removeAddedSheet(context, sheetId, sheetName));
  }
  return { sheetName, roundTrips, requestBytes: batches.map((b) => b.bytes), optionalCharts };
}

const rangeOf = (sheet: Excel.Worksheet, area: Area) =>
  sheet.getRangeByIndexes(area.row, area.column, area.rows, area.columns);

function apply(sheet: Excel.Worksheet, layout: Layout, step: Step): void {
  switch (step.kind) {
    case "cells":
      rangeOf(sheet, step.area).formulas = step.formulas as ExcelInput[][];
      return;
    case "style":
      applyStyle(rangeOf(sheet, step.area), step.area, step.style);
      return;
    case "width":
      sheet.getRangeByIndexes(0, step.column, 1, 1).format.columnWidth = step.width;
      return;
    case "name":
      sheet.names.add(step.name.name, rangeOf(sheet, step.name.area), step.name.comment);
      return;
    case "chart":
      addChart(sheet, step.chart);
      return;
    case "colorScale":
      addColorScale(rangeOf(sheet, step.scale.area), step.scale);
      return;
    case "finish":
      finish(sheet, layout);
      return;
  }
}

const EDGES = {
  top: "EdgeTop",
  bottom: "EdgeBottom",
  left: "EdgeLeft",
  right: "EdgeRight",
  insideHorizontal: "InsideHorizontal",
  insideVertical: "InsideVertical",
} as const;
const WEIGHTS = { thin: "Thin", medium: "Medium", thick: "Thick" } as const;
const ALIGNMENTS = { left: "Left", center: "Center", right: "Right" } as const;
const LEGEND_POSITIONS = { top: "Top", bottom: "Bottom", right: "Right" } as const;

function applyStyle(range: Excel.Range, area: Area, style: Style): void {
  const format = range.format;
  // One format for the whole area: Excel applies a single value to every cell of the range
  // (Microsoft, OfficeDev/office-js-docs-pr#2013), so the request does not grow with the cells.
  if (style.numberFormat !== undefined)
    (range as unknown as { numberFormat: string }).numberFormat = style.numberFormat;
  const { font } = style;
  if (font?.bold !== undefined) format.font.bold = font.bold;
  if (font?.italic !== undefined) format.font.italic = font.italic;
  if (font?.color !== undefined) format.font.color = font.color;
  if (font?.size !== undefined) format.font.size = font.size;
  if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.horizontalAlignment !== undefined)
    format.horizontalAlignment = ALIGNMENTS[style.horizontalAlignment];
  if (style.wrapText !== undefined) format.wrapText = style.wrapText;
  for (const border of style.borders ?? []) {
    for (const edge of border.edges) {
      // Inside edges exist only between rows (or columns) of the area.
      if (
        (edge === "insideHorizontal" && area.rows < 2) ||
        (edge === "insideVertical" && area.columns < 2)
      )
        continue;
      const line = format.borders.getItem(EDGES[edge]);
      line.style = "Continuous";
      line.weight = WEIGHTS[border.weight];
      line.color = border.color;
    }
  }
}

function applyAxis(axis: Excel.ChartAxis, spec: ChartAxis): void {
  if (spec.title !== undefined) axis.title.text = spec.title;
  if (spec.numberFormat !== undefined) axis.numberFormat = spec.numberFormat;
  if (spec.logarithmic) {
    axis.scaleType = "Logarithmic";
    axis.logBase = 10;
  }
  if (spec.minimum !== undefined) axis.minimum = spec.minimum;
  if (spec.maximum !== undefined) axis.maximum = spec.maximum;
}

/** Excel's three-colour scale: lowest value, 0, highest value (ExcelApi 1.6). */
function addColorScale(range: Excel.Range, scale: ColorScale): void {
  const format = range.conditionalFormats.add("ColorScale");
  format.colorScale.criteria = {
    minimum: { type: "LowestValue", color: scale.low },
    midpoint: { type: "Number", formula: "0", color: scale.mid },
    maximum: { type: "HighestValue", color: scale.high },
  };
}

const CHART_TYPES = {
  line: "Line",
  column: "ColumnClustered",
  scatter: "XYScatterLinesNoMarkers",
  boxWhisker: "Boxwhisker",
} as const satisfies Record<ChartSpec["kind"], string>;

function addChart(sheet: Excel.Worksheet, spec: ChartSpec): void {
  const [first, ...rest] = spec.series;
  const chart = sheet.charts.add(CHART_TYPES[spec.kind], rangeOf(sheet, first.values), "Columns");
  chart.title.text = spec.title;
  const { position: p } = spec;
  chart.setPosition(
    cellName(p.row, p.column),
    cellName(p.row + p.rows - 1, p.column + p.columns - 1)
  );
  const style = (series: Excel.ChartSeries, s: ChartSpec["series"][number]) => {
    const x = s.xValues ?? spec.categories;
    if (x) series.setXAxisValues(rangeOf(sheet, x));
    if (s.markersOnly) {
      series.chartType = "XYScatter";
      series.markerStyle = "Circle";
      series.markerSize = 8;
    }
  };
  const firstSeries = chart.series.getItemAt(0);
  firstSeries.name = first.name;
  style(firstSeries, first);
  for (const s of rest) {
    const series = chart.series.add(s.name);
    series.setValues(rangeOf(sheet, s.values));
    style(series, s);
  }
  if (spec.valueAxis) applyAxis(chart.axes.valueAxis, spec.valueAxis);
  if (spec.categoryAxis) applyAxis(chart.axes.categoryAxis, spec.categoryAxis);
  if (spec.legend === "none") chart.legend.visible = false;
  else if (spec.legend) chart.legend.position = LEGEND_POSITIONS[spec.legend];
}

/** Sheet-wide settings, then show the new sheet with A1 selected. */
function finish(sheet: Excel.Worksheet, layout: Layout): void {
  sheet.showGridlines = layout.showGridlines;
  if (layout.tabColor !== undefined) sheet.tabColor = layout.tabColor;
  const { freeze, print } = layout;
  if (freeze && freeze.rows > 0 && freeze.columns > 0)
    sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, freeze.rows, freeze.columns));
  else if (freeze && freeze.rows > 0) sheet.freezePanes.freezeRows(freeze.rows);
  else if (freeze && freeze.columns > 0) sheet.freezePanes.freezeColumns(freeze.columns);
  if (print) {
    const page = sheet.pageLayout;
    page.orientation = print.orientation === "portrait" ? "Portrait" : "Landscape";
    page.setPrintArea(rangeOf(sheet, print.area));
    page.centerHorizontally = true;
    // One page wide; 0 pages tall means "as many as needed".
    if (print.fitToWidth) page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (print.repeatRows)
      page.setPrintTitleRows(
        `$${print.repeatRows.first + 1}:$${print.repeatRows.first + print.repeatRows.count}`
      );
  }
  sheet.activate();
  sheet.getRange("A1").select();
}
