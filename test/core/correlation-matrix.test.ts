import fc from "fast-check";
import {
  checkCorrelations,
  correlationMatrix,
  describeProblem,
} from "../../src/core/correlation-matrix";
import { StackError } from "../../src/core/errors";
import { correlationCells } from "../fixtures/stacked-example";

const errorOf = (f: () => unknown): StackError => {
  try {
    f();
  } catch (e) {
    return e as StackError;
  }
  throw new Error("expected an error");
};

describe("checkCorrelations", () => {
  it("accepts the DESIGN.md §1 matrix unchanged", () => {
    const { matrix, problems } = checkCorrelations(correlationCells);
    expect(problems).toEqual([]);
    expect(Array.from(matrix!.data)).toEqual(correlationCells.flat());
  });

  it("mirrors a lower triangle with a blank upper part", () => {
    const lower = [
      [1, null, null],
      [-0.3, 1, null],
      [-0.05, 0.1, 1],
    ];
    expect(Array.from(checkCorrelations(lower).matrix!.data)).toEqual(correlationCells.flat());
  });

  it("mirrors a lower triangle whose upper part is zeros (blank cells read as 0 in Excel for Windows)", () => {
    const lower = [
      [1, 0, 0],
      [-0.3, 1, 0],
      [-0.05, 0.1, 1],
    ];
    expect(Array.from(checkCorrelations(lower).matrix!.data)).toEqual(correlationCells.flat());
  });

  it("mirrors an upper triangle too", () => {
    const upper = [
      [1, -0.3, -0.05],
      [null, 1, 0.1],
      [null, null, 1],
    ];
    expect(Array.from(checkCorrelations(upper).matrix!.data)).toEqual(correlationCells.flat());
  });

  it("lists every problem with its row and column", () => {
    const { matrix, problems } = checkCorrelations([
      [1, 0.2, 1.5],
      [0.3, 0.9, null],
      [1.5, 0.1, 1],
    ]);
    expect(matrix).toBeUndefined();
    expect(problems.map(describeProblem)).toEqual([
      "row 1, column 3: 1.5 is outside -1..1",
      "row 2, column 2: diagonal is 0.9, expected 1",
      "row 2, column 3: blank",
      "row 3, column 1: 1.5 is outside -1..1",
      "row 1, column 2: 0.2 differs from row 2, column 1 (0.3)",
    ]);
  });

  it("refuses a non-square table", () => {
    expect(checkCorrelations([[1, 0.5]]).problems.map(describeProblem)).toEqual([
      "1×2, expected a square matrix",
    ]);
    expect(checkCorrelations([]).problems.map(describeProblem)).toEqual([
      "0×0, expected a square matrix",
    ]);
  });

  it("reports a matrix that is not positive semi-definite with its smallest eigenvalue", () => {
    // ρ12 = ρ13 = 0.9, ρ23 = −0.9 is impossible: the determinant is 1 − 3·0.81 − 2·0.729 < 0.
    // A·(1, −1, −1) = (1 − .9 − .9, .9 − 1 + .9, .9 + .9 − 1) = −0.8·(1, −1, −1): eigenvalue −0.8 (the others are 1.9, 1.9).
    const error = errorOf(() =>
      correlationMatrix([
        [1, 0.9, 0.9],
        [0.9, 1, -0.9],
        [0.9, -0.9, 1],
      ])
    );
    expect(error.kind).toBe("value");
    expect(error.message).toBe(
      "correlations: not positive semi-definite (smallest eigenvalue -0.8)"
    );
  });

  it("accepts a singular but PSD matrix (perfect correlation)", () => {
    expect(
      checkCorrelations([
        [1, 1],
        [1, 1],
      ]).problems
    ).toEqual([]);
  });

  it("names the argument in the thrown error", () => {
    expect(
      errorOf(() =>
        correlationMatrix(
          [
            [1, 2],
            [2, 1],
          ],
          "financing_correlations"
        )
      ).message
    ).toBe("financing_correlations: row 1, column 2: 2 is outside -1..1");
  });

  it("accepts Excel's 15-digit rounding (relative 1e-9) and makes the matrix exact", () => {
    // A matrix as a workbook computes it (an asset, a copy of it, and one at −0.312 to both): 1 − 2⁻⁵² on
    // the diagonal, pairs that differ in the 16th digit, an entry a hair beyond 1 (1 + 2⁻⁵²).
    const { matrix, problems } = checkCorrelations([
      [1 - 2 ** -52, -0.312, 1 + 2 ** -52],
      [-0.31200000000000006, 1, -0.312],
      [1, -0.3119999999999999, 1],
    ]);
    expect(problems).toEqual([]);
    expect(Array.from(matrix!.data)).toEqual([1, -0.312, 1, -0.312, 1, -0.312, 1, -0.312, 1]);
  });

  it("shows enough digits that a message never contradicts itself", () => {
    // -0.3121 vs -0.3124: 3 digits would print both as -0.312; the message needs 4.
    expect(
      describeProblem(
        checkCorrelations([
          [1, -0.3121],
          [-0.3124, 1],
        ]).problems[0]
      )
    ).toBe("row 1, column 2: -0.3121 differs from row 2, column 1 (-0.3124)");
    // 0.99999 on the diagonal is a real defect (relative 1e-5), shown as typed, not rounded to 1.
    expect(
      describeProblem(
        checkCorrelations([
          [0.99999, 0],
          [0, 1],
        ]).problems[0]
      )
    ).toBe("row 1, column 1: diagonal is 0.99999, expected 1");
    // 1.0000001 (1e-7 beyond 1) is outside -1..1, and says so with its digits.
    expect(
      describeProblem(
        checkCorrelations([
          [1, 1.0000001],
          [1.0000001, 1],
        ]).problems[0]
      )
    ).toBe("row 1, column 2: 1.0000001 is outside -1..1");
  });

  it("property: any Gram matrix of unit vectors is accepted (it is PSD by construction)", () => {
    const unitVectors = fc.array(
      fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
      { minLength: 1, maxLength: 6 }
    );
    fc.assert(
      fc.property(unitVectors, (vectors) => {
        const units = vectors.map((v) => {
          const norm = Math.hypot(...v);
          return norm < 1e-6 ? [1, 0, 0] : v.map((x) => x / norm);
        });
        const cells = units.map((a, i) =>
          units.map((b, j) => (i === j ? 1 : a[0] * b[0] + a[1] * b[1] + a[2] * b[2]))
        );
        return checkCorrelations(cells).problems.length === 0;
      })
    );
  });
});
