import fc from "fast-check";
import { choleskyInPlace, choleskySolveInPlace } from "../../src/core/cholesky";

describe("choleskyInPlace and choleskySolveInPlace", () => {
  it("factors [[4, 2], [2, 5]] into L = [[2, 0], [1, 2]] and solves 4x + 2y = 2, 2x + 5y = 1 → (0.5, 0) by hand", () => {
    const a = Float64Array.of(4, 2, 2, 5);
    expect(choleskyInPlace(a, 2)).toBe(true);
    expect([a[0], a[2], a[3]]).toEqual([2, 1, 2]);
    expect(Array.from(choleskySolveInPlace(a, 2, Float64Array.of(2, 1)))).toEqual([0.5, 0]);
  });

  it("reports a matrix that is not positive definite: [[1, 2], [2, 1]] (eigenvalues 3 and −1), and a zero pivot", () => {
    expect(choleskyInPlace(Float64Array.of(1, 2, 2, 1), 2)).toBe(false);
    expect(choleskyInPlace(Float64Array.of(1, 1, 1, 1), 2)).toBe(false);
    expect(choleskyInPlace(Float64Array.of(-1), 1)).toBe(false);
  });

  it("property: for A = MᵀM + I, L·Lᵀ = A and A·x = b", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(fc.double({ min: -3, max: 3, noNaN: true }), {
              minLength: n * n,
              maxLength: n * n,
            }),
            fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n, maxLength: n })
          )
        ),
        ([n, m, b]) => {
          const a = new Float64Array(n * n);
          for (let i = 0; i < n; i++)
            for (let j = 0; j < n; j++) {
              let s = i === j ? 1 : 0;
              for (let k = 0; k < n; k++) s += m[k * n + i] * m[k * n + j];
              a[i * n + j] = s;
            }
          const l = Float64Array.from(a);
          expect(choleskyInPlace(l, n)).toBe(true);
          for (let i = 0; i < n; i++)
            for (let j = 0; j <= i; j++) {
              let s = 0;
              for (let k = 0; k <= j; k++) s += l[i * n + k] * l[j * n + k];
              expect(s).toBeCloseTo(a[i * n + j], 8);
            }
          const x = choleskySolveInPlace(l, n, Float64Array.from(b));
          for (let i = 0; i < n; i++) {
            let s = 0;
            for (let j = 0; j < n; j++) s += a[i * n + j] * x[j];
            expect(s).toBeCloseTo(b[i], 7);
          }
        }
      ),
      { numRuns: 200 }
    );
  });
});
