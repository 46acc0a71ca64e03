import { divByZero, invalid } from "./errors";
import { DEFAULT_DAYS, financingRows } from "./financing";
import { TRADING_DAYS } from "./series";

/** The daily model fitted to a real fund: fund ≈ leverage·r − c/252 − m·rate·days/360. */
export interface LetfFit {
  /** c: fixed annual cost (decimal), expenses plus whatever does not scale with the rate. */
  readonly annualCost: number;
  /** m: multiple of the rate paid; the ideal swap financing is leverage − 1. */
  readonly rateMultiple: number;
  /** Annualised tracking error: sample standard deviation (n − 1) of the residuals × √252. */
  readonly trackingError: number;
  /** Share of the variance of the fund's returns the model explains: 1 − SSres / SStot. */
  readonly rSquared: number;
  /** Rows used. */
  readonly days: number;
}

/** Fewer rows cannot separate two coefficients and leave a residual. */
const MIN_ROWS = 3;
/**
 * The two regressors are collinear when the squared cosine of their angle is this close to 1, i.e.
 * rate·days is (nearly) the same every row: det = |a|²|b|²(1 − cos²).
 */
const COLLINEAR = 1e-10;

/**
 * Calibrates the leveraged-fund model to a real fund's daily returns (DESIGN.md §4 LETF.FIT): ordinary
 * least squares without intercept of
 *   y = fund − leverage·index   on   a = 1/252 and b = rate·days/360,
 * so y ≈ β₁·a + β₂·b with c = −β₁ and m = −β₂. The 2×2 normal equations
 *   [Σa² Σab; Σab Σb²]·β = [Σay; Σby]
 * are solved by Cramer's rule. Rows with a missing value must be dropped by the caller.
 * @param rates annual rates, one per row or one number (then days must vary, or c and m are inseparable)
 * @param days calendar days per row (see dayGaps), one per row or one number (default 365/252)
 * @throws #VALUE! when rate·days does not vary enough to separate m from c
 * @example letfFit(upro, spxtr, 3, rates, dayGaps(dates)) // UPRO NAV 2009–2024 on S&P 500 TR and French RF·252:
 *   // { annualCost: 0.0330, rateMultiple: 1.347, trackingError: 0.0099, rSquared: 0.99963, days: 3907 }
 */
export function letfFit(
  fundReturns: Float64Array,
  indexReturns: Float64Array,
  leverage: number,
  rates: Float64Array | number,
  days: Float64Array | number = DEFAULT_DAYS
): LetfFit {
  const n = fundReturns.length;
  if (n < MIN_ROWS) throw invalid("fund_returns", `${n} rows, need at least ${MIN_ROWS}`);
  if (indexReturns.length !== n)
    throw invalid(
      "index_returns",
      `${indexReturns.length} items, expected ${n} (one per fund return)`
    );
  const { rateRows, rateAll, dayRows, daysAll } = financingRows(rates, days, n);

  const a = 1 / TRADING_DAYS; // the fixed-cost regressor is the same every row
  const financingRegressor = (t: number) =>
    ((rateRows === null ? rateAll : rateRows[t]) * (dayRows === null ? daysAll : dayRows[t])) / 360;
  let sumAA = 0;
  let sumAB = 0;
  let sumBB = 0;
  let sumAY = 0;
  let sumBY = 0;
  let sumFund = 0;
  let lowestFund = fundReturns[0];
  let highestFund = fundReturns[0];
  for (let t = 0; t < n; t++) {
    const b = financingRegressor(t);
    const y = fundReturns[t] - leverage * indexReturns[t];
    sumAA += a * a;
    sumAB += a * b;
    sumBB += b * b;
    sumAY += a * y;
    sumBY += b * y;
    sumFund += fundReturns[t];
    lowestFund = Math.min(lowestFund, fundReturns[t]);
    highestFund = Math.max(highestFund, fundReturns[t]);
  }
  // Constant fund returns leave R² undefined (SStot = 0); tested exactly, as rounding in the mean would hide it.
  if (lowestFund === highestFund) throw divByZero("fund returns are constant");
  if (sumBB === 0)
    throw invalid("rates", "all zero: cannot separate the rate multiple from the fixed cost");
  const det = sumAA * sumBB - sumAB * sumAB;
  if (det <= COLLINEAR * sumAA * sumBB)
    throw invalid("rates", "constant: cannot separate the rate multiple from the fixed cost");
  const betaFixed = (sumAY * sumBB - sumAB * sumBY) / det;
  const betaRate = (sumAA * sumBY - sumAB * sumAY) / det;

  // Residuals of the fund itself: fund − (leverage·r + β₁·a + β₂·b) = y − β₁·a − β₂·b.
  const meanFund = sumFund / n;
  let sumResidual = 0;
  let ssResidual = 0;
  let ssTotal = 0;
  for (let t = 0; t < n; t++) {
    const b = financingRegressor(t);
    const residual = fundReturns[t] - leverage * indexReturns[t] - betaFixed * a - betaRate * b;
    const deviation = fundReturns[t] - meanFund;
    sumResidual += residual;
    ssResidual += residual * residual;
    ssTotal += deviation * deviation;
  }
  // Sample variance of the residuals about their own mean (np.std(e, ddof=1)): (Σe² − (Σe)²/n) / (n − 1).
  // The constant regressor a acts as an intercept, so Σe = 0 up to rounding and this is Σe²/(n − 1).
  const residualVariance = Math.max(ssResidual - (sumResidual * sumResidual) / n, 0) / (n - 1);
  return {
    annualCost: -betaFixed,
    rateMultiple: -betaRate,
    trackingError: Math.sqrt(residualVariance * TRADING_DAYS),
    rSquared: 1 - ssResidual / ssTotal,
    days: n,
  };
}
