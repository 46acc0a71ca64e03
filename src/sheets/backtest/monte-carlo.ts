/**
 * The optional Monte Carlo block: for each portfolio, =STACK.BOOTSTRAP paths of its funds (whole days
 * drawn together, so the funds' returns on a day stay aligned), percentiles of the annualised returns, the
 * share of losing paths, and a histogram over common bins with one column of counts per portfolio. The
 * number of paths is fixed when the sheet is built (the tables read that many rows); years, block length
 * and seed are inputs.
 */
import { cellName, rangeName } from "../../io/a1";
import { Area, Cell, Content, formula } from "../layout";
import { columnOf } from "../sheet-builder";
import { theme } from "../theme";
import {
  at,
  cellArea,
  CHART_ROWS,
  dataArea,
  HEADER_ROW,
  MONEY,
  PERCENT,
  ref,
  SheetContext,
  TOP,
} from "./context";
import { resultNames } from "./data";
import { Inputs } from "./inputs";

/** Percentiles of the Monte Carlo table, as fractions (PERCENTILE.INC's k). */
export const MONTE_CARLO_PERCENTILES: readonly number[] = [0.05, 0.25, 0.5, 0.75, 0.95];
/** Equal-width bins of the Monte Carlo histogram, from the lowest to the highest path of any portfolio. */
export const HISTOGRAM_BINS = 12;

export interface MonteCarloCells {
  readonly years: Cell;
  readonly block: Cell;
  readonly seed: Cell;
  /** The paths, fixed when built (written in each =STACK.BOOTSTRAP formula). */
  readonly paths: number;
  /** Per portfolio: the bootstrap's rebalancing derived from its rebalance input ("NONE", "D" or rows). */
  readonly rebalanceRows: readonly Cell[];
  /** The =STACK.BOOTSTRAP spills: one column per portfolio (named Backtest_Paths). */
  readonly results: Area;
  /** Percentiles × portfolios. */
  readonly percentiles: Area;
  /** Share of paths that lose money, per portfolio. */
  readonly lossShare: Area;
  readonly binWidth: Cell;
  /** {@link HISTOGRAM_BINS} rows: lower edge, upper edge, then paths in the bin per portfolio. */
  readonly histogram: { readonly from: Area; readonly to: Area; readonly counts: Area };
}

/**
 * Paths of column `paths` in histogram bin i: from ≤ path < to, except that the first bin has no lower
 * limit and the last no upper one. Criteria such as ">="&A5 turn the edge into text, which Excel rounds to
 * 15 significant digits; a bin next to another uses the same rounded edge, so every path still lands in
 * exactly one bin, and the open ends keep the lowest and the highest path (the edges themselves) inside.
 */
function binCount(paths: string, i: number, last: number, from: string, to: string): Content {
  if (i === 0) return formula(`=COUNTIF(${paths},"<"&${to})`);
  if (i === last) return formula(`=COUNTIF(${paths},">="&${from})`);
  return formula(`=COUNTIFS(${paths},">="&${from},${paths},"<"&${to})`);
}

export function writeMonteCarlo(
  ctx: SheetContext,
  inputs: Inputs,
  row: number
): { monteCarlo?: MonteCarloCells; next: number } {
  const { builder, config, columns, names, charts, width } = ctx;
  const mc = config.monteCarlo;
  if (!mc || columns.paths === undefined) return { next: row };
  const P = config.portfolios.length;
  const { put, style, section, label } = builder;
  const top = row + 1;
  section(row, "Monte Carlo: annualised returns of resampled periods");
  const [years, paths, block, seed] = [0, 1, 2, 3].map((i) => at(top + i, 1));
  put(top, 0, [
    ["Years per path", mc.years, null],
    ["Paths", mc.paths, "Fixed when the sheet is built: the tables below read that many paths"],
    ["Block (days)", mc.block, "Consecutive days drawn together (1: each day drawn on its own)"],
    ["Seed", mc.seed, "The same seed draws the same paths"],
  ]);
  style(cellArea(years), theme.input);
  style({ row: block.row, column: 1, rows: 2, columns: 1 }, theme.input);
  style({ row: top, column: 1, rows: 4, columns: 1 }, { horizontalAlignment: "right" });
  style(cellArea(paths), { numberFormat: MONEY });
  style({ row: top, column: 2, rows: 4, columns: 1 }, theme.note);

  // Per portfolio: its rebalancing in rows (the band does not apply), then the table's headings.
  const headRow = top + 5;
  const heading = (r: number, column: number) =>
    inputs.portfolios.map((p, j) => label(at(r, column + j), p.name, config.portfolios[j].name));
  put(headRow, 0, [["Portfolio", ...heading(headRow, 1)]], theme.header);
  const rebalanceRow = headRow + 1;
  put(rebalanceRow, 0, [
    [
      "Rebalance every (days)",
      ...inputs.portfolios.map((p) => {
        const code = `UPPER(TRIM(${ref(p.rebalance)}))`;
        return formula(
          `=IF(ISNUMBER(${ref(p.rebalance)}),${ref(p.rebalance)},SWITCH(${code},"W",5,"M",21,"Q",63,"A",252,${code}))`
        );
      }),
    ],
  ]);
  style({ row: rebalanceRow, column: 1, rows: 1, columns: P }, { horizontalAlignment: "right" });
  const rebalanceRows = inputs.portfolios.map((_, j) => at(rebalanceRow, 1 + j));

  // The paths, beside the data.
  const results = dataArea(ctx, columns.paths, P, mc.paths);
  names.push({
    name: "Backtest_Paths",
    area: results,
    comment: "Annualised return of each Monte Carlo path",
  });
  put(HEADER_ROW - 1, columns.paths, [["Monte Carlo paths"]], {
    font: { bold: true, color: theme.section.font.color },
  });
  put(HEADER_ROW, columns.paths, [heading(HEADER_ROW, columns.paths)], theme.header);
  put(TOP, columns.paths, [
    inputs.portfolios.map((p, j) =>
      formula(
        `=STACK.BOOTSTRAP(Backtest_Funds,${rangeName(p.weights, true)},${ref(years)},${mc.paths},${ref(block)},${ref(seed)},${ref(rebalanceRows[j])})`
      )
    ),
  ]);
  style(results, { numberFormat: PERCENT });
  const pathColumn = (j: number) => rangeName(columnOf(results, j), true);

  const pctTop = rebalanceRow + 1;
  put(pctTop, 0, [
    ...MONTE_CARLO_PERCENTILES.map((p) => [
      p === 0.5 ? "Median" : `${Math.round(p * 100)}th percentile`,
      ...inputs.portfolios.map((_, j) => formula(`=PERCENTILE.INC(${pathColumn(j)},${p})`)),
    ]),
    [
      "Paths that lose money",
      ...inputs.portfolios.map((_, j) => formula(`=COUNTIF(${pathColumn(j)},"<0")/${mc.paths}`)),
    ],
  ]);
  const n = MONTE_CARLO_PERCENTILES.length;
  style({ row: pctTop, column: 1, rows: n + 1, columns: P }, { numberFormat: PERCENT });
  const percentiles: Area = { row: pctTop, column: 1, rows: n, columns: P };
  const lossShare: Area = { row: pctTop + n, column: 1, rows: 1, columns: P };

  const binTop = pctTop + n + 4;
  const binWidth = at(binTop - 2, 1);
  put(binTop - 2, 0, [
    ["Bin width", formula(`=(MAX(Backtest_Paths)-MIN(Backtest_Paths))/${HISTOGRAM_BINS}`)],
  ]);
  style(cellArea(binWidth), { numberFormat: PERCENT });
  put(binTop - 1, 0, [["From", "To", ...heading(binTop - 1, 2)]], theme.header);
  const from = (i: number) => cellName(binTop + i, 0);
  const last = HISTOGRAM_BINS - 1;
  put(
    binTop,
    0,
    Array.from({ length: HISTOGRAM_BINS }, (_, i) => [
      formula(i === 0 ? "=MIN(Backtest_Paths)" : `=${from(0)}+${i}*${ref(binWidth)}`),
      formula(i === last ? "=MAX(Backtest_Paths)" : `=${from(i + 1)}`),
      ...inputs.portfolios.map((_, j) =>
        binCount(pathColumn(j), i, last, from(i), cellName(binTop + i, 1))
      ),
    ])
  );
  const histogram = {
    from: { row: binTop, column: 0, rows: HISTOGRAM_BINS, columns: 1 },
    to: { row: binTop, column: 1, rows: HISTOGRAM_BINS, columns: 1 },
    counts: { row: binTop, column: 2, rows: HISTOGRAM_BINS, columns: P },
  };
  style({ row: binTop, column: 0, rows: HISTOGRAM_BINS, columns: 2 }, { numberFormat: PERCENT });
  style(histogram.counts, { numberFormat: MONEY });
  const portfolioNames = resultNames(ctx).slice(0, P);
  charts.push({
    kind: "column",
    title: "Monte Carlo: paths by annualised return",
    categories: histogram.from,
    series: portfolioNames.map((name, j) => ({ name, values: columnOf(histogram.counts, j) })),
    valueAxis: { title: "Paths", numberFormat: MONEY },
    categoryAxis: { title: "Annualised return (bin's lower edge)", numberFormat: "0%" },
    legend: "bottom",
    position: {
      row: binTop + HISTOGRAM_BINS + 1,
      column: 0,
      rows: CHART_ROWS - 1,
      columns: Math.min(width, 10),
    },
  });
  return {
    monteCarlo: {
      years,
      block,
      seed,
      paths: mc.paths,
      rebalanceRows,
      results,
      percentiles,
      lossShare,
      binWidth,
      histogram,
    },
    next: binTop + HISTOGRAM_BINS + 1 + CHART_ROWS,
  };
}
