import { invalid } from "../core/errors";
import {
  periodsPerYear,
  readDateColumn,
  type DateColumnOptions,
  type DateQuestion,
} from "./series-dates";
import {
  findFileLayout,
  type ColumnChoice,
  type FileColumn,
  type FileLayout,
  type SeriesFormat,
} from "./series-format";
import { decimalMarkOf, readNumber, type DecimalMark, type PlacedText } from "./series-numbers";
import { DELIMITER_NAMES, readRows, type Delimiter, type TextRow } from "./series-table";
import {
  decideUnit,
  seriesKind,
  toDecimals,
  unitWords,
  type ColumnUnit,
  type SeriesKind,
  type UnitDecision,
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

/** One value column of a file, converted, with how its unit was decided. */
export interface ParsedSeries extends DatedSeries, UnitDecision {
  /** Rows left out because their cell was empty or a missing-value marker (".", "null", "NA", "#N/A"). */
  readonly missing: number;
  /** The file's periods per year (252 daily, 12 monthly, ...), null when irregular. */
  readonly ppy: number | null;
  /** Why the column cannot be used in its unit (no dates or values then), e.g. "line 57: 0 is not a positive price". */
  readonly problem?: string;
}

export interface SeriesFile {
  /** The detected kind of download. */
  readonly format: SeriesFormat;
  readonly delimiter: Delimiter;
  readonly decimalMark: DecimalMark;
  /** One series per value column read, in file order; empty while a question is open. */
  readonly series: readonly ParsedSeries[];
  /** What the user must answer before the dates can be read (day or month first, dates before 1900). */
  readonly questions: readonly DateQuestion[];
  /** How the file was read, in sentences: separators, date order, lines not read, rows left out. */
  readonly notes: readonly string[];
  /** Named columns of numbers that were not read (e.g. Open, Volume), and named columns of text. */
  readonly ignored: readonly string[];
  readonly text: readonly string[];
}

export interface SeriesFileOptions extends ColumnChoice, DateColumnOptions {
  /** The unit of a column by header name, as the user chose it; a column given a unit is read. */
  readonly units?: Readonly<Record<string, ColumnUnit>>;
}

/** The cells of a value column in file order (NaN where missing), their hundredths, and where signs first appear. */
interface ColumnCells {
  readonly values: Float64Array;
  readonly hundredths: Float64Array;
  percentLine: number;
  plainLine: number;
  currencyLine: number;
}

/**
 * Reads a series file (Yahoo Finance, FRED, Kenneth French or a generic Date + values table, detected
 * from its content; comma, semicolon, tab or bar separated; decimal points or commas) into decimal
 * series on ascending dates: prices become simple returns (the first date has none), percentages
 * become decimals, rates per period become annual, missing cells are left out. Rows may come in any
 * order (ProShares files are newest first); a date may appear once. Each column's unit is decided as
 * series-units.ts says and may be given in `units`; a column that cannot be read in its unit carries a
 * problem instead of values. A file whose dates need an answer returns its questions and no series.
 * Any other problem throws, so nothing is returned from a bad file; messages name the line (1-based)
 * and column.
 * @throws #VALUE! e.g. 'line 57, column Close: "abc" is not a number', 'line 12, column Date: 2024-01-03 repeats line 11'
 * @example
 * parseSeriesFile("DATE,DGS3MO\n2024-01-02,5.46\n2024-01-03,.\n2024-01-04,5.48").series
 * // [{ name: "DGS3MO", kind: "rates", unit: "rates-percent", basis: "the FRED layout", doubts: [],
 * //   dates: [45293, 45295], values: [0.0546, 0.0548], missing: 1, ppy: 252 }]
 */
export function parseSeriesFile(text: string, options: SeriesFileOptions = {}): SeriesFile {
  const table = readRows(text);
  const given = Object.keys(options.units ?? {});
  const layout = findFileLayout(table.rows, {
    columns: options.columns,
    skip: options.skip,
    add: [...(options.add ?? []), ...given],
  });
  const unknown = given.find((name) => !layout.columns.some((column) => column.name === name));
  if (unknown !== undefined) throw invalid("units", `no column "${unknown}"`);
  const dateColumn = layout.header.cells[0].trim() || "Date";
  const decimalMark = decimalMarkOf(valueCells(layout), table.delimiter);
  // Only an unusual separator or decimal mark is worth a note: comma-separated with points is the rule.
  const notes =
    table.delimiter === "," && decimalMark === "."
      ? []
      : [
          `${capitalised(DELIMITER_NAMES[table.delimiter])}${decimalMark === "," ? ", with decimal commas" : ""}.`,
        ];
  const dates = readDateColumn(
    layout.rows.map((row) => ({ text: row.cells[0], line: row.line, column: dateColumn })),
    options
  );
  const base = {
    format: layout.format,
    delimiter: table.delimiter,
    decimalMark,
    ignored: layout.ignored,
    text: layout.text,
  };
  if (dates.kind === "ask")
    return {
      ...base,
      series: [],
      questions: dates.questions,
      notes: [...notes, ...layout.skipped],
    };
  const kept = Array.from(layout.rows.keys()).filter((k) => !Number.isNaN(dates.ends[k]));
  const rows = kept.map((k) => layout.rows[k]);
  const ends = gather(dates.ends, kept);
  const starts = gather(dates.starts, kept);
  const order = ascending(rows, ends, dateColumn, dates.times);
  const ppy = periodsPerYear(gather(ends, order));
  const series = layout.columns.map((column) => {
    const cells = readColumn(rows, column, decimalMark);
    return toSeries(
      column,
      cells,
      rows,
      order,
      { ends, starts },
      ppy,
      options.units?.[column.name]
    );
  });
  return {
    ...base,
    series,
    questions: [],
    notes: [...notes, ...dates.notes, ...layout.skipped],
  };
}

const capitalised = (text: string) => text[0].toUpperCase() + text.slice(1);

/** The entries of `from` at `indices`, in their order (an indexed loop: Float64Array.from with a map is slow). */
function gather(from: Float64Array, indices: readonly number[]): Float64Array {
  const out = new Float64Array(indices.length);
  for (let k = 0; k < indices.length; k++) out[k] = from[indices[k]];
  return out;
}

/** Every cell after the date in the data rows, for the decimal mark. */
function* valueCells(layout: FileLayout): Generator<PlacedText> {
  for (const row of layout.rows)
    for (let c = 1; c < row.cells.length; c++)
      yield { text: row.cells[c], line: row.line, column: layout.header.cells[c]?.trim() ?? "" };
}

/** A value column's cells in file order: NaN when missing. */
function readColumn(rows: readonly TextRow[], column: FileColumn, mark: DecimalMark): ColumnCells {
  const cells: ColumnCells = {
    values: new Float64Array(rows.length),
    hundredths: new Float64Array(rows.length),
    percentLine: 0,
    plainLine: 0,
    currencyLine: 0,
  };
  rows.forEach((row, k) => {
    const text = row.cells[column.index];
    const cell = text === undefined ? undefined : readNumber(text, mark);
    if (cell === undefined || cell === null) {
      const problem = text === undefined ? "missing field" : `"${text.trim()}" is not a number`;
      throw invalid(`line ${row.line}, column ${column.name}`, problem);
    }
    if (cell === "missing") {
      cells.values[k] = cells.hundredths[k] = NaN;
      return;
    }
    cells.values[k] = cell.value;
    cells.hundredths[k] = cell.hundredth;
    if (cell.percent) cells.percentLine ||= row.line;
    else if (cell.value !== 0) cells.plainLine ||= row.line;
    if (cell.currency) cells.currencyLine ||= row.line;
  });
  return cells;
}

/** Row indices in ascending date order. @throws #VALUE! when a date appears twice */
function ascending(
  rows: readonly TextRow[],
  dates: Float64Array,
  dateColumn: string,
  times: boolean
): number[] {
  const order = Array.from(dates.keys()).sort((a, b) => dates[a] - dates[b]);
  for (let k = 1; k < order.length; k++) {
    if (dates[order[k]] !== dates[order[k - 1]]) continue;
    const [first, again] = [rows[order[k - 1]], rows[order[k]]].sort((a, b) => a.line - b.line);
    throw invalid(
      `line ${again.line}, column ${dateColumn}`,
      times
        ? `${again.cells[0].trim()} is on the same day as line ${first.line} (${first.cells[0].trim()}): Stack reads one row per day, so intraday data cannot be imported`
        : `${again.cells[0].trim()} repeats line ${first.line}`
    );
  }
  return order;
}

function toSeries(
  column: FileColumn,
  cells: ColumnCells,
  rows: readonly TextRow[],
  order: readonly number[],
  serials: { readonly ends: Float64Array; readonly starts: Float64Array },
  ppy: number | null,
  given: ColumnUnit | undefined
): ParsedSeries {
  const present = order.filter((k) => !Number.isNaN(cells.values[k]));
  const values = gather(cells.values, present);
  const decision = decideUnit(
    {
      name: column.name,
      layout: column.layout,
      values,
      lines: present.map((k) => rows[k].line),
      percentLine: cells.percentLine,
      plainLine: cells.plainLine,
      currencyLine: cells.currencyLine,
      ppy,
    },
    given
  );
  const { unit } = decision;
  const kind = seriesKind(unit);
  // A month's rate applies from its first day; its return is earned by its last.
  const dates = gather(kind === "rates" ? serials.starts : serials.ends, present);
  const base = {
    name: column.name,
    kind,
    missing: order.length - present.length,
    ppy,
    ...decision,
  };
  const problem = unitProblem(column, cells, rows, present, unit, ppy);
  if (problem !== undefined)
    return { ...base, dates: new Float64Array(0), values: new Float64Array(0), problem };
  return {
    ...base,
    ...toDecimals(unit, dates, values, gather(cells.hundredths, present), ppy),
  };
}

/** Why a column cannot be read in a unit, naming the line; undefined when it can. */
function unitProblem(
  column: FileColumn,
  cells: ColumnCells,
  rows: readonly TextRow[],
  present: readonly number[],
  unit: ColumnUnit,
  ppy: number | null
): string | undefined {
  const cellText = (k: number) => rows[k].cells[column.index].trim();
  if (present.length === 0) return "no values";
  if (unit === "prices") {
    if (cells.percentLine > 0) return `line ${cells.percentLine}: a price cannot be a percentage`;
    const bad = present.find((k) => cells.values[k] <= 0);
    if (bad !== undefined)
      return `line ${rows[bad].line}: ${cellText(bad)} is not a positive price`;
    if (present.length < 2) return "fewer than 2 prices";
  }
  if (unit.startsWith("period-rates") && ppy === null)
    return `the dates are not daily, weekly, monthly, quarterly or annual, so ${unitWords(unit, ppy)} cannot be made annual; choose another unit`;
  return undefined;
}
