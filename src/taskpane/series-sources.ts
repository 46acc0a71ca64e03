/**
 * The backtest's data as the pane holds them: each CSV file or workbook range the user added, read with
 * the one series parser (src/io/series-files.ts), with the names the pane and the sheet show. A range is
 * handed to the same parser as CSV text, one line per sheet row, so its messages name sheet rows.
 * No React and no Office here, so it is tested in Node.
 */
import { StackError } from "../core/errors";
import { formatDate } from "../io/series-dates";
import { parseSeriesFile, type DatedSeries, type ParsedSeries } from "../io/series-files";
import type { SeriesFormat } from "../io/series-format";
import { TRADING_DAYS } from "../core/series";

/** Where a source came from: a file the user chose, or cells selected in the workbook. */
export type SourceOrigin = "file" | "range";

/** One series of a source, ready for alignment. */
export interface LoadedSeries extends DatedSeries {
  /** The column it was read from, e.g. "Adj Close" or "DGS3MO". */
  readonly column: string;
  /** Its source and format, e.g. "^SP500TR.csv (Yahoo Finance)". */
  readonly from: string;
  /** How its numbers were read, in words, e.g. "prices → returns". */
  readonly reading: string;
}

/** A file or range as read. */
export interface Source {
  /** The file name or the range's address, e.g. "^SP500TR.csv" or "Data!A1:C505". */
  readonly label: string;
  readonly origin: SourceOrigin;
  /** The CSV text read (a range converted), kept so the pane can remember it. */
  readonly text: string;
  readonly format: SeriesFormat;
  readonly series: readonly LoadedSeries[];
}

/** How each kind of download is called in the pane. */
export const FORMAT_NAMES: Readonly<Record<SeriesFormat, string>> = {
  yahoo: "Yahoo Finance",
  fred: "FRED",
  french: "Kenneth French",
  generic: "Date + values",
};

const READINGS: Readonly<Record<ParsedSeries["unit"], string>> = {
  prices: "prices → returns",
  returns: "returns",
  "returns-percent": "returns in percent",
  "rates-percent": "annual rates in percent",
};

/** Kenneth French's risk-free column: the one-month T-bill's return per day, in percent. */
const FRENCH_RATE = "RF";

/**
 * Reads a file's text (or a range converted by {@link gridToCsv}) into a source. A Yahoo file's one
 * column (Adj Close or Close) is named after the file, e.g. "^SP500TR"; other columns keep their header.
 * Kenneth French's RF column, a daily return, becomes an annual rate (× 252) so it can finance the funds.
 * @throws StackError with the parser's message (naming the line and column) when the text cannot be read
 */
export function readSource(text: string, label: string, origin: SourceOrigin): Source {
  const file = parseSeriesFile(text);
  const stem = label.replace(/\.[a-z]+$/i, "");
  const series = file.series.map((one): LoadedSeries => {
    const name = file.format === "yahoo" && origin === "file" ? stem : one.name;
    const base = {
      name,
      column: one.name,
      from: `${label} (${FORMAT_NAMES[file.format]})`,
      kind: one.kind,
      dates: one.dates,
      values: one.values,
    };
    if (file.format === "french" && one.name === FRENCH_RATE) {
      return {
        ...base,
        kind: "rates",
        values: one.values.map((daily) => daily * TRADING_DAYS),
        reading: `daily returns in percent → annual rate (× ${TRADING_DAYS})`,
      };
    }
    return { ...base, reading: READINGS[one.unit] };
  });
  return { label, origin, text, format: file.format, series };
}

/**
 * The message of a source that could not be read. A range's lines are its sheet rows, so they are
 * called rows; anything but the parser's own error is rethrown.
 */
export function readProblem(error: unknown, origin: SourceOrigin): string {
  if (!(error instanceof StackError)) throw error;
  return origin === "range" ? error.message.replace(/\bline (\d+)/g, "row $1") : error.message;
}

/**
 * The selected cells as CSV text for {@link readSource}: one line per sheet row, with the rows above the
 * selection left blank so that the parser's line numbers are sheet rows. Excel gives dates as serial
 * numbers; those in the first column become yyyy-mm-dd. Cells with commas or quotes are quoted.
 * @param firstRow the selection's first row on its sheet, 0-based
 * @example gridToCsv([["Date", "SPY"], [45293, 472.65]], 0) // "Date,SPY\n2024-01-02,472.65"
 */
export function gridToCsv(values: readonly (readonly unknown[])[], firstRow: number): string {
  const lines = values.map((row) =>
    row
      .map((cell, column) =>
        csvCell(column === 0 && typeof cell === "number" ? formatDate(cell) : cell)
      )
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
