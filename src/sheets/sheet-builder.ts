/**
 * Building a {@link Layout} piece by piece, with the conventions shared by Stack's sheets (the CMA sheet
 * and the backtest sheet): blocks of contents placed with their style, section headings ruled across the
 * sheet's width, and labels — formulas that repeat the text of another cell (an asset or holding name), so
 * renaming it there renames it everywhere — recorded with the text they show when built, for tests.
 */
import { cellName } from "../io/a1";
import { Area, Block, Cell, Content, formula, Style, StyledArea } from "./layout";
import { theme } from "./theme";

/** A label formula and the text it shows when the sheet is built. */
export interface Label {
  readonly cell: Cell;
  readonly text: string;
}

export interface SheetBuilder {
  readonly blocks: Block[];
  readonly styles: StyledArea[];
  readonly labels: Label[];
  /** Place rows of contents with their top-left cell at (row, column), optionally styled; returns the area covered. */
  put(row: number, column: number, cells: Content[][], style?: Style): Area;
  style(area: Area, style: Style): void;
  /** A formula at `cell` showing the text of `source` (`=$A$7`), recorded as a {@link Label}. */
  label(cell: Cell, source: Cell, text: string): Content;
  /** Row `r` from column A across `columns` columns (the sheet's width by default). */
  row(r: number, columns?: number): Area;
  /** A section heading in column A of row `r`, with the section rule across the sheet's width. */
  section(r: number, title: string): void;
}

/** A builder for a sheet whose headings span `width` columns. */
export function sheetBuilder(width: number): SheetBuilder {
  const blocks: Block[] = [];
  const styles: StyledArea[] = [];
  const labels: Label[] = [];
  const style = (area: Area, s: Style) => {
    styles.push({ area, style: s });
  };
  const put = (row: number, column: number, cells: Content[][], s?: Style): Area => {
    blocks.push({ row, column, cells });
    const area = { row, column, rows: cells.length, columns: cells[0].length };
    if (s) style(area, s);
    return area;
  };
  const row = (r: number, columns = width): Area => ({ row: r, column: 0, rows: 1, columns });
  return {
    blocks,
    styles,
    labels,
    put,
    style,
    label: (cell, source, text) => {
      labels.push({ cell, text });
      return formula(`=${cellName(source.row, source.column, true)}`);
    },
    row,
    section: (r, title) => {
      put(r, 0, [[title]]);
      style(row(r), theme.section);
    },
  };
}

/** Column `j` (0-based) of an area. */
export function columnOf(area: Area, j: number): Area {
  return { row: area.row, column: area.column + j, rows: area.rows, columns: 1 };
}

/** The same width for columns `from` to `to` − 1. */
export function columnWidths(
  from: number,
  to: number,
  width: number
): { column: number; width: number }[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => ({ column: from + i, width }));
}
