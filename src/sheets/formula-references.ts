/**
 * What an Excel formula (English function names, A1 references, as Office.js `Range.formulas` returns it)
 * refers to, read closely enough to decide whether it could depend on a cell — for Share as values
 * (share-plan.ts), which keeps a native formula only when it provably depends on no =STACK.* result.
 *
 * The reading is conservative: anything whose reach cannot be known from the text alone — a reference
 * to another sheet or workbook, a name that is not the sheet's own, INDIRECT or OFFSET, a structured
 * table reference — makes the formula `opaque`, and the caller treats it as depending on everything.
 * String literals are skipped, so `="see A1"` refers to nothing.
 */
import { Area } from "./layout";

/** Excel's last row and column (0-based). */
const LAST_ROW = 1_048_575;
const LAST_COLUMN = 16_383;

/** What a formula refers to. */
export interface FormulaReferences {
  /** Cells and ranges on its own sheet (a spill reference A1# is the anchor, flagged `spill`). */
  readonly areas: readonly (Area & { readonly spill?: boolean })[];
  /** Names it uses (not followed by "("), as written. */
  readonly names: readonly string[];
  /** Functions it calls, upper case (e.g. "STACK.VOL", "SUMPRODUCT"). */
  readonly functions: readonly string[];
  /** True when its reach cannot be read from the text (see the module's doc). */
  readonly opaque: boolean;
}

/** Functions whose result may come from cells their arguments do not name. */
const INDIRECT = new Set(["INDIRECT", "OFFSET", "CELL", "INFO", "GETPIVOTDATA"]);

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "A1", "$B$7" → a 0-based cell, or undefined when it is not a cell address within Excel's grid. */
function parseCell(text: string): { row: number; column: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/.exec(text);
  if (!m) return undefined;
  const column = columnIndex(m[1]);
  const row = Number(m[2]) - 1;
  if (column > LAST_COLUMN || row < 0 || row > LAST_ROW) return undefined;
  return { row, column };
}

/**
 * A reference as written — "B7", "$A$1:$C$3", "H:H", "5:9" — as an area, or undefined when it is not
 * one (then it is a name).
 */
export function parseArea(text: string): Area | undefined {
  const [first, second, ...rest] = text.split(":");
  if (rest.length > 0) return undefined;
  if (second === undefined) {
    const cell = parseCell(first);
    return cell && { ...cell, rows: 1, columns: 1 };
  }
  const [a, b] = [parseCell(first), parseCell(second)];
  if (a && b)
    return {
      row: Math.min(a.row, b.row),
      column: Math.min(a.column, b.column),
      rows: Math.abs(a.row - b.row) + 1,
      columns: Math.abs(a.column - b.column) + 1,
    };
  const cols = [first, second].map((t) => /^\$?([A-Za-z]{1,3})$/.exec(t)?.[1]);
  if (cols[0] && cols[1]) {
    const [c0, c1] = cols.map((c) => columnIndex(c!));
    return {
      row: 0,
      column: Math.min(c0, c1),
      rows: LAST_ROW + 1,
      columns: Math.abs(c0 - c1) + 1,
    };
  }
  const rowsOf = [first, second].map((t) => /^\$?([0-9]{1,7})$/.exec(t)?.[1]);
  if (rowsOf[0] && rowsOf[1]) {
    const [r0, r1] = rowsOf.map((r) => Number(r) - 1);
    return {
      row: Math.min(r0, r1),
      column: 0,
      rows: Math.abs(r0 - r1) + 1,
      columns: LAST_COLUMN + 1,
    };
  }
  return undefined;
}

/**
 * One token: a string literal, a sheet-qualified reference, a reference or name (letters, digits, $, ., _,
 * \, and ":" between two such parts), a number, an error literal, a structured reference, or any other
 * character.
 */
const TOKEN =
  /("(?:[^"]|"")*")|((?:'(?:[^']|'')+'|\[[^\]]*\][^!]*|[A-Za-z0-9_.\\]+)!)|(\[)|(#(?:N\/A|REF!|NAME\?|NULL!|DIV\/0!|VALUE!|NUM!|SPILL!|CALC!|GETTING_DATA))|([A-Za-z_\\$][A-Za-z0-9_.$\\]*(?::\$?[A-Za-z0-9_.$]+)?#?)|([0-9]+(?::\$?[0-9]+)?(?:\.[0-9]*)?(?:[Ee][+-]?[0-9]+)?)|([\s\S])/g;

/** Read the references of `formula` (with or without its leading "="). */
export function formulaReferences(formula: string): FormulaReferences {
  const areas: (Area & { spill?: boolean })[] = [];
  const names: string[] = [];
  const functions: string[] = [];
  let opaque = false;
  const text = formula.startsWith("=") ? formula.slice(1) : formula;
  for (const m of text.matchAll(TOKEN)) {
    const [, literal, sheet, structured, , word, number] = m;
    if (literal !== undefined) continue;
    if (sheet !== undefined || structured !== undefined) {
      opaque = true; // another sheet, another workbook, or a table: out of reach of this reading
      continue;
    }
    if (number !== undefined) {
      if (number.includes(":")) {
        const area = parseArea(number);
        if (area) areas.push(area);
      }
      continue;
    }
    if (word === undefined) continue;
    const end = (m.index ?? 0) + m[0].length;
    const isCall = /^\s*\(/.test(text.slice(end));
    if (isCall) {
      const name = word.toUpperCase();
      functions.push(name);
      if (INDIRECT.has(name)) opaque = true;
      continue;
    }
    const spill = word.endsWith("#");
    const bare = spill ? word.slice(0, -1) : word;
    const upper = bare.toUpperCase();
    if (upper === "TRUE" || upper === "FALSE") continue;
    const area = parseArea(bare);
    if (area) areas.push(spill ? { ...area, spill: true } : area);
    else names.push(bare);
  }
  return { areas, names, functions, opaque };
}

/** Whether two areas share a cell. */
export function intersects(a: Area, b: Area): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.column < b.column + b.columns &&
    b.column < a.column + a.columns
  );
}

/** Whether `inner` lies within `outer`. */
export function contains(outer: Area, inner: Area): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.rows <= outer.row + outer.rows &&
    inner.column + inner.columns <= outer.column + outer.columns
  );
}

/**
 * A reference to one range of a named sheet, as names and chart series hold them — "='Stack
 * backtest'!$H$6:$H$99", "Sheet1!$A$1" — or undefined for anything else (a constant, a formula, several
 * areas, another workbook).
 */
export function sheetReference(text: string): { sheet: string; area: Area } | undefined {
  const m =
    /^=?(?:'((?:[^']|'')+)'|([^'![\]]+))!(\$?[A-Za-z]{1,3}\$?[0-9]+(?::\$?[A-Za-z]{1,3}\$?[0-9]+)?)$/.exec(
      text.trim()
    );
  if (!m) return undefined;
  const area = parseArea(m[3]);
  return area && { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], area };
}
