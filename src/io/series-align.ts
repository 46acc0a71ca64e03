import { invalid } from "../core/errors";
import { requireDates } from "../core/excel-date";
import { dayGaps } from "../core/financing";
import type { DatedSeries } from "./series-files";

/** Dates affected by alignment: how many, the first and the last (Excel serials). */
export interface DateSpan {
  readonly count: number;
  readonly first: number;
  readonly last: number;
}

/** What alignment did to one series. */
export type SeriesAlignment =
  | {
      readonly name: string;
      readonly kind: "returns";
      /** Returns dated before the first or after the last aligned row: not used. */
      readonly dropped: DateSpan | null;
      /** Returns dated between aligned rows (a date missing from another return series): compounded into the next row. */
      readonly compounded: DateSpan | null;
    }
  | {
      readonly name: string;
      readonly kind: "rates";
      /** Aligned rows without an observation of their own, given the last earlier one (e.g. a monthly rate on daily rows). */
      readonly filled: DateSpan | null;
      /** The most calendar days between a row and the observation carried to it (0 when none is carried). */
      readonly longestCarry: number;
    };

export interface AlignmentReport {
  readonly rows: number;
  /** First and last aligned dates. */
  readonly first: number;
  readonly last: number;
  /**
   * Dates common to the return series before the first row: dropped because some rate series starts later,
   * or kept only as the start of the first row's period (the last of them always is).
   */
  readonly leading: DateSpan | null;
  /** One entry per input series, in input order. */
  readonly series: readonly SeriesAlignment[];
}

export interface AlignedSeries {
  /** Ascending Excel serials. */
  readonly dates: Float64Array;
  /** One column per input series, in input order, one value per date. */
  readonly values: readonly Float64Array[];
  /** Calendar days accrued by each row (core dayGaps: the first row accrues 365/252), when asked for. */
  readonly days: Float64Array | null;
  readonly report: AlignmentReport;
}

export interface AlignOptions {
  /** Also compute the calendar days between consecutive rows (for the days/360 financing charge). */
  readonly days?: boolean;
}

interface Tally {
  count: number;
  first: number;
  last: number;
}

/**
 * Puts return and rate series on one set of dates. The rows are the dates common to every return series,
 * from the first date on which every rate series has an observation. Each row holds every series' return
 * since the previous row: a return dated between two rows (because another return series lacks that date)
 * is compounded into the next row, which gives the same returns as aligning the prices first. The first
 * row's period starts at the common date before it; when there is none and some return series has earlier
 * returns, the periods of the first common date would differ between series, so that date only starts the
 * first row's period. Returns outside these periods are dropped. A rate series gives each row its last
 * observation on or before that date (carried forward over gaps, and a monthly rate onto daily rows).
 * Series must have ascending dates (see DatedSeries).
 * @throws #VALUE! when there is no return series, no common period, or a rate series starts after the last common date
 * @example
 * alignSeries([
 *   { name: "SPY", kind: "returns", dates: Float64Array.of(2, 3, 4), values: Float64Array.of(0.01, 0.02, 0.03) },
 *   { name: "TLT", kind: "returns", dates: Float64Array.of(2, 4), values: Float64Array.of(0.005, -0.01) },
 *   { name: "TB3MS", kind: "rates", dates: Float64Array.of(1), values: Float64Array.of(0.05) },
 * ])
 * // dates [2, 4]; SPY [0.01, 1.02·1.03 − 1 = 0.0506]; TLT [0.005, −0.01]; TB3MS [0.05, 0.05];
 * // report.series[0].compounded: { count: 1, first: 3, last: 3 }
 */
export function alignSeries(
  series: readonly DatedSeries[],
  options: AlignOptions = {}
): AlignedSeries {
  for (const { name, dates, values } of series) {
    if (dates.length === 0) throw invalid(name, "empty");
    if (values.length !== dates.length)
      throw invalid(name, `${values.length} values for ${dates.length} dates`);
    requireDates(dates, name);
  }
  const returns = series.filter(({ kind }) => kind === "returns");
  if (returns.length === 0) throw invalid("series", "no return series to align on");
  const common = returns.map(({ dates }) => dates).reduce(intersect);
  if (common.length === 0) throw invalid("series", "no date common to every return series");
  const rates = series.filter(({ kind }) => kind === "rates");
  const latest = rates.reduce<DatedSeries | null>(
    (late, rate) => (late === null || rate.dates[0] > late.dates[0] ? rate : late),
    null
  );
  const ratesKnown = latest === null ? 0 : common.findIndex((date) => date >= latest.dates[0]);
  if (latest !== null && ratesKnown < 0)
    throw invalid(latest.name, "starts after the last common date of the return series");
  const start =
    ratesKnown === 0 && returns.some(({ dates }) => dates[0] < common[0]) ? 1 : ratesKnown;
  if (start === common.length) throw invalid("series", "one common date, so no common period");
  const dates = common.slice(start);
  const periodStart = start === 0 ? -Infinity : common[start - 1];
  const aligned = series.map((one) =>
    one.kind === "returns" ? alignReturns(one, dates, periodStart) : carryRates(one, dates)
  );
  return {
    dates,
    values: aligned.map(({ values }) => values),
    days: options.days === true ? dayGaps(dates) : null,
    report: {
      rows: dates.length,
      first: dates[0],
      last: dates[dates.length - 1],
      leading: start === 0 ? null : { count: start, first: common[0], last: common[start - 1] },
      series: aligned.map(({ report }) => report),
    },
  };
}

/** Dates in both ascending arrays. */
function intersect(a: Float64Array, b: Float64Array): Float64Array {
  const both: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] < b[j]) i++;
    else if (b[j] < a[i]) j++;
    else {
      both.push(a[i]);
      i++;
      j++;
    }
  }
  return Float64Array.from(both);
}

/** Each row's return since the previous row (the first row's since periodStart): the series' own returns, compounded. */
function alignReturns(
  { name, dates: own, values: returns }: DatedSeries,
  dates: Float64Array,
  periodStart: number
): { values: Float64Array; report: SeriesAlignment } {
  const values = new Float64Array(dates.length);
  const dropped = tally();
  const compounded = tally();
  let j = 0;
  for (; own[j] <= periodStart; j++) note(dropped, own[j]);
  for (let i = 0; i < dates.length; i++, j++) {
    let growth = 1;
    const from = j;
    for (; own[j] < dates[i]; j++) {
      growth *= 1 + returns[j];
      note(compounded, own[j]);
    }
    values[i] = j === from ? returns[j] : growth * (1 + returns[j]) - 1;
  }
  for (; j < own.length; j++) note(dropped, own[j]);
  return {
    values,
    report: { name, kind: "returns", dropped: spanOf(dropped), compounded: spanOf(compounded) },
  };
}

/** Each row's last observation on or before its date. */
function carryRates(
  { name, dates: own, values: rates }: DatedSeries,
  dates: Float64Array
): { values: Float64Array; report: SeriesAlignment } {
  const values = new Float64Array(dates.length);
  const filled = tally();
  let longestCarry = 0;
  let j = 0;
  for (let i = 0; i < dates.length; i++) {
    while (j + 1 < own.length && own[j + 1] <= dates[i]) j++;
    values[i] = rates[j];
    if (own[j] === dates[i]) continue;
    note(filled, dates[i]);
    longestCarry = Math.max(longestCarry, dates[i] - own[j]);
  }
  return { values, report: { name, kind: "rates", filled: spanOf(filled), longestCarry } };
}

function tally(): Tally {
  return { count: 0, first: NaN, last: NaN };
}

/** Adds a date later than any already counted. */
function note(tally: Tally, date: number): void {
  if (tally.count++ === 0) tally.first = date;
  tally.last = date;
}

function spanOf({ count, first, last }: Tally): DateSpan | null {
  return count === 0 ? null : { count, first, last };
}
