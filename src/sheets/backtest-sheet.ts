/**
 * The backtest sheet (DESIGN.md §5, issues #5 and #10): up to four portfolios of simulated funds side by
 * side with a benchmark, as a live sheet. The aligned data are written as values; every result is a
 * spilled =STACK.* formula (or a plain Excel formula over them) that reads the orange input cells, so
 * editing a weight, a fee, a spread or a rebalancing recalculates every table.
 *
 * Two parts side by side, sharing rows: the report from column A (inputs, summary and risk, annual and
 * monthly returns, drawdowns, stress episodes, conditional behaviour, financing bleed, charts, Monte Carlo,
 * notes; the print area), and the data to the right of it after one empty column. Each section is its own
 * module in src/sheets/backtest/; this file puts them in order.
 *
 * Conventions chosen here:
 * - A fund is one column of simulated daily returns; each portfolio is =STACK.BACKTEST over every fund
 *   with its own column of weights (0 where it does not hold the fund), so one fund can be in several
 *   portfolios and the weights table has one column per portfolio.
 * - The benchmark is simulated like a fund, with its own leverage, expense ratio and spread inputs (1, 0,
 *   0 to start), but held by no portfolio; it is the last result column and STATS's benchmark.
 * - Sharpe, Sortino, beta and alpha take each day's borrowing rate / 252 as the risk-free return.
 * - Monte Carlo paths are fixed when the sheet is built; its years, block length and seed are inputs.
 *
 * Returns the layout and where everything is, so tests can evaluate each formula cell.
 */
import { columnLetter } from "../io/a1";
import { formatDate } from "../io/series-dates";
import { BacktestConfig, BacktestData } from "./backtest-config";
import { writeBleedTable, BleedTable } from "./backtest/bleed-table";
import { CalendarTables, writeCalendarTables } from "./backtest/calendar-tables";
import { writeCharts } from "./backtest/charts";
import { checkConfig } from "./backtest/check";
import { ConditionalBlock, writeConditionalBlock } from "./backtest/conditional-block";
import {
  fundsOf,
  indexSeriesOf,
  planColumns,
  realSeriesOf,
  SheetContext,
  switchRow,
  TOP,
} from "./backtest/context";
import { DataAreas, writeData } from "./backtest/data";
import { writeDrawdownTables } from "./backtest/drawdown-tables";
import { Inputs, writeInputs, writeTitle } from "./backtest/inputs";
import { MonteCarloCells, writeMonteCarlo } from "./backtest/monte-carlo";
import { StressTable, writeStressTable } from "./backtest/stress-table";
import { writeSummary } from "./backtest/summary";
import { Area, Layout } from "./layout";
import { columnWidths, Label, sheetBuilder } from "./sheet-builder";
import { theme } from "./theme";

export { HISTOGRAM_BINS, MONTE_CARLO_PERCENTILES } from "./backtest/monte-carlo";
export type { Fund } from "./backtest/context";
export type {
  FundInputs,
  Inputs,
  LetfInputs,
  PortfolioInputs,
  StackedInputs,
} from "./backtest/inputs";
export type { MonteCarloCells } from "./backtest/monte-carlo";

/**
 * Where each spliced fund switches from its simulation to the real fund, and how the sheet hands SPLICE
 * the blanks of a real history.
 */
function spliceNotes(ctx: SheetContext): string[] {
  const { data, first, funds, columns } = ctx;
  const spliced = funds.flatMap((f, i) =>
    f.source.real === undefined ? [] : [{ f, i, real: f.source.real }]
  );
  if (spliced.length === 0) return [];
  return [
    ...spliced.map(({ f, i, real }) => {
      const row = switchRow(ctx, real);
      const history = data.series[real].name;
      const column = columnLetter(columns.funds + i);
      return row === null
        ? `${f.name}: simulated throughout; its real history (${history}) has no return in these dates.`
        : `${f.name}: the real fund (${history}) from ${formatDate(data.dates[first + row])}, simulated before (=STACK.SPLICE; column ${column}, its real rows shaded).`;
    }),
    'A real history\'s blank cells reach SPLICE as "" through IF(ISBLANK(…),"",…): Excel for Windows would pass them as 0, a real return of 0%. Clear a real column to see the simulation alone.',
  ];
}

/** The widest table of the report: the monthly returns (Year, 12 months, the year). */
const CALENDAR_COLUMNS = 14;

export interface BacktestSheet {
  readonly layout: Layout;
  /** Index into BacktestData.dates of the first row written, and how many rows (the dates within [start, end]). */
  readonly first: number;
  readonly rows: number;
  readonly funds: ReturnType<typeof fundsOf>;
  /** The index series written, by index into BacktestData.series, in column order. */
  readonly index: readonly number[];
  /** The real fund histories written (spliced funds'), by index into BacktestData.series, in column order. */
  readonly real: readonly number[];
  readonly inputs: Inputs;
  readonly data: DataAreas;
  /** Result columns, in the order of every results table: each portfolio, then the benchmark (names as built). */
  readonly columns: readonly string[];
  /** The =STACK.STATS spill: a label column, then one column per result column. */
  readonly summary: Area;
  readonly calendar: CalendarTables;
  /** One =STACK.DRAWDOWNS table per portfolio. */
  readonly drawdownTables: readonly Area[];
  readonly stress: StressTable;
  readonly conditional?: ConditionalBlock;
  readonly bleed: BleedTable;
  readonly monteCarlo?: MonteCarloCells;
  /** Every formula that shows text (names in headings), with the text it shows when built. */
  readonly labels: readonly Label[];
}

/**
 * The layout of the backtest sheet.
 * @param builtOn the build date shown under the title, e.g. "2025-01-31"
 * @throws Error with a message for the user when the configuration cannot be built (no portfolio, a
 *   holding on a rate series, start after end, no rows in range, a rolling window longer than the data, ...)
 */
export function backtestSheet(
  config: BacktestConfig,
  data: BacktestData,
  builtOn: string
): BacktestSheet {
  const { first, rows } = checkConfig(config, data);
  const funds = fundsOf(config);
  const index = indexSeriesOf(config, funds);
  const real = realSeriesOf(funds);
  const P = config.portfolios.length;
  const results = P + (config.benchmark ? 1 : 0);
  const width = Math.max(CALENDAR_COLUMNS, 4 + P, 6 + index.length, 3 + 2 * results, 1 + 2 * P);
  const columns = planColumns(width, {
    index: index.length,
    rate: config.rate !== undefined,
    real: real.length,
    funds: funds.length,
    results,
    buckets: index.length >= 2,
    paths: config.monteCarlo ? P : 0,
  });
  const builder = sheetBuilder(width);
  const ctx: SheetContext = {
    config,
    data,
    first,
    rows,
    funds,
    index,
    real,
    results,
    width,
    columns,
    builder,
    names: [],
    charts: [],
    colorScales: [],
  };

  const period = writeTitle(ctx, builtOn);
  const inputs = writeInputs(ctx);
  const areas = writeData(ctx, inputs);
  const { summary, next: afterSummary } = writeSummary(ctx, inputs, inputs.next + 1);
  const calendar = writeCalendarTables(ctx, inputs, areas, afterSummary + 1);
  const { tables: drawdownTables, next: afterDrawdowns } = writeDrawdownTables(
    ctx,
    inputs,
    areas,
    calendar.next + 1
  );
  const stress = writeStressTable(ctx, inputs, afterDrawdowns + 1);
  const conditional = writeConditionalBlock(ctx, areas, stress.next + 1);
  const bleed = writeBleedTable(ctx, inputs, (conditional?.next ?? stress.next) + 1);
  const afterCharts = writeCharts(ctx, areas, calendar.annual, calendar.yearCells, bleed.next + 1);
  const { monteCarlo, next: afterMonteCarlo } = writeMonteCarlo(ctx, inputs, afterCharts + 1);

  // Notes: where the data came from, and the models.
  const notesTop = afterMonteCarlo + 2;
  builder.section(notesTop - 1, "Notes");
  const notes = [
    ...data.notes,
    `Data: ${period}, ${rows.toLocaleString("en-US")} rows, to the right of this report (from column ${columnLetter(columns.date)}).`,
    "A leveraged fund's daily return: leverage × index return − expense ratio / 252 − (leverage − 1) × (rate + spread) × days / 360 (=STACK.LETF.SERIES).",
    "A stacked fund rebalances daily to its exposures and borrows the part above 100% at the rate plus its premium, less its fee (=STACK.STACKED).",
    ...spliceNotes(ctx),
    "Each portfolio drifts with returns between its rebalances; weights summing to less than 100% leave the rest in cash earning nothing (=STACK.BACKTEST).",
    "Drawdowns are measured from the running peak, including the start amount; statistics follow empyrical's conventions (=STACK.STATS).",
    ...(config.monteCarlo
      ? [
          "Monte Carlo: each path draws blocks of whole days from the simulated funds' history, so the funds' returns on a day stay together (=STACK.BOOTSTRAP).",
        ]
      : []),
  ];
  builder.put(
    notesTop,
    0,
    notes.map((text) => [text]),
    theme.note
  );
  const lastReportRow = notesTop + notes.length - 1;

  const layout: Layout = {
    sheetName: "Stack backtest",
    blocks: builder.blocks,
    styles: builder.styles,
    columnWidths: [
      { column: 0, width: 170 },
      ...columnWidths(1, width, 72),
      { column: width, width: 16 },
      ...columnWidths(columns.date, columns.last + 1, 76),
    ],
    names: ctx.names,
    charts: ctx.charts,
    colorScales: ctx.colorScales,
    freeze: { rows: TOP, columns: 0 },
    print: {
      orientation: "landscape",
      area: { row: 0, column: 0, rows: lastReportRow + 1, columns: width },
      fitToWidth: true,
    },
    showGridlines: false,
    tabColor: theme.tabColor,
  };
  return {
    layout,
    first,
    rows,
    funds,
    index,
    real,
    inputs,
    data: areas,
    columns: [
      ...config.portfolios.map((p) => p.name),
      ...(config.benchmark ? [config.benchmark.name] : []),
    ],
    summary,
    calendar,
    drawdownTables,
    stress,
    conditional,
    bleed,
    monteCarlo,
    labels: builder.labels,
  };
}
