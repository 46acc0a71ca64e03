/**
 * Dates: Excel's serial numbers, the formats read, and a date column decided as a whole (day or month
 * first from the file's own dates or its header, asked when nothing tells; rows before 1900; two-digit
 * years; monthly dates; periods per year). Serials are hand-counted from 2024-01-01 = 45292 (Excel).
 */
import { excelDate } from "../../src/core/excel-date";
import {
  excelSerial,
  formatDate,
  looksLikeDate,
  parseDate,
  periodsPerYear,
  readDateColumn,
  type DateColumn,
  type DateColumnOptions,
} from "../../src/io/series-dates";

/** 2024-01-02 = 45292 + 1; 2024-02-01 = 45292 + 31; 2024-12-31 = 45292 + 365. */
const JAN_2 = 45293;
const FEB_1 = 45323;
const DEC_31 = 45657;

function column(texts: readonly string[], options?: DateColumnOptions, label = "Date"): DateColumn {
  return readDateColumn(
    texts.map((text, k) => ({ text, line: k + 2, column: label })),
    options
  );
}

function read(texts: readonly string[], options?: DateColumnOptions, label?: string) {
  const result = column(texts, options, label);
  if (result.kind !== "read") throw new Error(`asked: ${JSON.stringify(result.questions)}`);
  return result;
}

function failure(texts: readonly string[], options?: DateColumnOptions): string {
  try {
    column(texts, options);
  } catch (error) {
    expect(error).toMatchObject({ name: "StackError", kind: "value" });
    return (error as Error).message;
  }
  throw new Error("no error");
}

describe("excelSerial", () => {
  it("matches Excel's 1900 date system: 1970-01-01 = 25569, 1900-03-01 = 61, 1900-02-28 = 59, 1900-01-01 = 1", () => {
    expect(excelSerial(1970, 1, 1)).toBe(25569);
    expect(excelSerial(1900, 3, 1)).toBe(61);
    expect(excelSerial(1900, 2, 28)).toBe(59);
    expect(excelSerial(1900, 1, 1)).toBe(1);
    // 2024-01-01 is 45292 (Excel); + 31 (January) + 28 → 29 February = 45351
    expect(excelSerial(2024, 2, 29)).toBe(45351);
  });

  it("is null for dates that do not exist or lie outside 1900–9999", () => {
    for (const [y, m, d] of [
      [2023, 2, 29],
      [2024, 4, 31],
      [2024, 13, 1],
      [2024, 0, 10],
      [1899, 12, 31],
      [10000, 1, 1],
    ])
      expect(excelSerial(y, m, d)).toBeNull();
    expect(excelSerial(9999, 12, 31)).toBe(2958465);
  });

  it("inverts the core's excelDate: every day of 1900 (the phantom 29 Feb, serial 60, excepted), then every 11th to 2100", () => {
    for (let serial = 1; serial < 73051; serial += serial < 400 ? 1 : 11) {
      if (serial === 60) continue;
      const { year, month, day } = excelDate(serial);
      if (excelSerial(year, month, day) !== serial)
        throw new Error(`serial ${serial} → ${year}-${month}-${day}`);
    }
  });
});

describe("parseDate (dates that can be read only one way)", () => {
  it("reads ISO with or without a time, yyyy/mm/dd, yyyymmdd and month names", () => {
    for (const text of [
      "2024-12-31",
      "2024/12/31",
      "2024.12.31",
      "20241231",
      " 2024-12-31 ",
      "2024-12-31 00:00:00-05:00",
      "2024-12-31T16:00:00Z",
      "31 Dec 2024",
      "31-Dec-24",
      "Dec 31, 2024",
      "December 31st 2024",
    ])
      expect([text, parseDate(text)]).toEqual([text, DEC_31]);
  });

  it("is null for day/month dates (the file decides them), months, and anything else", () => {
    for (const text of [
      "01/02/2024",
      "2024-01",
      "192607",
      "",
      "Date",
      "2024-13-01",
      "1927",
      "45657",
    ])
      expect([text, parseDate(text)]).toEqual([text, null]);
  });

  it("knows a date in any format read, whatever its order", () => {
    for (const text of [
      "01/02/2024",
      "31.12.2024",
      "12/31/24",
      "192607",
      "Jan 2024",
      "1/2/2024 0:00",
    ])
      expect([text, looksLikeDate(text)]).toEqual([text, true]);
    for (const text of ["13/13/2024", "Date", "1927", "45657", "Q1 2024", "Mon 2024"])
      expect([text, looksLikeDate(text)]).toEqual([text, false]);
  });
});

describe("readDateColumn: day first or month first, from the whole file", () => {
  it("decides day first from one day above 12 and reads every row that way, saying which line showed it", () => {
    const result = read(["01/02/2024", "13/02/2024"]);
    expect(Array.from(result.ends)).toEqual([FEB_1, FEB_1 + 12]);
    expect(result.notes).toEqual([
      "Dates are day first (dd/mm/yyyy), as line 3 (13/02/2024) shows.",
    ]);
    expect(Array.from(read(["01.02.2024", "31.01.2024"]).ends)).toEqual([FEB_1, FEB_1 - 1]);
    expect(read(["02-01-2024", "31-01-2024"]).notes[0]).toContain("day first (dd-mm-yyyy)");
  });

  it("decides month first from a second number above 12 (US files), including a time Excel adds", () => {
    const result = read(["01/02/2024 0:00", "12/31/2024 4:00 PM"]);
    expect(Array.from(result.ends)).toEqual([JAN_2, DEC_31]);
    expect(result.notes).toEqual([
      "Dates are month first (mm/dd/yyyy), as line 3 (12/31/2024 4:00 PM) shows.",
      "Times of day after the dates are ignored (line 2: 01/02/2024 0:00).",
    ]);
  });

  it("asks when no date has a day above 12, showing the first date both ways, and follows the answer", () => {
    const dates = ["01/02/2024", "01/03/2024", "01/04/2024"];
    expect(column(dates)).toEqual({
      kind: "ask",
      questions: [
        {
          kind: "date-order",
          text: "No date in the file has a day above 12, so every date can be read day first or month first (line 2: 01/02/2024 is 1 February 2024 or 2 January 2024). Which order does the file use?",
          dayFirst: "1 February 2024",
          monthFirst: "2 January 2024",
        },
      ],
    });
    // day first: 1 Feb, 1 Mar, 1 Apr 2024 = 45323, 45323 + 29, 45323 + 29 + 31
    const dayFirst = read(dates, { order: "dmy" });
    expect(Array.from(dayFirst.ends)).toEqual([FEB_1, FEB_1 + 29, FEB_1 + 60]);
    expect(dayFirst.notes[0]).toBe(
      "Dates are day first (dd/mm/yyyy), as you chose: no date in the file shows it."
    );
    expect(Array.from(read(dates, { order: "mdy" }).ends)).toEqual([JAN_2, JAN_2 + 1, JAN_2 + 2]);
  });

  it("shows the first date whose two readings differ, and does not ask when they never do", () => {
    const asked = column(["01/01/2024", "01/02/2024"]);
    expect(asked.kind === "ask" && asked.questions[0].text).toContain(
      "(line 3: 01/02/2024 is 1 February 2024 or 2 January 2024)"
    );
    expect(Array.from(read(["01/01/2024", "02/02/2024"]).ends)).toEqual([45292, FEB_1 + 1]);
  });

  it("takes the order a header states, and refuses a date that contradicts it", () => {
    const stated = read(["05/08/2025", "05/09/2025"], {}, "Date (MM/DD/YYYY)");
    // 2025-05-08 = 45292 + 366 + 127
    expect(Array.from(stated.ends)).toEqual([45785, 45786]);
    expect(stated.notes).toEqual([
      "Dates are month first, as the header “Date (MM/DD/YYYY)” says.",
    ]);
    expect(() => read(["13/05/2025"], {}, "Date (mm/dd/yyyy)")).toThrow(
      'line 2, column Date (mm/dd/yyyy): "13/05/2025" can only be day first, but the header says mm/dd/yyyy'
    );
  });

  it("ignores a stale answer when the file itself shows the order", () => {
    expect(Array.from(read(["13/01/2024"], { order: "mdy" }).ends)).toEqual([45304]);
  });

  it("refuses dates of both orders, naming both lines, and impossible or unreadable dates", () => {
    expect(failure(["13/01/2024", "01/02/2024", "01/13/2024"])).toBe(
      'line 4, column Date: "01/13/2024" can only be month first, but line 2 ("13/01/2024") only day first: write every date in the same order'
    );
    expect(failure(["31/04/2024", "13/01/2024"])).toBe(
      'line 2, column Date: "31/04/2024" is not a real date read day first'
    );
    expect(failure(["2024-02-30"])).toBe('line 2, column Date: "2024-02-30" is not a real date');
    expect(failure(["2024-01-02", "next week"])).toBe(
      'line 3, column Date: "next week" is not a date (expected a date such as 2024-01-31, 31/01/2024, 01/31/2024, 31.01.2024, 20240131, 202401, 2024-01 or Jan 31, 2024)'
    );
    expect(failure(["45293"])).toBe(
      'line 2, column Date: "45293" looks like an Excel serial number: format the column as dates in Excel before saving, or read the cells as a range'
    );
    expect(failure(["1927"])).toBe(
      'line 2, column Date: "1927" is a year, not a date: give each row a date, e.g. 1927-12-31'
    );
    expect(failure(["202401", "2024-01-31"])).toBe(
      'line 3, column Date: "2024-01-31" is a day, but line 2 ("202401") is a month: give every row the same kind of date'
    );
  });
});

describe("readDateColumn: months, two-digit years, dates before 1900", () => {
  it("dates yyyymm, yyyy-mm and month-name months at the month's end for returns and its start for rates", () => {
    const result = read(["192607", "192608"]);
    // 1926-07-31 and 1926-08-31: 25569 − (days from 1926-07-31 to 1970-01-01 = 15860) = 9709; + 31
    expect(Array.from(result.ends)).toEqual([9709, 9740]);
    expect(Array.from(result.starts)).toEqual([9679, 9710]); // 1926-07-01, 1926-08-01
    expect(result.notes).toEqual([
      "Monthly dates (line 2: 192607 is July 1926): returns are dated at the end of each month, rates at its start.",
    ]);
    expect(Array.from(read(["2024-01", "2024-02"]).ends)).toEqual([45292 + 30, 45292 + 59]);
    expect(Array.from(read(["Jan 2024", "Feb-24"]).starts)).toEqual([45292, FEB_1]);
  });

  it("reads two-digit years with Excel's rule, says so, and refuses a year that lands on the wrong side of it", () => {
    const result = read(["5/20/86", "5/21/86", "12/31/29"]);
    expect(Array.from(result.ends)).toEqual([31552, 31553, 47483]); // 1986-05-20, 05-21, 2029-12-31
    expect(result.notes).toContain(
      "Two-digit years: 00–29 are read as 2000–2029 and 30–99 as 1930–1999, as Excel does (line 2: 5/20/86 is 1986-05-20)."
    );
    // a file from 1926 to 1931 written with two-digit years: 26 → 2026 comes before 30 → 1930
    expect(failure(["7/1/26", "12/31/29", "1/2/30", "1/2/31"])).toBe(
      'line 4, column Date: "1/2/30", read as 1930-01-02, is out of order with line 3 (2029-12-31): two-digit years 00–29 are read as 2000–2029 and 30–99 as 1930–1999; write four-digit years'
    );
    // newest first is an order too
    expect(read(["1/3/24", "1/2/24", "12/29/23"]).notes).toHaveLength(2);
  });

  it("asks before leaving out rows dated before 1900, says how many and where, and refuses a file dated entirely before 1900", () => {
    const dates = ["1871-01-01", "1899-12-01", "1900-01-01", "1900-02-01"];
    expect(column(dates)).toEqual({
      kind: "ask",
      questions: [
        {
          kind: "before-1900",
          rows: 2,
          text: "2 rows are dated before 1900 (lines 2–3, from 1871-01-01): Excel cannot store dates before 1900-01-01 as dates. Trim the file to start in 1900 or later, or import from 1900 and leave those rows out.",
        },
      ],
    });
    const from1900 = read(dates, { from1900: true });
    expect(Array.from(from1900.ends)).toEqual([NaN, NaN, 1, 32]);
    expect(from1900.notes).toEqual([
      "2 rows dated before 1900 (lines 2–3) were left out, as you chose: Excel cannot store dates before 1900.",
    ]);
    expect(failure(["1871-01-01", "1899-12-01"])).toBe(
      "column Date: every date is before 1900 (line 2: 1871-01-01), and Excel cannot store dates before 1900-01-01: Stack cannot import this file"
    );
  });

  it("asks both questions at once when both are open", () => {
    const asked = column(["01/02/1899", "01/03/1900"]);
    expect(asked.kind === "ask" && asked.questions.map((q) => q.kind)).toEqual([
      "date-order",
      "before-1900",
    ]);
  });
});

describe("periodsPerYear and formatDate", () => {
  it("classifies the median gap between dates", () => {
    expect(periodsPerYear(Float64Array.of(1, 2, 3, 6, 7))).toBe(252);
    expect(periodsPerYear(Float64Array.of(1, 8, 15))).toBe(52);
    expect(periodsPerYear(Float64Array.of(9709, 9740, 9770, 9801))).toBe(12);
    expect(periodsPerYear(Float64Array.of(1, 92, 183))).toBe(4);
    expect(periodsPerYear(Float64Array.of(1, 366, 731))).toBe(1);
    expect(periodsPerYear(Float64Array.of(1, 20, 40))).toBeNull();
    expect(periodsPerYear(Float64Array.of(1))).toBeNull();
  });

  it("writes yyyy-mm-dd, which parseDate reads back, dropping a time of day", () => {
    expect(formatDate(45657)).toBe("2024-12-31");
    expect(formatDate(45293.75)).toBe("2024-01-02");
    expect(formatDate(61)).toBe("1900-03-01");
    for (const serial of [1, 59, 61, 25569, 45351, 2958465])
      expect(parseDate(formatDate(serial))).toBe(serial);
  });
});
