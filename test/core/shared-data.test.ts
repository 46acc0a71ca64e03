/**
 * The core on real history from ../shared/data (skipped when the folder is absent): LETF.FIT on
 * ProShares UPRO and a 55/45 UPRO/TMF-style backtest.
 */
import { backtest } from "../../src/core/backtest";
import { cagr } from "../../src/core/cagr";
import { maxDrawdown } from "../../src/core/drawdown";
import { dayGaps } from "../../src/core/financing";
import { letfFit } from "../../src/core/letf-fit";
import { conditional } from "../../src/core/conditional";
import { alignSeries } from "../../src/io/series-align";
import { parseSeriesFile } from "../../src/io/series-files";
import { readFileSync } from "fs";
import { resolve } from "path";
import {
  bogleheadsSim,
  hasSharedData,
  proSharesSample,
  SHARED_DATA,
} from "../fixtures/shared-data";

const describeWithData = hasSharedData ? describe : describe.skip;

describeWithData("on ../shared/data", () => {
  it("LETF.FIT on UPRO's NAV vs the S&P 500 total return, Kenneth French daily RF as the rate", () => {
    const { fund, index, rates, dates } = proSharesSample(
      "EMK6025_letf-mean-reversion/UPRO-historical_nav.csv"
    );
    // Days between consecutive used rows; the first row gets 365/252. A skipped row only widens one gap.
    const fit = letfFit(fund, index, 3, rates, dayGaps(dates));
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
    const out = backtest(
      [Float64Array.from(upro.returns), Float64Array.from(tmf.returns)],
      Float64Array.of(0.55, 0.45),
      { kind: "calendar", frequency: "Q", dates }
    );
    const growthRate = cagr(out, 252);
    const worst = maxDrawdown(out);
    // ../shared/data/README.md §5, derived there with numpy: CAGR 17.2%, max drawdown −68.6%.
    expect(growthRate).toBeCloseTo(0.172, 2);
    expect(worst).toBeCloseTo(-0.686, 2);
  });

  it("CONDITIONAL: long Treasuries (VUSTX) on the days the S&P 500 TR moved by −4%, −2%, 2%, 4% buckets, 1988–2020", () => {
    const read = (file: string) =>
      parseSeriesFile(
        readFileSync(resolve(SHARED_DATA, "talmiller2_market_analysis", file), "utf8")
      ).series[0];
    const aligned = alignSeries([read("^SP500TR.csv"), read("VUSTX.csv")]);
    const buckets = conditional(aligned.values[0], aligned.values[1]);
    // numpy on the Adj Close of both files over their common dates: np.digitize(x, edges, right=True),
    // then np.percentile(y, [0, 25, 50, 75, 100]) and mean(y > 0) per bucket; 8,307 days. Like alignSeries,
    // the first common date's return (1988-01-05) is left out: VUSTX has earlier prices, so only the
    // S&P's first return is known to start on 1988-01-04.
    const numpy = [
      [
        44, -0.04341902846498191, 0.0024427201106567153, 0.012965857552789117, 0.020859482648499683,
        0.06520203460603158, 0.7954545454545454,
      ],
      [
        248, -0.029499595945157386, 0.0008407412533025238, 0.0050844888248888775,
        0.010816925984203862, 0.04191611962428543, 0.7620967741935484,
      ],
      [
        7757, -0.05689453010191936, -0.0032829928294673127, 0, 0.004003218476344106,
        0.06762275686878194, 0.49258734046667524,
      ],
      [
        215, -0.02977126435186339, -0.009779797098800835, -0.003993599988632135,
        0.0033589747270136305, 0.04473937277661966, 0.3767441860465116,
      ],
      [
        43, -0.05874857925384991, -0.014167553561230561, -0.009953600405009033,
        -0.0008728601185388762, 0.019142628151309182, 0.2558139534883721,
      ],
    ];
    expect(aligned.dates.length).toBe(8307);
    buckets.forEach((b, k) => {
      const [count, ...stats] = numpy[k];
      expect(b.count).toBe(count);
      const s = b.stats!;
      [s.min, s.q1, s.median, s.q3, s.max, s.shareUp].forEach((v, j) =>
        expect(v).toBeCloseTo(stats[j], 12)
      );
    });
  });
});
