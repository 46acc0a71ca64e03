/**
 * The daily leveraged-fund model calibrated to real funds (issue #11; DESIGN.md §9 "calibration facts"):
 * the figures backtest presets use instead of a zero spread. One place, so a preset, a sheet note and the
 * pane say the same thing. Recomputed, with the sample and the result, by
 * test/sheets/fund-calibration.test.ts (skipped without ../shared/data) against
 * test/fixtures/calibration_reference.py (numpy).
 *
 * Source and sample: ProShares' own daily NAV history ("NAV Change (%)", ../shared/data
 * EMK6025_letf-mean-reversion/*-historical_nav.csv) on the S&P 500 total return (Yahoo ^SP500TR, the same
 * folder), with Kenneth French's daily RF × 252 (the 1-month T-bill) as the borrowing rate; the rows where
 * the fund and the index both have a return over the same two trading days, from the fund's first NAV
 * return to 2024-12-31 (where French's file ends).
 *
 * The model presets simulate (LETF.SERIES with dates, as the backtest sheet calls it):
 *   X·r − ER/252 − (X − 1)·(rate + spread)·days/360,
 * the published expense ratio ER and the leverage − 1 borrowed at the rate plus a constant spread, which
 * is the figure calibrated here (src/core/letf-calibration.ts `calibratedSpread`: the spread that gives the model the fund's mean
 * daily return). With it the model's CAGR is within 0.03 points of the real fund's, where the expense
 * ratio alone overstates it by about 2.2 (UPRO) and 2.0 (SSO) points a year.
 *
 * Why LETF.FIT's rate multiple depends on the dates (UPRO: 1.35 with dates, 2.35 without), and which the
 * presets use. With dates the rate regressor rate·days/360 varies for two reasons: the rate level over the
 * years and the calendar days of each row (3 on a Monday, 1 on other days; a third of its variance). The
 * NAV does not lose more on the day after a weekend: split into a part per row and a part per extra
 * calendar day, the fit gives 3.66 ± 0.23 × rate/360 per row and −0.57 ± 0.20 per extra day, i.e. the
 * fund's costs accrue per NAV day, not per calendar day; the model's ACT/360 charge over-charges Mondays
 * (the shortfall after a 3-day gap is +0.9 bp against −1.0 bp after 1 day). A single multiple fitted with
 * dates must fit both patterns and is pulled down towards the ~0 weekend one (1.35), the fixed cost up to
 * compensate (3.30% instead of 2.20%). Without dates (365/252 days per row) the multiple is identified by
 * the rate level alone: 2.35, i.e. the fund's shortfall rose with rates faster than the 2 × rate of its
 * borrowing. Both fits reproduce the fund's mean daily shortfall exactly (1/252 acts as an intercept), so
 * the spread derived from either differs by under 0.01 point (0.816% vs 0.824% for UPRO). The presets use
 * the fit without dates (its multiple is the economically meaningful one) and simulate with dates; over a
 * year the ACT/360 charge totals rate·365/360 either way.
 *
 * Caveat: the spread is an average over a sample whose rates averaged 1.1% (UPRO) and 1.4% (SSO). It
 * rose with rates — UPRO's was 0.56% in 2009–2015 (rates 0.04%), 0.79% in 2016–2019 (1.24%), 0.76% in
 * 2020–2021 (0.20%) and 1.43% in 2022–2024 (3.79%) — so a backtest over decades of 5% rates likely still
 * overstates a real fund. SSO's sample includes 2006–2008, when its costs were far higher.
 *
 * A 3x long-Treasury fund (TMF): no NAV history of one is in ../shared/data, only Yahoo prices, so none
 * is calibrated. Its preset assumes UPRO's spread, 0.82% (the same 3x daily-reset swap structure, from
 * the NAV calibration); a cross-check on prices agrees within the prices' noise: TMF's Yahoo Adj Close on
 * TLT's (the same 20+ year Treasury index, with TLT's 0.15% expense ratio added back), fitted as the pane
 * does ({@link fitToFund}), gives 0.77% over 2009-04-20 … 2020-12-18, with a tracking error of 3.9% a year
 * because closing prices are not NAVs (their premium or discount at the sample's ends moves the figure by
 * several hundredths: starting a day later gives 0.83%). Recorded in {@link TMF_ASSUMPTION}.
 *
 * {@link fitToFund} is the same calibration for any fund the user has (the pane's "Calibrate to a real
 * fund"): the fit without dates, the spread from it, and the fit with dates for comparison.
 */
import { DEFAULT_DAYS, dayGaps } from "../core/financing";
import { calibratedSpread } from "../core/letf-calibration";
import { letfFit, type LetfFit } from "../core/letf-fit";
import { alignSeries } from "../io/series-align";
import type { DatedSeries } from "../io/series-files";

/** One fund's calibration: what presets use, and what it was measured on. */
export interface FundCalibration {
  readonly ticker: string;
  readonly description: string;
  readonly leverage: number;
  /** Published expense ratio (DESIGN.md §9), charged as ER/252 per trading day. */
  readonly expenseRatio: number;
  /** Calibrated annual spread over the rate on the borrowed part (the leverage − 1), rounded to 0.01%. */
  readonly spread: number;
  readonly sample: {
    /** First and last row, yyyy-mm-dd. */
    readonly first: string;
    readonly last: string;
    readonly rows: number;
    /** Mean annual rate over the rows (French RF × 252). */
    readonly meanRate: number;
  };
  /** LETF.FIT without dates (the one presets use): fixed annual cost, rate multiple, tracking error. */
  readonly fit: {
    readonly annualCost: number;
    readonly rateMultiple: number;
    readonly trackingError: number;
  };
  /** LETF.FIT with dates, for the record (see the module notes for why it differs). */
  readonly fitWithDates: { readonly annualCost: number; readonly rateMultiple: number };
  /** CAGRs over the sample: the real NAV, the model with the expense ratio alone, the calibrated model. */
  readonly cagr: {
    readonly fund: number;
    readonly expenseRatioOnly: number;
    readonly calibrated: number;
  };
  /** Annualised tracking error of the calibrated model against the real daily returns. */
  readonly trackingError: number;
}

export const FUND_CALIBRATIONS = {
  UPRO: {
    ticker: "UPRO",
    description: "ProShares UltraPro S&P500 (3x daily)",
    leverage: 3,
    expenseRatio: 0.0091,
    spread: 0.0082,
    sample: { first: "2009-06-24", last: "2024-12-31", rows: 3907, meanRate: 0.0109 },
    fit: { annualCost: 0.022, rateMultiple: 2.35, trackingError: 0.0097 },
    fitWithDates: { annualCost: 0.033, rateMultiple: 1.35 },
    cagr: { fund: 0.3267, expenseRatioOnly: 0.3489, calibrated: 0.3266 },
    trackingError: 0.01,
  },
  SSO: {
    ticker: "SSO",
    description: "ProShares Ultra S&P500 (2x daily)",
    leverage: 2,
    expenseRatio: 0.0089,
    spread: 0.0176,
    sample: { first: "2006-06-20", last: "2024-12-31", rows: 4665, meanRate: 0.0139 },
    fit: { annualCost: 0.0203, rateMultiple: 1.45, trackingError: 0.0154 },
    fitWithDates: { annualCost: 0.0287, rateMultiple: 0.86 },
    cagr: { fund: 0.1358, expenseRatioOnly: 0.1562, calibrated: 0.1357 },
    trackingError: 0.0155,
  },
} as const satisfies Record<string, FundCalibration>;

/** Where the figures come from, in a sentence a sheet note or the pane can show. */
export const CALIBRATION_SOURCE =
  "Spreads calibrated with LETF.FIT on ProShares' daily NAVs (UPRO 2009–2024, SSO 2006–2024) against " +
  "the S&P 500 total return, T-bill (Kenneth French RF) financing; the model's CAGR then matches the " +
  "fund's within 0.03 points a year, against about 2 points too high with the expense ratio alone.";

/**
 * The 3x long-Treasury preset's spread: an assumption (UPRO's calibrated spread), with the cross-check
 * on Yahoo prices that supports it (see the module notes; test/sheets/fund-calibration.test.ts).
 */
export const TMF_ASSUMPTION = {
  ticker: "TMF",
  description: "Direxion Daily 20+ Year Treasury Bull 3X",
  leverage: 3,
  expenseRatio: 0.0091,
  spread: FUND_CALIBRATIONS.UPRO.spread,
  crossCheck: {
    fund: "TMF (Yahoo Adj Close)",
    index: "TLT (Yahoo Adj Close) + its 0.15% expense ratio",
    sample: { first: "2009-04-20", last: "2020-12-18", rows: 2940 },
    spread: 0.0077,
    trackingError: 0.039,
  },
} as const;

/** A fund's own calibration: the fit presets use (without dates), the spread from it, and the rows. */
export interface FundFit {
  /** LETF.FIT without dates (365/252 days a row): the one the spread comes from. */
  readonly fit: LetfFit;
  /** LETF.FIT with the rows' calendar days, for comparison (its rate multiple is pulled down by weekends). */
  readonly fitWithDates: LetfFit;
  /** The spread over the rate that gives the model, with this expense ratio, the fund's mean return. */
  readonly spread: number;
  /** First and last rows used (Excel serials). */
  readonly first: number;
  readonly last: number;
  /** Mean annual rate over the rows. */
  readonly meanRate: number;
  /** Rows left out because they come after the rate series' last observation. */
  readonly afterRate: number;
}

/**
 * Calibrates the daily model to a real fund as the presets were (module notes): the fund's and the
 * index's returns on their common dates (alignSeries: compounded over a date one lacks; the rate carried
 * to each row), leaving out the rows after the rate's last observation (the rate is unknown there), then
 * LETF.FIT without dates and the spread for `expenseRatio`.
 * @throws StackError (#VALUE!) when the series share no period, there are too few rows, the rate does not
 *   vary, or the leverage is not above 1
 * @example fitToFund(uproNav, spxtr, frenchRf, 3, 0.0091)
 *   // 3,906 rows 2009-06-25 … 2024-12-31: c 2.22%, m 2.36, TE 0.96%, spread 0.84%
 */
export function fitToFund(
  fund: DatedSeries,
  index: DatedSeries,
  rate: DatedSeries,
  leverage: number,
  expenseRatio: number
): FundFit {
  const aligned = alignSeries([fund, index, rate]);
  const lastRate = rate.dates[rate.dates.length - 1];
  let rows = aligned.dates.length;
  while (rows > 0 && aligned.dates[rows - 1] > lastRate) rows--;
  const [fundReturns, indexReturns, rates] = aligned.values.map((v) => v.subarray(0, rows));
  const dates = aligned.dates.subarray(0, rows);
  const fit = letfFit(fundReturns, indexReturns, leverage, rates, DEFAULT_DAYS);
  return {
    fit,
    fitWithDates: letfFit(fundReturns, indexReturns, leverage, rates, dayGaps(dates)),
    spread: calibratedSpread(fit, leverage, expenseRatio, rates, DEFAULT_DAYS),
    first: dates[0],
    last: dates[rows - 1],
    meanRate: rates.reduce((sum, r) => sum + r, 0) / rows,
    afterRate: aligned.dates.length - rows,
  };
}
