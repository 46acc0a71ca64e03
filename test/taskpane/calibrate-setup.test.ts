/**
 * "Calibrate to a real fund" without a browser: a fund whose returns are exactly the model (series-samples'
 * REAL_FUND: its fixed cost, rate multiple and spread are the expected values) is recovered, the fit is
 * told in the pane's words, what is missing is named; on ../shared/data, UPRO's NAV gives numpy's figures
 * (calibration_reference.py `pane_fit`) in those words.
 */
import fs from "fs";
import path from "path";
import { emptyHolding, type HoldingSetup } from "../../src/taskpane/portfolio-setup";
import { calibrate, WHICH_FIT } from "../../src/taskpane/calibrate-setup";
import {
  readSource,
  readSourceFile,
  seriesBySource,
  type LoadedSeries,
} from "../../src/taskpane/series-sources";
import { hasSharedData, SHARED_DATA } from "../fixtures/shared-data";
import { DGS3MO, REAL_FUND, SP500TR, TRADING_DAYS, UPRO } from "./series-samples";

const series = seriesBySource([
  readSource(SP500TR, "^SP500TR.csv", "file"),
  readSource(UPRO, "UPRO.csv", "file"),
  readSource(DGS3MO, "DGS3MO.csv", "file"),
]).flat();
const holding: HoldingSetup = {
  ...emptyHolding,
  name: "3x S&P 500",
  series: "^SP500TR",
  leverage: "3",
  expenseRatio: "0.91",
  spread: "0.82",
};

describe("calibrate", () => {
  it("recovers the cost, rate multiple and spread a fund was made with, and says so in words", () => {
    const result = calibrate(holding, "UPRO", "DGS3MO", series);
    if (!result.ok) throw new Error(result.problems.join(" "));
    const { fit } = result.fit;
    // The NAV is written to 6 decimals: the rounding is all that is left of the fit's residuals. The rate
    // moves only between 4.6% and 5.5%, so c and m trade off: an error of 1e-4 in m moves c by about
    // 1e-4 × 5% = 5e-6, hence 4 digits for c; the spread depends on their mean only, so keeps 5.
    expect(fit.annualCost).toBeCloseTo(REAL_FUND.annualCost, 4);
    expect(fit.rateMultiple).toBeCloseTo(REAL_FUND.rateMultiple, 2);
    expect(fit.trackingError).toBeLessThan(1e-5);
    expect(fit.rSquared).toBeCloseTo(1, 8);
    expect(result.fit.spread).toBeCloseTo(REAL_FUND.spread, 5);
    // Rows: the fund's first price is 2023-09-01 and its first return 2023-09-05 (after Labor Day); that
    // date only starts the first row's period (the index has earlier returns), so rows run from 2023-09-06.
    const first = TRADING_DAYS.indexOf("2023-09-06");
    const days = TRADING_DAYS.length - first;
    expect(fit.days).toBe(days);
    expect(result.spread).toBe("0.65");
    expect(result.lines.map((l) => l.label)).toEqual([
      "Sample",
      "Fixed cost",
      "Rate multiple",
      "Spread",
      "Tracking error",
      "R²",
      "With dates",
    ]);
    expect(result.lines.slice(0, 5).map((l) => l.value)).toEqual([
      `2023-09-06 to ${TRADING_DAYS.at(-1)}, ${days} days`,
      "2.23% a year", // 0.91% + 0.65% × 730/360 = 2.228%
      "2.00 × rate (ideal 2, the leverage − 1)",
      "0.65% over the rate, with the 0.91% expense ratio",
      "0.00% a year",
    ]);
    expect(result.source).toBe(
      `fitted to UPRO, 2023-09-06 to ${TRADING_DAYS.at(-1)} (LETF.FIT without dates; tracking error 0.00%)`
    );
    expect(WHICH_FIT).toContain("UPRO: 1.35 with dates, 2.35 without");
  });

  it("names what is missing or wrong before fitting", () => {
    const problems = (h: HoldingSetup, fund: string, rate: string, all = series) => {
      const result = calibrate(h, fund, rate, all);
      return result.ok ? [] : result.problems;
    };
    expect(problems(holding, "UPRO", "")).toEqual([
      "Borrowing rate: choose one (below the portfolios); the fit tells the rate's part of the cost from the fixed part.",
    ]);
    expect(problems(holding, "^SP500TR", "DGS3MO")).toEqual([
      "Real fund: choose the fund's own returns, not its index series.",
    ]);
    expect(problems({ ...holding, leverage: "1" }, "UPRO", "DGS3MO")).toEqual([
      "Leverage: above 1, for a fund that borrows.",
    ]);
    expect(problems({ ...holding, expenseRatio: "x" }, "Nope", "DGS3MO")).toEqual([
      "Real fund: “Nope” is not among the loaded return series.",
      "Expense ratio: “x” is not a number.",
    ]);
    const pending: LoadedSeries[] = series.map((s) =>
      s.name === "UPRO" ? { ...s, pending: "line 2: …" } : s
    );
    expect(problems(holding, "UPRO", "DGS3MO", pending)).toEqual([
      "UPRO: choose its unit on its card under 1. Data.",
    ]);
    // A fund with no period in common with the index: the fit's own message.
    const early = seriesBySource([
      readSource(SP500TR, "^SP500TR.csv", "file"),
      readSource(
        "Date,Old fund return (%)\n2020-01-02,1.5\n2020-01-03,-2.1\n2020-01-06,0.4\n",
        "old.csv",
        "file"
      ),
      readSource(DGS3MO, "DGS3MO.csv", "file"),
    ]).flat();
    const name = early.find((s) => s.from.startsWith("old.csv"))!.name;
    expect(problems(holding, name, "DGS3MO", early)).toEqual([
      "The fit cannot be made: series: no date common to every return series.",
    ]);
  });
});

(hasSharedData ? describe : describe.skip)("calibrate on ../shared/data", () => {
  it("UPRO's NAV on the S&P 500 TR with French's RF: numpy's figures, in the pane's words", () => {
    const file = (name: string) =>
      readSourceFile(
        new Uint8Array(fs.readFileSync(path.join(SHARED_DATA, name))),
        path.basename(name)
      );
    const all = seriesBySource([
      file("EMK6025_letf-mean-reversion/UPRO-historical_nav.csv"),
      file("EMK6025_letf-mean-reversion/SPXTR-data.csv"),
      file("kenneth_french/F-F_Research_Data_Factors_daily_1926-2024.csv"),
    ]).flat();
    const result = calibrate({ ...holding, series: "Price" }, "NAV", "RF", all);
    if (!result.ok) throw new Error(result.problems.join(" "));
    // numpy (calibration_reference.py pane_fit): 3,906 rows 2009-06-25 … 2024-12-31, c 0.022180, m 2.3604,
    // TE 0.0096266, R² 0.9996532, spread 0.0084198.
    expect(Object.fromEntries(result.lines.map((l) => [l.label, l.value]))).toMatchObject({
      Sample: "2009-06-25 to 2024-12-31, 3,906 days",
      "Fixed cost": "2.22% a year",
      "Rate multiple": "2.36 × rate (ideal 2, the leverage − 1)",
      Spread: "0.84% over the rate, with the 0.91% expense ratio",
      "Tracking error": "0.96% a year",
      "R²": "0.99965",
    });
    expect(result.spread).toBe("0.84");
  });
});
