/**
 * The efficient-frontier section of the stacked-portfolio sheet: =STACK.FRONTIER over the CMA table,
 * unlevered (100% exposure) and up to the user's maximum exposure (an orange input, 200% to start),
 * both borrowing at the stack's financing rate + premium, and a native scatter chart of both curves
 * with the sheet's portfolios as points. Live: the spills read the named CMA ranges and the input
 * cells, so editing the table, the financing terms or the maximum exposure recalculates them.
 */
import { cellName } from "../io/a1";
import { Area, Cell, ChartSpec, formula } from "./layout";
import { CmaSectionContext, SectionResult } from "./cma-section";
import { columnOf } from "./sheet-builder";
import { theme } from "./theme";

/** Points of each frontier (FRONTIER's default). */
export const FRONTIER_POINTS = 20;
/** The maximum exposure the sheet starts with: up to 200%. */
export const DEFAULT_MAX_EXPOSURE = 2;
/** Rows the chart covers. */
const CHART_ROWS = 18;

export interface FrontierSection extends SectionResult {
  /** The orange maximum-exposure input. */
  readonly maxExposure: Cell;
  /** The unlevered FRONTIER spill, its header row included (FRONTIER_POINTS + 1 rows). */
  readonly unlevered: Area;
  /** The spill up to the maximum exposure. */
  readonly levered: Area;
}

/**
 * Place the section from row `top` down.
 * @param maxExposure the maximum exposure's starting value (1 = 100%)
 */
export function frontierSection(
  context: CmaSectionContext,
  top: number,
  maxExposure = DEFAULT_MAX_EXPOSURE
): FrontierSection {
  const { builder, assets, assetCell, rate, premium, portfolios, width } = context;
  const { put, style, label, section } = builder;
  const n = assets.length;
  const ref = (c: Cell) => cellName(c.row, c.column, true);

  section(
    top,
    "Efficient frontier (long only; exposure above 100% pays the financing rate + premium)"
  );
  const exposure: Cell = { row: top + 1, column: 1 };
  put(top + 1, 0, [["Maximum exposure", maxExposure]]);
  style({ ...exposure, rows: 1, columns: 1 }, { ...theme.input, numberFormat: "0%" });
  put(
    top + 2,
    0,
    [
      [
        `Both tables are STACK.FRONTIER over the CMA table: ${FRONTIER_POINTS} portfolios equally spaced in volatility, from the least volatile to the highest-return one, borrowing at the stack's financing rate + premium (with no volatility of its own).`,
      ],
      [
        "The chart's points are the portfolios above, with their fee and the financing leg's volatility, so they can sit off the curves.",
      ],
    ],
    theme.note
  );

  // One table per maximum exposure: a caption row naming the assets over the weight columns, then the spill.
  const table = (captionRow: number, caption: string, total: string): Area => {
    put(captionRow, 0, [[caption]], { font: { bold: true } });
    put(captionRow, 3, [
      assets.map((name, i) => label({ row: captionRow, column: 3 + i }, assetCell(i), name)),
    ]);
    style({ row: captionRow, column: 3, rows: 1, columns: n }, { font: { italic: true } });
    const spill: Area = {
      row: captionRow + 1,
      column: 0,
      rows: FRONTIER_POINTS + 1,
      columns: 3 + n,
    };
    put(spill.row, 0, [
      [
        formula(
          `=STACK.FRONTIER(CMA_Returns,CMA_Vols,CMA_Correlations,${total},${ref(rate)},${ref(premium)})`
        ),
      ],
    ]);
    const body = { row: spill.row + 1, rows: FRONTIER_POINTS };
    style({ ...spill, rows: 1 }, theme.header);
    style({ ...body, column: 0, columns: 2 }, { numberFormat: "0.00%" });
    style({ ...body, column: 2, columns: 1 }, { numberFormat: "0.00" });
    style({ ...body, column: 3, columns: n }, { numberFormat: "0.0%" });
    return spill;
  };
  const unlevered = table(top + 5, "100% exposure (no borrowing)", "1");
  const levered = table(
    unlevered.row + unlevered.rows + 1,
    "Up to the maximum exposure",
    ref(exposure)
  );

  // The chart: both curves (volatility across, expected return up) and the portfolios as points.
  const curve = (spill: Area) => ({
    values: columnOf({ ...spill, row: spill.row + 1, rows: FRONTIER_POINTS }, 1),
    xValues: columnOf({ ...spill, row: spill.row + 1, rows: FRONTIER_POINTS }, 0),
  });
  const chartRow = levered.row + levered.rows + 1;
  const chart: ChartSpec = {
    kind: "scatter",
    title: "Efficient frontier: expected return against volatility",
    series: [
      { name: "100% exposure", ...curve(unlevered) },
      { name: "Up to the maximum exposure", ...curve(levered) },
      ...portfolios.map((p) => ({
        name: p.name,
        values: { ...p.expectedReturn, rows: 1, columns: 1 },
        xValues: { ...p.vol, rows: 1, columns: 1 },
        markersOnly: true,
      })),
    ],
    valueAxis: { title: "Expected return", numberFormat: "0%" },
    categoryAxis: { title: "Volatility", numberFormat: "0%" },
    legend: "bottom",
    position: { row: chartRow, column: 0, rows: CHART_ROWS, columns: width },
  };
  return {
    maxExposure: exposure,
    unlevered,
    levered,
    charts: [chart],
    nextRow: chartRow + CHART_ROWS,
  };
}
