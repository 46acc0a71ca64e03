import { excelDate } from "../../src/core/excel-date";
import { excelSerial, formatDate, parseDate } from "../../src/io/series-dates";

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
    expect(excelSerial(2023, 2, 29)).toBeNull();
    expect(excelSerial(2024, 4, 31)).toBeNull();
    expect(excelSerial(2024, 13, 1)).toBeNull();
    expect(excelSerial(2024, 0, 10)).toBeNull();
    expect(excelSerial(1899, 12, 31)).toBeNull();
    expect(excelSerial(99, 1, 1)).toBeNull();
    expect(excelSerial(10000, 1, 1)).toBeNull();
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

describe("parseDate", () => {
  it("reads ISO, yyyymmdd, m/d/yyyy, mm/dd/yyyy and m/d/yy to the same serial", () => {
    // 2024-12-31 = 45292 + 365
    for (const text of ["2024-12-31", "20241231", "12/31/2024", "12/31/24", " 2024-12-31 "])
      expect(parseDate(text)).toBe(45657);
    // 2024-01-02 = 45293
    for (const text of ["2024-01-02", "1/2/2024", "01/02/2024", "1/2/24", "2024-1-2"])
      expect(parseDate(text)).toBe(45293);
  });

  it("ignores a time after an ISO date, as pandas and yfinance write it", () => {
    expect(parseDate("2020-01-02 00:00:00-05:00")).toBe(43832);
    expect(parseDate("2020-01-02T00:00:00Z")).toBe(43832);
  });

  it("reads two-digit years like Excel: 00–29 → 2000s, 30–99 → 1900s", () => {
    expect(parseDate("3/4/29")).toBe(47181); // 2029-03-04
    expect(parseDate("3/4/30")).toBe(11021); // 1930-03-04
    expect(parseDate("5/20/86")).toBe(31552); // 1986-05-20
  });

  it("is null for other text, impossible dates and day-first dates", () => {
    for (const text of [
      "",
      "Date",
      "abc",
      "2024-13-01",
      "2023-02-29",
      "31/12/2024",
      "192607",
      "2024/01/02",
      "1927",
      "45657",
    ]) {
      expect(parseDate(text)).toBeNull();
    }
  });
});

describe("formatDate", () => {
  it("writes yyyy-mm-dd, which parseDate reads back, dropping a time of day", () => {
    expect(formatDate(45657)).toBe("2024-12-31");
    expect(formatDate(45293.75)).toBe("2024-01-02");
    expect(formatDate(61)).toBe("1900-03-01");
    for (const serial of [1, 59, 61, 25569, 45351, 2958465])
      expect(parseDate(formatDate(serial))).toBe(serial);
  });
});
