/**
 * A sheet layout as plain data: what goes in which cell (values, formulas), how it looks (number formats,
 * fonts, fills, borders, column widths), named ranges, charts and print settings. Host-independent: no
 * Office types here. src/excel applies a Layout to a workbook; tests load it into a spreadsheet engine.
 *
 * Positions are 0-based (row 0 is sheet row 1, column 0 is column A). Strings are always text: a string
 * that looks like a formula ("=HYPERLINK(...)", "+cmd") is written as text, never evaluated. Only a
 * {@link Formula} is a formula.
 */
import { Area } from "../io/a1";

export type { Area } from "../io/a1";

/** A cell position, 0-based. */
export interface Cell {
  readonly row: number;
  readonly column: number;
}

/** A formula, e.g. `{ formula: "=STACK.VOL(B10:B12,CMA_Vols,CMA_Correlations)" }` (English function names, A1 references). */
export interface Formula {
  readonly formula: string;
}

/** What a cell holds; `null` leaves the cell blank (a spilled formula's result lands there). */
export type Content = string | number | boolean | Formula | null;

/** A rectangle of contents whose top-left cell is at (row, column); every row has the same length. */
export interface Block {
  readonly row: number;
  readonly column: number;
  readonly cells: readonly (readonly Content[])[];
}

export interface Font {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** "#RRGGBB" */
  readonly color?: string;
  /** Points. */
  readonly size?: number;
}

export type BorderEdge =
  "top" | "bottom" | "left" | "right" | "insideHorizontal" | "insideVertical";

export interface Border {
  readonly edges: readonly BorderEdge[];
  readonly weight: "thin" | "medium" | "thick";
  /** "#RRGGBB" */
  readonly color: string;
}

/** How an area looks. Every field is optional; an area's style only sets what it names. */
export interface Style {
  /** An Excel number format code, e.g. "0.0%", "0.00", "yyyy-mm-dd". */
  readonly numberFormat?: string;
  readonly font?: Font;
  /** Fill colour "#RRGGBB". */
  readonly fill?: string;
  readonly borders?: readonly Border[];
  readonly horizontalAlignment?: "left" | "center" | "right";
  readonly wrapText?: boolean;
}

export interface StyledArea {
  readonly area: Area;
  readonly style: Style;
}

/** A named range, scoped to the sheet (so several built sheets can each have their own `CMA_Table`). */
export interface NamedRange {
  readonly name: string;
  readonly area: Area;
  readonly comment?: string;
}

export interface ChartSeries {
  readonly name: string;
  /** One column (or row) of values. */
  readonly values: Area;
  /** Scatter charts: this series' own x values (same length as `values`); else the chart's categories. */
  readonly xValues?: Area;
  /** Scatter charts: plot the points as markers, without a line (e.g. portfolios next to a frontier). */
  readonly markersOnly?: boolean;
}

export interface ChartAxis {
  readonly title?: string;
  readonly numberFormat?: string;
  /** A logarithmic value axis (base 10), e.g. growth of $1 over decades. */
  readonly logarithmic?: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
}

/**
 * A native Excel chart: line charts (growth, drawdowns, rolling returns), column charts (annual returns,
 * histograms), scatter charts with lines (an efficient frontier, percentiles over years), where each
 * series may have its own x values and empty cells are left out, and box-and-whisker charts (ExcelApi
 * 1.9: one box per category of `categories`, over the values of each row). A host that refuses a
 * box-and-whisker chart gets its `fallback` instead.
 */
export interface ChartSpec {
  readonly kind: "line" | "column" | "scatter" | "boxWhisker";
  readonly title: string;
  /** The x values shared by every series (dates or labels), same length as each series. */
  readonly categories?: Area;
  readonly series: readonly ChartSeries[];
  readonly valueAxis?: ChartAxis;
  readonly categoryAxis?: ChartAxis;
  readonly legend?: "top" | "bottom" | "right" | "none";
  /** The cells the chart covers on the sheet. */
  readonly position: Area;
  /** What to draw instead when the host cannot build this kind (box-and-whisker). */
  readonly fallback?: ChartSpec;
}

/**
 * A three-colour scale (Excel conditional formatting): the lowest value in `low`, 0 in `mid`, the highest
 * in `high`, e.g. red / white / green over a table of monthly returns.
 */
export interface ColorScale {
  readonly area: Area;
  readonly low: string;
  readonly mid: string;
  readonly high: string;
}

export interface PrintSettings {
  readonly orientation: "portrait" | "landscape";
  readonly area: Area;
  /** Scale to one page wide (as many pages tall as needed). */
  readonly fitToWidth: boolean;
  /** Rows repeated at the top of every printed page (e.g. a data table's header). */
  readonly repeatRows?: { readonly first: number; readonly count: number };
}

/** Everything that makes one worksheet. */
export interface Layout {
  /** The preferred sheet name; the writer picks a free variant ("Stack portfolio (2)"). */
  readonly sheetName: string;
  readonly blocks: readonly Block[];
  readonly styles: readonly StyledArea[];
  /** Column widths in points (Excel's default column is 48 pt, about 8.4 characters). */
  readonly columnWidths: readonly { readonly column: number; readonly width: number }[];
  readonly names: readonly NamedRange[];
  readonly charts: readonly ChartSpec[];
  /** Conditional colour scales, applied after the styles. */
  readonly colorScales?: readonly ColorScale[];
  /** Rows and columns kept in view while scrolling. */
  readonly freeze?: { readonly rows: number; readonly columns: number };
  readonly print?: PrintSettings;
  readonly showGridlines: boolean;
  /** Tab colour "#RRGGBB". */
  readonly tabColor?: string;
}

/** `{ formula }` for a formula string (which must start with "="). */
export function formula(text: string): Formula {
  if (!text.startsWith("=")) throw new Error(`a formula starts with "=": ${text}`);
  return { formula: text };
}

/** Whether a cell's content is a formula (anything else is a value). */
export function isFormula(content: Content): content is Formula {
  return typeof content === "object" && content !== null;
}

/** The area a block covers. */
export function blockArea(block: Block): Area {
  return {
    row: block.row,
    column: block.column,
    rows: block.cells.length,
    columns: block.cells[0]?.length ?? 0,
  };
}
