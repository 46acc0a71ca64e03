/**
 * The core on real history from ../shared/data (skipped when the folder is absent): LETF.FIT on
 * ProShares UPRO and a 55/45 UPRO/TMF-style backtest.
 */
import { backtest } from "../../src/core/backtest";
import { cagr } from "../../src/core/cagr";
import { maxDrawdown } from "../../src/core/drawdown";
import { dayGaps } from "../../src/core/financing";
import { letfFit } from "../../src/core/letf-fit";
import { bogleheadsSim, frenchDailyRiskFree, hasSharedData, proSharesNavReturns, spxtrCloses } from "../fixtures/shared-data";

const describeWithData = hasSharedData ? describe : describe.skip;

describeWithData("on ../shared/data", () => {
  it("LETF.FIT on UPRO's NAV vs the S&P 500 total return, Kenneth French daily RF as the rate", () => {
    const upro = proSharesNavReturns("EMK6025_letf-mean-reversion/UPRO-historical_nav.csv");
    const spx = spxtrCloses();
    const rf = frenchDailyRiskFree();
    // Rows: S&P TR dates from 2009-06-25 (UPRO's first NAV return) on which UPRO has a NAV return, the
    // previous S&P TR row is the previous UPRO NAV date too, and French's RF exists (through 2024-12-31).
    const uproDates = [...upro.keys()].sort((a, b) => a - b);
    const previousUpro = new Map(uproDates.map((d, i) => [d, i > 0 ? uproDates[i - 1] : NaN]));
    const fund: number[] = [];
    const index: number[] = [];
    const rates: number[] = [];
    const dates: number[] = [];
    for (let k = 1; k < spx.dates.length; k++) {
      const date = spx.dates[k];
      if (!upro.has(date) || previousUpro.get(date) !== spx.dates[k - 1] || !rf.has(date)) continue;
      fund.push(upro.get(date)!);
      index.push(spx.closes[k] / spx.closes[k - 1] - 1);
      // French's RF is the T-bill return per trading day; × 252 makes it an annual rate for rate·days/360.
      rates.push(rf.get(date)! * 252);
      dates.push(date);
    }
    // Days between consecutive used rows; the first row gets 365/252. A skipped row only widens one gap.
    const fit = letfFit(Float64Array.from(fund), Float64Array.from(index), 3, Float64Array.from(rates), dayGaps(Float64Array.from(dates)));
    // numpy's lstsq on the same rows (test/fixtures/shared_data_reference.py): 3907 rows, 2009-06-24 … 2024-12-31.
    expect(fit.days).toBe(3907);
    expect(fit.annualCost).toBeCloseTo(0.03295039619477236, 10);
    expect(fit.rateMultiple).toBeCloseTo(1.3469141991661475, 8);
    expect(fit.trackingError).toBeCloseTo(0.00988936039140284, 12);
    expect(fit.rSquared).toBeCloseTo(0.9996339109612602, 12);
  });

  it("55/45 UPROSIM/TMFSIM rebalanced each calendar quarter, 1986-05-20 … 2019-02-21", () => {
    const upro = bogleheadsSim("UPROSIM.csv");
    const tmf = bogleheadsSim("TMFSIM.csv");
    expect(upro.dates).toEqual(tmf.dates);
    const dates = Float64Array.from(upro.dates);
    const out = backtest([Float64Array.from(upro.returns), Float64Array.from(tmf.returns)], Float64Array.of(0.55, 0.45), { kind: "calendar", frequency: "Q", dates });
    const growthRate = cagr(out, 252);
    const worst = maxDrawdown(out);
    // ../shared/data/README.md §5, derived there with numpy: CAGR 17.2%, max drawdown −68.6%.
    expect(growthRate).toBeCloseTo(0.172, 2);
    expect(worst).toBeCloseTo(-0.686, 2);
  });
});
