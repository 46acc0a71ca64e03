import { divByZero } from "./errors";
import { mean, sampleStd } from "./moments";
import { requirePaired, sampleCovariance } from "./paired-moments";
import { excessReturns, TRADING_DAYS } from "./series";

/** Returns and benchmark in excess of the risk-free return (a number: annual rate / ppy; an array: per period). */
function excessPair(
  returns: Float64Array,
  benchmark: Float64Array,
  riskFree: Float64Array | number,
  ppy: number
): { r: Float64Array; b: Float64Array } {
  requirePaired(returns, benchmark);
  return {
    r: excessReturns(returns, riskFree, ppy, "risk_free"),
    b: excessReturns(benchmark, riskFree, ppy, "risk_free"),
  };
}

function betaOf(r: Float64Array, b: Float64Array): number {
  const covariance = sampleCovariance(r, b);
  const spread = sampleStd(b); // exactly 0 for a constant benchmark
  if (spread === 0) throw divByZero("benchmark has no volatility");
  return covariance / (spread * spread);
}

/**
 * OLS beta of the excess returns on the benchmark's: cov(rₑ, bₑ) / var(bₑ), both sample (empyrical's
 * beta, PerformanceAnalytics' CAPM.beta). A constant risk-free rate does not change it.
 * @throws #DIV/0! when the benchmark is constant or there is one period
 * @example beta([0.02, 0.04, 0.0], [0.01, 0.02, 0.0]) // cov 0.0002 / var 0.0001 = 2
 */
export function beta(
  returns: Float64Array,
  benchmark: Float64Array,
  riskFree: Float64Array | number = 0,
  ppy = TRADING_DAYS
): number {
  const { r, b } = excessPair(returns, benchmark, riskFree, ppy);
  return betaOf(r, b);
}

/**
 * Annualised alpha (empyrical's alpha): (1 + mean(rₑ − β·bₑ))^ppy − 1 on excess returns (−1 when the
 * mean is −100% or worse).
 * @example alpha([0.02, 0.04, 0.0], [0.01, 0.02, 0.0], 0, 252) // β = 2, every rₑ − 2bₑ = 0 → 0
 */
export function alpha(
  returns: Float64Array,
  benchmark: Float64Array,
  riskFree: Float64Array | number = 0,
  ppy = TRADING_DAYS
): number {
  const { r, b } = excessPair(returns, benchmark, riskFree, ppy);
  const slope = betaOf(r, b);
  const residual = new Float64Array(r.length);
  for (let t = 0; t < r.length; t++) residual[t] = r[t] - slope * b[t];
  const perPeriod = mean(residual);
  // (1 + a)^ppy − 1 as expm1(ppy·log1p(a)), which keeps the digits of a small alpha; a mean residual of
  // −100% or worse loses everything every period: −100%.
  return perPeriod <= -1 ? -1 : Math.expm1(ppy * Math.log1p(perPeriod));
}
