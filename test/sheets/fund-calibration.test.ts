/**
 * The calibration of the daily model to real funds, recorded (issue #11): on ProShares' NAV histories
 * in ../shared/data (skipped cleanly without them), LETF.FIT with and without dates, the spread presets
 * use, and the CAGR gap of the model before (expense ratio alone) and after (calibrated spread). Expected
 * values: test/fixtures/calibration_reference.py (numpy, independent of src/core); the figures stored in
 * src/sheets/fund-calibration.ts must be these, rounded.
 */
import { cagr } from "../../src/core/cagr";
import { dayGaps, DEFAULT_DAYS } from "../../src/core/financing";
import { letfSeries } from "../../src/core/letf";
import { calibratedSpread } from "../../src/core/letf-calibration";
import { letfFit } from "../../src/core/letf-fit";
import fs from "fs";
import path from "path";
import { parseSeriesFile } from "../../src/io/series-files";
import { FUND_CALIBRATIONS, fitToFund, TMF_ASSUMPTION } from "../../src/sheets/fund-calibration";
import { hasSharedData, proSharesSample, SHARED_DATA, serialOf } from "../fixtures/shared-data";

const describeWithData = hasSharedData ? describe : describe.skip;

/** numpy's figures (calibration_reference.py), per fund. */
const reference = {
  UPRO: {
    file: "EMK6025_letf-mean-reversion/UPRO-historical_nav.csv",
    realCagr: 0.32674173924782957,
    withDates: { c: 0.03295039619477236, m: 1.3469141991661475, spread: 0.008155440146321058 },
    withoutDates: {
      c: 0.02196455824822892,
      m: 2.3466019004347656,
      te: 0.009726514987917096,
      spread: 0.00823791616971711,
    },
    before: { cagr: 0.3488987919746387, te: 0.00992820072538398 },
    after: { cagr: 0.3265146998939079, te: 0.010023948369376973 },
  },
  SSO: {
    file: "EMK6025_letf-mean-reversion/SSO-historical_nav.csv",
    realCagr: 0.13582933217490734,
    withDates: { c: 0.02867995964000568, m: 0.8585341043722516, spread: 0.017497944572188874 },
    withoutDates: {
      c: 0.020346703440819576,
      m: 1.4544468634268608,
      te: 0.015369881196797046,
      spread: 0.01760461233944049,
    },
    before: { cagr: 0.15618372126581703, te: 0.015414616470245592 },
    after: { cagr: 0.13568634101013122, te: 0.01545915301878348 },
  },
};

const annualisedTrackingError = (a: Float64Array, b: Float64Array) => {
  const d = a.map((x, t) => x - b[t]);
  const mean = d.reduce((s, x) => s + x, 0) / d.length;
  return Math.sqrt((d.reduce((s, x) => s + (x - mean) ** 2, 0) / (d.length - 1)) * 252);
};
const iso = (serial: number) => new Date((serial - 25569) * 86400000).toISOString().slice(0, 10);

describeWithData.each(Object.values(FUND_CALIBRATIONS).map((c) => [c.ticker, c] as const))(
  "calibration of %s on its ProShares NAV",
  (ticker, stored) => {
    const ref = reference[ticker];
    const { leverage, expenseRatio } = stored;
    // Read in beforeAll: a skipped describe still runs its body, and without ../shared/data it must not read.
    let fund: Float64Array, index: Float64Array, rates: Float64Array, dates: Float64Array;
    let days: Float64Array;
    beforeAll(() => {
      ({ fund, index, rates, dates } = proSharesSample(ref.file));
      days = dayGaps(dates);
    });

    it("uses the sample it records", () => {
      expect(fund.length).toBe(stored.sample.rows);
      expect(iso(dates[0])).toBe(stored.sample.first);
      expect(dates[dates.length - 1]).toBe(serialOf(2024, 12, 31));
      expect(iso(dates[dates.length - 1])).toBe(stored.sample.last);
      expect(rates.reduce((s, r) => s + r, 0) / rates.length).toBeCloseTo(
        stored.sample.meanRate,
        4
      );
    });

    it("LETF.FIT with and without dates: very different multiples, the same spread", () => {
      const withDates = letfFit(fund, index, leverage, rates, days);
      const withoutDates = letfFit(fund, index, leverage, rates, DEFAULT_DAYS);
      expect(withDates.annualCost).toBeCloseTo(ref.withDates.c, 10);
      expect(withDates.rateMultiple).toBeCloseTo(ref.withDates.m, 8);
      expect(withoutDates.annualCost).toBeCloseTo(ref.withoutDates.c, 10);
      expect(withoutDates.rateMultiple).toBeCloseTo(ref.withoutDates.m, 8);
      expect(withoutDates.trackingError).toBeCloseTo(ref.withoutDates.te, 12);
      // numpy's spread is the model's mean shortfall directly, not a conversion of the fit's c and m.
      const spread = calibratedSpread(withoutDates, leverage, expenseRatio, rates, DEFAULT_DAYS);
      expect(spread).toBeCloseTo(ref.withoutDates.spread, 12);
      expect(calibratedSpread(withDates, leverage, expenseRatio, rates, days)).toBeCloseTo(
        ref.withDates.spread,
        12
      );
      // What the module stores: the spread to 0.01%, the fits as printed in its notes.
      expect(Math.abs(stored.spread - spread)).toBeLessThanOrEqual(0.00005);
      expect(stored.fit.annualCost).toBeCloseTo(withoutDates.annualCost, 4);
      expect(stored.fit.rateMultiple).toBeCloseTo(withoutDates.rateMultiple, 2);
      expect(stored.fit.trackingError).toBeCloseTo(withoutDates.trackingError, 4);
      expect(stored.fitWithDates.annualCost).toBeCloseTo(withDates.annualCost, 3);
      expect(stored.fitWithDates.rateMultiple).toBeCloseTo(withDates.rateMultiple, 2);
    });

    it("closes the CAGR gap: about 2 points too high with the expense ratio alone, within 0.03 after", () => {
      const real = cagr(fund);
      expect(real).toBeCloseTo(ref.realCagr, 12);
      expect(real).toBeCloseTo(stored.cagr.fund, 4);
      const before = letfSeries(index, leverage, expenseRatio, rates, days, 0);
      expect(cagr(before)).toBeCloseTo(ref.before.cagr, 12);
      expect(cagr(before)).toBeCloseTo(stored.cagr.expenseRatioOnly, 4);
      expect(cagr(before) - real).toBeGreaterThan(0.019);
      expect(annualisedTrackingError(fund, before)).toBeCloseTo(ref.before.te, 12);
      const exact = letfSeries(index, leverage, expenseRatio, rates, days, ref.withoutDates.spread);
      expect(cagr(exact)).toBeCloseTo(ref.after.cagr, 12);
      expect(annualisedTrackingError(fund, exact)).toBeCloseTo(ref.after.te, 12);
      // With the stored (rounded) spread, as presets will simulate it.
      const calibrated = letfSeries(index, leverage, expenseRatio, rates, days, stored.spread);
      expect(cagr(calibrated)).toBeCloseTo(stored.cagr.calibrated, 4);
      expect(Math.abs(cagr(calibrated) - real)).toBeLessThan(0.0003);
      expect(annualisedTrackingError(fund, calibrated)).toBeCloseTo(stored.trackingError, 4);
    });
  }
);

/**
 * fitToFund, the pane's "Calibrate to a real fund", on files as the pane reads them, against numpy
 * (calibration_reference.py `pane_fit`: common return dates, the first only a start; rows after French's
 * last date left out; LETF.FIT without dates).
 */
describeWithData("fitToFund on files read as the pane reads them", () => {
  const read = (file: string, column: string) => {
    const found = parseSeriesFile(
      fs.readFileSync(path.join(SHARED_DATA, file), "utf8")
    ).series.find((s) => s.name === column);
    if (!found) throw new Error(`${file}: no column ${column}`);
    return found;
  };
  const french = () => read("kenneth_french/F-F_Research_Data_Factors_daily_1926-2024.csv", "RF");

  it("UPRO's NAV on the S&P 500 TR: close to the stored calibration, as numpy computes it", () => {
    const result = fitToFund(
      read("EMK6025_letf-mean-reversion/UPRO-historical_nav.csv", "NAV"),
      read("EMK6025_letf-mean-reversion/SPXTR-data.csv", "Price"),
      french(),
      3,
      0.0091
    );
    expect(result.fit.days).toBe(3906);
    expect([iso(result.first), iso(result.last)]).toEqual(["2009-06-25", "2024-12-31"]);
    expect(result.fit.annualCost).toBeCloseTo(0.02217975428324113, 10);
    expect(result.fit.rateMultiple).toBeCloseTo(2.3603773247910054, 8);
    expect(result.fit.trackingError).toBeCloseTo(0.009626581455761344, 12);
    expect(result.fit.rSquared).toBeCloseTo(0.9996531734029067, 12);
    expect(result.spread).toBeCloseTo(0.008419809988873926, 12);
    // The NAV column instead of NAV Change (%), and compounded gaps instead of dropped ones: within 0.03 points.
    expect(Math.abs(result.spread - FUND_CALIBRATIONS.UPRO.spread)).toBeLessThan(0.0003);
    // With dates the multiple drops (the weekend pattern of the module notes); the rows after French's end are left out.
    expect(result.fitWithDates.rateMultiple).toBeLessThan(1.5);
    expect(result.afterRate).toBeGreaterThan(80);
  });

  it("TMF on TLT (prices, the 3x Treasury preset's cross-check): the figures TMF_ASSUMPTION records", () => {
    const tlt = read("talmiller2_market_analysis/TLT.csv", "Adj Close");
    const result = fitToFund(
      read("MaxB1801_HedgeFundies/TMF_yahoo_daily.csv", "Adj Close"),
      { ...tlt, values: tlt.values.map((r) => r + 0.0015 / 252) },
      french(),
      3,
      TMF_ASSUMPTION.expenseRatio
    );
    const { crossCheck } = TMF_ASSUMPTION;
    expect(result.fit.days).toBe(crossCheck.sample.rows);
    expect([iso(result.first), iso(result.last)]).toEqual([
      crossCheck.sample.first,
      crossCheck.sample.last,
    ]);
    expect(result.fit.annualCost).toBeCloseTo(0.027375873152522157, 10);
    expect(result.fit.rateMultiple).toBeCloseTo(1.457006636610892, 8);
    expect(result.fit.trackingError).toBeCloseTo(0.039149309848244496, 12);
    expect(result.spread).toBeCloseTo(0.007702361236068738, 12);
    expect(crossCheck.spread).toBeCloseTo(result.spread, 4);
    expect(crossCheck.trackingError).toBeCloseTo(result.fit.trackingError, 3);
    // The assumption the preset uses: UPRO's calibrated spread, within 0.1 point of the cross-check.
    expect(TMF_ASSUMPTION.spread).toBe(FUND_CALIBRATIONS.UPRO.spread);
    expect(Math.abs(TMF_ASSUMPTION.spread - result.spread)).toBeLessThan(0.001);
  });
});
