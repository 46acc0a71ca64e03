import fc from "fast-check";
import {
  choleskySolve,
  quadraticForm,
  squareMatrix,
  symmetricEigenvalues,
} from "../../src/core/matrix";

describe("quadraticForm", () => {
  it("computes xᵀAy by hand: [1 2]·[[2,1],[1,3]]·[3 4]ᵀ = 1·(6+4) + 2·(3+12) = 40", () => {
    expect(quadraticForm(squareMatrix(2, Float64Array.of(2, 1, 1, 3)), [1, 2], [3, 4])).toBe(40);
  });
});

describe("symmetricEigenvalues", () => {
  it("finds 1 and 3 for [[2,1],[1,2]] (characteristic polynomial (2−λ)² − 1)", () => {
    const values = symmetricEigenvalues(squareMatrix(2, Float64Array.of(2, 1, 1, 2)));
    expect(values[0]).toBeCloseTo(1, 14);
    expect(values[1]).toBeCloseTo(3, 14);
  });

  it("finds the eigenvalues of the 3×3 equicorrelation matrix: eigenvalues 1 + 2ρ and 1 − ρ (twice)", () => {
    const r = 0.3;
    const values = symmetricEigenvalues(
      squareMatrix(3, Float64Array.of(1, r, r, r, 1, r, r, r, 1))
    );
    expect(values[0]).toBeCloseTo(1 - r, 13);
    expect(values[1]).toBeCloseTo(1 - r, 13);
    expect(values[2]).toBeCloseTo(1 + 2 * r, 13);
  });

  it("finds a negative eigenvalue 1 − 1.5 = −0.5 for [[1, 1.5], [1.5, 1]]", () => {
    expect(symmetricEigenvalues(squareMatrix(2, Float64Array.of(1, 1.5, 1.5, 1)))[0]).toBeCloseTo(
      -0.5,
      14
    );
  });
});

describe("choleskySolve", () => {
  it("solves [[4,2],[2,3]]·x = [2,1] by hand: x = (2 − 2y)/4 and 2x + 3y = 1 give y = 0, x = 0.5", () => {
    const x = new Float64Array(2);
    const ok = choleskySolve(
      squareMatrix(2, Float64Array.of(4, 2, 2, 3)),
      [2, 1],
      new Float64Array(4),
      x
    );
    expect(ok).toBe(true);
    expect(x[0]).toBeCloseTo(0.5, 15);
    expect(x[1]).toBeCloseTo(0, 15);
  });

  it("says when the matrix is not positive definite: [[1,2],[2,1]] has eigenvalues 3 and −1", () => {
    const a = squareMatrix(2, Float64Array.of(1, 2, 2, 1));
    expect(choleskySolve(a, [1, 1], new Float64Array(4), new Float64Array(2))).toBe(false);
  });

  it("property: A·x reproduces b for A = BᵀB + I (positive definite)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) =>
          fc.tuple(
            fc.array(fc.double({ min: -2, max: 2, noNaN: true }), {
              minLength: n * n,
              maxLength: n * n,
            }),
            fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n, maxLength: n })
          )
        ),
        ([bEntries, rhs]) => {
          const n = rhs.length;
          const a = new Float64Array(n * n);
          for (let i = 0; i < n; i++)
            for (let j = 0; j < n; j++) {
              let total = i === j ? 1 : 0;
              for (let k = 0; k < n; k++) total += bEntries[k * n + i] * bEntries[k * n + j];
              a[i * n + j] = total;
            }
          const x = new Float64Array(n);
          expect(choleskySolve(squareMatrix(n, a), rhs, new Float64Array(n * n), x)).toBe(true);
          for (let i = 0; i < n; i++) {
            let row = 0;
            for (let j = 0; j < n; j++) row += a[i * n + j] * x[j];
            expect(Math.abs(row - rhs[i])).toBeLessThan(1e-9 * (1 + Math.abs(rhs[i])));
          }
        }
      )
    );
  });
});
