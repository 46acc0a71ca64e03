import { excelDate, SERIAL_1970 } from "../core/excel-date";
import { invalid } from "../core/errors";
import type { PlacedText } from "./series-numbers";

/**
 * Dates as people's files write them, read into Excel serial numbers (the 1900 date system: serial 25569
 * is 1970-01-01, 61 is 1900-03-01). A date column is read as a whole: whether 01/02/2024 is the 1st of
 * February or the 2nd of January is decided by the file's other dates, and asked when none of them tells.
 *
 * Read: ISO 2024-01-31 (a time after it, as pandas writes it, is ignored), 2024/01/31, 20240131; day or
 * month first 31/01/2024, 01/31/2024, 31.01.2024, 31-01-2024 (a time after them allowed, as Excel saves a
 * date-time); month names (31 Jan 2024, 31-Jan-24, Jan 31, 2024); months 202401 (Kenneth French's monthly
 * files), 2024-01, Jan 2024. Two-digit years follow Excel: 00–29 are 2000–2029, 30–99 are 1930–1999.
 */

/** Day first (31/01/2024) or month first (01/31/2024). */
export type DateOrder = "dmy" | "mdy";

/** The date formats read, for messages. */
export const DATE_FORMATS =
  "2024-01-31, 31/01/2024, 01/31/2024, 31.01.2024, 20240131, 202401, 2024-01 or Jan 31, 2024";

/** A date cell as written, before the file's order is known. */
type DateText =
  | { readonly kind: "day"; readonly year: number; readonly month: number; readonly day: number }
  | { readonly kind: "month"; readonly year: number; readonly month: number }
  /** a/b/year: day/month or month/day. */
  | { readonly kind: "either"; readonly a: number; readonly b: number; readonly year: number };

interface ReadText {
  readonly date: DateText;
  readonly twoDigitYear: boolean;
  readonly time: boolean;
}

const MS_PER_DAY = 86_400_000;
const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
/** A time of day after a date: "00:00:00-05:00", "T16:00:00Z", " 4:00 PM". */
const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s?[AaPp]\.?[Mm]\.?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?`;
const YMD = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(${TIME})$`);
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const COMPACT_MONTH = /^(\d{4})(\d{2})$/;
const YEAR_MONTH = /^(\d{4})[-/.](\d{1,2})$/;
const NUMERIC = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(${TIME})$`);
const DAY_NAME_YEAR = /^(\d{1,2})[ \-/.]?([a-z]+)\.?[ \-/.,]*(\d{4}|\d{2})$/i;
const NAME_DAY_YEAR = /^([a-z]+)\.?[ \-/.]*(\d{1,2})(?:st|nd|rd|th)?,?[ \-/.]+(\d{4})$/i;
const NAME_YEAR = /^([a-z]+)\.?[ \-/.,]*(\d{4}|\d{2})$/i;

/** The month a name or its abbreviation ("Jan", "Sept", "june") stands for, else 0. */
function monthOfName(name: string): number {
  const lower = name.toLowerCase();
  return lower.length < 3
    ? 0
    : MONTH_NAMES.findIndex((month) => month.toLowerCase().startsWith(lower)) + 1;
}

/** A year as written: two digits follow Excel's rule (00–29 → 2000s, 30–99 → 1900s). */
function fullYear(digits: string): number {
  const year = Number(digits);
  if (digits.length === 4) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

/** What a date cell says, or null when it is not a date in any format read. */
function readDateText(text: string): ReadText | null {
  const trimmed = text.trim();
  let m = YMD.exec(trimmed);
  if (m) {
    const date = { kind: "day", year: +m[1], month: +m[3], day: +m[4] } as const;
    return { date, twoDigitYear: false, time: m[5] !== "" };
  }
  if ((m = COMPACT.exec(trimmed)))
    return {
      date: { kind: "day", year: +m[1], month: +m[2], day: +m[3] },
      twoDigitYear: false,
      time: false,
    };
  if ((m = COMPACT_MONTH.exec(trimmed) ?? YEAR_MONTH.exec(trimmed))) {
    if (+m[2] < 1 || +m[2] > 12) return null;
    return { date: { kind: "month", year: +m[1], month: +m[2] }, twoDigitYear: false, time: false };
  }
  if ((m = NUMERIC.exec(trimmed))) {
    const [a, b] = [+m[1], +m[3]];
    if (a < 1 || b < 1 || a > 31 || b > 31 || (a > 12 && b > 12)) return null;
    return {
      date: { kind: "either", a, b, year: fullYear(m[4]) },
      twoDigitYear: m[4].length === 2,
      time: m[5] !== "",
    };
  }
  if ((m = DAY_NAME_YEAR.exec(trimmed)) && monthOfName(m[2]) > 0)
    return {
      date: { kind: "day", year: fullYear(m[3]), month: monthOfName(m[2]), day: +m[1] },
      twoDigitYear: m[3].length === 2,
      time: false,
    };
  if ((m = NAME_DAY_YEAR.exec(trimmed)) && monthOfName(m[1]) > 0)
    return {
      date: { kind: "day", year: +m[3], month: monthOfName(m[1]), day: +m[2] },
      twoDigitYear: false,
      time: false,
    };
  if ((m = NAME_YEAR.exec(trimmed)) && monthOfName(m[1]) > 0)
    return {
      date: { kind: "month", year: fullYear(m[2]), month: monthOfName(m[1]) },
      twoDigitYear: m[2].length === 2,
      time: false,
    };
  return null;
}

/**
 * True when the text is a date in one of the formats read (whatever its order), e.g. to find a header row.
 * @example looksLikeDate("01/02/2024") // true
 */
export function looksLikeDate(text: string): boolean {
  return readDateText(text) !== null;
}

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
 * The Excel serial of a date that can be read only one way — yyyy-mm-dd (a time after it is ignored),
 * yyyymmdd, or with the month's name — or null (day/month orders need the whole file: see readDateColumn).
 * @example parseDate("2024-12-31") // 45657
 * @example parseDate("20241231") // 45657
 * @example parseDate("31 Dec 2024") // 45657
 */
export function parseDate(text: string): number | null {
  const read = readDateText(text);
  if (read === null || read.date.kind !== "day") return null;
  return excelSerial(read.date.year, read.date.month, read.date.day);
}

/**
 * An Excel serial as yyyy-mm-dd, the form {@link parseDate} reads first (a time of day is dropped).
 * @example formatDate(45657) // "2024-12-31"
 */
export function formatDate(serial: number): string {
  const { year, month, day } = excelDate(serial);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** "1 February 2024": a date no reader can take the wrong way round. */
function spelled(year: number, month: number, day: number): string {
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/**
 * A question only the user can answer before a file's dates can be read:
 * - "date-order": every day/month date could be read both ways (no day above 12)
 * - "before-1900": some rows are dated before 1900, which Excel cannot store as dates
 */
export type DateQuestion =
  | {
      readonly kind: "date-order";
      readonly text: string;
      /** The first date both ways, e.g. "1 February 2024" and "2 January 2024". */
      readonly dayFirst: string;
      readonly monthFirst: string;
    }
  | { readonly kind: "before-1900"; readonly text: string; readonly rows: number };

export interface DateColumnOptions {
  /** The order of day/month dates, as the user answered (used only when the file does not decide it). */
  readonly order?: DateOrder;
  /** Leave out the rows dated before 1900 (as the user answered). */
  readonly from1900?: boolean;
}

/** A date column read: every row's serial, or the questions to answer first. */
export type DateColumn =
  | { readonly kind: "ask"; readonly questions: readonly DateQuestion[] }
  | {
      readonly kind: "read";
      /** Each row's serial (a month's last day for month dates: the end of the period a return covers); NaN for a row left out (before 1900). */
      readonly ends: Float64Array;
      /** The same, but a month's first day for month dates (from when a rate applies). */
      readonly starts: Float64Array;
      /** How the dates were read, in words. */
      readonly notes: readonly string[];
      /** True when the dates carried a time of day (so one day may appear on two rows). */
      readonly times: boolean;
    };

/** Why a cell is not a date, with a hint for the shapes that are close. */
function notADate(cell: PlacedText): Error {
  const text = cell.text.trim();
  const problem = /^\d{5}(?:\.\d+)?$/.test(text)
    ? `"${text}" looks like an Excel serial number: format the column as dates in Excel before saving, or read the cells as a range`
    : /^\d{4}$/.test(text)
      ? `"${text}" is a year, not a date: give each row a date, e.g. ${text}-12-31`
      : `"${text}" is not a date (expected a date such as ${DATE_FORMATS})`;
  return invalid(`line ${cell.line}, column ${cell.column}`, problem);
}

/**
 * Reads a file's date column as a whole. The order of day/month dates comes from the header when it
 * states it ("Date (MM/DD/YYYY)"), else from the dates that can be read only one way (13/01/2024 is day
 * first); dates that disagree (with each other or the header) are refused; when nothing decides, the
 * user's answer is used, or asked for. Rows before 1900 are left out when the user said so, else
 * asked about. Two-digit years must keep the file's order once read (a 1926 written "26" would read as
 * 2026 and break it).
 * @throws #VALUE! naming the line of a cell that is not a date, an impossible date, dates of both orders, or a file dated entirely before 1900
 * @example readDateColumn([{ text: "13/01/2024", line: 2, column: "Date" }]).ends // [45304]
 */
export function readDateColumn(
  cells: readonly PlacedText[],
  options: DateColumnOptions = {}
): DateColumn {
  const read = cells.map((cell) => {
    const date = readDateText(cell.text);
    if (date === null) throw notADate(cell);
    return date;
  });
  const notes: string[] = [];
  const months = read.filter(({ date }) => date.kind === "month").length;
  if (months > 0 && months < read.length) {
    const day = read.findIndex(({ date }) => date.kind !== "month");
    const month = read.findIndex(({ date }) => date.kind === "month");
    throw invalid(
      `line ${cells[Math.max(day, month)].line}, column ${cells[0].column}`,
      `"${cells[Math.max(day, month)].text.trim()}" is a ${day > month ? "day" : "month"}, but line ${cells[Math.min(day, month)].line} ("${cells[Math.min(day, month)].text.trim()}") is a ${day > month ? "month" : "day"}: give every row the same kind of date`
    );
  }

  // The order of day/month dates.
  const dayFirst = read.findIndex(({ date }) => date.kind === "either" && date.a > 12);
  const monthFirst = read.findIndex(({ date }) => date.kind === "either" && date.b > 12);
  // A date whose two readings differ (01/01/2024 is the same either way).
  const either = read.findIndex(({ date }) => date.kind === "either" && date.a !== date.b);
  if (dayFirst >= 0 && monthFirst >= 0) {
    const [first, second] = [dayFirst, monthFirst].sort((a, b) => a - b);
    const order = (k: number) => (k === dayFirst ? "day first" : "month first");
    throw invalid(
      `line ${cells[second].line}, column ${cells[0].column}`,
      `"${cells[second].text.trim()}" can only be ${order(second)}, but line ${cells[first].line} ("${cells[first].text.trim()}") only ${order(first)}: write every date in the same order`
    );
  }
  const pattern = (k: number, order: DateOrder) => {
    const separator = /\d([-/.])\d/.exec(cells[k].text)?.[1] ?? "/";
    const year = read[k].twoDigitYear ? "yy" : "yyyy";
    return (order === "dmy" ? ["dd", "mm", year] : ["mm", "dd", year]).join(separator);
  };
  const questions: DateQuestion[] = [];
  let order: DateOrder | undefined;
  const label = cells[0]?.column ?? "";
  const stated = /(?<![a-z])(m{1,2}|d{1,2})[-/.](m{1,2}|d{1,2})[-/.]y{2,4}(?![a-z])/i.exec(label);
  const statedOrder =
    stated && stated[1][0].toLowerCase() !== stated[2][0].toLowerCase()
      ? stated[1][0].toLowerCase() === "d"
        ? "dmy"
        : "mdy"
      : undefined;
  if (statedOrder !== undefined) {
    const against = statedOrder === "dmy" ? monthFirst : dayFirst;
    if (against >= 0)
      throw invalid(
        `line ${cells[against].line}, column ${label}`,
        `"${cells[against].text.trim()}" can only be ${statedOrder === "dmy" ? "month" : "day"} first, but the header says ${stated?.[0]}`
      );
    order = statedOrder;
    if (either >= 0)
      notes.push(
        `Dates are ${order === "dmy" ? "day" : "month"} first, as the header “${label}” says.`
      );
  } else if (dayFirst >= 0 || monthFirst >= 0) {
    order = dayFirst >= 0 ? "dmy" : "mdy";
    const k = dayFirst >= 0 ? dayFirst : monthFirst;
    notes.push(
      `Dates are ${order === "dmy" ? "day" : "month"} first (${pattern(k, order)}), as line ${cells[k].line} (${cells[k].text.trim()}) shows.`
    );
  } else if (either >= 0 && options.order !== undefined) {
    order = options.order;
    notes.push(
      `Dates are ${order === "dmy" ? "day" : "month"} first (${pattern(either, order)}), as you chose: no date in the file shows it.`
    );
  } else if (either >= 0) {
    const { a, b, year } = read[either].date as Extract<DateText, { kind: "either" }>;
    const cell = cells[either];
    const both = { dayFirst: spelled(year, b, a), monthFirst: spelled(year, a, b) };
    questions.push({
      kind: "date-order",
      text: `No date in the file has a day above 12, so every date can be read day first or month first (line ${cell.line}: ${cell.text.trim()} is ${both.dayFirst} or ${both.monthFirst}). Which order does the file use?`,
      ...both,
    });
  }

  // Calendar parts, rows before 1900, then serials.
  const parts = read.map(({ date }) => {
    if (date.kind !== "either") return date;
    const [day, month] = order === "mdy" ? [date.b, date.a] : [date.a, date.b];
    return { kind: "day" as const, year: date.year, month, day };
  });
  const early = parts.flatMap((part, k) => (part.year < 1900 ? [k] : []));
  if (early.length === read.length)
    throw invalid(
      `column ${cells[0].column}`,
      `every date is before 1900 (line ${cells[0].line}: ${cells[0].text.trim()}), and Excel cannot store dates before 1900-01-01: Stack cannot import this file`
    );
  const lines = (ks: readonly number[]) =>
    ks.length === 1
      ? `line ${cells[ks[0]].line}`
      : `lines ${cells[ks[0]].line}–${cells[ks[ks.length - 1]].line}`;
  if (early.length > 0 && options.from1900 !== true) {
    questions.push({
      kind: "before-1900",
      rows: early.length,
      text: `${early.length.toLocaleString("en-US")} row${early.length === 1 ? " is" : "s are"} dated before 1900 (${lines(early)}, from ${cells[early[0]].text.trim()}): Excel cannot store dates before 1900-01-01 as dates. Trim the file to start in 1900 or later, or import from 1900 and leave ${early.length === 1 ? "that row" : "those rows"} out.`,
    });
  }
  if (questions.length > 0) return { kind: "ask", questions };
  if (early.length > 0)
    notes.push(
      `${early.length.toLocaleString("en-US")} row${early.length === 1 ? "" : "s"} dated before 1900 (${lines(early)}) ${early.length === 1 ? "was" : "were"} left out, as you chose: Excel cannot store dates before 1900.`
    );

  const ends = new Float64Array(read.length);
  const starts = new Float64Array(read.length);
  parts.forEach((part, k) => {
    if (part.year < 1900) {
      ends[k] = starts[k] = NaN;
      return;
    }
    const day = part.kind === "month" ? daysInMonth(part.year, part.month) : part.day;
    const serial = excelSerial(part.year, part.month, day);
    if (serial === null)
      throw invalid(
        `line ${cells[k].line}, column ${cells[k].column}`,
        `"${cells[k].text.trim()}" is not a real date${order !== undefined && read[k].date.kind === "either" ? ` read ${order === "dmy" ? "day" : "month"} first` : ""}`
      );
    ends[k] = serial;
    starts[k] = part.kind === "month" ? (excelSerial(part.year, part.month, 1) as number) : serial;
  });
  if (months > 0)
    notes.push(
      `Monthly dates (line ${cells[0].line}: ${cells[0].text.trim()} is ${MONTH_NAMES[parts[0].month - 1]} ${parts[0].year}): returns are dated at the end of each month, rates at its start.`
    );
  checkTwoDigitYears(read, cells, ends, notes);
  const times = read.some(({ time }) => time);
  if (times) {
    const k = read.findIndex(({ time }) => time);
    notes.push(
      `Times of day after the dates are ignored (line ${cells[k].line}: ${cells[k].text.trim()}).`
    );
  }
  return { kind: "read", ends, starts, notes, times };
}

/**
 * With two-digit years, states Excel's rule and checks that the dates, once read, keep the order the
 * file lists them in (ascending or descending): a year on the wrong side of the rule breaks it.
 */
function checkTwoDigitYears(
  read: readonly ReadText[],
  cells: readonly PlacedText[],
  serials: Float64Array,
  notes: string[]
): void {
  const first = read.findIndex(({ twoDigitYear }) => twoDigitYear);
  if (first < 0) return;
  const ks = Array.from(serials.keys()).filter((k) => !Number.isNaN(serials[k]));
  const breakAt = (sign: number) =>
    ks.findIndex((k, i) => i > 0 && sign * (serials[k] - serials[ks[i - 1]]) < 0);
  const [up, down] = [breakAt(1), breakAt(-1)];
  if (up >= 0 && down >= 0) {
    const i = Math.max(up, down);
    const [k, before] = [ks[i], ks[i - 1]];
    throw invalid(
      `line ${cells[k].line}, column ${cells[k].column}`,
      `"${cells[k].text.trim()}", read as ${formatDate(serials[k])}, is out of order with line ${cells[before].line} (${formatDate(serials[before])}): two-digit years 00–29 are read as 2000–2029 and 30–99 as 1930–1999; write four-digit years`
    );
  }
  notes.push(
    `Two-digit years: 00–29 are read as 2000–2029 and 30–99 as 1930–1999, as Excel does (line ${cells[first].line}: ${cells[first].text.trim()} is ${formatDate(serials[first])}).`
  );
}

/**
 * The periods per year of a series from its dates: the median gap between consecutive dates, in
 * calendar days, classified as daily (252 trading days), weekly (52), monthly (12), quarterly (4) or
 * annual (1); null when it is none of these or there are fewer than two dates.
 * @example periodsPerYear(Float64Array.of(45293, 45294, 45295)) // 252
 */
export function periodsPerYear(dates: Float64Array): number | null {
  if (dates.length < 2) return null;
  const gaps = Float64Array.from({ length: dates.length - 1 }, (_, k) =>
    Math.abs(dates[k + 1] - dates[k])
  ).sort();
  const median = gaps[gaps.length >> 1];
  if (median >= 1 && median <= 4) return 252;
  if (median >= 6 && median <= 8) return 52;
  if (median >= 27 && median <= 32) return 12;
  if (median >= 88 && median <= 93) return 4;
  if (median >= 360 && median <= 370) return 1;
  return null;
}

/** What a period is called, for words such as "a rate per day". */
export function periodName(ppy: number): string {
  return ({ 252: "day", 52: "week", 12: "month", 4: "quarter", 1: "year" } as const)[
    ppy as 252 | 52 | 12 | 4 | 1
  ];
}
