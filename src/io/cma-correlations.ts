/**
 * The correlation entries of a CMA table as Excel users type or compute them: Excel keeps 15 significant
 * digits, so a matrix computed in a workbook is symmetric and has a unit diagonal only to about that
 * precision. Entries that agree with what they must be (the core's `agree`: relative 1e-9) are taken as
 * exact; the others are reported in the source's rows and columns with the core's `distinct` digits, so
 * that a message never reads "-0.312 differs from -0.312". The core (checkCorrelations) then checks
 * what is left.
 */
import { agree as close, Cell as MatrixCell, distinct } from "../core/correlation-matrix";

/** A correlation entry that is wrong by more than Excel's rounding, at matrix position (i, j). */
interface EntryProblem {
  readonly i: number;
  readonly j: number;
  /** "{r,c}" stands for the other cell of a pair, by matrix position. */
  readonly text: string;
}

/**
 * The correlation cells with Excel's 15-digit rounding forgiven: a diagonal within a relative 1e-9 of 1
 * becomes 1, an entry within 1e-9 beyond ±1 becomes ±1, and (for a full matrix) a pair that agrees to a
 * relative 1e-9 takes the upper value. The others are reported with the digits that tell them apart, and
 * made valid (1 on the diagonal, ±1, the pair equal, never 0 so that a triangle stays one) so that the
 * core reports only what is left.
 */
export function tolerate(
  cells: readonly (readonly MatrixCell[])[],
  full: boolean
): { cells: MatrixCell[][]; problems: EntryProblem[] } {
  const out = cells.map((row) => [...row]);
  const problems: EntryProblem[] = [];
  out.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v === null) return;
      if (i === j && v !== 1) {
        if (!close(v, 1))
          problems.push({ i, j, text: `diagonal is ${distinct(v, 1)[0]}, expected 1` });
        row[j] = 1;
      } else if (i !== j && Math.abs(v) > 1) {
        if (!close(Math.abs(v), 1))
          problems.push({ i, j, text: `${distinct(v, Math.sign(v))[0]} is outside -1..1` });
        row[j] = Math.sign(v);
      }
    })
  );
  if (full) {
    for (let i = 0; i < out.length; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const [a, b] = [out[i][j], out[j][i]];
        if (a === null || b === null || a === b) continue;
        if (!close(a, b)) {
          const [da, db] = distinct(a, b);
          problems.push({ i, j, text: `${da} differs from {${j},${i}} (${db})` });
        }
        out[i][j] = out[j][i] = a !== 0 ? a : b;
      }
    }
  }
  return { cells: out, problems };
}
