/**
 * The boundary between Excel's values and the maths core: converts arguments once, runs the core,
 * and maps what goes wrong to Excel errors (DESIGN.md §3). Every =STACK.* adapter goes through here.
 */
import { Cell } from "../core/correlation-matrix";
import { invalid, StackError } from "../core/errors";

/** What Excel may hand a function: a scalar, a range (rows of cells), or nothing for an omitted argument. */
export type ExcelValue = unknown;
/** A spilled result: rows of numbers, labels or per-cell errors. */
export type Spill = (number | string | CustomFunctions.Error)[][];
export type Orientation = "row" | "column";

/** A 1-D input with the orientation it came in, so a spilled result can follow it. */
export interface Vector {
  readonly values: Float64Array;
  readonly orientation: Orientation;
}

/** Omitted arguments arrive as null or undefined; a blank cell as null (web) or "" (text). */
export function isMissing(value: ExcelValue): boolean {
  return value === null || value === undefined || value === "";
}

function describe(value: ExcelValue): string {
  if (typeof value === "string")
    return `text "${value.length > 20 ? value.slice(0, 20) + "…" : value}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return String(value);
  return "not a number";
}

/** `where` names the cell inside a range ("item 2", "row 1, column 3"); omitted for a scalar argument. */
function toNumber(value: ExcelValue, argument: string, where?: string): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (isMissing(value)) throw invalid(argument, where ? `${where} is blank` : "blank");
  throw invalid(
    argument,
    where ? `${where} is ${describe(value)}, not a number` : `${describe(value)} is not a number`
  );
}

/** Rows of cells; a scalar is a 1×1 range. */
function rows(value: ExcelValue, argument: string): ExcelValue[][] {
  if (!Array.isArray(value)) return [[value]];
  if (
    value.length === 0 ||
    !value.every((row) => Array.isArray(row) && row.length === value[0].length && row.length > 0)
  ) {
    throw invalid(argument, "not a rectangular range");
  }
  return value as ExcelValue[][];
}

/** A required number; a 1×1 range is accepted as its single cell. */
export function number(value: ExcelValue, argument: string): number {
  const grid = rows(value, argument);
  if (grid.length !== 1 || grid[0].length !== 1)
    throw invalid(argument, `${grid.length}×${grid[0].length} range, expected one number`);
  return toNumber(grid[0][0], argument);
}

/** An optional number: `fallback` when omitted or blank. */
export function optionalNumber(value: ExcelValue, argument: string, fallback: number): number;
export function optionalNumber(value: ExcelValue, argument: string): number | undefined;
export function optionalNumber(
  value: ExcelValue,
  argument: string,
  fallback?: number
): number | undefined {
  const cell =
    Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1
      ? value[0][0]
      : value;
  return isMissing(cell) ? fallback : number(cell, argument);
}

/** An optional text code, matched case-insensitively against `choices`; the first choice is the default. */
export function choice<T extends string>(
  value: ExcelValue,
  argument: string,
  choices: readonly T[]
): T {
  if (isMissing(value)) return choices[0];
  const wanted = typeof value === "string" ? value.trim().toLowerCase() : undefined;
  const found = choices.find((c) => c.toLowerCase() === wanted);
  if (found === undefined)
    throw invalid(argument, `expected ${choices.map((c) => `"${c}"`).join(" or ")}`);
  return found;
}

/** A row or a column of numbers (a single cell counts as either). Blanks and text are errors. */
export function vector(value: ExcelValue, argument: string): Vector {
  const grid = rows(value, argument);
  const height = grid.length;
  const width = grid[0].length;
  if (height > 1 && width > 1)
    throw invalid(argument, `${height}×${width} range, expected a row or a column`);
  const orientation: Orientation = width > 1 ? "row" : "column";
  const cells = orientation === "row" ? grid[0] : grid.map((r) => r[0]);
  const values = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) values[i] = toNumber(cells[i], argument, `item ${i + 1}`);
  return { values, orientation };
}

/** {@link vector}, or undefined when the argument is omitted. */
export function optionalVector(value: ExcelValue, argument: string): Vector | undefined {
  return isMissing(value) ? undefined : vector(value, argument);
}

/**
 * Periodic series: one column per series (a single row is one series laid out as a row). Trailing rows
 * that are entirely blank are dropped — a user often selects more rows than the data fills — and
 * `padding` counts them so a spilled result can keep the input's length. A blank inside the data is an
 * error naming its row: a missing return is not a zero return.
 */
export interface SeriesSet {
  readonly series: Float64Array[];
  readonly rows: number;
  readonly padding: number;
  readonly orientation: Orientation;
}

export function seriesSet(
  value: ExcelValue,
  argument: string,
  layout: "series" | "assets" = "series"
): SeriesSet {
  const grid = rows(value, argument);
  const asRow = layout === "series" && grid.length === 1 && grid[0].length > 1;
  const table = asRow ? grid[0].map((cell) => [cell]) : grid;
  let used = table.length;
  while (used > 0 && table[used - 1].every(isMissing)) used--;
  if (used === 0) throw invalid(argument, "no values");
  const width = table[0].length;
  const series = Array.from({ length: width }, () => new Float64Array(used));
  for (let t = 0; t < used; t++) {
    for (let j = 0; j < width; j++) {
      const where =
        width === 1 ? `${asRow ? "item" : "row"} ${t + 1}` : `row ${t + 1}, column ${j + 1}`;
      series[j][t] = toNumber(table[t][j], argument, where);
    }
  }
  return {
    series,
    rows: used,
    padding: table.length - used,
    orientation: asRow ? "row" : "column",
  };
}

/** One series ({@link seriesSet} with a single column or row). */
export function singleSeries(value: ExcelValue, argument: string): SeriesSet {
  const set = seriesSet(value, argument);
  if (set.series.length !== 1)
    throw invalid(argument, `${set.series.length} columns, expected one series`);
  return set;
}

/**
 * A number for every row, or one per row (e.g. rates: a constant annual rate or a column of them).
 * @returns the number itself, or the per-row values trimmed to `rows`
 */
export function numberOrSeries(
  value: ExcelValue,
  argument: string,
  rows: number
): number | Float64Array {
  const cell =
    Array.isArray(value) && value.length === 1 && value[0].length === 1 ? value[0][0] : value;
  if (!Array.isArray(cell)) return number(cell, argument);
  const { series } = singleSeries(value, argument);
  if (series[0].length !== rows)
    throw invalid(argument, `${series[0].length} rows, expected ${rows} (one per return)`);
  return series[0];
}

/**
 * Lay per-row results out in the input's orientation, one column per series, padded with empty
 * cells for the input's trailing blank rows.
 */
export function spillSeries(columns: ArrayLike<number>[], like: SeriesSet): Spill {
  const length = columns[0].length;
  const out: Spill = [];
  for (let t = 0; t < length + like.padding; t++)
    out.push(columns.map((c) => (t < length ? c[t] : "")));
  return like.orientation === "row" ? [out.map((r) => r[0])] : out;
}

/**
 * Several aligned single series (e.g. a fund and its index, or x and y) keeping only the rows where
 * every one has a value: blank cells mark missing data there, and those rows are left out.
 * @returns the kept values of each series, in the order given
 */
export function completeRows(
  inputs: readonly { value: ExcelValue; argument: string }[]
): Float64Array[] {
  const columns = inputs.map(({ value, argument }) => {
    const grid = rows(value, argument);
    const cells = grid.length === 1 ? grid[0] : grid.map((row) => row[0]);
    if (grid.length > 1 && grid[0].length > 1)
      throw invalid(argument, `${grid.length}×${grid[0].length} range, expected a row or a column`);
    return cells.map((cell, t) =>
      isMissing(cell) ? null : toNumber(cell, argument, `item ${t + 1}`)
    );
  });
  const length = columns[0].length;
  columns.forEach((c, i) => {
    if (c.length !== length)
      throw invalid(
        inputs[i].argument,
        `${c.length} items, expected ${length} (one per item of ${inputs[0].argument})`
      );
  });
  const kept: number[] = [];
  for (let t = 0; t < length; t++) if (columns.every((c) => c[t] !== null)) kept.push(t);
  return columns.map((c) => Float64Array.from(kept, (t) => c[t] as number));
}

/** A square-or-not table of numbers where blank cells are kept as null (a triangle of a matrix). */
export function cells(value: ExcelValue, argument: string): Cell[][] {
  return rows(value, argument).map((row, i) =>
    row.map((cell, j) =>
      isMissing(cell) ? null : toNumber(cell, argument, `row ${i + 1}, column ${j + 1}`)
    )
  );
}

/** Lay a 1-D result out as a row or a column. */
export function spill(values: ArrayLike<number>, orientation: Orientation): number[][] {
  const out = Array.from(values, (v) => v);
  return orientation === "row" ? [out] : out.map((v) => [v]);
}

/** Excel shows a custom message only on #VALUE! and #N/A; other codes carry none. */
export function excelError(kind: StackError["kind"], message: string): CustomFunctions.Error {
  const codes = CustomFunctions.ErrorCode; // read at call time: the runtime defines it after this module loads
  switch (kind) {
    case "value":
      return new CustomFunctions.Error(codes.invalidValue, message);
    case "na":
      return new CustomFunctions.Error(codes.notAvailable, message);
    case "div0":
      return new CustomFunctions.Error(codes.divisionByZero);
    case "num":
      return new CustomFunctions.Error(codes.invalidNumber);
  }
}

function finite<T>(result: T): T | CustomFunctions.Error {
  const bad = (v: unknown) => typeof v === "number" && !Number.isFinite(v);
  if (bad(result)) return excelError("num", "result overflows");
  if (Array.isArray(result) && result.some((row) => Array.isArray(row) && row.some(bad)))
    return excelError("num", "result overflows");
  return result;
}

/** {@link excel} for a spilled result: an error comes back as a 1×1 spill holding it. */
export function excelSpill(compute: () => Spill): any[][] {
  const result = excel(compute);
  return Array.isArray(result) ? result : [[result]];
}

/**
 * Run an adapter's body: core errors become their Excel errors, anything unexpected becomes #VALUE!
 * (never a thrown exception), and a non-finite result becomes #NUM!.
 */
export function excel<T>(compute: () => T): T | CustomFunctions.Error {
  try {
    return finite(compute());
  } catch (e) {
    if (e instanceof StackError) return excelError(e.kind, e.message);
    return excelError(
      "value",
      `unexpected error: ${e instanceof Error ? e.message : String(e)}`.toLowerCase()
    );
  }
}
