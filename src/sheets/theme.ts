/**
 * The look shared by Stack's sheets, so the CMA sheet and the backtest sheet read as one product:
 * a title, section headings, table headers, input cells in Excel's own "Input" cell style, notes.
 */
import { Border, Style } from "./layout";

const NAVY = "#0F3C6E";
const GREY = "#595959";

const all = (weight: Border["weight"], color: string): Border => ({
  edges: ["top", "bottom", "left", "right", "insideHorizontal", "insideVertical"],
  weight,
  color,
});

/** Styles by role, plus the sheets' tab colour. */
export const theme = {
  tabColor: NAVY,
  title: { font: { bold: true, size: 16, color: NAVY } },
  subtitle: { font: { italic: true, color: GREY } },
  /** A section heading, set across the sheet's width: bold navy text over a navy rule. */
  section: {
    font: { bold: true, size: 12, color: NAVY },
    borders: [{ edges: ["bottom"], weight: "medium", color: NAVY }],
  },
  /** A table's column headings. */
  header: {
    font: { bold: true },
    fill: "#DCE6F1",
    wrapText: true,
    borders: [{ edges: ["bottom"], weight: "thin", color: "#8EA9C1" }],
  },
  /** Cells the user is meant to edit: Excel's built-in "Input" style (orange fill, blue-grey text, grey box). */
  input: { fill: "#FFCC99", font: { color: "#3F3F76" }, borders: [all("thin", "#7F7F7F")] },
  /**
   * Cells that were inputs but are fixed values in this sheet (a shared snapshot's inputs, the portable
   * sheet's mix target): grey, boxed like the inputs, so they read as "set, not editable here".
   */
  fixed: { fill: "#E7E6E6", font: { color: "#3F3F3F" }, borders: [all("thin", "#A6A6A6")] },
  /** A totals row: a rule above. */
  total: { font: { bold: true }, borders: [{ edges: ["top"], weight: "thin", color: GREY }] },
  note: { font: { italic: true, size: 9, color: GREY } },
} satisfies Record<string, Style | string>;
