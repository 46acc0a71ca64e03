import { invalid } from "./errors";
import { financingRows } from "./financing";
import { LetfFit } from "./letf-fit";
import { TRADING_DAYS } from "./series";

/**
 * The swap spread that turns a {@link LetfFit} into the parameters of the simulation model (LETF.SERIES:
 * X·r − ER/252 − (X − 1)·(rate + spread)·days/360, the leverage − 1 borrowed at the rate plus a constant
 * spread), so that the model charges on average what the real fund lost over the fit's rows.
 *
 * The fit's constant regressor 1/252 acts as an intercept, so its residuals sum to zero and its fitted
 * cost reproduces the fund's mean daily shortfall exactly: mean(fund − X·r) = −c/252 − m·mean(rate·days)/360.
 * Equating the model's mean cost ER/252 + (X − 1)·(mean(rate·days) + spread·mean(days))/360 gives
 *   spread = ((c − ER)·360/252 + (m − (X − 1))·mean(rate·days)) / ((X − 1)·mean(days)).
 * The result depends on the fit only through that mean, so fits with and without dates (whose c and m
 * differ widely) give nearly the same spread; it is the average over the sample's rates, not a
 * sensitivity to them.
 * @param rates, days the rows of the fit (as passed to letfFit)
 * @example calibratedSpread({ annualCost: 0.0220, rateMultiple: 2.347, ... }, 3, 0.0091, rates, 365 / 252)
 *   // UPRO 2009–2024 (mean rate 1.09%): 0.0082
 */
export function calibratedSpread(
  fit: LetfFit,
  leverage: number,
  expenseRatio: number,
  rates: Float64Array | number,
  days: Float64Array | number
): number {
  const borrowed = leverage - 1;
  if (!(borrowed > 0)) throw invalid("leverage", "must be above 1 for a fund to borrow");
  const n = fit.days;
  const { rateRows, rateAll, dayRows, daysAll } = financingRows(rates, days, n);
  let sumRateDays = 0;
  let sumDays = 0;
  for (let t = 0; t < n; t++) {
    const accrued = dayRows === null ? daysAll : dayRows[t];
    sumRateDays += (rateRows === null ? rateAll : rateRows[t]) * accrued;
    sumDays += accrued;
  }
  const meanRateDays = sumRateDays / n;
  const meanDays = sumDays / n;
  return (
    ((fit.annualCost - expenseRatio) * (360 / TRADING_DAYS) +
      (fit.rateMultiple - borrowed) * meanRateDays) /
    (borrowed * meanDays)
  );
}
