import { correlationMatrix } from "./correlation-matrix";
import { invalid } from "./errors";
import { SquareMatrix, squareMatrix } from "./matrix";

/**
 * A portfolio in the CMA sense: weights on assets described by their volatilities and correlations.
 * Stacked portfolios (Σw > 1) are financed by borrowing; the financing is either an explicit asset
 * with a negative weight (a cash column at −1) or, with {@link Financing}, an implicit extra asset
 * of weight 1 − Σw appended as the last asset. Both forms give the same numbers.
 */
export interface Portfolio {
  readonly weights: Float64Array;
  readonly vols: Float64Array;
  readonly correlations: SquareMatrix;
}

/** The implicit financing asset: its volatility and its correlation with each asset. */
export interface Financing {
  readonly vol: number;
  readonly correlations: Float64Array;
}

export function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

/** Throws unless `values` has `expected` items; `what` says what each item is for. */
export function requireLength(
  argument: string,
  values: ArrayLike<unknown>,
  expected: number,
  what: string
): void {
  if (values.length !== expected)
    throw invalid(argument, `${values.length} items, expected ${expected} (${what})`);
}

export function requireNonNegative(argument: string, values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) {
    if (values[i] < 0) throw invalid(argument, `item ${i + 1} is negative`);
  }
}

/**
 * Assemble and check a portfolio; with `financing`, append the implicit financing asset.
 * @example portfolio([1, 1], [0.15, 0.06], corr, { vol: 0.01, correlations: [-0.05, 0.1] }).weights // [1, 1, -1]
 */
export function portfolio(
  weights: Float64Array,
  vols: Float64Array,
  correlations: SquareMatrix,
  financing?: Financing
): Portfolio {
  const n = weights.length;
  requireLength("vols", vols, n, "one per weight");
  if (correlations.n !== n)
    throw invalid(
      "correlations",
      `${correlations.n}×${correlations.n}, expected ${n}×${n} (one row per weight)`
    );
  requireNonNegative("vols", vols);
  if (!financing) return { weights, vols, correlations };

  if (financing.vol < 0) throw invalid("financing_vol", "negative");
  requireLength("financing_correlations", financing.correlations, n, "one per asset");
  const m = n + 1;
  const cells: number[][] = [];
  for (let i = 0; i < m; i++) {
    const row: number[] = [];
    for (let j = 0; j < m; j++) {
      if (i < n && j < n) row.push(correlations.data[i * n + j]);
      else if (i === j) row.push(1);
      else row.push(financing.correlations[i < n ? i : j]);
    }
    cells.push(row);
  }
  const allWeights = new Float64Array(m);
  allWeights.set(weights);
  allWeights[n] = 1 - sum(weights);
  const allVols = new Float64Array(m);
  allVols.set(vols);
  allVols[n] = financing.vol;
  return {
    weights: allWeights,
    vols: allVols,
    correlations: correlationMatrix(cells, "financing_correlations"),
  };
}

/** The covariance matrix Σ = D·R·D with D = diag(vols). */
export function covarianceMatrix(vols: Float64Array, correlations: SquareMatrix): SquareMatrix {
  const n = vols.length;
  requireLength("vols", vols, correlations.n, "one per row of correlations");
  requireNonNegative("vols", vols);
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) data[i * n + j] = vols[i] * correlations.data[i * n + j] * vols[j];
  }
  return squareMatrix(n, data);
}
