import { invalid } from "../core/errors";
import { looksLikeDate } from "./series-dates";
import { readNumber } from "./series-numbers";
import { isBlank, type TextRow } from "./series-table";
import { unitFromHeader, type ColumnUnit } from "./series-units";

/**
 * Which kind of download a file is, where its header and data are, and which columns to read.
 * - "yahoo": Date, Open, High, Low, Close[, Adj Close], Volume → the Adj Close (else Close) prices
 * - "fred": DATE or observation_date, then series ids (DGS3MO, TB3MS) → annual rates in percent
 * - "french": Kenneth French factor files (text lines, then ",Mkt-RF,SMB,HML,RF" or "Date,Mkt-RF,...",
 *   yyyymmdd or yyyymm dates) → returns in percent, and RF a rate per period in percent; the data end at
 *   the first blank line, annual section or copyright
 * - "generic": a date column, then value columns whose unit comes from their header or values
 * The date is always the first column.
 */
export type SeriesFormat = "yahoo" | "fred" | "french" | "generic";

/** How the pane and messages name each format's layout. */
export const FORMAT_NAMES: Readonly<Record<SeriesFormat, string>> = {
  yahoo: "Yahoo Finance",
  fred: "FRED",
  french: "Kenneth French",
  generic: "Date + values",
};

/** A named column of the header: its position and trimmed name. */
interface NamedColumn {
  readonly index: number;
  readonly name: string;
}

/** A value column to read, with the unit its file's layout gives it (none in a generic file). */
export interface FileColumn extends NamedColumn {
  readonly layout?: { readonly unit: ColumnUnit; readonly name: string };
}

export interface FileLayout {
  readonly format: SeriesFormat;
  readonly header: TextRow;
  /** The data rows, in file order, without blank lines. */
  readonly rows: readonly TextRow[];
  readonly columns: readonly FileColumn[];
  /** Named value columns that are not read, and named columns whose first value is not a number. */
  readonly ignored: readonly string[];
  readonly text: readonly string[];
  /** Lines that are not read (notes above the header, a trailer after the data), in words. */
  readonly skipped: readonly string[];
}

export interface ColumnChoice {
  /** Value columns to read, by header name; default: see findFileLayout. */
  readonly columns?: readonly string[];
  /** Columns to read besides the default ones. */
  readonly add?: readonly string[];
  /** Columns not to read. */
  readonly skip?: readonly string[];
}

/** Expected layouts, for messages. */
const EXPECTED =
  "expected a header row, then dates in the first column (yahoo, fred, kenneth french or date + values)";
/** A date column's header: "Date", "DATE", "observation_date", "Trade Date", "Date (MM/DD/YYYY)". */
const DATE_LABEL = /^(?:[a-z]+[ _-])?date(?:$|[^a-z])/i;
const FRED_ID = /^[A-Z][A-Z0-9_]*$/;
/** FRED's percent-change transformations (CPIAUCSL_PC1, GDP_PCH): returns in percent, not rates. */
const FRED_CHANGE = /_(?:PCH|PC1|PCA|CCH|CCA)$/;
const YAHOO_COLUMNS = ["open", "high", "low", "close"];
const FRENCH_END = /annual|copyright/i;
const FRENCH_RATE = "RF";

/**
 * Finds the header row and the data of a series file and decides its format and value columns.
 * By default Yahoo files give Adj Close (else Close), FRED and French files every named column, and
 * generic files every column whose first value is a number, except amounts, counts and the open, high
 * and low of a day (see unitFromHeader); the others can be added. Lines above the header and after the data are reported, never dropped silently;
 * lines above the header that look like data are refused.
 * @throws #VALUE! when no header row is followed by dates, there are no data rows, a row has more fields than the header, or a named column is absent
 * @example findFileLayout(readRows("DATE,DGS3MO\n2024-01-02,5.46").rows).columns // [{ index: 1, name: "DGS3MO", layout: { unit: "rates-percent", name: "FRED" } }]
 */
export function findFileLayout(table: readonly TextRow[], choice: ColumnChoice = {}): FileLayout {
  const headerAt = table.findIndex((row, k) => isHeader(row, table[k + 1]));
  if (headerAt < 0) throw noHeader(table);
  const header = table[headerAt];
  const names = header.cells.map((cell) => cell.trim());
  const format = formatOf(names, table[headerAt + 1]);
  const { rows, trailer } = dataRows(table.slice(headerAt + 1), format);
  if (rows.length === 0) throw invalid("file", `no data after the header on line ${header.line}`);
  const skipped = [...notesAbove(table.slice(0, headerAt), header), ...trailer];
  checkWidths(rows, header);
  const named: NamedColumn[] = names
    .map((name, index) => ({ index, name }))
    .filter(({ index, name }) => index > 0 && name !== "");
  const numeric = named.filter(({ index }) => firstValueIsNumber(rows, index));
  const wanted = [...(choice.columns ?? []), ...(choice.add ?? []), ...(choice.skip ?? [])];
  const missing = wanted.find((name) => !named.some((column) => column.name === name));
  if (missing !== undefined)
    throw invalid(
      "columns",
      `no column "${missing}" (the file has ${named.map(({ name }) => name).join(", ")})`
    );
  const chosen = (
    choice.columns === undefined
      ? [
          ...defaultColumns(format, numeric),
          ...named.filter(({ name }) => choice.add?.includes(name)),
        ]
      : named.filter(({ name }) => choice.columns?.includes(name))
  ).filter(
    ({ name }, k, all) =>
      !choice.skip?.includes(name) && all.findIndex((c) => c.name === name) === k
  );
  if (chosen.length === 0 && (choice.skip ?? []).length === 0)
    throw invalid("file", noValueColumns(header, named, numeric));
  return {
    format,
    header,
    rows,
    columns: chosen.map(({ index, name }) => ({ index, name, layout: formatUnit(format, name) })),
    ignored: numeric.filter((column) => !chosen.includes(column)).map(({ name }) => name),
    text: named.filter((column) => !numeric.includes(column)).map(({ name }) => name),
    skipped,
  };
}

/** A header has a value column name and either a date label first or a date on the next row. */
function isHeader(row: TextRow, next: TextRow | undefined): boolean {
  const label = row.cells[0].trim();
  if (!row.cells.slice(1).some((cell) => cell.trim() !== "") || looksLikeDate(label)) return false;
  return DATE_LABEL.test(label) || (next !== undefined && looksLikeDate(next.cells[0]));
}

/** Why no header was found, as precisely as the file allows. */
function noHeader(table: readonly TextRow[]): Error {
  if (table.every(isBlank)) return invalid("file", "empty");
  const first = table.find((row) => !isBlank(row)) as TextRow;
  const dateLabel = first.cells.findIndex((cell, k) => k > 0 && /\bdate\b/i.test(cell));
  if (dateLabel > 0)
    return invalid(
      `line ${first.line}`,
      `the dates must be in the first column, but "${first.cells[dateLabel].trim()}" is column ${dateLabel + 1} (the first is "${first.cells[0].trim()}")`
    );
  if (looksLikeDate(first.cells[0]))
    return invalid(
      `line ${first.line}`,
      `the file has no header row: "${first.cells[0].trim()}" is already a date; add a first line that names the columns (e.g. Date,${first.cells
        .slice(1)
        .map((_, k) => `Series ${k + 1}`)
        .join(",")})`
    );
  return invalid("file", `no header row followed by dates; ${EXPECTED}`);
}

function formatOf(names: readonly string[], first: TextRow | undefined): SeriesFormat {
  const lower = names.map((name) => name.toLowerCase());
  if (YAHOO_COLUMNS.every((name) => lower.includes(name)) && !lower.includes("price"))
    return "yahoo";
  const values = names.slice(1).filter((name) => name !== "");
  if (
    (names[0] === "DATE" || lower[0] === "observation_date") &&
    values.every((name) => FRED_ID.test(name))
  )
    return "fred";
  const compactDates = first !== undefined && /^\d{6}(?:\d{2})?$/.test(first.cells[0].trim());
  return lower.includes("mkt-rf") || (names[0] === "" && compactDates) ? "french" : "generic";
}

/**
 * Rows after the header without blank lines, and what follows the data: a French file's data end at
 * its first blank or trailer line (the annual factors, the copyright); any file's data end before the
 * non-blank lines after its last dated row (a note, a total).
 */
function dataRows(
  after: readonly TextRow[],
  format: SeriesFormat
): { rows: TextRow[]; trailer: string[] } {
  let end =
    format === "french"
      ? after.findIndex((row) => isBlank(row) || FRENCH_END.test(row.cells[0]))
      : -1;
  if (end < 0) {
    end = after.length;
    while (end > 0 && !looksLikeDate(after[end - 1].cells[0])) end--;
    if (end === 0) end = after.length;
  }
  const rest = after.slice(end).filter((row) => !isBlank(row));
  const trailer =
    rest.length === 0
      ? []
      : [
          `${linesOf(rest)} after the data (from “${rest[0].cells.join(",").trim().slice(0, 40)}”) ${rest.length === 1 ? "was" : "were"} not read.`,
        ];
  return { rows: after.slice(0, end).filter((row) => !isBlank(row)), trailer };
}

function linesOf(rows: readonly TextRow[]): string {
  const [first, last] = [rows[0].line, rows[rows.length - 1].line];
  return first === last ? `Line ${first}` : `Lines ${first}–${last}`;
}

/** The non-blank lines above the header, reported; refused when one of them looks like a row of data. */
function notesAbove(above: readonly TextRow[], header: TextRow): string[] {
  const notes = above.filter((row) => !isBlank(row));
  const data = notes.find(
    (row) =>
      looksLikeDate(row.cells[0]) &&
      row.cells.slice(1).some((cell) => {
        const read = readNumber(cell);
        return read !== null && read !== "missing";
      })
  );
  if (data !== undefined)
    throw invalid(
      `line ${data.line}`,
      `"${data.cells.join(",").slice(0, 40)}" looks like data but comes before the header on line ${header.line}; move the header to the top or delete the lines above it`
    );
  return notes.length === 0
    ? []
    : [
        `${linesOf(notes)}, above the header on line ${header.line}, ${notes.length === 1 ? "is" : "are"} not data and ${notes.length === 1 ? "was" : "were"} not read.`,
      ];
}

/**
 * A data row with more filled fields than the header has names: numbers split by the separator, most
 * often decimal commas in a comma-separated file ("100,5" read as 100 and 5), so it is refused.
 */
function checkWidths(rows: readonly TextRow[], header: TextRow): void {
  const width = header.cells.length;
  const wide = rows.find((row) => row.cells.slice(width).some((cell) => cell.trim() !== ""));
  if (wide === undefined) return;
  const filled = wide.cells.length - [...wide.cells].reverse().findIndex((c) => c.trim() !== "");
  throw invalid(
    `line ${wide.line}`,
    `${filled} fields but the header on line ${header.line} names ${width}: if the numbers have decimal commas (100,5), save the file with semicolons (;) as separators or put such numbers in quotes`
  );
}

function noValueColumns(
  header: TextRow,
  named: readonly NamedColumn[],
  numeric: readonly NamedColumn[]
): string {
  const others = numeric.filter(({ name }) => unitFromHeader(name)?.measure === "other");
  return others.length > 0
    ? `no column of prices, returns or rates on line ${header.line}: ${others.map(({ name }) => `“${name}”`).join(", ")} ${others.length === 1 ? "is not a series" : "are not series"} Stack reads (amounts, counts or a day's open, high or low)`
    : `no value columns on line ${header.line}${named.length > 0 ? ` (${named.map(({ name }) => `“${name}”`).join(", ")} ${named.length === 1 ? "holds" : "hold"} text)` : ""}`;
}

function defaultColumns(format: SeriesFormat, numeric: readonly NamedColumn[]): NamedColumn[] {
  switch (format) {
    case "yahoo": {
      const adjusted = numeric.filter(({ name }) => name.toLowerCase() === "adj close");
      return adjusted.length > 0
        ? adjusted
        : numeric.filter(({ name }) => name.toLowerCase() === "close");
    }
    case "fred":
    case "french":
      return [...numeric];
    case "generic":
      return numeric.filter(({ name }) => unitFromHeader(name)?.measure !== "other");
  }
}

/** True when the column's first value is a number (in either decimal mark), or it has no value at all. */
function firstValueIsNumber(rows: readonly TextRow[], index: number): boolean {
  for (const row of rows) {
    const cell = readNumber(row.cells[index] ?? "", ".") ?? readNumber(row.cells[index] ?? "", ",");
    if (cell !== "missing") return cell !== null;
  }
  return true;
}

/** The unit a format gives a column: Yahoo prices, FRED annual rates in percent, French returns in percent. */
function formatUnit(format: SeriesFormat, name: string): FileColumn["layout"] {
  const layout = FORMAT_NAMES[format];
  switch (format) {
    case "yahoo":
      return { unit: "prices", name: layout };
    case "fred":
      return { unit: FRED_CHANGE.test(name) ? "returns-percent" : "rates-percent", name: layout };
    case "french":
      return {
        unit: name === FRENCH_RATE ? "period-rates-percent" : "returns-percent",
        name: layout,
      };
    case "generic":
      return undefined;
  }
}
