import { excelDate } from "./excel-date";
import { compound } from "./growth";
import { periodicReturns } from "./periodic";

/** One calendar year of a monthly-returns table. */
export interface CalendarYear {
  readonly year: number;
  /** Twelve compounded monthly returns, January first; null where the month has no data. */
  readonly months: readonly (number | null)[];
  /** The year's compounded return over the months it has (a partial year as it is). */
  readonly total: number;
}

/**
 * The year × month table of one series (PerformanceAnalytics' table.CalendarReturns, quantstats'
 * monthly heatmap): each month's compounded return, then the year's, Π(1 + month) − 1.
 * @example calendarTable([0.01, 0.02], [45321, 45323]) // 2024-01-31, 2024-02-02
 *   // [{ year: 2024, months: [0.01, 0.02, null, …], total: 1.01·1.02 − 1 = 0.0302 }]
 */
export function calendarTable(returns: Float64Array, dates: Float64Array): CalendarYear[] {
  const monthly = periodicReturns([returns], dates, "M");
  const years: { year: number; months: (number | null)[]; value: number }[] = [];
  monthly.dates.forEach((date, p) => {
    const { year, month } = excelDate(date);
    if (years[years.length - 1]?.year !== year)
      years.push({ year, months: Array<number | null>(12).fill(null), value: 1 });
    const row = years[years.length - 1];
    const r = monthly.returns[0][p];
    row.months[month - 1] = r;
    row.value = compound(row.value, r);
  });
  return years.map(({ year, months, value }) => ({ year, months, total: value - 1 }));
}
