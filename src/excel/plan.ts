/**
 * Turns a {@link Layout} into the requests that build it: steps (write a block of cells, style an area,
 * set a column width, add a name or a chart, finish the sheet) packed into batches, one `context.sync`
 * each. Excel on the web refuses a request over 5 MB, so every batch is kept under a budget (4 MB by
 * default): a small layout is one batch; a large one (16,000 rows × 12 columns of data) is split by rows
 * into as few batches as the budget allows, so round trips grow with the bytes, not with the rows.
 * Pure: no Office calls, so the plan can be tested and benchmarked without Excel.
 */
import {
  Area,
  blockArea,
  ChartSpec,
  ColorScale,
  Content,
  isFormula,
  Layout,
  NamedRange,
  Style,
} from "../sheets/layout";

/** Default request budget: under Excel on the web's 5 MB limit, with room for the request's envelope. */
export const MAX_REQUEST_BYTES = 4_000_000;
/** Estimated bytes of one queued Office.js action besides its data (object path, method, ids). */
const ACTION_BYTES = 200;

/** A value as Excel receives it through `Range.formulas`. */
export type ExcelInput = string | number | boolean | null;

export type Step =
  | {
      readonly kind: "cells";
      readonly area: Area;
      readonly formulas: readonly (readonly ExcelInput[])[];
    }
  | { readonly kind: "style"; readonly area: Area; readonly style: Style }
  | { readonly kind: "width"; readonly column: number; readonly width: number }
  | { readonly kind: "name"; readonly name: NamedRange }
  | { readonly kind: "chart"; readonly chart: ChartSpec }
  | { readonly kind: "colorScale"; readonly scale: ColorScale }
  | { readonly kind: "finish" };

export interface Batch {
  readonly steps: readonly Step[];
  /** Estimated request size. */
  readonly bytes: number;
  /**
   * A batch of charts that a host may refuse (box-and-whisker, ExcelApi 1.9): sent last and on its own, so
   * a refusal undoes nothing else; the writer then adds these fallback charts instead.
   */
  readonly fallbacks?: readonly ChartSpec[];
}

/**
 * How a layout's content is written. A string gets Excel's text prefix, an apostrophe, which Excel
 * stores as "this is text" and does not show: "=HYPERLINK(...)", "+cmd", "-x", "@x", "1/2" or "TRUE"
 * stay exactly that text instead of becoming a formula, a date or a boolean. `null` leaves the cell
 * untouched (blank on a new sheet).
 */
export function excelInput(content: Content): ExcelInput {
  if (content === null || typeof content === "number" || typeof content === "boolean")
    return content;
  if (isFormula(content)) return content.formula;
  return `'${content}`;
}

const utf8 = new TextEncoder();
const bytesOf = (value: unknown) => utf8.encode(JSON.stringify(value)).length;

type OtherStep = Exclude<Step, { kind: "cells" }>;

/** Estimated request bytes of a step other than cells: its data plus one {@link ACTION_BYTES} per queued action. */
function stepBytes(step: OtherStep): number {
  switch (step.kind) {
    case "style": {
      const { font = {}, borders = [], ...rest } = step.style;
      const actions =
        1 +
        Object.keys(rest).length +
        Object.keys(font).length +
        borders.reduce((sum, b) => sum + 3 * b.edges.length, 0);
      return actions * ACTION_BYTES + bytesOf(step.style);
    }
    case "chart":
      return (8 + 4 * step.chart.series.length) * ACTION_BYTES + bytesOf(step.chart);
    case "colorScale":
      return 4 * ACTION_BYTES + bytesOf(step.scale);
    case "name":
      return 2 * ACTION_BYTES + bytesOf(step.name);
    case "width":
      return 2 * ACTION_BYTES;
    case "finish":
      return 12 * ACTION_BYTES;
  }
}

/**
 * Pack a layout into batches of at most `maxBytes` each: names, cells (in block order), styles, colour
 * scales, column widths, charts and the finishing step (sheet settings, activation); then the charts with
 * a fallback in a batch of their own. Blocks larger than the room left in a batch are split by rows.
 */
export function planBatches(layout: Layout, maxBytes: number = MAX_REQUEST_BYTES): Batch[] {
  const batches: Batch[] = [];
  let steps: Step[] = [];
  let bytes = 0;
  const close = () => {
    if (steps.length > 0) batches.push({ steps, bytes });
    steps = [];
    bytes = 0;
  };
  const push = (step: OtherStep) => {
    const size = stepBytes(step);
    if (bytes + size > maxBytes) close();
    steps.push(step);
    bytes += size;
  };
  // Names first, so that formulas using them never meet an undefined name.
  for (const name of layout.names) push({ kind: "name", name });
  for (const block of layout.blocks) {
    const area = blockArea(block);
    const rows = block.cells.map((row) => row.map(excelInput));
    const rowBytes = rows.map((row) => bytesOf(row) + 1);
    // As many rows as fit in the current batch, then the rest in fresh batches.
    for (let start = 0; start < rows.length;) {
      let end = start;
      let size = 2 * ACTION_BYTES + 2;
      while (end < rows.length && bytes + size + rowBytes[end] <= maxBytes) size += rowBytes[end++];
      if (end === start) {
        if (steps.length === 0)
          throw new Error(
            `row ${area.row + start + 1} alone exceeds the request budget of ${maxBytes} bytes`
          );
        close();
        continue;
      }
      steps.push({
        kind: "cells",
        area: { ...area, row: area.row + start, rows: end - start },
        formulas: rows.slice(start, end),
      });
      bytes += size;
      start = end;
    }
  }
  for (const s of layout.styles) push({ kind: "style", area: s.area, style: s.style });
  for (const scale of layout.colorScales ?? []) push({ kind: "colorScale", scale });
  for (const w of layout.columnWidths) push({ kind: "width", column: w.column, width: w.width });
  const optional = layout.charts.filter((chart) => chart.fallback !== undefined);
  for (const chart of layout.charts)
    if (chart.fallback === undefined) push({ kind: "chart", chart });
  push({ kind: "finish" });
  close();
  if (optional.length > 0) {
    const steps: Step[] = optional.map((chart) => ({ kind: "chart", chart }));
    batches.push({
      steps,
      bytes: steps.reduce((sum, step) => sum + stepBytes(step as OtherStep), 0),
      fallbacks: optional.map((chart) => chart.fallback!),
    });
  }
  return batches;
}
