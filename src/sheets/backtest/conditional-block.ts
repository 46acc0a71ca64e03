/**
 * How the second index series behaves on the days the first one moves (the third seed's box plots):
 * bucket edges of the first series' daily return as orange inputs, =STACK.CONDITIONAL's table per bucket,
 * a bucket-label column beside the data (one native dynamic-array formula), and a box-and-whisker chart of
 * the second series' daily returns by bucket — or, where the host cannot build that chart type, a line
 * chart of the quartiles from the CONDITIONAL table.
 */
import { DEFAULT_EDGES } from "../../core/conditional";
import { rangeName } from "../../io/a1";
import { Area, Cell, ChartSpec, formula } from "../layout";
import { columnOf } from "../sheet-builder";
import { theme } from "../theme";
import { at, CHART_ROWS, dataArea, HEADER_ROW, PERCENT, ref, SheetContext, TOP } from "./context";
import { DataAreas } from "./data";

export interface ConditionalBlock {
  readonly edges: Area;
  /** One label per bucket (formulas over the edges). */
  readonly labels: Area;
  /** The =STACK.CONDITIONAL spill: a header, then one row per bucket. */
  readonly table: Area;
  /** The data columns: each day's bucket label, and the second series' return that day. */
  readonly buckets: Area;
  readonly values: Area;
  readonly next: number;
}

/** The box-and-whisker chart needs a second index series; otherwise the block is left out. */
export function writeConditionalBlock(
  ctx: SheetContext,
  areas: DataAreas,
  row: number
): ConditionalBlock | undefined {
  const { builder, data, index, columns, names, charts } = ctx;
  if (index.length < 2 || columns.buckets === undefined) return undefined;
  const [xName, yName] = index.slice(0, 2).map((s) => data.series[s].name);
  builder.section(row, `Conditional behaviour: ${yName} on the days ${xName} moves`);
  const edgesRow = row + 1;
  builder.put(edgesRow, 0, [[`Bucket edges of ${xName}'s daily return`, ...DEFAULT_EDGES]]);
  const edges: Area = { row: edgesRow, column: 1, rows: 1, columns: DEFAULT_EDGES.length };
  builder.style(edges, theme.input);
  builder.style(edges, { numberFormat: "0.0%" });
  names.push({ name: "Backtest_Edges", area: edges, comment: "Bucket edges (ascending)" });
  const edge = (i: number): Cell => at(edgesRow, 1 + i);
  const pct = (c: Cell) => `ROUND(${ref(c)}*100,1)&"%"`;
  const last = DEFAULT_EDGES.length - 1;
  const labelsRow = edgesRow + 1;
  builder.put(labelsRow, 0, [
    [
      "Buckets",
      formula(`="≤ "&${pct(edge(0))}`),
      ...Array.from({ length: last }, (_, i) =>
        formula(`=${pct(edge(i))}&" to "&${pct(edge(i + 1))}`)
      ),
      formula(`="> "&${pct(edge(last))}`),
    ],
  ]);
  const labels: Area = { row: labelsRow, column: 1, rows: 1, columns: DEFAULT_EDGES.length + 1 };
  const x = rangeName(columnOf(areas.index, 0), true);
  const y = rangeName(columnOf(areas.index, 1), true);
  const tableTop = labelsRow + 2;
  builder.put(tableTop, 0, [[formula(`=STACK.CONDITIONAL(${x},${y},Backtest_Edges)`)]]);
  const table: Area = { row: tableTop, column: 0, rows: labels.columns + 1, columns: 9 };
  builder.style({ ...table, rows: 1 }, theme.header);
  builder.style(
    { ...table, row: tableTop + 1, rows: labels.columns, columns: 2 },
    { numberFormat: "0.0%" }
  );
  builder.style(
    { ...table, row: tableTop + 1, rows: labels.columns, column: 3, columns: 5 },
    {
      numberFormat: PERCENT,
    }
  );
  builder.style(
    { ...table, row: tableTop + 1, rows: labels.columns, column: 8, columns: 1 },
    {
      numberFormat: "0%",
    }
  );

  // Beside the data: the bucket of each day (1 + the number of edges below x picks its label) and y.
  const buckets = dataArea(ctx, columns.buckets);
  const values = dataArea(ctx, columns.buckets + 1);
  const above = Array.from(DEFAULT_EDGES, (_, i) => `(${x}>${ref(edge(i))})`).join("+");
  const labelRefs = Array.from({ length: labels.columns }, (_, i) => ref(at(labelsRow, 1 + i)));
  builder.put(HEADER_ROW - 1, columns.buckets, [["Conditional buckets"]], {
    font: { bold: true, color: theme.section.font.color },
  });
  builder.put(
    HEADER_ROW,
    columns.buckets,
    [[`Bucket of ${xName}`, `${yName} return`]],
    theme.header
  );
  builder.put(TOP, columns.buckets, [
    // ×1 makes the copy of y a dynamic array (a bare range reference spills in Excel, not in every engine).
    [formula(`=CHOOSE(1+${above},${labelRefs.join(",")})`), formula(`=${y}*1`)],
  ]);
  builder.style(values, { numberFormat: PERCENT });
  names.push({ name: "Backtest_Buckets", area: buckets, comment: "Bucket label of each day" });

  const chartTop = tableTop + table.rows + 1;
  const position: Area = {
    row: chartTop,
    column: 0,
    rows: CHART_ROWS - 1,
    columns: Math.min(ctx.width, 9),
  };
  const quartile = (j: number, name: string) => ({
    name,
    values: { row: tableTop + 1, column: 3 + j, rows: labels.columns, columns: 1 },
  });
  const fallback: ChartSpec = {
    kind: "line",
    title: `${yName} daily return by bucket of ${xName} (quartiles)`,
    categories: { row: labelsRow, column: 1, rows: 1, columns: labels.columns },
    series: [
      quartile(0, "Min"),
      quartile(1, "Q1"),
      quartile(2, "Median"),
      quartile(3, "Q3"),
      quartile(4, "Max"),
    ],
    valueAxis: { title: `${yName} daily return`, numberFormat: "0%" },
    categoryAxis: { title: `${xName} daily return` },
    legend: "bottom",
    position,
  };
  charts.push({
    kind: "boxWhisker",
    title: `${yName} daily return by bucket of ${xName}`,
    categories: buckets,
    series: [{ name: `${yName} return`, values }],
    valueAxis: { title: `${yName} daily return`, numberFormat: "0%" },
    categoryAxis: { title: `${xName} daily return` },
    legend: "bottom",
    position,
    fallback,
  });
  return { edges, labels, table, buckets, values, next: chartTop + CHART_ROWS };
}
