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

/**
 * What a range of numbers holds, which decides the values it accepts:
 * - "returns": periodic returns, at least −1 (−100%: no asset can lose more than everything);
 * - "values": any finite number (rates, dates, weights, parameters).
 */
export type SeriesKind = "returns" | "values";

/** The lowest value each kind accepts. */
const LOWEST: Record<SeriesKind, number> = { returns: -1, values: -Number.MAX_VALUE };

/** True for a number the kind accepts: finite and at least `lowest` (NaN fails both comparisons). */
const accepted = (value: unknown, lowest: number): value is number =>
  typeof value === "number" && value >= lowest && value <= Number.MAX_VALUE;

function describe(value: ExcelValue): string {
  if (typeof value === "string")
    return `text "${value.length > 20 ? value.slice(0, 20) + "…" : value}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return String(value);
  return "not a number";
}

/**
 * The error for a cell that {@link accepted} refused: blank, not a number, or (a return) below −100%.
 * Only called when a cell is wrong, so the messages and the cell's place are built only then.
 * @param where names the cell inside a range ("item 2", "row 1, column 3"); omitted for a scalar argument
 */
function badCell(value: ExcelValue, argument: string, where?: string): StackError {
  if (isMissing(value)) return invalid(argument, where ? `${where} is blank` : "blank");
  if (typeof value === "number" && Number.isFinite(value))
    return invalid(
      argument,
      where ? `${where} is ${value}, below -100%` : `${value} is below -100%`
    );
  return invalid(
    argument,
    where ? `${where} is ${describe(value)}, not a number` : `${describe(value)} is not a number`
  );
}

/** A finite number, or the error naming the cell. */
function toNumber(value: ExcelValue, argument: string, where?: string): number {
  if (accepted(value, LOWEST.values)) return value;
  throw badCell(value, argument, where);
}

/** Rows of cells; a scalar is a 1×1 range. One loop over the rows, no closure per row. */
function rows(value: ExcelValue, argument: string): ExcelValue[][] {
  if (!Array.isArray(value)) return [[value]];
  const height = value.length;
  const first: unknown = value[0];
  const width = Array.isArray(first) ? first.length : 0;
  let rectangular = height > 0 && width > 0;
  for (let t = 0; rectangular && t < height; t++) {
    const row: unknown = value[t];
    rectangular = Array.isArray(row) && row.length === width;
  }
  if (!rectangular) throw invalid(argument, "not a rectangular range");
  return value as ExcelValue[][];
}

/** A required number; a 1×1 range is accepted as its single cell. */
export function number(value: ExcelValue, argument: string): number {
  const grid = rows(value, argument);
  if (grid.length !== 1 || grid[0].length !== 1)
    throw invalid(argument, `${grid.length}×${grid[0].length} range, expected one number`);
  return toNumber(grid[0][0], argument);
}

/** A required return (a decimal of at least −1): e.g. one day's index return. */
export function returnNumber(value: ExcelValue, argument: string): number {
  const r = number(value, argument);
  if (!(r >= LOWEST.returns)) throw badCell(r, argument);
  return r;
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

/**
 * A row or a column of numbers (a single cell counts as either). Blanks and text are errors.
 * @param kind "values" (default: weights, volatilities, any per-asset number) or "returns" (each
 *   asset's expected return, at least −100%)
 */
export function vector(value: ExcelValue, argument: string, kind: SeriesKind = "values"): Vector {
  const grid = rows(value, argument);
  const height = grid.length;
  const width = grid[0].length;
  if (height > 1 && width > 1)
    throw invalid(argument, `${height}×${width} range, expected a row or a column`);
  const orientation: Orientation = width > 1 ? "row" : "column";
  const length = Math.max(height, width);
  const values = new Float64Array(length);
  const lowest = LOWEST[kind];
  for (let i = 0; i < length; i++) {
    const cell = orientation === "row" ? grid[0][i] : grid[i][0];
    if (!accepted(cell, lowest)) throw badCell(cell, argument, `item ${i + 1}`);
    values[i] = cell;
  }
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

function blankRow(row: readonly ExcelValue[]): boolean {
  for (let j = 0; j < row.length; j++) if (!isMissing(row[j])) return false;
  return true;
}

/**
 * Read a set of series. Returns are checked here, once, for every series function: a return below
 * −100% is impossible for any asset, so it is #VALUE! naming its row ("returns: row 5 is -1.2, below
 * -100%") instead of a number computed from it. Exactly −100% (a holding wiped out) is accepted.
 * @param layout "series": a single row is one series; "assets": a single row is one row of several assets
 * @param kind "returns" (default) or "values" (e.g. dates or rates, any finite number)
 */
export function seriesSet(
  value: ExcelValue,
  argument: string,
  layout: "series" | "assets" = "series",
  kind: SeriesKind = "returns"
): SeriesSet {
  const grid = rows(value, argument);
  const lowest = LOWEST[kind];
  if (layout === "series" && grid.length === 1 && grid[0].length > 1) {
    // One series laid out as a row: its cells are items; trailing blank cells are padding.
    const cells = grid[0];
    let used = cells.length;
    while (used > 0 && isMissing(cells[used - 1])) used--;
    if (used === 0) throw invalid(argument, "no values");
    const values = new Float64Array(used);
    for (let t = 0; t < used; t++) {
      const cell = cells[t];
      if (!accepted(cell, lowest)) throw badCell(cell, argument, `item ${t + 1}`);
      values[t] = cell;
    }
    return { series: [values], rows: used, padding: cells.length - used, orientation: "row" };
  }
  let used = grid.length;
  while (used > 0 && blankRow(grid[used - 1])) used--;
  if (used === 0) throw invalid(argument, "no values");
  const width = grid[0].length;
  const series: Float64Array[] = [];
  for (let j = 0; j < width; j++) series.push(new Float64Array(used));
  for (let t = 0; t < used; t++) {
    const row = grid[t];
    for (let j = 0; j < width; j++) {
      const cell = row[j];
      if (!accepted(cell, lowest))
        throw badCell(
          cell,
          argument,
          width === 1 ? `row ${t + 1}` : `row ${t + 1}, column ${j + 1}`
        );
      series[j][t] = cell;
    }
  }
  return { series, rows: used, padding: grid.length - used, orientation: "column" };
}

/** One series ({@link seriesSet} with a single column or row). */
export function singleSeries(
  value: ExcelValue,
  argument: string,
  kind: SeriesKind = "returns"
): SeriesSet {
  const set = seriesSet(value, argument, "series", kind);
  if (set.series.length !== 1)
    throw invalid(argument, `${set.series.length} columns, expected one series`);
  return set;
}

/**
 * A number for every row, or one per row (e.g. rates: a constant annual rate or a column of them).
 * @param kind "values" (default: rates, dates) or "returns" (per-period returns, at least −100%)
 * @returns the number itself, or the per-row values trimmed to `rows`
 */
export function numberOrSeries(
  value: ExcelValue,
  argument: string,
  rows: number,
  kind: SeriesKind = "values"
): number | Float64Array {
  const cell =
    Array.isArray(value) && value.length === 1 && value[0].length === 1 ? value[0][0] : value;
  if (!Array.isArray(cell)) return number(cell, argument);
  const { series } = singleSeries(value, argument, kind);
  if (series[0].length !== rows)
    throw invalid(argument, `${series[0].length} rows, expected ${rows} (one per return)`);
  return series[0];
}

/**
 * Lay per-row results out in the input's orientation, one column per series, padded with empty
 * cells for the input's trailing blank rows. One array per row, filled by index.
 */
export function spillSeries(columns: ArrayLike<number>[], like: SeriesSet): Spill {
  const length = columns[0].length;
  const total = length + like.padding;
  const width = columns.length;
  if (like.orientation === "row") {
    const row: Spill[number] = new Array(total);
    const values = columns[0];
    for (let t = 0; t < length; t++) row[t] = values[t];
    for (let t = length; t < total; t++) row[t] = "";
    return [row];
  }
  const out: Spill = new Array(total);
  if (width === 1) {
    const values = columns[0];
    for (let t = 0; t < length; t++) out[t] = [values[t]];
  } else {
    for (let t = 0; t < length; t++) {
      const row: Spill[number] = new Array(width);
      for (let j = 0; j < width; j++) row[j] = columns[j][t];
      out[t] = row;
    }
  }
  for (let t = length; t < total; t++) out[t] = new Array<string>(width).fill("");
  return out;
}

/** One input of {@link completeRows}; `kind` defaults to "returns". */
export interface AlignedInput {
  readonly value: ExcelValue;
  readonly argument: string;
  readonly kind?: SeriesKind;
}

/**
 * Several aligned single series (e.g. a fund and its index, or x and y) keeping only the rows where
 * every one has a value: blank cells mark missing data there, and those rows are left out. Returns
 * below −100% are errors naming their item, as in {@link seriesSet}.
 * @returns the kept values of each series, in the order given
 */
export function completeRows(inputs: readonly AlignedInput[]): Float64Array[] {
  const columns = inputs.map(({ value, argument, kind = "returns" }) => {
    const grid = rows(value, argument);
    if (grid.length > 1 && grid[0].length > 1)
      throw invalid(argument, `${grid.length}×${grid[0].length} range, expected a row or a column`);
    const asRow = grid.length === 1;
    const length = asRow ? grid[0].length : grid.length;
    const values = new Float64Array(length);
    const present = new Uint8Array(length);
    const lowest = LOWEST[kind];
    for (let t = 0; t < length; t++) {
      const cell = asRow ? grid[0][t] : grid[t][0];
      if (isMissing(cell)) continue;
      if (!accepted(cell, lowest)) throw badCell(cell, argument, `item ${t + 1}`);
      values[t] = cell;
      present[t] = 1;
    }
    return { values, present, argument };
  });
  const length = columns[0].values.length;
  for (const c of columns) {
    if (c.values.length !== length)
      throw invalid(
        c.argument,
        `${c.values.length} items, expected ${length} (one per item of ${inputs[0].argument})`
      );
  }
  // Rows where every input has a value, then each input's values on those rows.
  const complete = new Uint8Array(length).fill(1);
  for (const c of columns) for (let t = 0; t < length; t++) complete[t] &= c.present[t];
  let kept = 0;
  for (let t = 0; t < length; t++) kept += complete[t];
  if (kept === length) return columns.map(({ values }) => values); // no blank: nothing to leave out
  return columns.map(({ values }) => {
    const out = new Float64Array(kept);
    for (let t = 0, k = 0; t < length; t++) if (complete[t] === 1) out[k++] = values[t];
    return out;
  });
}

/** A square-or-not table of numbers where blank cells are kept as null (a triangle of a matrix). */
export function cells(value: ExcelValue, argument: string): Cell[][] {
  const grid = rows(value, argument);
  const out: Cell[][] = new Array(grid.length);
  for (let i = 0; i < grid.length; i++) {
    const row = grid[i];
    const read: Cell[] = new Array(row.length);
    for (let j = 0; j < row.length; j++) {
      const cell = row[j];
      if (isMissing(cell)) read[j] = null;
      else if (accepted(cell, LOWEST.values)) read[j] = cell;
      else throw badCell(cell, argument, `row ${i + 1}, column ${j + 1}`);
    }
    out[i] = read;
  }
  return out;
}

/** Lay a 1-D result out as a row or a column. */
export function spill(values: ArrayLike<number>, orientation: Orientation): number[][] {
  const n = values.length;
  if (orientation === "row") {
    const row: number[] = new Array(n);
    for (let i = 0; i < n; i++) row[i] = values[i];
    return [row];
  }
  const out: number[][] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = [values[i]];
  return out;
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

/** True for NaN or ±Infinity (x − x is 0 for every finite number and NaN otherwise). */
const nonFinite = (v: unknown) => typeof v === "number" && v - v !== 0;

/** The safety net: a result holding NaN or ±Infinity anywhere becomes #NUM!. One indexed pass. */
function finite<T>(result: T): T | CustomFunctions.Error {
  if (nonFinite(result)) return excelError("num", "result overflows");
  if (!Array.isArray(result)) return result;
  for (let i = 0; i < result.length; i++) {
    const row: unknown = result[i];
    if (!Array.isArray(row)) continue;
    for (let j = 0; j < row.length; j++)
      if (nonFinite(row[j])) return excelError("num", "result overflows");
  }
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
