import { invalid } from "../core/errors";
import { DATE_FORMATS, parseDate } from "./series-dates";
import {
  findFileLayout,
  type FileLayout,
  type FileColumn,
  type SeriesFormat,
} from "./series-format";
import { readNumber } from "./series-numbers";
import { readRows, type TextRow } from "./series-table";
import {
  seriesKind,
  toDecimals,
  unitFromValues,
  type ColumnUnit,
  type SeriesKind,
} from "./series-units";

/** A series ready for alignment: decimals on ascending Excel serial dates. */
export interface DatedSeries {
  readonly name: string;
  readonly kind: SeriesKind;
  /** Ascending Excel serials, one per value. */
  readonly dates: Float64Array;
  /** Periodic returns, or annual rates, as decimals. */
  readonly values: Float64Array;
}

/** One value column of a file, converted. */
export interface ParsedSeries extends DatedSeries {
  /** How the column was read (detected, or as given in the options). */
  readonly unit: ColumnUnit;
  /** Rows left out because their cell was empty or a missing-value marker (".", "null", "NA", "#N/A"). */
  readonly missing: number;
}

export interface SeriesFile {
  /** The detected kind of download. */
  readonly format: SeriesFormat;
  /** One series per value column read, in file order. */
  readonly series: readonly ParsedSeries[];
  /** Named value columns that were not read (e.g. Open, Volume, Ticker). */
  readonly ignored: readonly string[];
}

export interface SeriesFileOptions {
  /** Value columns to read, by header name (e.g. ["NAV"] or ["Price"]); default: see findFileLayout. */
  readonly columns?: readonly string[];
  /** The unit of a column by header name, overriding detection (e.g. { "RF Rate": "returns-percent" }). */
  readonly units?: Readonly<Record<string, ColumnUnit>>;
}

/** The cells of a value column in file order (NaN where missing), their hundredths, and the first line with a "%" sign (0: none). */
interface ColumnCells {
  readonly values: Float64Array;
  readonly hundredths: Float64Array;
  percentLine: number;
}

/**
 * Reads a downloaded series file (Yahoo Finance, FRED, Kenneth French or a generic Date + values CSV,
 * detected from its content) into decimal series on ascending dates: prices become simple returns (the
 * first date has none), percentages become decimals, missing cells are left out. Rows may come in any
 * order (ProShares files are newest first); a date may appear once.
 * Any problem throws, so nothing is returned from a bad file; messages name the line (1-based) and column.
 * @throws #VALUE! e.g. 'line 57, column Close: "abc" is not a number', 'line 12, column Date: 2024-01-03 repeats line 11'
 * @example
 * parseSeriesFile("DATE,DGS3MO\n2024-01-02,5.46\n2024-01-03,.\n2024-01-04,5.48")
 * // { format: "fred", ignored: [], series: [{ name: "DGS3MO", kind: "rates", unit: "rates-percent",
 * //   dates: [45293, 45295], values: [0.0546, 0.0548], missing: 1 }] }
 */
export function parseSeriesFile(text: string, options: SeriesFileOptions = {}): SeriesFile {
  const layout = findFileLayout(readRows(text), options.columns);
  const unknown = Object.keys(options.units ?? {}).find(
    (name) => !layout.header.cells.some((cell) => cell.trim() === name)
  );
  if (unknown !== undefined) throw invalid("units", `no column "${unknown}"`);
  const dateColumn = layout.header.cells[0].trim() || "Date";
  const size = layout.rows.length;
  const dates = new Float64Array(size);
  const cells = layout.columns.map((): ColumnCells => ({
    values: new Float64Array(size),
    hundredths: new Float64Array(size),
    percentLine: 0,
  }));
  layout.rows.forEach((row, k) => {
    dates[k] = readDate(row, dateColumn);
    layout.columns.forEach((column, c) => readCell(row, column, k, cells[c]));
  });
  const order = ascending(layout, dates, dateColumn);
  return {
    format: layout.format,
    series: layout.columns.map((column, c) =>
      toSeries(layout, column, cells[c], dates, order, options.units?.[column.name])
    ),
    ignored: layout.ignored,
  };
}

function readDate(row: TextRow, dateColumn: string): number {
  const serial = parseDate(row.cells[0]);
  if (serial === null)
    throw invalid(
      `line ${row.line}, column ${dateColumn}`,
      `"${row.cells[0].trim()}" is not a date (expected ${DATE_FORMATS})`
    );
  return serial;
}

/** Stores row k's cell of a value column: NaN when missing. */
function readCell(row: TextRow, column: FileColumn, k: number, cells: ColumnCells): void {
  const text = row.cells[column.index];
  const cell = text === undefined ? undefined : readNumber(text);
  if (cell === undefined || cell === null) {
    const problem = text === undefined ? "missing field" : `"${text.trim()}" is not a number`;
    throw invalid(`line ${row.line}, column ${column.name}`, problem);
  }
  if (cell === "missing") {
    cells.values[k] = NaN;
    return;
  }
  cells.values[k] = cell.value;
  cells.hundredths[k] = cell.hundredth;
  if (cell.percent && cells.percentLine === 0) cells.percentLine = row.line;
}

/** Row indices in ascending date order. @throws #VALUE! when a date appears twice */
function ascending(layout: FileLayout, dates: Float64Array, dateColumn: string): number[] {
  const order = Array.from(dates.keys()).sort((a, b) => dates[a] - dates[b]);
  for (let k = 1; k < order.length; k++) {
    if (dates[order[k]] !== dates[order[k - 1]]) continue;
    const [first, again] = [layout.rows[order[k - 1]], layout.rows[order[k]]].sort(
      (a, b) => a.line - b.line
    );
    throw invalid(
      `line ${again.line}, column ${dateColumn}`,
      `${again.cells[0].trim()} repeats line ${first.line}`
    );
  }
  return order;
}

function toSeries(
  layout: FileLayout,
  column: FileColumn,
  cells: ColumnCells,
  dates: Float64Array,
  order: readonly number[],
  given: ColumnUnit | undefined
): ParsedSeries {
  const [presentDates, presentValues, presentHundredths] = [0, 1, 2].map(
    () => new Float64Array(order.length)
  );
  let present = 0;
  for (const k of order) {
    if (Number.isNaN(cells.values[k])) continue;
    presentDates[present] = dates[k];
    presentValues[present] = cells.values[k];
    presentHundredths[present++] = cells.hundredths[k];
  }
  const values = presentValues.slice(0, present);
  const unit = settleUnit(
    given ?? unitFromValues(column.unit, values),
    cells.percentLine,
    column.name
  );
  if (unit === "prices") {
    const bad = layout.rows.findIndex((_, k) => cells.values[k] <= 0);
    if (bad >= 0)
      throw invalid(
        `line ${layout.rows[bad].line}, column ${column.name}`,
        `${layout.rows[bad].cells[column.index].trim()} is not a positive price`
      );
  }
  const decimals = toDecimals(
    unit,
    presentDates.slice(0, present),
    values,
    presentHundredths.slice(0, present)
  );
  if (decimals.values.length === 0)
    throw invalid(`column ${column.name}`, unit === "prices" ? "fewer than 2 prices" : "no values");
  return {
    name: column.name,
    kind: seriesKind(unit),
    unit,
    ...decimals,
    missing: order.length - present,
  };
}

/** A "%" sign makes returns percent and is wrong on a price. */
function settleUnit(unit: ColumnUnit, percentLine: number, name: string): ColumnUnit {
  if (percentLine === 0) return unit;
  if (unit === "prices")
    throw invalid(`line ${percentLine}, column ${name}`, "a price cannot be a percentage");
  return unit === "returns" ? "returns-percent" : unit;
}
