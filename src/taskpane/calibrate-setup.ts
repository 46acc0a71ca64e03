/**
 * "Calibrate to a real fund" for one leveraged holding: its index series, a real fund's returns (a NAV
 * or price file the user loaded) and the backtest's borrowing rate, fitted as the presets were
 * (src/sheets/fund-calibration.ts `fitToFund`: LETF.FIT without dates, the spread for the holding's
 * expense ratio), told in words for the pane, with the spread to fill in. No React, no Office.
 */
import { StackError } from "../core/errors";
import { formatDate } from "../io/series-dates";
import { FUND_CALIBRATIONS, fitToFund, type FundFit } from "../sheets/fund-calibration";
import type { HoldingSetup } from "./portfolio-setup";
import type { LoadedSeries } from "./series-sources";
import { finite, percentText, Reader } from "./setup-reader";

/** One line of the fit as the pane lists it. */
export interface FitLine {
  readonly label: string;
  readonly value: string;
}

export type Calibration =
  | {
      readonly ok: true;
      readonly fit: FundFit;
      readonly lines: readonly FitLine[];
      /** The spread to fill in, in percent as the holding's field holds it (to 0.01%), e.g. "0.84". */
      readonly spread: string;
      /** Where the spread then comes from, for the holding (shown under it and on the sheet). */
      readonly source: string;
    }
  | { readonly ok: false; readonly problems: readonly string[] };

const { UPRO } = FUND_CALIBRATIONS;

/** Which fit is used and why, as the pane says it (the with/without dates finding of fund-calibration.ts). */
export const WHICH_FIT =
  `Fitted without dates (365/252 days a row), as the presets are. With dates the rate multiple is pulled ` +
  `down because a fund's costs accrue per NAV day, not per calendar day (UPRO: ${UPRO.fitWithDates.rateMultiple} ` +
  `with dates, ${UPRO.fit.rateMultiple} without); the spread, which the simulation uses, is the same either way ` +
  `(within 0.01 point). The expense ratio stays the published one; the spread takes the rest of the fitted cost.`;

const pct = (x: number, digits = 2) => `${(x * 100).toFixed(digits)}%`;

/**
 * Fits `holding` (a leveraged fund) to the real fund `fundName` on its index series with the rate
 * `rateName`, or says what is missing or wrong.
 */
export function calibrate(
  holding: HoldingSetup,
  fundName: string,
  rateName: string,
  all: readonly LoadedSeries[]
): Calibration {
  const read = new Reader();
  const fund = read.series("Real fund", fundName, all, "returns");
  const index = read.series("Index series", holding.series, all, "returns");
  if (rateName === "")
    read.problems.push(
      "Borrowing rate: choose one (below the portfolios); the fit tells the rate's part of the cost from the fixed part."
    );
  const rate = rateName === "" ? undefined : read.series("Borrowing rate", rateName, all, "rates");
  const leverage = read.number("Leverage", holding.leverage, finite, "a number");
  if (leverage <= 1) read.problems.push("Leverage: above 1, for a fund that borrows.");
  const expenseRatio = read.percent(
    "Expense ratio",
    holding.expenseRatio,
    (x) => x >= 0 && x < 1,
    "from 0% to 100%"
  );
  if (fund !== undefined && fund === index)
    read.problems.push("Real fund: choose the fund's own returns, not its index series.");
  const pending = [fund, index, rate].find((s) => s?.pending !== undefined);
  if (pending) read.problems.push(`${pending.name}: choose its unit on its card under 1. Data.`);
  if (read.problems.length > 0 || !fund || !index || !rate || !(leverage > 1))
    return { ok: false, problems: read.problems };

  let fit: FundFit;
  try {
    fit = fitToFund(fund, index, rate, leverage, expenseRatio);
  } catch (error) {
    if (!(error instanceof StackError)) throw error;
    return { ok: false, problems: [`The fit cannot be made: ${error.message}.`] };
  }
  const { fit: f, fitWithDates } = fit;
  const spread = percentText(Math.round(fit.spread * 10_000) / 10_000);
  const period = `${formatDate(fit.first)} to ${formatDate(fit.last)}`;
  const lines: FitLine[] = [
    { label: "Sample", value: `${period}, ${f.days.toLocaleString("en-US")} days` },
    { label: "Fixed cost", value: `${pct(f.annualCost)} a year` },
    {
      label: "Rate multiple",
      value: `${f.rateMultiple.toFixed(2)} × rate (ideal ${leverage - 1}, the leverage − 1)`,
    },
    {
      label: "Spread",
      value: `${spread}% over the rate, with the ${pct(expenseRatio)} expense ratio`,
    },
    { label: "Tracking error", value: `${pct(f.trackingError)} a year` },
    { label: "R²", value: f.rSquared.toFixed(5) },
    {
      label: "With dates",
      value: `${pct(fitWithDates.annualCost)} + ${fitWithDates.rateMultiple.toFixed(2)} × rate (not used)`,
    },
    ...(fit.afterRate > 0
      ? [
          {
            label: "Left out",
            value: `${fit.afterRate.toLocaleString("en-US")} days after the rate's last date`,
          },
        ]
      : []),
  ];
  return {
    ok: true,
    fit,
    lines,
    spread,
    source: `fitted to ${fund.name}, ${period} (LETF.FIT without dates; tracking error ${pct(f.trackingError)})`,
  };
}
