/**
 * Dense square matrices stored row-major in a Float64Array: element (i, j) of an n×n matrix is
 * `data[i * n + j]`. Small on purpose: the core only needs quadratic forms and symmetric eigenvalues.
 */
export interface SquareMatrix {
  readonly n: number;
  readonly data: Float64Array;
}

export function squareMatrix(
  n: number,
  data: Float64Array = new Float64Array(n * n)
): SquareMatrix {
  return { n, data };
}

/**
 * Quadratic form xᵀ A y.
 * @example quadraticForm(identity(2), [1, 2], [3, 4]) // 11
 */
export function quadraticForm(
  a: SquareMatrix,
  x: ArrayLike<number>,
  y: ArrayLike<number> = x
): number {
  const { n, data } = a;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let j = 0; j < n; j++) row += data[i * n + j] * y[j];
    total += x[i] * row;
  }
  return total;
}

/**
 * Eigenvalues of a symmetric matrix by the cyclic Jacobi method (Golub & Van Loan §8.5): rotations
 * zero the off-diagonal entries one pair at a time until their norm is negligible. O(n³) per sweep,
 * typically under 10 sweeps; exact enough to tell a PSD matrix from a non-PSD one.
 * @returns the eigenvalues in ascending order
 * @example symmetricEigenvalues(squareMatrix(2, Float64Array.of(2, 1, 1, 2))) // [1, 3]
 */
export function symmetricEigenvalues(m: SquareMatrix): Float64Array {
  const n = m.n;
  const a = Float64Array.from(m.data);
  const maxSweeps = 100;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let offDiagonal = 0;
    let diagonal = 0;
    for (let i = 0; i < n; i++) {
      diagonal += a[i * n + i] * a[i * n + i];
      for (let j = i + 1; j < n; j++) offDiagonal += a[i * n + j] * a[i * n + j];
    }
    if (offDiagonal <= 1e-30 * diagonal || offDiagonal === 0) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        const app = a[p * n + p];
        const aqq = a[q * n + q];
        // Rotation angle that zeroes a[p][q]: t = tan θ, the smaller root of t² + 2τt − 1 = 0.
        const tau = (aqq - app) / (2 * apq);
        const t = Math.sign(tau || 1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = a[i * n + i];
  return values.sort();
}

/**
 * Solves A·x = b for a symmetric positive-definite A by Cholesky factorisation A = L·Lᵀ (Golub & Van
 * Loan §4.2), then forward and back substitution. O(n³/3). `work` (n×n) receives L; `x` the solution.
 * @returns false when A is not numerically positive definite (a pivot ≤ 0), leaving x undefined
 * @example choleskySolve(squareMatrix(2, Float64Array.of(4, 2, 2, 3)), [2, 1], work, x) // x = [0.5, 0]
 */
export function choleskySolve(
  a: SquareMatrix,
  b: ArrayLike<number>,
  work: Float64Array,
  x: Float64Array
): boolean {
  const { n, data } = a;
  const l = work;
  for (let j = 0; j < n; j++) {
    // Lⱼⱼ = √(Aⱼⱼ − Σₖ Lⱼₖ²); Lᵢⱼ = (Aᵢⱼ − Σₖ Lᵢₖ·Lⱼₖ) / Lⱼⱼ below it.
    let pivot = data[j * n + j];
    for (let k = 0; k < j; k++) pivot -= l[j * n + k] * l[j * n + k];
    if (!(pivot > 0)) return false;
    const diagonal = Math.sqrt(pivot);
    l[j * n + j] = diagonal;
    for (let i = j + 1; i < n; i++) {
      let entry = data[i * n + j];
      for (let k = 0; k < j; k++) entry -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = entry / diagonal;
    }
  }
  // L·z = b, then Lᵀ·x = z (z kept in x).
  for (let i = 0; i < n; i++) {
    let total = b[i];
    for (let k = 0; k < i; k++) total -= l[i * n + k] * x[k];
    x[i] = total / l[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let total = x[i];
    for (let k = i + 1; k < n; k++) total -= l[k * n + i] * x[k];
    x[i] = total / l[i * n + i];
  }
  return true;
}
