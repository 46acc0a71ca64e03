/**
 * Reads the range the user selected, for importing a table that is already in the workbook (or an
 * XLSX file the user opened in Excel). One round trip; only the used part of the selection is read,
 * so selecting whole columns does not pull a million blank rows.
 */
import { ExcelProblem } from "./errors";

export interface SelectedRange {
  /** "Sheet1!B2:G5" */
  readonly address: string;
  /** As Excel returns them: numbers, text, booleans, "" for blank cells. */
  readonly values: readonly (readonly unknown[])[];
  /** Each cell's number format ("General", "0.00%", "m/d/yyyy"): tells percentages and dates apart from plain numbers. */
  readonly numberFormat: readonly (readonly string[])[];
  /** Position of the first cell on its sheet, 0-based. */
  readonly row: number;
  readonly column: number;
}

/** The used part of the current selection; an empty selection is an {@link ExcelProblem} in plain words. */
export function readSelection(): Promise<SelectedRange> {
  return Excel.run(async (context) => {
    const used = context.workbook.getSelectedRange().getUsedRangeOrNullObject(true);
    used.load(["address", "values", "numberFormat", "rowIndex", "columnIndex"]);
    await context.sync();
    if (used.isNullObject)
      throw new ExcelProblem(
        "The selected cells are empty. Select the table, including its header row, and try again."
      );
    return {
      address: used.address,
      values: used.values,
      numberFormat: used.numberFormat,
      row: used.rowIndex,
      column: used.columnIndex,
    };
  });
}
