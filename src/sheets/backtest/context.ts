/**
 * What every section of the backtest sheet shares: the configuration, the rows used, the funds the
 * portfolios hold, where the data columns are, and the sheet builder with the names and charts collected
 * so far. Sections take a context and the row they start on and return the row after them.
 */
import { cellName } from "../../io/a1";
import { BacktestConfig, BacktestData, HoldingSource } from "../backtest-config";
import { Area, Cell, ChartSpec, ColorScale, NamedRange } from "../layout";
import { SheetBuilder } from "../sheet-builder";

export const PERCENT = "0.00%";
export const MONEY = "#,##0";
export const RATIO = "0.00";
export const DATE = "yyyy-mm-dd";
/** Row of the data's column headings (under a row of group headings); data start on the next row. */
export const HEADER_ROW = 4;
export const TOP = HEADER_ROW + 1;
/** Rows a chart covers. */
export const CHART_ROWS = 18;

/** A simulated fund: one returns column in the data, held by one or more portfolios. */
export interface Fund {
  readonly name: string;
  readonly source: HoldingSource;
  /** The fund's weight in each portfolio (0 where it is not held). */
  readonly weights: readonly number[];
}

/**
 * The distinct funds of the portfolios, in order of first appearance: holdings with the same name and
 * source are one fund (one column of returns), weighted in each portfolio that holds it.
 */
export function fundsOf(config: BacktestConfig): Fund[] {
  const funds: { name: string; source: HoldingSource; weights: number[]; key: string }[] = [];
  config.portfolios.forEach((p, j) => {
    for (const h of p.holdings) {
      const key = JSON.stringify([h.name, h.source]);
      let fund = funds.find((f) => f.key === key);
      if (!fund) {
        fund = { name: h.name, source: h.source, weights: config.portfolios.map(() => 0), key };
        funds.push(fund);
      }
      fund.weights[j] += h.weight;
    }
  });
  return funds.map(({ name, source, weights }) => ({ name, source, weights }));
}

/** The index series the funds and the benchmark follow, each once, in order of first use. */
export function indexSeriesOf(config: BacktestConfig, funds: readonly Fund[]): number[] {
  const series = funds.flatMap((f) =>
    f.source.kind === "letf" ? [f.source.series] : f.source.legs.map((l) => l.series)
  );
  return [...new Set([...series, ...(config.benchmark ? [config.benchmark.series] : [])])];
}

/** The real fund histories the funds are spliced onto, each once, in order of first use. */
export function realSeriesOf(funds: readonly Fund[]): number[] {
  return [...new Set(funds.flatMap((f) => (f.source.real === undefined ? [] : [f.source.real])))];
}

/**
 * The row (0-based, within the rows written) where a real history's first value is — where the funds
 * spliced onto it switch from simulated to real — or null when it has none in these rows.
 */
export function switchRow(ctx: Pick<SheetContext, "data" | "first" | "rows">, real: number) {
  const values = ctx.data.series[real].values;
  for (let t = 0; t < ctx.rows; t++) if (!Number.isNaN(values[ctx.first + t])) return t;
  return null;
}

/** Columns of the data area, left to right. */
export interface DataColumns {
  readonly date: number;
  /** One per index series, in {@link indexSeriesOf} order. */
  readonly index: number;
  readonly rate?: number;
  /** One per real fund history ({@link realSeriesOf} order), when any fund is spliced. */
  readonly real?: number;
  /** One per fund. */
  readonly funds: number;
  /** One per portfolio, then the benchmark (the result columns). */
  readonly returns: number;
  readonly growth: number;
  readonly drawdown: number;
  readonly rolling: number;
  /** The conditional block's bucket labels and the returns they describe (two columns). */
  readonly buckets?: number;
  /** Monte Carlo paths, one column per portfolio. */
  readonly paths?: number;
  /** The last column used. */
  readonly last: number;
}

export interface SheetContext {
  readonly config: BacktestConfig;
  readonly data: BacktestData;
  readonly first: number;
  readonly rows: number;
  readonly funds: readonly Fund[];
  readonly index: readonly number[];
  /** The real fund histories of spliced funds, by index into BacktestData.series. */
  readonly real: readonly number[];
  /** Result columns: each portfolio, then the benchmark. */
  readonly results: number;
  readonly width: number;
  readonly columns: DataColumns;
  readonly builder: SheetBuilder;
  readonly names: NamedRange[];
  readonly charts: ChartSpec[];
  readonly colorScales: ColorScale[];
}

export const at = (row: number, column: number): Cell => ({ row, column });

/**
 * A range argument whose blank cells must reach a =STACK.* function as blank: Excel for Windows passes
 * an empty cell to a custom function as 0 (DESIGN.md §3), so the formula hands over
 * IF(ISBLANK(range),"",range) — Excel's own ISBLANK turns empty cells into "" on every host.
 */
export const blanksKept = (range: string) => `IF(ISBLANK(${range}),"",${range})`;
export const ref = (c: Cell) => cellName(c.row, c.column, true);
export const cellArea = (c: Cell): Area => ({ ...c, rows: 1, columns: 1 });

/** An area of the data: `columns` columns from `column`, one row per day (or `height` rows). */
export function dataArea(ctx: SheetContext, column: number, columns = 1, height = ctx.rows): Area {
  return { row: TOP, column, rows: height, columns };
}

/** The data columns for a sheet `width` columns wide with these counts. */
export function planColumns(
  width: number,
  counts: {
    index: number;
    rate: boolean;
    real: number;
    funds: number;
    results: number;
    buckets: boolean;
    paths: number;
  }
): DataColumns {
  const date = width + 1;
  const index = date + 1;
  const rate = counts.rate ? index + counts.index : undefined;
  const afterRate = index + counts.index + (counts.rate ? 1 : 0);
  const real = counts.real > 0 ? afterRate : undefined;
  const funds = afterRate + counts.real;
  const returns = funds + counts.funds;
  const growth = returns + counts.results;
  const drawdown = growth + counts.results;
  const rolling = drawdown + counts.results;
  let next = rolling + counts.results;
  const buckets = counts.buckets ? next : undefined;
  if (counts.buckets) next += 2;
  const paths = counts.paths > 0 ? next : undefined;
  next += counts.paths;
  return {
    date,
    index,
    rate,
    real,
    funds,
    returns,
    growth,
    drawdown,
    rolling,
    buckets,
    paths,
    last: next - 1,
  };
}
