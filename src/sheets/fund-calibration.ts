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
 * overstates a real fund. SSO's sample includes 2006–2008, when its costs were far higher. No NAV history
 * of a 3x Treasury fund (TMF) is in ../shared/data (only Yahoo prices), so none is calibrated here.
 */
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
