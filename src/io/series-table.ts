import Papa from "papaparse";
import { invalid } from "../core/errors";

/** One CSV record with the line it starts on (1-based, as a text editor counts, after a byte-order mark). */
export interface TextRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/** The separators a delimited text file may use: comma, semicolon (Excel in most of Europe), tab (Excel's "Unicode Text"), bar. */
export type Delimiter = "," | ";" | "\t" | "|";

export interface TextTable {
  readonly rows: TextRow[];
  readonly delimiter: Delimiter;
}

const DELIMITERS: readonly Delimiter[] = [",", ";", "\t", "|"];
/** How the pane names each separator. */
export const DELIMITER_NAMES: Readonly<Record<Delimiter, string>> = {
  ",": "comma-separated",
  ";": "semicolon-separated",
  "\t": "tab-separated",
  "|": "bar-separated",
};
/** Lines looked at to choose the separator: enough to get past FRED's and Kenneth French's notes. */
const SAMPLE_LINES = 200;
const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * The separator that splits the most of the first lines into the same number (at least 2) of fields.
 * Lines of notes above a table have one field whichever separator is tried, so they do not count; a
 * semicolon file with decimal commas splits its header and its rows alike only on ";". On a tie the
 * earlier of comma, semicolon, tab and bar wins.
 */
function delimiterOf(sample: string): Delimiter {
  let best: Delimiter = ",";
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const counts = new Map<number, number>();
    for (const record of Papa.parse<string[]>(sample, { delimiter, newline: "\n" }).data) {
      if (record.length >= 2) counts.set(record.length, (counts.get(record.length) ?? 0) + 1);
    }
    const score = Math.max(0, ...counts.values());
    if (score > bestScore) [best, bestScore] = [delimiter, score];
  }
  return best;
}

/**
 * Splits delimited text into records with Papa Parse, keeping blank lines as rows so that each record
 * knows its line even when a quoted cell spans several lines. The separator is the one a first line
 * "sep=;" names (as Excel reads it), else detected (see delimiterOf); line breaks may be CRLF, LF or CR,
 * mixed in one file (a CRLF header, then LF rows).
 * @throws #VALUE! 'line 3: a quoted field is not closed (a " is missing)' for malformed quoting
 * @example readRows("Date,Close\n2024-01-02,100").rows // [{ line: 1, cells: ["Date", "Close"] }, { line: 2, cells: ["2024-01-02", "100"] }]
 */
export function readRows(text: string): TextTable {
  const body = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(LINE_BREAK, "\n");
  let sampleEnd = 0;
  for (let k = 0; k < SAMPLE_LINES && sampleEnd >= 0; k++)
    sampleEnd = body.indexOf("\n", sampleEnd + 1);
  // Excel reads (and some tools write) a first line "sep=;" that names the separator.
  const named = /^sep=([,;\t|])\n/i.exec(body)?.[1] as Delimiter | undefined;
  const delimiter = named ?? delimiterOf(sampleEnd < 0 ? body : body.slice(0, sampleEnd));
  const parsed = Papa.parse<string[]>(body, { delimiter, newline: "\n", skipEmptyLines: false });
  let line = 1;
  const rows = parsed.data.map((cells) => {
    const row = { line, cells };
    line += 1 + cells.reduce((breaks, cell) => breaks + (cell.match(LINE_BREAK)?.length ?? 0), 0);
    return row;
  });
  const problem = parsed.errors.find((error) => error.type === "Quotes");
  if (problem !== undefined)
    throw invalid(
      `line ${rows[problem.row ?? 0]?.line ?? line}`,
      problem.code === "MissingQuotes"
        ? 'a quoted field is not closed (a " is missing)'
        : 'a quote (") is misplaced'
    );
  return { rows, delimiter };
}

/** True when every cell of the row is empty or blank (",,,," lines count as blank). */
export function isBlank(row: TextRow): boolean {
  return row.cells.every((cell) => cell.trim() === "");
}
