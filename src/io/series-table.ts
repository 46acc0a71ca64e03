import Papa from "papaparse";
import { invalid } from "../core/errors";

/** One CSV record with the line it starts on (1-based, as a text editor counts, after a byte-order mark). */
export interface TextRow {
  readonly line: number;
  readonly cells: readonly string[];
}

const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * Splits comma-separated text into records with Papa Parse, keeping blank lines as rows so that each
 * record knows its line even when a quoted cell spans several lines.
 * @throws #VALUE! "line 3: quoted field unterminated" for malformed quoting
 * @example readRows("Date,Close\n2024-01-02,100") // [{ line: 1, cells: ["Date", "Close"] }, { line: 2, cells: ["2024-01-02", "100"] }]
 */
export function readRows(text: string): TextRow[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, { delimiter: ",", skipEmptyLines: false });
  let line = 1;
  const rows = parsed.data.map((cells) => {
    const row = { line, cells };
    line += 1 + cells.reduce((breaks, cell) => breaks + (cell.match(LINE_BREAK)?.length ?? 0), 0);
    return row;
  });
  const problem = parsed.errors[0];
  if (problem !== undefined)
    throw invalid(`line ${rows[problem.row ?? 0]?.line ?? line}`, problem.message.toLowerCase());
  return rows;
}

/** True when every cell of the row is empty or blank (",,,," lines count as blank). */
export function isBlank(row: TextRow): boolean {
  return row.cells.every((cell) => cell.trim() === "");
}
