/**
 * Annual returns for every result column (INDEX/MATCH on the growth columns), and the first portfolio's
 * monthly returns (=STACK.CALENDAR) under a red–white–green colour scale.
 */
import { excelDate } from "../../core/excel-date";
import { cellName, rangeName } from "../../io/a1";
import { formatDate } from "../../io/series-dates";
import { Area, Content, formula } from "../layout";
import { columnOf } from "../sheet-builder";
import { theme } from "../theme";
import { PERCENT, ref, SheetContext } from "./context";
import { DataAreas, resultHeadings } from "./data";
import { Inputs } from "./inputs";

/**
 * A calendar year's return from a growth column: the value at the year's last row over the value at the
 * previous year's last row, or the start amount when there is none (the first year). MATCH(…, 1) finds the
 * last date on or before 31 December in the ascending dates.
 */
function annualReturn(growth: string, year: string, start: string): Content {
  const yearEnd = (y: string) => `INDEX(${growth},MATCH(DATE(${y},12,31),Backtest_Dates,1))`;
  return formula(`=${yearEnd(year)}/IFERROR(${yearEnd(`${year}-1`)},${start})-1`);
}

/** The calendar years of ascending dates, each once. */
export function yearsOf(dates: Float64Array): number[] {
  const years: number[] = [];
  for (const date of dates) {
    const { year } = excelDate(date);
    if (years[years.length - 1] !== year) years.push(year);
  }
  return years;
}

export interface CalendarTables {
  readonly years: readonly number[];
  readonly yearCells: Area;
  /** One formula per year and result column. */
  readonly annual: Area;
  /** The =STACK.CALENDAR spill: a header row, then a row per year (Year, Jan … Dec, Year). */
  readonly monthly: Area;
  readonly next: number;
}

export function writeCalendarTables(
  ctx: SheetContext,
  inputs: Inputs,
  areas: DataAreas,
  row: number
): CalendarTables {
  const { builder, data, first, rows, names, colorScales } = ctx;
  const years = yearsOf(data.dates.subarray(first, first + rows));
  const top = row + 2;
  builder.section(row, "Annual returns");
  builder.put(top - 1, 0, [["Year", ...resultHeadings(ctx, inputs, top - 1, 1)]], theme.header);
  builder.put(
    top,
    0,
    years.map((year, i) => [
      year,
      ...Array.from({ length: ctx.results }, (_, j) =>
        annualReturn(
          rangeName(columnOf(areas.growth, j), true),
          cellName(top + i, 0, false),
          ref(inputs.startAmount)
        )
      ),
    ])
  );
  const yearCells: Area = { row: top, column: 0, rows: years.length, columns: 1 };
  const annual: Area = { row: top, column: 1, rows: years.length, columns: ctx.results };
  builder.style(yearCells, { numberFormat: "0", horizontalAlignment: "left" });
  builder.style(annual, { numberFormat: PERCENT });
  names.push({
    name: "Backtest_Annual",
    area: { row: top - 1, column: 0, rows: years.length + 1, columns: 1 + ctx.results },
  });
  const note = top + years.length;
  builder.put(
    note,
    0,
    [
      [
        `Calendar years: ${years[0]} starts on ${formatDate(data.dates[first])}, ${years[years.length - 1]} ends on ${formatDate(data.dates[first + rows - 1])}.`,
      ],
    ],
    theme.note
  );

  // Monthly returns of the first portfolio.
  const monthlyTop = note + 3;
  const firstName = ctx.config.portfolios[0].name;
  builder.section(monthlyTop - 1, `Monthly returns: ${firstName}`);
  builder.put(monthlyTop, 0, [
    [formula(`=STACK.CALENDAR(${rangeName(columnOf(areas.portfolios, 0), true)},Backtest_Dates)`)],
  ]);
  const monthly: Area = { row: monthlyTop, column: 0, rows: 1 + years.length, columns: 14 };
  builder.style({ ...monthly, rows: 1 }, theme.header);
  builder.style(
    { ...monthly, row: monthlyTop + 1, rows: years.length, columns: 1 },
    {
      numberFormat: "0",
      horizontalAlignment: "left",
    }
  );
  const months: Area = { row: monthlyTop + 1, column: 1, rows: years.length, columns: 13 };
  builder.style(months, { numberFormat: "0.0%" });
  colorScales.push({
    area: { ...months, columns: 12 },
    low: "#F8696B",
    mid: "#FFFFFF",
    high: "#63BE7B",
  });
  builder.put(
    monthlyTop + 1 + years.length,
    0,
    [
      [
        "Each month compounds its daily returns; the last column is the year. Red is a loss, green a gain.",
      ],
    ],
    theme.note
  );
  return { years, yearCells, annual, monthly, next: monthlyTop + years.length + 3 };
}
