import { excelDate, SERIAL_1970 } from "../core/excel-date";

/**
 * Dates as they appear in downloaded series files, read into Excel serial numbers (the 1900 date system:
 * serial 25569 is 1970-01-01, 61 is 1900-03-01). US order only: 03/04/2020 is the 4th of March.
 */

/** The date formats {@link parseDate} reads, for messages. */
export const DATE_FORMATS = "yyyy-mm-dd, yyyymmdd, m/d/yyyy or m/d/yy";

const MS_PER_DAY = 86_400_000;
/** yyyy-mm-dd, optionally followed by a time ("2020-01-02 00:00:00-05:00", as pandas/yfinance write it). */
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\S*)?$/;
/** yyyymmdd, as in Kenneth French's files. */
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** m/d/yyyy, mm/dd/yyyy or m/d/yy. */
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/;

/**
 * The Excel serial of a calendar date, or null when it is not a real date from 1900-01-01 to 9999-12-31.
 * Serials before 1900-03-01 are one lower than a plain day count because Excel counts a 29 February 1900.
 * @example excelSerial(1970, 1, 1) // 25569
 * @example excelSerial(2023, 2, 29) // null
 */
export function excelSerial(year: number, month: number, day: number): number | null {
  if (
    year < 1900 ||
    year > 9999 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month)
  )
    return null;
  const serial = Date.UTC(year, month - 1, day) / MS_PER_DAY + SERIAL_1970;
  return serial < 61 ? serial - 1 : serial;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/**
 * The Excel serial of a date written as yyyy-mm-dd (a time after it is ignored), yyyymmdd, m/d/yyyy or
 * m/d/yy, or null when the text is none of these. Two-digit years follow Excel: 00–29 are 2000–2029 and
 * 30–99 are 1930–1999.
 * @example parseDate("2024-12-31") // 45657
 * @example parseDate("20241231") // 45657
 * @example parseDate("12/31/24") // 45657
 */
export function parseDate(text: string): number | null {
  const trimmed = text.trim();
  const ymd = ISO.exec(trimmed) ?? COMPACT.exec(trimmed);
  if (ymd !== null) return excelSerial(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  const mdy = US.exec(trimmed);
  if (mdy === null) return null;
  const year = Number(mdy[3]);
  const fullYear = mdy[3].length === 4 ? year : year < 30 ? 2000 + year : 1900 + year;
  return excelSerial(fullYear, Number(mdy[1]), Number(mdy[2]));
}

/**
 * An Excel serial as yyyy-mm-dd, the form {@link parseDate} reads first (a time of day is dropped).
 * @example formatDate(45657) // "2024-12-31"
 */
export function formatDate(serial: number): string {
  const { year, month, day } = excelDate(serial);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
