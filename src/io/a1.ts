/**
 * A1 addressing, the way a spreadsheet user names cells: column letters ("C"), cells ("C4"), ranges
 * ("B6:D8"). Positions in code are 0-based (row 0 is sheet row 1, column 0 is column A). Shared by the
 * importers (messages point at the source cell as the user sees it) and the sheet layouts (formulas).
 */

/** Excel's last column is XFD (16,384 columns). */
const MAX_COLUMNS = 16384;

/** The letters of a 0-based column: 0 → "A", 25 → "Z", 26 → "AA", 16383 → "XFD". */
export function columnLetter(column: number): string {
  if (!Number.isInteger(column) || column < 0 || column >= MAX_COLUMNS)
    throw new RangeError(`column ${column} is outside A..XFD`);
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A cell's A1 name; `absolute` gives "$C$4". */
export function cellName(row: number, column: number, absolute = false): string {
  const $ = absolute ? "$" : "";
  return `${$}${columnLetter(column)}${$}${row + 1}`;
}

/** Where a cell is, in words: "row 4, column C". */
export function place(row: number, column: number): string {
  return `row ${row + 1}, column ${columnLetter(column)}`;
}

/** A rectangle of cells: top-left position (0-based) and size. */
export interface Area {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/** An area's A1 name: "B6:D8", or "B6" for one cell; `absolute` gives "$B$6:$D$8". */
export function rangeName(area: Area, absolute = false): string {
  const first = cellName(area.row, area.column, absolute);
  if (area.rows === 1 && area.columns === 1) return first;
  return `${first}:${cellName(area.row + area.rows - 1, area.column + area.columns - 1, absolute)}`;
}
