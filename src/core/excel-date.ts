import { invalid } from "./errors";

/**
 * Excel serial dates (the 1900 date system) and the calendar periods a backtest rebalances on.
 *
 * Serial 1 is 1900-01-01 and serial 25569 is 1970-01-01. Excel counts a 29 February 1900 that never
 * existed (serial 60, kept for Lotus 1-2-3 compatibility), so serials from 61 on are exact and serials
 * 1–59 are one day early: they are shifted by one here, and serial 60 reads as 1900-03-01 like 61.
 * A fractional serial (a time of day) belongs to its day.
 */

/** Serial of 1970-01-01. */
export const SERIAL_1970 = 25569;
/** Serial of 9999-12-31, the last date Excel shows. */
export const LAST_SERIAL = 2958465;

export interface CivilDate {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** 1–31 */
  readonly day: number;
}

/** Calendar rebalancing codes: daily, weekly (ISO, Monday-start), monthly, quarterly, annually. */
export type Frequency = "D" | "W" | "M" | "Q" | "A";

/**
 * Days since 1970-01-01 of an Excel serial, corrected for the phantom 1900-02-29.
 * @example excelDays(25569) // 0
 */
export function excelDays(serial: number): number {
  const day = Math.floor(serial);
  return day < 61 ? day - SERIAL_1970 + 1 : day - SERIAL_1970;
}

/**
 * One part of the date `days` after 1970-01-01: the month index (year·12 + month − 1) or the day of
 * the month. Proleptic Gregorian calendar by Howard Hinnant's civil_from_days ("chrono-Compatible
 * Low-Level Date Algorithms"): 400-year eras of 146097 days counted from 0000-03-01, so that the leap
 * day falls at the end of each shifted year. Integer arithmetic only, no allocation.
 */
function civilPart(days: number, part: "monthIndex" | "day"): number {
  const z = days + 719468; // days since 0000-03-01
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097; // 0..146096
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365
  ); // 0..399
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100)); // 0..365, from 1 March
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153); // 0 = March .. 11 = February
  if (part === "day") return dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9; // 1..12
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return year * 12 + month - 1;
}

/**
 * Months since January of year 0 of an Excel serial: year·12 + month − 1. Consecutive months differ by 1,
 * so a quarter is ⌊index/3⌋ and a year ⌊index/12⌋.
 * @example excelMonthIndex(45306) // 2024-01-15 → 2024·12 + 0 = 24288
 */
export function excelMonthIndex(serial: number): number {
  return civilPart(excelDays(serial), "monthIndex");
}

/**
 * The calendar date of an Excel serial.
 * @example excelDate(45351) // { year: 2024, month: 2, day: 29 }
 */
export function excelDate(serial: number): CivilDate {
  const days = excelDays(serial);
  const index = civilPart(days, "monthIndex");
  return { year: Math.floor(index / 12), month: (index % 12) + 1, day: civilPart(days, "day") };
}

/**
 * The Excel serial of the day `days` after 1970-01-01 (inverse of {@link excelDays}).
 * @example serialOfDays(0) // 25569
 */
export function serialOfDays(days: number): number {
  const serial = days + SERIAL_1970;
  return serial < 61 ? serial - 1 : serial;
}

/**
 * The Excel serial of a calendar date (inverse of {@link excelDate}).
 * @param month 1–12
 * @example excelSerial(2024, 2, 29) // 45351
 */
export function excelSerial(year: number, month: number, day: number): number {
  return serialOfDays(daysOfCivil(year, month, day));
}

/** Calendar periods a series is summarised by: ISO weeks (Monday to Sunday), months, quarters, years. */
export type PeriodCode = Exclude<Frequency, "D">;

/**
 * A number that is the same for every date of one calendar period and grows by one from a period to the
 * next: the week (counted from Monday 1969-12-29), or the month, quarter or year index.
 * @example periodIndex(45306, "Q") // 2024-01-15 → ⌊(2024·12 + 0) / 3⌋ = 8096
 */
export function periodIndex(serial: number, frequency: PeriodCode): number {
  const days = excelDays(serial);
  // 1970-01-01 was a Thursday: days + 3 counts from Monday 1969-12-29, so weeks start on Mondays.
  if (frequency === "W") return Math.floor((days + 3) / 7);
  const month = civilPart(days, "monthIndex");
  return frequency === "M" ? month : Math.floor(month / (frequency === "Q" ? 3 : 12));
}

/**
 * Days after 1970-01-01 of a calendar date: Hinnant's days_from_civil, the inverse of civilPart.
 * @param month 1–12
 */
function daysOfCivil(year: number, month: number, day: number): number {
  const marchYear = month <= 2 ? year - 1 : year; // years start on 1 March
  const era = Math.floor(marchYear / 400);
  const yearOfEra = marchYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * The serial of the first day of the calendar period after the one that contains `serial`: the next
 * day, the next Monday (ISO weeks run Monday to Sunday), or the 1st of the next month, quarter
 * (January, April, July, October) or year. A row starts a new period when its date is on or after it,
 * so a backtest compares one number per row.
 * @example nextPeriodStart(45306, "Q") // 2024-01-15 → 2024-04-01 = 45383
 */
export function nextPeriodStart(serial: number, frequency: Frequency): number {
  if (frequency === "D") return serialOfDays(excelDays(serial) + 1);
  const next = periodIndex(serial, frequency) + 1;
  // Week k starts on day 7k − 3 (see periodIndex); other periods start on the 1st of their first month.
  if (frequency === "W") return serialOfDays(next * 7 - 3);
  const month = next * (frequency === "M" ? 1 : frequency === "Q" ? 3 : 12); // month index
  return excelSerial(Math.floor(month / 12), (month % 12) + 1, 1);
}

/**
 * Throws unless every item is an Excel date (serial 1 to 2958465, i.e. 1900-01-01 to 9999-12-31)
 * and each row is strictly after the one before, e.g. "dates: row 3 is not after row 2".
 */
export function requireDates(dates: Float64Array, argument = "dates"): void {
  for (let k = 0; k < dates.length; k++) {
    const serial = dates[k];
    if (!(serial >= 1 && serial < LAST_SERIAL + 1))
      throw invalid(argument, `row ${k + 1} is not a date`);
    if (k > 0 && !(serial > dates[k - 1]))
      throw invalid(argument, `row ${k + 1} is not after row ${k}`);
  }
}
