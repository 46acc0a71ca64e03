/**
 * The backtest's data as the pane holds them: each CSV file or workbook range the user added, read with
 * the one series parser (src/io/series-files.ts) and the user's answers (the order of ambiguous dates,
 * leaving out rows before 1900, each column's unit or "not used"), with the names the pane and the
 * sheet show. A range is handed to the same parser as CSV text, one line per sheet row, so its messages
 * name sheet rows. No React and no Office here, so it is tested in Node.
 */
import { StackError } from "../core/errors";
import { decodeFileText, type TextEncoding } from "../io/file-text";
import { formatDate, periodName, type DateOrder, type DateQuestion } from "../io/series-dates";
import { parseSeriesFile, type DatedSeries, type ParsedSeries } from "../io/series-files";
import { FORMAT_NAMES, type SeriesFormat } from "../io/series-format";
import { COLUMN_UNITS, unitWords, type ColumnUnit } from "../io/series-units";

export { FORMAT_NAMES };

/** Where a source came from: a file the user chose, or cells selected in the workbook. */
export type SourceOrigin = "file" | "range";

/** What the user answered about a source. */
export interface SourceChoices {
  /** The order of day/month dates, when the file does not show it. */
  readonly dateOrder?: DateOrder;
  /** Leave out the rows dated before 1900. */
  readonly from1900?: boolean;
  /** Columns read besides the default ones (their unit detected). */
  readonly add?: readonly string[];
  /** Each column's unit as the user chose it, or "skip" for a column not to use. */
  readonly units?: Readonly<Record<string, ColumnUnit | "skip">>;
}

/** One series of a source, ready for alignment. */
export interface LoadedSeries extends DatedSeries {
  /** The column it was read from, e.g. "Adj Close" or "DGS3MO". */
  readonly column: string;
  /** Its source and format, e.g. "^SP500TR.csv (Yahoo Finance)". */
  readonly from: string;
  /** How its numbers were read, in words, e.g. "prices → returns". */
  readonly reading: string;
  /** Set while the evidence for its unit is weak: why (naming the row), until the user chooses the unit. */
  readonly pending?: string;
}

/** A column of a source as its card shows it. */
export interface SourceColumn {
  readonly column: string;
  readonly unit: ColumnUnit;
  readonly chosen: boolean;
  /** Why this unit: 'the header “NAV Change (%)”', "your choice". */
  readonly basis: string;
  /** Weak evidence or contradictions, each naming its line or row. */
  readonly doubts: readonly string[];
  /** Why it cannot be used in this unit; it then has no series. */
  readonly problem?: string;
  readonly ppy: number | null;
  readonly series?: LoadedSeries;
}

/** A file or range as read. */
export interface Source {
  /** The file name or the range's address, e.g. "^SP500TR.csv" or "Data!A1:C505". */
  readonly label: string;
  readonly origin: SourceOrigin;
  /** The CSV text read (a range converted), kept so the pane can remember and re-read it. */
  readonly text: string;
  readonly encoding?: TextEncoding;
  readonly choices: SourceChoices;
  readonly format: SeriesFormat;
  /** How it was read, in sentences (separators, date order, lines not read). */
  readonly notes: readonly string[];
  /** What the user must answer before its dates can be read; no columns until then. */
  readonly questions: readonly DateQuestion[];
  readonly columns: readonly SourceColumn[];
  /** The series that can be used (those of columns without a problem), in file order. */
  readonly series: readonly LoadedSeries[];
  /** Named columns of numbers that are not read, which the user may add. */
  readonly unread: readonly string[];
}

/** How the pane's unit menu names each unit; `ppy` names the period of a per-period rate. */
export function unitLabel(unit: ColumnUnit | "skip", ppy: number | null): string {
  if (unit === "skip") return "Not used";
  const period = ppy === null ? "period" : periodName(ppy);
  const labels: Readonly<Record<ColumnUnit, string>> = {
    prices: "Prices",
    returns: "Returns, decimal",
    "returns-percent": "Returns, %",
    rates: "Annual rate, decimal",
    "rates-percent": "Annual rate, %",
    "period-rates": `Rate per ${period}, decimal`,
    "period-rates-percent": `Rate per ${period}, %`,
  };
  return labels[unit];
}

/** The units a column can be given, in the pane's order, then "skip". */
export const UNIT_CHOICES: readonly (ColumnUnit | "skip")[] = [...COLUMN_UNITS, "skip"];

/** How a series' numbers were read, in words: "prices → returns", "rates per day in percent → annual rate (× 252)". */
function readingOf(series: ParsedSeries): string {
  const words = unitWords(series.unit, series.ppy);
  const how =
    series.unit === "prices"
      ? "prices → returns"
      : series.unit.startsWith("period-rates")
        ? `${words} → annual rate (× ${series.ppy})`
        : words;
  return series.basis === "your choice" ? `${how} (your choice)` : how;
}

/**
 * Reads a file's text (or a range converted by {@link gridToCsv}) into a source, with the user's
 * answers. A Yahoo file's price column (Adj Close, else Close) is named after the file, e.g.
 * "^SP500TR"; other columns keep their header. A range's lines are sheet rows, so its words say "row".
 * @throws StackError with the parser's message (naming the line and column) when the text cannot be read
 */
export function readSource(
  text: string,
  label: string,
  origin: SourceOrigin,
  choices: SourceChoices = {},
  encoding?: TextEncoding
): Source {
  const units = Object.entries(choices.units ?? {});
  const file = parseSeriesFile(text, {
    order: choices.dateOrder,
    from1900: choices.from1900,
    add: choices.add,
    skip: units.filter(([, unit]) => unit === "skip").map(([column]) => column),
    units: Object.fromEntries(
      units.filter((entry): entry is [string, ColumnUnit] => entry[1] !== "skip")
    ),
  });
  const rows = (words: string) =>
    origin === "range"
      ? words.replace(/\b([Ll])ine(s?) /g, (_, l, s) => `${l === "L" ? "R" : "r"}ow${s} `)
      : words;
  const stem = label.replace(/\.[a-z]+$/i, "");
  const priceColumn = file.series.find(({ name }) => /^(?:adj )?close$/i.test(name))?.name;
  const columns = file.series.map((one): SourceColumn => {
    const doubts = one.doubts.map(rows);
    const chosen = one.basis === "your choice";
    const name =
      file.format !== "yahoo" || origin !== "file"
        ? one.name
        : one.name === priceColumn
          ? stem
          : `${stem} ${one.name}`;
    const series: LoadedSeries | undefined =
      one.problem === undefined
        ? {
            name,
            column: one.name,
            from: `${label} (${FORMAT_NAMES[file.format]})`,
            kind: one.kind,
            dates: one.dates,
            values: one.values,
            reading: readingOf(one),
            pending: doubts.length > 0 && !chosen ? doubts[0] : undefined,
          }
        : undefined;
    return {
      column: one.name,
      unit: one.unit,
      chosen,
      basis: one.basis,
      doubts,
      problem: one.problem === undefined ? undefined : rows(one.problem),
      ppy: one.ppy,
      series,
    };
  });
  return {
    label,
    origin,
    text,
    encoding,
    choices,
    format: file.format,
    notes: file.notes.map(rows),
    questions: file.questions.map((question) => ({ ...question, text: rows(question.text) })),
    columns,
    series: columns.flatMap(({ series }) => (series ? [series] : [])),
    unread: file.ignored,
  };
}

/**
 * Reads a file the user chose, from its bytes (UTF-8, UTF-16 or Windows-1252; a workbook is refused).
 * @throws StackError naming what is wrong (see readSource and decodeFileText)
 */
export function readSourceFile(bytes: Uint8Array, name: string): Source {
  const { text, encoding } = decodeFileText(bytes);
  return readSource(text, name, "file", {}, encoding);
}

/**
 * The source read again with new answers (the file's text is kept).
 * @throws StackError when the text cannot be read that way (e.g. a column of text given a unit)
 */
export function rereadSource(source: Source, choices: SourceChoices): Source {
  return readSource(source.text, source.label, source.origin, choices, source.encoding);
}

/** The sources with `updated` in place of the one of the same label (order kept). */
export function replaceSource(sources: readonly Source[], updated: Source): Source[] {
  return sources.map((source) => (source.label === updated.label ? updated : source));
}

/** What must be answered on the sources' cards before a sheet can be built, one sentence per question. */
export function openQuestions(sources: readonly Source[]): string[] {
  return sources.flatMap((source) =>
    source.questions.map(
      (question) =>
        `${source.label}: ${question.kind === "date-order" ? "say whether its dates are day first or month first" : "say whether to import it from 1900"} (see its card under 1. Data).`
    )
  );
}

/**
 * The message of a source that could not be read. A range's lines are its sheet rows, so they are
 * called rows; anything but the parser's own error is rethrown.
 */
export function readProblem(error: unknown, origin: SourceOrigin): string {
  if (!(error instanceof StackError)) throw error;
  return origin === "range" ? error.message.replace(/\bline (\d+)/g, "row $1") : error.message;
}

/** Excel number formats: a date ("m/d/yyyy", "[$-409]d-mmm-yy") has a day or year code; a percentage has "%". */
const formatCodes = (format: string) => format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
const isDateFormat = (format: string | undefined) =>
  format !== undefined && /[dy]/i.test(formatCodes(format));
const isPercentFormat = (format: string | undefined) =>
  format !== undefined && formatCodes(format).includes("%");

/**
 * A number as the percentage text that reads back to exactly it: 0.012 → "1.2%" (the decimal point of
 * its shortest form moved two places, so no rounding of x × 100 creeps in).
 */
function percentText(x: number): string {
  const [mantissa, exponent] = String(x).split("e");
  if (exponent !== undefined) return `${mantissa}e${Number(exponent) + 2}%`;
  const sign = mantissa.startsWith("-") ? "-" : "";
  const [whole, fraction = ""] = mantissa.replace("-", "").split(".");
  const digits = fraction.padEnd(2, "0");
  const integer = `${whole}${digits.slice(0, 2)}`.replace(/^0+(?=\d)/, "");
  return `${sign}${integer}${digits.length > 2 ? `.${digits.slice(2)}` : ""}%`;
}

/** A number in the first (date) column: a date cell or a serial as yyyy-mm-dd; yyyymmdd, yyyymm and years as written. */
function dateCell(value: number, format: string | undefined): string {
  const written = String(value);
  if (!isDateFormat(format) && /^\d{4}(?:\d{2}){0,2}$/.test(written)) return written;
  return value >= 1 && value < 2958466 ? formatDate(value) : written;
}

/**
 * The selected cells as CSV text for {@link readSource}: one line per sheet row, with the rows above the
 * selection left blank so that the parser's line numbers are sheet rows. Excel gives dates as serial
 * numbers; those in the first column become yyyy-mm-dd (unless they are written as yyyymmdd, yyyymm or
 * a year, which are passed on as such). Cells formatted as percentages hold decimals: they are written
 * as the percentage they show (0.012 → "1.2%"), so the parser knows their unit. Cells with commas or
 * quotes are quoted.
 * @param firstRow the selection's first row on its sheet, 0-based
 * @param formats the cells' number formats (Excel's Range.numberFormat), when known
 * @example gridToCsv([["Date", "SPY"], [45293, 472.65]], 0) // "Date,SPY\n2024-01-02,472.65"
 */
export function gridToCsv(
  values: readonly (readonly unknown[])[],
  firstRow: number,
  formats?: readonly (readonly string[])[]
): string {
  const lines = values.map((row, r) =>
    row
      .map((cell, column) => {
        const format = formats?.[r]?.[column];
        if (typeof cell !== "number") return csvCell(cell);
        if (column === 0) return csvCell(dateCell(cell, format));
        return csvCell(isPercentFormat(format) ? percentText(cell) : String(cell));
      })
      .join(",")
  );
  return "\n".repeat(firstRow) + lines.join("\n");
}

function csvCell(cell: unknown): string {
  const text = cell === null || cell === undefined ? "" : String(cell);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The series of each source, with names unique across sources: a name used by two sources gets its
 * source after it, e.g. "Close (SPY.csv)". Holdings, the rate and the benchmark refer to these names;
 * `.flat()` lists every series in order.
 */
export function seriesBySource(sources: readonly Source[]): LoadedSeries[][] {
  const names = sources.flatMap((source) => source.series.map(({ name }) => name));
  const shared = (name: string) => names.indexOf(name) !== names.lastIndexOf(name);
  return sources.map((source) =>
    source.series.map((series) =>
      shared(series.name) ? { ...series, name: `${series.name} (${source.label})` } : series
    )
  );
}

/** "prices → returns, 501 values, 2023-01-04 to 2024-12-31", for the pane's list of what was read. */
export function describeSeries(series: LoadedSeries): string {
  const n = series.dates.length;
  return `${series.reading}, ${n.toLocaleString("en-US")} value${n === 1 ? "" : "s"}, ${formatDate(series.dates[0])} to ${formatDate(series.dates[n - 1])}`;
}
