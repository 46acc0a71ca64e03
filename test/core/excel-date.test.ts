import fc from "fast-check";
import {
  excelDate,
  excelDays,
  excelMonthIndex,
  excelSerial,
  nextPeriodStart,
  periodIndex,
  requireDates,
  serialOfDays,
} from "../../src/core/excel-date";

// Reference dates from Python: datetime.date(1899, 12, 30) + timedelta(days=serial), valid from serial 61
// (test/fixtures/series_reference.py). Serials below 61 are checked against Excel's own calendar.
describe("excelDate", () => {
  it.each([
    [61, 1900, 3, 1],
    [25569, 1970, 1, 1],
    [36526, 2000, 1, 1],
    [36585, 2000, 2, 29],
    [36586, 2000, 3, 1],
    [45306, 2024, 1, 15],
    [45351, 2024, 2, 29],
    [2958465, 9999, 12, 31],
  ])("serial %p is %p-%p-%p", (serial, year, month, day) => {
    expect(excelDate(serial)).toEqual({ year, month, day });
  });

  it("follows Excel before March 1900: 1 = 1900-01-01, 59 = 1900-02-28, and the phantom 60 reads as 1900-03-01", () => {
    expect(excelDate(1)).toEqual({ year: 1900, month: 1, day: 1 });
    expect(excelDate(59)).toEqual({ year: 1900, month: 2, day: 28 });
    expect(excelDate(60)).toEqual({ year: 1900, month: 3, day: 1 });
  });

  it("ignores the time of day: 45306.75 is still 2024-01-15", () => {
    expect(excelDate(45306.75)).toEqual({ year: 2024, month: 1, day: 15 });
  });

  it("counts months: 2024-01-15 → 2024·12 + 0 = 24288", () => {
    expect(excelMonthIndex(45306)).toBe(24288);
  });

  it("property: serialOfDays inverts excelDays from 1900-03-01 on, and consecutive days never skip or repeat a date", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958464 }), (serial) => {
        const today = excelDate(serial);
        const tomorrow = excelDate(serial + 1);
        const nextDay =
          today.day + 1 === tomorrow.day &&
          today.month === tomorrow.month &&
          today.year === tomorrow.year;
        const nextMonth =
          tomorrow.day === 1 &&
          (tomorrow.month === today.month + 1 ||
            (today.month === 12 && tomorrow.month === 1 && tomorrow.year === today.year + 1));
        return serialOfDays(excelDays(serial)) === serial && (nextDay || nextMonth);
      })
    );
  });
});

describe("nextPeriodStart", () => {
  // From Monday 2024-01-15 (serial 45306); Python: (date(...) − date(1899, 12, 30)).days.
  it.each([
    ["D", 45307], // 2024-01-16
    ["W", 45313], // Monday 2024-01-22
    ["M", 45323], // 2024-02-01
    ["Q", 45383], // 2024-04-01
    ["A", 45658], // 2025-01-01
  ] as const)("after 2024-01-15, the next %s period starts at serial %p", (frequency, start) => {
    expect(nextPeriodStart(45306, frequency)).toBe(start);
  });

  it("puts a Sunday in the week that started the Monday before: Sunday 2024-01-21 → Monday 2024-01-22", () => {
    expect(nextPeriodStart(45312, "W")).toBe(45313);
  });

  it("quarters start in January, April, July and October: 2000-02-29 → 2000-04-01, 2000-12-31 → 2001-01-01", () => {
    expect(excelDate(nextPeriodStart(36585, "Q"))).toEqual({ year: 2000, month: 4, day: 1 });
    expect(excelDate(nextPeriodStart(36891, "Q"))).toEqual({ year: 2001, month: 1, day: 1 });
  });

  it("property: the next start is after the date, begins a period, and the day before it is in the date's period", () => {
    const frequency = fc.constantFrom("D", "W", "M", "Q", "A" as const);
    const MONDAY = 45306; // 2024-01-15 was a Monday
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958000 }), frequency, (serial, f) => {
        const start = nextPeriodStart(serial, f);
        const { month, day } = excelDate(start);
        const begins =
          f === "D" ||
          (f === "W" && (((start - MONDAY) % 7) + 7) % 7 === 0) ||
          (f === "M" && day === 1) ||
          (f === "Q" && day === 1 && month % 3 === 1) ||
          (f === "A" && day === 1 && month === 1);
        return start > serial && begins && nextPeriodStart(start - 1, f) === start;
      })
    );
  });
});

describe("requireDates", () => {
  it("accepts strictly increasing Excel dates", () => {
    expect(() => requireDates(Float64Array.of(45306, 45307, 45310))).not.toThrow();
  });

  it("names the first row that is not after the one before, 1-based", () => {
    expect(() => requireDates(Float64Array.of(45306, 45307, 45307))).toThrow(
      "dates: row 3 is not after row 2"
    );
    expect(() => requireDates(Float64Array.of(45306, 45300))).toThrow(
      "dates: row 2 is not after row 1"
    );
  });

  it("refuses serials outside 1900-01-01 … 9999-12-31", () => {
    expect(() => requireDates(Float64Array.of(0, 1))).toThrow("dates: row 1 is not a date");
    expect(() => requireDates(Float64Array.of(45306, 2958466))).toThrow(
      "dates: row 2 is not a date"
    );
  });
});

describe("excelSerial and periodIndex", () => {
  it("turn calendar dates into serials (Python: date − 1899-12-30, series_reference.py)", () => {
    expect(excelSerial(2024, 2, 29)).toBe(45351);
    expect(excelSerial(1970, 1, 1)).toBe(25569);
    expect(excelSerial(1900, 3, 1)).toBe(61);
  });

  it("number periods so that consecutive ones differ by 1", () => {
    // Hand: 2024-01-15 is month index 2024·12 = 24288, quarter 8096, year 2024; Sunday 2024-01-14 and
    // Monday 2024-01-15 fall in consecutive ISO weeks.
    expect(periodIndex(45306, "M")).toBe(24288);
    expect(periodIndex(45306, "Q")).toBe(8096);
    expect(periodIndex(45306, "A")).toBe(2024);
    expect(periodIndex(45306, "W") - periodIndex(45305, "W")).toBe(1);
    expect(periodIndex(45306, "W")).toBe(periodIndex(45312, "W")); // Monday to Sunday
  });
});
