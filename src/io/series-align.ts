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
      /**
       * For a series that may start late (AlignOptions.startLate): the date of the first row it has a
       * return for (its rows before are NaN), null when it has none in the aligned rows.
       */
      readonly lateFrom?: number | null;
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
  /**
   * Return series (by position in the input) that may start after the others, e.g. a real fund's history
   * since its inception spliced onto a simulation of it: they bound the rows only from their first
   * return on, and their values before are NaN (no value).
   */
  readonly startLate?: readonly number[];
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
 *
 * A series that may start late (options.startLate) takes no part in choosing the rows before its first
 * return; from it on, the rows are also dates it has. It has a value on the rows whose whole period
 * (from the previous row's date) it covers: from the row after the one dated on or after its first
 * return, since the period of its first return is not known (a price file's first price is not a
 * return; a NAV file's first change is often the inception day's 0). Its rows before are NaN.
 * @throws #VALUE! when there is no return series that starts on time, no common period, a series that
 *   starts late is a rate, or a rate series starts after the last common date
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
  const late = new Set(options.startLate ?? []);
  for (const k of late) {
    if (series[k] === undefined) throw invalid("startLate", `no series ${k + 1}`);
    if (series[k].kind !== "returns")
      throw invalid(series[k].name, "a rate series cannot start late, only a return series");
  }
  const returns = series.filter(({ kind }, k) => kind === "returns" && !late.has(k));
  if (returns.length === 0) throw invalid("series", "no return series to align on");
  const common = series
    .filter((_, k) => late.has(k))
    .reduce(
      (dates, { dates: own }) => fromItsStart(dates, own),
      returns.map(({ dates }) => dates).reduce(intersect)
    );
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
    ratesKnown === 0 && series.some(({ kind, dates }) => kind === "returns" && dates[0] < common[0])
      ? 1
      : ratesKnown;
  if (start === common.length) throw invalid("series", "one common date, so no common period");
  const dates = common.slice(start);
  const periodStart = start === 0 ? -Infinity : common[start - 1];
  const aligned = series.map((one, k) =>
    one.kind === "rates"
      ? carryRates(one, dates)
      : late.has(k)
        ? alignLate(one, dates, periodStart)
        : alignReturns(one, dates, periodStart)
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

/** The dates of `common` before `own` starts, then those `own` has too. */
function fromItsStart(common: Float64Array, own: Float64Array): Float64Array {
  let before = 0;
  while (before < common.length && common[before] < own[0]) before++;
  const after = intersect(common.subarray(before), own);
  const out = new Float64Array(before + after.length);
  out.set(common.subarray(0, before));
  out.set(after, before);
  return out;
}

/**
 * A series that starts late: NaN on the rows whose period starts before its first return, then its own
 * returns as {@link alignReturns} gives them (the rows from there on are dates it has).
 */
function alignLate(
  one: DatedSeries,
  dates: Float64Array,
  periodStart: number
): { values: Float64Array; report: SeriesAlignment } {
  const first = one.dates[0];
  let from = 0;
  while (from < dates.length && (from === 0 ? periodStart : dates[from - 1]) < first) from++;
  const values = new Float64Array(dates.length).fill(NaN);
  if (from === dates.length) {
    const dropped = { count: one.dates.length, first, last: one.dates[one.dates.length - 1] };
    return {
      values,
      report: { name: one.name, kind: "returns", dropped, compounded: null, lateFrom: null },
    };
  }
  const own = alignReturns(one, dates.subarray(from), from === 0 ? periodStart : dates[from - 1]);
  values.set(own.values, from);
  return { values, report: { ...own.report, lateFrom: dates[from] } as SeriesAlignment };
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
