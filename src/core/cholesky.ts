/**
 * Cholesky factorisation of a symmetric positive definite matrix, A = L·Lᵀ with L lower triangular
 * (Golub & Van Loan, Algorithm 4.2.1), and the triangular solves that use it. Dense, row-major, in place
 * in a Float64Array; for the small systems of the optimiser (up to a few hundred unknowns).
 */

/**
 * Factor the n×n matrix `a` (row-major; only its lower triangle is read) into L, written over the lower
 * triangle of `a` (the strict upper triangle is left as it was).
 * @param relativeTolerance a pivot must exceed this fraction of its diagonal entry: the part of row j
 *   independent of the rows before it (0 accepts any positive pivot)
 * @returns false, leaving `a` partly overwritten, when a pivot is not above the tolerance: `a` is not
 *   positive definite (or, with a tolerance, nearly singular)
 * @example choleskyInPlace(Float64Array.of(4, 2, 2, 5), 2) // true, L = [[2, 0], [1, 2]]
 */
export function choleskyInPlace(a: Float64Array, n: number, relativeTolerance = 0): boolean {
  for (let j = 0; j < n; j++) {
    // Lⱼⱼ² = Aⱼⱼ − Σₖ<ⱼ Lⱼₖ²
    let pivot = a[j * n + j];
    for (let k = 0; k < j; k++) pivot -= a[j * n + k] * a[j * n + k];
    if (!(pivot > relativeTolerance * a[j * n + j])) return false;
    const ljj = Math.sqrt(pivot);
    a[j * n + j] = ljj;
    // Lᵢⱼ = (Aᵢⱼ − Σₖ<ⱼ Lᵢₖ·Lⱼₖ) / Lⱼⱼ
    for (let i = j + 1; i < n; i++) {
      let sum = a[i * n + j];
      for (let k = 0; k < j; k++) sum -= a[i * n + k] * a[j * n + k];
      a[i * n + j] = sum / ljj;
    }
  }
  return true;
}

/**
 * Solve (L·Lᵀ)·x = b in place in `b`, with L from {@link choleskyInPlace}: forward substitution L·y = b,
 * then back substitution Lᵀ·x = y.
 * @example choleskySolveInPlace(Float64Array.of(2, 0, 1, 2), 2, Float64Array.of(2, 1)) // [0.5, 0]: 4x + 2y = 2, 2x + 5y = 1
 */
export function choleskySolveInPlace(l: Float64Array, n: number, b: Float64Array): Float64Array {
  for (let i = 0; i < n; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= l[i * n + k] * b[k];
    b[i] = sum / l[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let sum = b[i];
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i] * b[k];
    b[i] = sum / l[i * n + i];
  }
  return b;
}
