/**
 * The report's native charts, one under another across its width, each with a title, axis titles and a
 * legend naming every portfolio and the benchmark: growth of the start amount (log scale), drawdowns,
 * rolling annualised returns and annual returns. With spliced funds, the growth and drawdown charts' titles
 * say from which date each real fund replaces its simulation.
 */
import { Area, ChartSpec } from "../layout";
import { columnOf } from "../sheet-builder";
import { formatDate } from "../../io/series-dates";
import { CHART_ROWS, MONEY, SheetContext, switchRow } from "./context";
import { DataAreas, resultNames } from "./data";

/** " · real UPRO NAV from 2009-06-24, …": where the spliced funds switch to the real ones, for a chart's title. */
function realFrom(ctx: SheetContext): string {
  const switches = ctx.real.flatMap((series) => {
    const row = switchRow(ctx, series);
    return row === null
      ? []
      : [`${ctx.data.series[series].name} from ${formatDate(ctx.data.dates[ctx.first + row])}`];
  });
  return switches.length === 0 ? "" : ` · real ${switches.join(", ")}, simulated before`;
}

export function writeCharts(
  ctx: SheetContext,
  areas: DataAreas,
  annual: Area,
  yearCells: Area,
  row: number
): number {
  const { builder, charts, width } = ctx;
  builder.section(row, "Charts");
  const top = row + 1;
  const chartAt = (i: number): Area => ({
    row: top + i * CHART_ROWS,
    column: 0,
    rows: CHART_ROWS - 1,
    columns: Math.min(width, 10),
  });
  const names = resultNames(ctx);
  const all = (area: Area) => names.map((name, j) => ({ name, values: columnOf(area, j) }));
  const dateAxis = { title: "Date", numberFormat: "yyyy" };
  const specs: ChartSpec[] = [
    {
      kind: "line",
      title: `Growth of the start amount (log scale)${realFrom(ctx)}`,
      categories: areas.dates,
      series: all(areas.growth),
      valueAxis: { title: "Value", logarithmic: true, numberFormat: MONEY },
      categoryAxis: dateAxis,
      legend: "bottom",
      position: chartAt(0),
    },
    {
      kind: "line",
      title: `Drawdown from the previous peak${realFrom(ctx)}`,
      categories: areas.dates,
      series: all(areas.drawdowns),
      valueAxis: { title: "Drawdown", numberFormat: "0%", maximum: 0 },
      categoryAxis: dateAxis,
      legend: "bottom",
      position: chartAt(1),
    },
    {
      kind: "line",
      title: "Rolling annualised return",
      categories: areas.dates,
      series: all(areas.rolling),
      valueAxis: { title: "Annualised return", numberFormat: "0%" },
      categoryAxis: dateAxis,
      legend: "bottom",
      position: chartAt(2),
    },
    {
      kind: "column",
      title: "Annual returns",
      categories: yearCells,
      series: all(annual),
      valueAxis: { title: "Return", numberFormat: "0%" },
      categoryAxis: { title: "Year" },
      legend: "bottom",
      position: chartAt(3),
    },
  ];
  charts.push(...specs);
  return top + specs.length * CHART_ROWS + 1;
}
