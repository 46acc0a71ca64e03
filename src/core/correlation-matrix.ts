import { invalid, short } from "./errors";
import { SquareMatrix, squareMatrix, symmetricEigenvalues } from "./matrix";

/** A cell of a correlation table as typed by a user: a number, or `null` where the cell is blank. */
export type Cell = number | null;

/** One problem found in a table; `row` and `column` are 1-based positions inside the matrix (0 = whole matrix). */
export interface MatrixProblem {
  readonly row: number;
  readonly column: number;
  readonly problem: string;
}

/** Larger matrices are refused: the eigenvalue check is O(n³). */
export const MAX_ASSETS = 200;
/**
 * Entries this close are equal: Excel keeps 15 significant digits, so a matrix typed or computed in a
 * workbook is symmetric and has a unit diagonal only to about that precision (relative 1e-9, or 1e-12
 * apart near zero).
 */
const RELATIVE_TOLERANCE = 1e-9;
const ABSOLUTE_TOLERANCE = 1e-12;

/** True when `a` and `b` agree to Excel's precision ({@link RELATIVE_TOLERANCE}). */
export function agree(a: number, b: number): boolean {
  const gap = Math.abs(a - b);
  return (
    gap <= ABSOLUTE_TOLERANCE || gap <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b))
  );
}

/**
 * Two numbers with as many significant digits (3 at least) as it takes to tell them apart, so that a
 * message never says "-0.312 differs from -0.312".
 * @example distinct(-0.3121, -0.3124) // ["-0.3121", "-0.3124"]
 */
export function distinct(a: number, b: number): [string, string] {
  let digits = 3;
  while (digits < 17 && Number(a.toPrecision(digits)) === Number(b.toPrecision(digits))) digits++;
  return [String(Number(a.toPrecision(digits))), String(Number(b.toPrecision(digits)))];
}
/** Eigenvalues down to −1e-10 are rounding noise of a PSD matrix, not a real defect. */
const PSD_TOLERANCE = -1e-10;

const isEmpty = (c: Cell) => c === null || c === 0;

/**
 * Check a correlation table and build the matrix. A lower triangle (every cell above the diagonal
 * blank or 0) is mirrored upwards, an upper triangle downwards. The result must be square, have a
 * unit diagonal, entries in [−1, 1], be symmetric and positive semi-definite, each to Excel's precision
 * ({@link agree}: a diagonal that agrees with 1 is 1, an entry that agrees with ±1 is ±1, a pair that
 * agrees takes the value above the diagonal). Every problem is listed with its row and column, and
 * numbers with the digits that tell them apart ({@link distinct}), so an import can report them all.
 * @example checkCorrelations([[1, null], [0.5, 1]]).matrix // [[1, 0.5], [0.5, 1]]
 */
export function checkCorrelations(cells: ReadonlyArray<ReadonlyArray<Cell>>): {
  matrix?: SquareMatrix;
  problems: MatrixProblem[];
} {
  const n = cells.length;
  const problems: MatrixProblem[] = [];
  const ragged = cells.findIndex((row) => row.length !== n);
  if (n === 0 || ragged >= 0) {
    const columns = n === 0 ? 0 : cells[ragged].length;
    return {
      problems: [{ row: 0, column: 0, problem: `${n}×${columns}, expected a square matrix` }],
    };
  }
  if (n > MAX_ASSETS) {
    return {
      problems: [{ row: 0, column: 0, problem: `too large (${n} assets, max ${MAX_ASSETS})` }],
    };
  }
  let upperEmpty = true;
  let lowerEmpty = true;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (!isEmpty(cells[j][i])) upperEmpty = false;
      if (!isEmpty(cells[i][j])) lowerEmpty = false;
    }
  }
  const entry = (i: number, j: number): Cell => {
    if (i === j) return cells[i][i];
    if (upperEmpty) return i > j ? cells[i][j] : cells[j][i];
    if (lowerEmpty) return i < j ? cells[i][j] : cells[j][i];
    return cells[i][j];
  };
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const value = entry(i, j);
      const at = { row: i + 1, column: j + 1 };
      if (value === null) {
        problems.push({ ...at, problem: "blank" });
      } else if (i === j) {
        if (agree(value, 1)) data[i * n + j] = 1;
        else problems.push({ ...at, problem: `diagonal is ${distinct(value, 1)[0]}, expected 1` });
      } else if (Math.abs(value) <= 1) {
        data[i * n + j] = value;
      } else if (agree(Math.abs(value), 1)) {
        data[i * n + j] = Math.sign(value);
      } else {
        problems.push({
          ...at,
          problem: `${distinct(value, Math.sign(value))[0]} is outside -1..1`,
        });
      }
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = entry(i, j);
      const b = entry(j, i);
      if (a === null || b === null || a === b) continue;
      if (agree(a, b)) {
        data[j * n + i] = data[i * n + j];
      } else {
        const [shownA, shownB] = distinct(a, b);
        problems.push({
          row: i + 1,
          column: j + 1,
          problem: `${shownA} differs from row ${j + 1}, column ${i + 1} (${shownB})`,
        });
      }
    }
  }
  if (problems.length > 0) return { problems };
  const matrix = squareMatrix(n, data);
  const smallest = symmetricEigenvalues(matrix)[0];
  if (smallest < PSD_TOLERANCE) {
    problems.push({
      row: 0,
      column: 0,
      problem: `not positive semi-definite (smallest eigenvalue ${short(smallest)})`,
    });
    return { problems };
  }
  return { matrix, problems };
}

/** The text of one problem, e.g. "row 2, column 3: blank". */
export function describeProblem(p: MatrixProblem): string {
  return p.row === 0 ? p.problem : `row ${p.row}, column ${p.column}: ${p.problem}`;
}

/** {@link checkCorrelations}, throwing an input error (`#VALUE!`) that names `argument` and the first problem. */
export function correlationMatrix(
  cells: ReadonlyArray<ReadonlyArray<Cell>>,
  argument = "correlations"
): SquareMatrix {
  const { matrix, problems } = checkCorrelations(cells);
  if (!matrix) throw invalid(argument, describeProblem(problems[0]));
  return matrix;
}
