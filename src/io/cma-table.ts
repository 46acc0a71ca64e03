/**
 * Capital market assumption (CMA) tables: read from CSV text (a file, or text pasted from Excel or a web
 * page) or from a range's values, and validated before anything is written.
 *
 * The table the user gives (a title or notes may sit above it; it ends at the first blank row):
 *
 *     Asset,  Expected return, Volatility, Stocks, Bonds, Cash
 *     Stocks, 7%,              15%,        1
 *     Bonds,  5%,              6%,         -0.3,   1
 *     Cash,   3%,              1%,         -0.05,  0.1,   1
 *
 * - The header row is the first row with an expected-return column ("Return", "Expected return (%)",
 *   "Mean", "E(R)", "μ"; not a geometric/compound one) and a volatility column ("Vol", "Risk", "Std Dev",
 *   "Std. Dev.", "Standard deviation", "σ").
 * - The first column of the table holds the asset names; columns between it and the return and
 *   volatility columns (e.g. "Geometric return") are skipped, with a note.
 * - Every column after the return and volatility columns, up to the table's last filled column, is a
 *   correlation column, one per asset in row order. Its header, when given, must be the asset's name. The matrix may be full or a lower (or upper)
 *   triangle with the rest blank.
 * - Percent or decimal: "7%" is always 0.07 (also in correlations). A number without "%" in the return
 *   and volatility columns is read as chosen ("percent": 7 is 7%, "decimal": 0.07 is 7%), or with "auto"
 *   as percent when its column's header says so ("Expected return (%)") and otherwise when two or more
 *   of them are above 1 in absolute value, as decimals when none is. A single value above 1, or a
 *   percent header over values that never pass 1, is a problem: the user chooses. Correlations without
 *   "%" are always plain numbers. Values read from a range arrive as numbers: a cell showing 7% holds
 *   0.07, so "auto" reads it as a decimal.
 * - Numbers may use a decimal comma ("7,0 %", "-0,3"), decided for the whole table (see decimalMarkOf);
 *   fields may be separated by commas, semicolons, tabs or bars.
 * - The correlation checks accept Excel's 15-digit rounding: a diagonal within a relative 1e-9 of 1, a
 *   pair that agrees to a relative 1e-9, an entry within 1e-9 beyond ±1 are taken as exact; the others
 *   are reported with as many digits as it takes to tell the numbers apart.
 *
 * Every problem is reported (not just the first), each with the row and column of the source as the user
 * sees it: the CSV's row number and spreadsheet column letter, or the sheet cell of the range.
 */
import { Cell as MatrixCell, checkCorrelations } from "../core/correlation-matrix";
import { tolerate } from "./cma-correlations";
import { short, StackError } from "../core/errors";
import { columnLetter, place, rangeName } from "./a1";
import {
  decimalMarkOf,
  type DecimalMark,
  type NumberCell,
  type PlacedText,
  readNumber,
} from "./series-numbers";
import { readRows } from "./series-table";

export type Units = "auto" | "percent" | "decimal";

/** A validated table: decimals, a full symmetric correlation matrix, one entry per asset. */
export interface CmaTable {
  readonly assets: readonly string[];
  readonly returns: readonly number[];
  readonly vols: readonly number[];
  readonly correlations: readonly (readonly number[])[];
}

/** The outcome of reading a table: the table when it is valid, otherwise every problem found. */
export interface CmaImport {
  readonly table?: CmaTable;
  /** "row 4, column C (Bonds volatility): -6% is negative", ...; empty when the table is valid. */
  readonly problems: readonly string[];
  /** How the table was read (units, skipped columns or rows, a mirrored triangle). */
  readonly notes: readonly string[];
}

export interface ReadOptions {
  /** How numbers without "%" in the return and volatility columns are read (default "auto"). */
  readonly units?: Units;
  /** Where the first value sits on its sheet (0-based), so messages name the cells the user sees; default A1. */
  readonly origin?: { readonly row: number; readonly column: number };
  /** The separator of the text the grid was split from (a grid from a range has none). */
  readonly delimiter?: string;
}

type Reading =
  { kind: "blank" } | ({ kind: "number" } & NumberCell) | { kind: "text"; text: string };

const BLANK: Reading = { kind: "blank" };
const RETURN_HEADER = /return|mean|^mu\b|^μ|^e\s*\(\s*r\s*\)|^er$|expected/i;
const COMPOUND_HEADER = /geo|compound|cagr|median/i;
const VOL_HEADER = /vol|risk|st(?:an)?d?(?:ard)?\.?\s*dev|sigma|^σ|^sd\b/i;
const PERCENT_HEADER = /%|percent|\bpct\b/i;

/**
 * One source cell: a number from Excel, or text such as "7%", "7 %", "7,0 %" (with a decimal comma),
 * "-0.3", "−0.3" (a typographic minus), "Stocks"; "" and the usual missing-value markers ("n/a", "#N/A",
 * ".") are blank.
 */
function read(cell: unknown, mark: DecimalMark): Reading {
  if (cell === null || cell === undefined) return BLANK;
  if (typeof cell === "number") {
    return Number.isFinite(cell)
      ? { kind: "number", value: cell, percent: false, currency: false, hundredth: cell / 100 }
      : { kind: "text", text: String(cell) };
  }
  const text = (typeof cell === "boolean" ? (cell ? "TRUE" : "FALSE") : String(cell)).trim();
  const number = readNumber(text, mark);
  if (number === "missing") return BLANK;
  return number === null ? { kind: "text", text } : { kind: "number", ...number };
}

const textOf = (r: Reading): string =>
  r.kind === "text" ? r.text : r.kind === "number" ? `${r.value}${r.percent ? "%" : ""}` : "";
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const quoted = (text: string) => `"${text.length > 40 ? text.slice(0, 40) + "…" : text}"`;
const percentText = (x: number) => `${short(x * 100)}%`;

/**
 * Read a CMA table from CSV text: a file's contents or text pasted from Excel (tab-separated) or a web
 * page. Papa Parse detects the delimiter (comma, tab, semicolon or bar) and handles quoted fields.
 * Row numbers in messages are the rows a spreadsheet shows when it opens the file.
 */
export function readCmaText(text: string, options: Omit<ReadOptions, "origin"> = {}): CmaImport {
  try {
    const table = readRows(text);
    return readCmaGrid(
      table.rows.map(({ cells }) => cells),
      { ...options, delimiter: table.delimiter }
    );
  } catch (error) {
    if (!(error instanceof StackError)) throw error;
    return { problems: [error.message.replace(/^line /, "row ")], notes: [] };
  }
}

/**
 * Read a CMA table from rows of cells: a range's values as Excel returns them (numbers, text, booleans,
 * "" for blanks) or parsed CSV fields. Rows may differ in length.
 */
export function readCmaGrid(
  grid: readonly (readonly unknown[])[],
  options: ReadOptions = {}
): CmaImport {
  const origin = options.origin ?? { row: 0, column: 0 };
  const at = (row: number, column: number) => place(origin.row + row, origin.column + column);
  let mark: DecimalMark;
  try {
    mark = decimalMarkOf(textCells(grid, origin), options.delimiter ?? "", "row");
  } catch (error) {
    if (!(error instanceof StackError)) throw error;
    return { problems: [error.message], notes: [] };
  }
  const cells = grid.map((row) => row.map((value) => read(value, mark)));
  const cell = (row: number, column: number): Reading => cells[row]?.[column] ?? BLANK;
  const found: { row: number; column: number; text: string }[] = [];
  /** A problem at a grid cell; `text` follows the cell's place, e.g. " (Bonds volatility): blank". */
  const problem = (row: number, column: number, text: string) =>
    found.push({ row, column, text: at(row, column) + text });
  const tableProblem = (text: string) => found.push({ row: -1, column: -1, text });
  const notes: string[] = [];
  // Problems in reading order: the whole table first, then by row and column.
  const failed = (): CmaImport => ({
    problems: [...found].sort((a, b) => a.row - b.row || a.column - b.column).map((p) => p.text),
    notes,
  });

  const columnsWhere = (row: readonly Reading[], test: (header: string) => boolean) =>
    row.flatMap((r, column) => (r.kind !== "blank" && test(textOf(r)) ? [column] : []));
  const isVol = (h: string) => VOL_HEADER.test(h);
  const isReturn = (h: string) => RETURN_HEADER.test(h) && !isVol(h);
  const headerRow = cells.findIndex(
    (row) => columnsWhere(row, isReturn).length > 0 && columnsWhere(row, isVol).length > 0
  );
  if (headerRow < 0) {
    tableProblem(
      'no header row: expected a row naming the columns, e.g. "Asset, Expected return, Volatility, Stocks, Bonds, Cash"'
    );
    return failed();
  }
  const header = cells[headerRow];
  const headerText = (column: number) => textOf(header[column] ?? BLANK);
  const returnLike = columnsWhere(header, isReturn);
  const returnColumns = returnLike.filter((c) => !COMPOUND_HEADER.test(headerText(c)));
  const volColumns = columnsWhere(header, isVol);
  if (returnColumns.length === 0) {
    problem(
      headerRow,
      returnLike[0],
      `: ${quoted(headerText(returnLike[0]))} is a compound return; give arithmetic expected returns (the sheet computes compound returns)`
    );
  }
  for (const [columns, what] of [
    [returnColumns, "expected-return"],
    [volColumns, "volatility"],
  ] as const) {
    for (const extra of columns.slice(1))
      problem(
        headerRow,
        extra,
        `: a second ${what} column (${quoted(headerText(extra))}); keep one`
      );
  }
  if (found.length > 0) return failed();
  const returnColumn = returnColumns[0];
  const volColumn = volColumns[0];

  // Data rows run from below the header to the first blank row.
  const isBlankRow = (row: number) => (cells[row] ?? []).every((r) => r.kind === "blank");
  let end = headerRow + 1;
  while (end < cells.length && !isBlankRow(end)) end++;
  const rows = Array.from({ length: end - headerRow - 1 }, (_, i) => headerRow + 1 + i);
  const after = cells.findIndex((_, row) => row > end && !isBlankRow(row));
  if (after > 0)
    notes.push(
      `The table ends at the blank row ${origin.row + end + 1}; row ${origin.row + after + 1} and below were not read.`
    );

  const firstFilled = (row: number) => (cells[row] ?? []).findIndex((r) => r.kind !== "blank");
  const nameColumn = Math.min(...[headerRow, ...rows].map(firstFilled).filter((c) => c >= 0));
  if (nameColumn === returnColumn || nameColumn === volColumn) {
    problem(
      headerRow,
      nameColumn,
      `: no asset-name column; the first column of the table should name the assets`
    );
    return failed();
  }
  const lastFilled = (row: number) =>
    (cells[row] ?? []).reduce((last, r, c) => (r.kind === "blank" ? last : c), -1);
  const lastColumn = Math.max(...[headerRow, ...rows].map(lastFilled));
  const firstCorrelation = Math.max(returnColumn, volColumn) + 1;
  const correlationCount = lastColumn - firstCorrelation + 1;
  for (let c = nameColumn + 1; c < firstCorrelation; c++) {
    if (c !== returnColumn && c !== volColumn && header[c]?.kind !== "blank") {
      notes.push(
        `Column ${columnLetter(origin.column + c)} (${quoted(headerText(c))}) was not used.`
      );
    }
  }
  if (correlationCount <= 0) {
    problem(
      headerRow,
      firstCorrelation,
      `: no correlation columns after the return and volatility columns; give one column per asset`
    );
  }
  if (rows.length === 0) problem(headerRow + 1, nameColumn, ": no asset rows below the header");
  if (found.length > 0) return failed();

  // Asset names: present and unique.
  const assets = rows.map((row) => textOf(cell(row, nameColumn)));
  rows.forEach((row, i) => {
    if (assets[i] === "") problem(row, nameColumn, " (asset name): blank");
    const first = assets.findIndex((name) => name !== "" && sameName(name, assets[i]));
    if (first >= 0 && first < i)
      problem(
        row,
        nameColumn,
        ` (asset name): ${quoted(assets[i])} already names ${at(rows[first], nameColumn)}`
      );
  });
  const label = (i: number) => assets[i] || `row ${origin.row + rows[i] + 1}`;

  // Correlation headers, when given, follow the rows' order.
  for (let j = 0; j < Math.min(correlationCount, rows.length); j++) {
    const h = headerText(firstCorrelation + j);
    if (h !== "" && assets[j] !== "" && !sameName(h, assets[j])) {
      problem(
        headerRow,
        firstCorrelation + j,
        `: header ${quoted(h)} should be ${quoted(assets[j])}, the asset of row ${origin.row + rows[j] + 1} (correlation columns follow the rows' order)`
      );
    }
  }

  // Returns and volatilities: numbers, in the units chosen or detected.
  const numberAt = (row: number, column: number, what: string): Reading | undefined => {
    const r = cell(row, column);
    if (r.kind === "number") return r;
    problem(
      row,
      column,
      ` (${what}): ${r.kind === "blank" ? "blank" : `${quoted(r.text)} is not a number`}`
    );
    return undefined;
  };
  const returnReadings = rows.map((row, i) =>
    numberAt(row, returnColumn, `${label(i)} expected return`)
  );
  const volReadings = rows.map((row, i) => numberAt(row, volColumn, `${label(i)} volatility`));
  const units = options.units ?? "auto";
  const columnPercent = (readings: readonly (Reading | undefined)[], column: number) => ({
    readings,
    column,
    header: PERCENT_HEADER.test(headerText(column)),
    plain: readings.flatMap((r, i) =>
      r?.kind === "number" && !r.percent ? [{ value: r.value, row: rows[i] }] : []
    ),
  });
  const columns = [
    columnPercent(returnReadings, returnColumn),
    columnPercent(volReadings, volColumn),
  ];
  const percentIn = new Map<number, boolean>();
  if (units !== "auto") {
    for (const c of columns) percentIn.set(c.column, units === "percent");
    if (columns.some((c) => c.plain.length > 0))
      notes.push(
        `Returns and volatilities without a % sign were read as ${units === "percent" ? "percentages (7 means 7%)" : "decimals (0.07 means 7%)"}, as chosen.`
      );
  } else {
    const choose = 'choose how "Numbers without a % sign are" read';
    for (const c of columns.filter((c) => c.header)) {
      percentIn.set(c.column, true);
      if (c.plain.length === 0) continue;
      const largest = c.plain.reduce((a, b) => (Math.abs(b.value) > Math.abs(a.value) ? b : a));
      if (Math.abs(largest.value) <= 1)
        problem(
          headerRow,
          c.column,
          `: the header ${quoted(headerText(c.column))} says percent, but no number in its column is above 1 (the largest is ${largest.value}, ${at(largest.row, c.column)}): ${choose}`
        );
      else
        notes.push(
          `${headerText(c.column)}: numbers without a % sign were read as percentages (7 means 7%), as the header says.`
        );
    }
    const pooled = columns.filter((c) => !c.header);
    const plain = pooled.flatMap((c) => c.plain.map((p) => ({ ...p, column: c.column })));
    const above = plain.filter((p) => Math.abs(p.value) > 1);
    const percent = above.length >= 2 || (above.length === 1 && plain.length <= 2);
    for (const c of pooled) percentIn.set(c.column, percent);
    if (above.length === 1 && !percent)
      problem(
        above[0].row,
        above[0].column,
        `: ${above[0].value} is the only number above 1 among the returns and volatilities without a % sign; alone it would make them all percentages: ${choose}`
      );
    else if (plain.length > 0)
      notes.push(
        `${pooled.length === 2 ? "Returns and volatilities" : pooled[0].column === returnColumn ? "Returns" : "Volatilities"} without a % sign were read as ${percent ? "percentages (7 means 7%), since some are above 1" : "decimals (0.07 means 7%), since none is above 1"}.`
      );
  }
  const decimal = (column: number) => (r: Reading | undefined) =>
    r?.kind === "number" ? (r.percent || percentIn.get(column) ? r.hundredth : r.value) : NaN;
  const returns = returnReadings.map(decimal(returnColumn));
  const vols = volReadings.map(decimal(volColumn));
  vols.forEach((v, i) => {
    if (v < 0)
      problem(rows[i], volColumn, ` (${label(i)} volatility): ${percentText(v)} is negative`);
  });

  // Correlations: numbers or blanks (a triangle), checked by the core.
  const correlationProblem = (i: number, j: number, text: string) =>
    problem(rows[0] + i, firstCorrelation + j, ` (${label(i)} / ${label(j)} correlation): ${text}`);
  const reported = new Set<string>();
  const matrixCells: MatrixCell[][] = rows.map((row, i) =>
    Array.from({ length: correlationCount }, (_, j) => {
      const r = cell(row, firstCorrelation + j);
      if (r.kind === "number") return r.percent ? r.hundredth : r.value;
      if (r.kind === "text") {
        reported.add(`${i},${j}`);
        correlationProblem(i, j, `${quoted(r.text)} is not a number`);
      }
      return null;
    })
  );
  // checkCorrelations mirrors a lower triangle (every cell above the diagonal blank or 0) upwards and an
  // upper triangle downwards; a problem it reports at (i, j) is about the cell the value came from.
  const empty = (c: MatrixCell) => c === null || c === 0;
  const square = rows.length === correlationCount;
  const upperEmpty =
    square && matrixCells.every((row, i) => row.every((c, j) => j <= i || empty(c)));
  const lowerEmpty =
    square && matrixCells.every((row, i) => row.every((c, j) => j >= i || empty(c)));
  const source = (i: number, j: number): [number, number] => {
    if (upperEmpty) return i >= j ? [i, j] : [j, i];
    if (lowerEmpty) return i <= j ? [i, j] : [j, i];
    return [i, j];
  };
  const cleaned = square ? tolerate(matrixCells, !upperEmpty && !lowerEmpty) : null;
  for (const { i, j, text } of cleaned?.problems ?? []) {
    if (reported.has(`${i},${j}`)) continue;
    reported.add(`${i},${j}`);
    correlationProblem(
      i,
      j,
      text.replace(/\{(\d+),(\d+)\}/, (_, r, c) =>
        at(rows[0] + Number(r), firstCorrelation + Number(c))
      )
    );
  }
  const check = checkCorrelations(cleaned?.cells ?? matrixCells);
  for (const p of check.problems) {
    // A matrix with entries reported above is checked as a whole once they are fixed.
    if (p.row === 0 && (cleaned?.problems.length ?? 0) > 0) continue;
    // The core names cells by matrix position ("differs from row 2, column 1"); name the source cells instead.
    const text = p.problem.replace(/row (\d+), column (\d+)/g, (_, r, c) =>
      at(rows[0] + Number(r) - 1, firstCorrelation + Number(c) - 1)
    );
    if (p.row === 0) {
      const area = {
        row: origin.row + rows[0],
        column: origin.column + firstCorrelation,
        rows: rows.length,
        columns: correlationCount,
      };
      tableProblem(
        `correlations ${rangeName(area)}: ${text}${square ? "" : " (one correlation column per asset row)"}`
      );
      continue;
    }
    const [i, j] = source(p.row - 1, p.column - 1);
    if (reported.has(`${i},${j}`)) continue;
    reported.add(`${i},${j}`);
    correlationProblem(i, j, text);
  }

  if (found.length > 0 || !check.matrix) return failed();
  const hasBlank = (upper: boolean) =>
    matrixCells.some((row, i) => row.some((c, j) => (upper ? j > i : j < i) && c === null));
  if (upperEmpty && hasBlank(true))
    notes.push("Correlations were given as a lower triangle and mirrored.");
  else if (lowerEmpty && hasBlank(false))
    notes.push("Correlations were given as an upper triangle and mirrored.");
  const n = rows.length;
  const data = check.matrix.data;
  const correlations = Array.from({ length: n }, (_, i) =>
    Array.from(data.subarray(i * n, (i + 1) * n))
  );
  return { table: { assets, returns, vols, correlations }, problems: [], notes };
}

/** The grid's text cells with their sheet row and column, for the decimal mark. */
function* textCells(
  grid: readonly (readonly unknown[])[],
  origin: { readonly row: number; readonly column: number }
): Generator<PlacedText> {
  for (let r = 0; r < grid.length; r++)
    for (let c = 0; c < grid[r].length; c++) {
      const value = grid[r][c];
      if (typeof value === "string")
        yield { text: value, line: origin.row + r + 1, column: columnLetter(origin.column + c) };
    }
}
