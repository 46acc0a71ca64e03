import { DEFAULT_DAYS } from "../../src/core/financing";
import { letfSeries } from "../../src/core/letf";
import { calibratedSpread } from "../../src/core/letf-calibration";
import { letfFit } from "../../src/core/letf-fit";

/** 60 rows: index 0.01·sin(1.3t), rate 2% + 1.5%·cos(t/9), a weekend every fifth row. */
function rows() {
  const n = 60;
  const index = Float64Array.from({ length: n }, (_, t) => 0.01 * Math.sin(1.3 * t));
  const rates = Float64Array.from({ length: n }, (_, t) => 0.02 + 0.015 * Math.cos(t / 9));
  const days = Float64Array.from({ length: n }, (_, t) => (t % 5 === 4 ? 3 : 1));
  return { index, rates, days };
}

describe("calibratedSpread", () => {
  it("recovers the spread of a fund built by the model itself (3x, ER 0.91%, spread 0.8%)", () => {
    const { index, rates, days } = rows();
    const fund = letfSeries(index, 3, 0.0091, rates, days, 0.008);
    const fit = letfFit(fund, index, 3, rates, days);
    expect(calibratedSpread(fit, 3, 0.0091, rates, days)).toBeCloseTo(0.008, 12);
  });

  it("gives the spread matching the fund's mean shortfall whatever the fit's rate multiple", () => {
    // A fund whose cost grows faster with the rate than 2x borrowing (2.5·rate + 1%): the fit finds m = 2.5,
    // and the spread is the constant one with the same mean cost. Hand: mean shortfall over the model with
    // spread 0 is mean(0.5·rate·days/360 + (1% − 0.91%)/252), so spread = that · 360 / (2·mean(days)).
    const { index, rates, days } = rows();
    const fund = index.map((r, t) => 3 * r - 0.01 / 252 - (2.5 * rates[t] * days[t]) / 360);
    const fit = letfFit(fund, index, 3, rates, days);
    expect(fit.rateMultiple).toBeCloseTo(2.5, 10);
    const meanDays = days.reduce((s, d) => s + d, 0) / 60;
    const shortfall =
      rates.reduce((s, r, t) => s + (0.5 * r * days[t]) / 360, 0) / 60 + (0.01 - 0.0091) / 252;
    expect(calibratedSpread(fit, 3, 0.0091, rates, days)).toBeCloseTo(
      (shortfall * 360) / (2 * meanDays),
      14
    );
  });

  it("refuses a fund that does not borrow, and rows that do not match the fit", () => {
    const { index, rates, days } = rows();
    const fit = letfFit(letfSeries(index, 3, 0, rates, days, 0), index, 3, rates, days);
    expect(() => calibratedSpread(fit, 1, 0, rates, DEFAULT_DAYS)).toThrow(
      "leverage: must be above 1 for a fund to borrow"
    );
    expect(() => calibratedSpread(fit, 3, 0, rates.subarray(1), DEFAULT_DAYS)).toThrow(
      "rates: 59 items, expected 60 (one per return)"
    );
  });
});
