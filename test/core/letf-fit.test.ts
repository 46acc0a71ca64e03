import { letfFit } from "../../src/core/letf-fit";

/**
 * Synthetic history, built with the same formulas as test/fixtures/series_reference.py:
 * index = 0.01·sin(1.3t) + 0.0005, rate = 0.02 + 0.015·cos(t/9), 3 calendar days every fifth row,
 * fund = 3·index − 0.0095/252 − 2.3·rate·days/360 + noise, noise = 0.0002·sin(2.7t + 0.5), t = 0…59.
 */
function synthetic(noiseScale: number) {
  const n = 60;
  const index = new Float64Array(n);
  const rates = new Float64Array(n);
  const days = new Float64Array(n);
  const fund = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    index[t] = 0.01 * Math.sin(t * 1.3) + 0.0005;
    rates[t] = 0.02 + 0.015 * Math.cos(t / 9);
    days[t] = t % 5 === 4 ? 3 : 1;
    fund[t] =
      3 * index[t] -
      0.0095 / 252 -
      (2.3 * rates[t] * days[t]) / 360 +
      noiseScale * 0.0002 * Math.sin(t * 2.7 + 0.5);
  }
  return { index, rates, days, fund };
}

describe("letfFit", () => {
  it("matches numpy's np.linalg.lstsq on [1/252, rate·days/360] (test/fixtures/series_reference.py)", () => {
    const { index, rates, days, fund } = synthetic(1);
    const fit = letfFit(fund, index, 3, rates, days);
    expect(fit.annualCost).toBeCloseTo(0.011993027733951847, 11);
    expect(fit.rateMultiple).toBeCloseTo(2.151397670499585, 9);
    expect(fit.trackingError).toBeCloseTo(0.002214471521211986, 13);
    expect(fit.rSquared).toBeCloseTo(0.9999573116667911, 13);
    expect(fit.days).toBe(60);
  });

  it("recovers the cost and the rate multiple exactly from noise-free data", () => {
    const { index, rates, days, fund } = synthetic(0);
    const fit = letfFit(fund, index, 3, rates, days);
    expect(fit.annualCost).toBeCloseTo(0.0095, 12);
    expect(fit.rateMultiple).toBeCloseTo(2.3, 10);
    expect(fit.trackingError).toBeLessThan(1e-12);
    expect(fit.rSquared).toBeCloseTo(1, 14);
  });

  it("separates the two costs with a constant rate when weekends vary the days", () => {
    const { index, days } = synthetic(0);
    const fund = index.map((r, t) => 3 * r - 0.009 / 252 - (2 * 0.05 * days[t]) / 360);
    const fit = letfFit(fund, index, 3, 0.05, days);
    expect(fit.annualCost).toBeCloseTo(0.009, 12);
    expect(fit.rateMultiple).toBeCloseTo(2, 10);
  });

  it("refuses rates that cannot be told apart from the fixed cost", () => {
    const { index, fund } = synthetic(1);
    expect(() => letfFit(fund, index, 3, 0, 1)).toThrow(
      "rates: all zero: cannot separate the rate multiple from the fixed cost"
    );
    expect(() => letfFit(fund, index, 3, 0.03, 1)).toThrow(
      "rates: constant: cannot separate the rate multiple from the fixed cost"
    );
  });

  it("refuses too few rows and misaligned inputs", () => {
    const { index, rates, days, fund } = synthetic(1);
    expect(() =>
      letfFit(
        fund.subarray(0, 2),
        index.subarray(0, 2),
        3,
        rates.subarray(0, 2),
        days.subarray(0, 2)
      )
    ).toThrow("fund_returns: 2 rows, need at least 3");
    expect(() => letfFit(fund, index.subarray(1), 3, rates, days)).toThrow(
      "index_returns: 59 items, expected 60 (one per fund return)"
    );
    expect(() => letfFit(fund, index, 3, rates.subarray(1), days)).toThrow(
      "rates: 59 items, expected 60 (one per return)"
    );
  });

  it("is #DIV/0! for R² when the fund's returns are constant", () => {
    const { rates, days } = synthetic(0);
    const flat = new Float64Array(60).fill(0.001);
    expect(() => letfFit(flat, new Float64Array(60), 3, rates, days)).toThrow(
      expect.objectContaining({ kind: "div0" })
    );
  });
});
