import { invalid } from "../core/errors";
import { parseDate } from "./series-dates";
import { readNumber } from "./series-numbers";
import { isBlank, type TextRow } from "./series-table";
import { unitFromHeader, type ColumnUnit } from "./series-units";

/**
 * Which kind of download a file is, where its header and data are, and which columns to read.
 * - "yahoo": Date, Open, High, Low, Close[, Adj Close], Volume → the Adj Close (else Close) prices
 * - "fred": DATE or observation_date, then series ids (DGS3MO, TB3MS) → annual rates in percent
 * - "french": Kenneth French factor files (text lines, then ",Mkt-RF,SMB,HML,RF" or "Date,Mkt-RF,...",
 *   yyyymmdd dates) → returns in percent; the data end at the first blank line, annual section or copyright
 * - "generic": a date column, then value columns whose unit comes from their header or values
 * The date is always the first column.
 */
export type SeriesFormat = "yahoo" | "fred" | "french" | "generic";

/** A named column of the header: its position and trimmed name. */
interface NamedColumn {
  readonly index: number;
  readonly name: string;
}

/** A value column to read; a null unit is settled from the values (see unitFromValues). */
export interface FileColumn extends NamedColumn {
  readonly unit: ColumnUnit | null;
}

export interface FileLayout {
  readonly format: SeriesFormat;
  readonly header: TextRow;
  /** The data rows, in file order, without blank lines. */
  readonly rows: readonly TextRow[];
  readonly columns: readonly FileColumn[];
  /** Named value columns that are not read. */
  readonly ignored: readonly string[];
}

/** Expected layouts, for messages. */
const EXPECTED =
  "expected a csv with a header row, then dates in the first column (yahoo, fred, kenneth french or date + values)";
/** A date column's header: "Date", "DATE", "observation_date", "Trade Date", "Date (MM/DD/YYYY)". */
const DATE_LABEL = /^(?:[a-z]+[ _])?date(?:$|[^a-z])/i;
const FRED_ID = /^[A-Z][A-Z0-9_]*$/;
const YAHOO_COLUMNS = ["open", "high", "low", "close"];
const FRENCH_END = /annual|copyright/i;

/**
 * Finds the header row and the data of a series file and decides its format and value columns.
 * `columns` names the value columns to read; by default Yahoo files give Adj Close (else Close), FRED and
 * French files every named column, and generic files the columns whose header names a unit (price, close,
 * NAV, return, change, rate, yield, ...), or, when none does, every column whose first value is a number.
 * @throws #VALUE! when no header row is followed by dates, there are no data rows, or a named column is absent
 * @example findFileLayout(readRows("DATE,DGS3MO\n2024-01-02,5.46")) // { format: "fred", columns: [{ index: 1, name: "DGS3MO", unit: "rates-percent" }], ... }
 */
export function findFileLayout(table: readonly TextRow[], columns?: readonly string[]): FileLayout {
  const headerAt = table.findIndex((row, k) => isHeader(row, table[k + 1]));
  if (headerAt < 0)
    throw invalid(
      "file",
      table.every(isBlank) ? "empty" : `no header row followed by dates; ${EXPECTED}`
    );
  const header = table[headerAt];
  const names = header.cells.map((cell) => cell.trim());
  const format = formatOf(names, table[headerAt + 1]);
  const rows = dataRows(table.slice(headerAt + 1), format);
  if (rows.length === 0) throw invalid("file", `no data after the header on line ${header.line}`);
  const named: NamedColumn[] = names
    .map((name, index) => ({ index, name }))
    .filter(({ index, name }) => index > 0 && name !== "");
  const chosen =
    columns === undefined
      ? defaultColumns(format, named, rows)
      : named.filter(({ name }) => columns.includes(name));
  const missing = columns?.find((name) => !named.some((column) => column.name === name));
  if (missing !== undefined)
    throw invalid(
      "columns",
      `no column "${missing}" (the file has ${named.map(({ name }) => name).join(", ")})`
    );
  if (chosen.length === 0) throw invalid("file", `no value columns on line ${header.line}`);
  return {
    format,
    header,
    rows,
    columns: chosen.map(({ index, name }) => ({ index, name, unit: formatUnit(format, name) })),
    ignored: named.filter((column) => !chosen.includes(column)).map(({ name }) => name),
  };
}

/** A header has a value column name and either a date label first or a date on the next row. */
function isHeader(row: TextRow, next: TextRow | undefined): boolean {
  const label = row.cells[0].trim();
  if (!row.cells.slice(1).some((cell) => cell.trim() !== "") || parseDate(label) !== null)
    return false;
  return DATE_LABEL.test(label) || (next !== undefined && parseDate(next.cells[0]) !== null);
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
  const compactDates = first !== undefined && /^\d{8}$/.test(first.cells[0].trim());
  return lower.includes("mkt-rf") || (names[0] === "" && compactDates) ? "french" : "generic";
}

/** Rows after the header without blank lines; a French file's daily data end at its first blank or trailer line. */
function dataRows(after: readonly TextRow[], format: SeriesFormat): TextRow[] {
  const end =
    format === "french"
      ? after.findIndex((row) => isBlank(row) || FRENCH_END.test(row.cells[0]))
      : -1;
  return (end < 0 ? after : after.slice(0, end)).filter((row) => !isBlank(row));
}

function defaultColumns(
  format: SeriesFormat,
  named: readonly NamedColumn[],
  rows: readonly TextRow[]
): NamedColumn[] {
  switch (format) {
    case "yahoo": {
      const adjusted = named.filter(({ name }) => name.toLowerCase() === "adj close");
      return adjusted.length > 0
        ? adjusted
        : named.filter(({ name }) => name.toLowerCase() === "close");
    }
    case "fred":
    case "french":
      return [...named];
    case "generic": {
      const recognised = named.filter(({ name }) => unitFromHeader(name) !== null);
      return recognised.length > 0
        ? recognised
        : named.filter(({ index }) => firstValueIsNumber(rows, index));
    }
  }
}

function firstValueIsNumber(rows: readonly TextRow[], index: number): boolean {
  for (const row of rows) {
    const cell = readNumber(row.cells[index] ?? "");
    if (cell !== "missing") return cell !== null;
  }
  return false;
}

/** The unit a format gives a column: Yahoo prices, FRED annual rates in percent, French returns in percent. */
function formatUnit(format: SeriesFormat, name: string): ColumnUnit | null {
  switch (format) {
    case "yahoo":
      return "prices";
    case "fred":
      return "rates-percent";
    case "french":
      return "returns-percent";
    case "generic":
      return unitFromHeader(name);
  }
}
