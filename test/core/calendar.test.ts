import { calendarTable } from "../../src/core/calendar";
import { excelSerial } from "../../src/core/excel-date";
import { hasSharedData, managers } from "../fixtures/shared-data";

describe("calendarTable", () => {
  it("compounds each month, then the year over its months (hand calculation)", () => {
    const dates = Float64Array.of(
      excelSerial(2023, 12, 29),
      excelSerial(2024, 1, 2),
      excelSerial(2024, 1, 3),
      excelSerial(2024, 3, 1)
    );
    const table = calendarTable(Float64Array.of(0.05, 0.1, -0.1, 0.02), dates);
    expect(table.map((y) => y.year)).toEqual([2023, 2024]);
    expect(table[0].months[11]).toBeCloseTo(0.05, 15);
    expect(table[0].months.slice(0, 11)).toEqual(Array(11).fill(null));
    expect(table[0].total).toBeCloseTo(0.05, 15);
    // January 1.1·0.9 − 1 = −0.01; no February; March 2%; the year 0.99·1.02 − 1 = 0.0098.
    expect(table[1].months[0]).toBeCloseTo(-0.01, 15);
    expect(table[1].months[1]).toBeNull();
    expect(table[1].months[2]).toBeCloseTo(0.02, 15);
    expect(table[1].total).toBeCloseTo(0.0098, 15);
  });

  (hasSharedData ? it : it.skip)(
    "reproduces PerformanceAnalytics' table.CalendarReturns of HAM1 (managers, published to 0.1%)",
    () => {
      // tests/Examples/PerformanceAnalytics-Ex.Rout.save: t(table.CalendarReturns(managers[,c(1,7,8)])), row HAM1.
      const published = [13.6, 20.4, 6.1, 16.1, 17.7, 22.4, -8.0, 23.7, 14.9, 7.8, 20.5];
      const { dates, columns } = managers();
      const table = calendarTable(
        Float64Array.from(columns.get("HAM1")! as number[]),
        Float64Array.from(dates)
      );
      expect(table.map((y) => y.year)).toEqual([
        1996, 1997, 1998, 1999, 2000, 2001, 2002, 2003, 2004, 2005, 2006,
      ]);
      table.forEach((y, k) => expect(Math.abs(y.total * 100 - published[k])).toBeLessThan(0.05));
      // January 1996 0.7%, December 2006 1.1% (same table).
      expect(table[0].months[0]).toBeCloseTo(0.0074, 10);
      expect(Math.abs(table[10].months[11]! * 100 - 1.1)).toBeLessThanOrEqual(0.05 + 1e-9);
    }
  );
});
