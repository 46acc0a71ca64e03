/**
 * Reading a built sheet back, cell by cell, for the sheet tests: the cells of an area, a cell's key, and a
 * cell's number — or an error that names the cell and what it holds instead.
 */
import { DetailedCellError } from "hyperformula";
import { Area, Cell } from "../../src/sheets/layout";

/** A sheet evaluated by some engine (HyperFormula, LibreOffice): the value of a cell by its layout position. */
export interface Book {
  value(cell: Cell): unknown;
}

/** The cells of an area, row by row. */
export const cellsOf = (a: Area): Cell[] =>
  Array.from({ length: a.rows * a.columns }, (_, k) => ({
    row: a.row + Math.floor(k / a.columns),
    column: a.column + (k % a.columns),
  }));

/** "row,column" (0-based), for sets of cells. */
export const key = (c: Cell) => `${c.row},${c.column}`;

/** What a cell holds, in words: an error with its message, or the value. */
export function describeValue(v: unknown): string {
  return v instanceof DetailedCellError ? `${v.value} ${v.message}` : JSON.stringify(v);
}

/** The number in `cell`; anything else fails the test, naming the cell and what it holds. */
export function num(book: Book, cell: Cell): number {
  const v = book.value(cell);
  if (typeof v !== "number")
    throw new Error(`cell ${key(cell)} is ${describeValue(v)}, not a number`);
  return v;
}
