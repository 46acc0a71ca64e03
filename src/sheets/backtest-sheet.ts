/**
 * The backtest sheet (DESIGN.md §5, issue #5): simulated leveraged funds, a portfolio of them rebalanced
 * on a calendar or a band, and a benchmark, as a live sheet. The aligned data are written as values; every
 * result is a spilled =STACK.* formula (or a plain Excel formula over them) that reads the orange input
 * cells, so editing a weight, a fee or the rebalancing recalculates the whole sheet.
 *
 * Two parts side by side, sharing rows:
 * - the report, from column A: holdings and settings (the inputs), a summary =STACK.STATS table, an
 *   annual-returns table, native charts (growth on a log scale, drawdowns, rolling returns, annual
 *   returns), the optional Monte Carlo block and notes. It is the print area (landscape, one page wide).
 * - the data, to the right of the report after one empty column: a two-row header (frozen with the title
 *   rows), then one row per day: the date, each index series used and the borrowing rate (values), then
 *   the spilled results: daily returns (portfolio, benchmark, each simulated fund), their growth from the
 *   start amount, drawdowns and rolling returns (portfolio and benchmark), and the Monte Carlo paths.
 *
 * Conventions chosen here:
 * - The benchmark is simulated like a holding, with its own leverage, expense ratio and spread inputs
 *   (1, 0, 0 to start): =STACK.LETF.SERIES at leverage 1 and no costs returns the index's returns exactly,
 *   and the same formula lets the user model an index fund's fee.
 * - Sharpe and Sortino (=STACK.STATS) take the risk-free return per day as each day's borrowing rate / 252
 *   (`Backtest_Rates/252`, an array argument), STATS's own per-period convention for an annual rate,
 *   applied day by day; without a rate series the risk-free return is 0.
 * - Annual returns compound each calendar year's daily returns, read from the growth columns: the value at
 *   the year's last row over the value at the previous year's last row (the start amount for the first).
 * - Monte Carlo paths are fixed when the sheet is built (the percentiles and the histogram read that many
 *   rows); its years, block length and seed are inputs.
 *
 * Returns the layout and where everything is, so tests can evaluate each formula cell.
 */
import { MAX_PATHS } from "../core/bootstrap";
import { excelDate } from "../core/excel-date";
import { TRADING_DAYS } from "../core/series";
import { SeriesStats, STATS_ROWS } from "../core/stats";
import { cellName, columnLetter, rangeName } from "../io/a1";
import { formatDate } from "../io/series-dates";
import { BacktestConfig, BacktestData, DataSeries } from "./backtest-config";
import { Area, Cell, ChartSpec, Content, formula, Layout, NamedRange } from "./layout";
import { columnOf, columnWidths, Label, sheetBuilder } from "./sheet-builder";
import { theme } from "./theme";

/** Percentiles of the Monte Carlo table, as fractions (PERCENTILE.INC's k). */
export const MONTE_CARLO_PERCENTILES: readonly number[] = [0.05, 0.25, 0.5, 0.75, 0.95];
/** Equal-width bins of the Monte Carlo histogram, from the lowest to the highest path. */
export const HISTOGRAM_BINS = 12;

/** The inputs of one simulated fund (a holding or the benchmark). */
export interface FundInputs {
  readonly name: Cell;
  readonly leverage: Cell;
  readonly expenseRatio: Cell;
  readonly spread: Cell;
}

export interface HoldingInputs extends FundInputs {
  readonly weight: Cell;
}

export interface MonteCarloCells {
  readonly years: Cell;
  readonly block: Cell;
  readonly seed: Cell;
  /** The paths, fixed when built (written in the =STACK.BOOTSTRAP formula). */
  readonly paths: number;
  /** The bootstrap's rebalancing derived from the rebalance input: "NONE", "D" or a number of rows. */
  readonly rebalanceRows: Cell;
  /** The =STACK.BOOTSTRAP spill: one annualised return per path. */
  readonly results: Area;
  /** One cell per {@link MONTE_CARLO_PERCENTILES} entry. */
  readonly percentiles: readonly Cell[];
  /** Share of paths that lose money. */
  readonly lossShare: Cell;
  readonly binWidth: Cell;
  /** {@link HISTOGRAM_BINS} rows each: lower edge, upper edge, paths in the bin. */
  readonly histogram: { readonly from: Area; readonly to: Area; readonly counts: Area };
}

export interface BacktestSheet {
  readonly layout: Layout;
  /** Index into BacktestData.dates of the first row written, and how many rows (the dates within [start, end]). */
  readonly first: number;
  readonly rows: number;
  readonly inputs: {
    readonly holdings: readonly HoldingInputs[];
    readonly benchmark?: FundInputs;
    /** The holdings' weights, one column (named Backtest_Weights). */
    readonly weights: Area;
    readonly totalWeight: Cell;
    readonly cashWeight: Cell;
    /** A calendar code ("D", "W", "M", "Q", "A"), "NONE", or a number of rows. */
    readonly rebalance: Cell;
    /** Blank: no band. */
    readonly band: Cell;
    readonly startAmount: Cell;
    readonly rollingYears: Cell;
    /** =ROUND(years × 252, 0). */
    readonly rollingWindow: Cell;
  };
  readonly data: {
    readonly dates: Area;
    /** The index series written, by index into BacktestData.series, in column order. */
    readonly series: readonly { readonly series: number; readonly values: Area }[];
    /** The borrowing rate column, when the config has one. */
    readonly rates?: Area;
  };
  /** Result columns, in the order of every results table: "Portfolio", the benchmark, then each holding (names as built). */
  readonly columns: readonly string[];
  /** Daily returns: the =STACK.BACKTEST spill, the benchmark's and each holding's =STACK.LETF.SERIES spill. */
  readonly returns: Area;
  /** =STACK.GROWTH of every result column from the start amount. */
  readonly growth: Area;
  /** =STACK.DRAWDOWN and =STACK.ROLLING of the portfolio and the benchmark (the first one or two result columns). */
  readonly drawdowns: Area;
  readonly rolling: Area;
  /** The =STACK.STATS spill: a label column, then one column per result column. */
  readonly summary: Area;
  /** One row per calendar year: the year (a value), then one formula per result column. */
  readonly annual: {
    readonly years: readonly number[];
    readonly yearCells: Area;
    readonly returns: Area;
  };
  readonly monteCarlo?: MonteCarloCells;
  /** Every formula that shows text (holding names in headings), with the text it shows when built. */
  readonly labels: readonly Label[];
}

/** The report's columns: at least the holdings table's six. */
const REPORT_COLUMNS = 6;
/** Row of the data's column headings (under a row of group headings); data start on the next row. */
const HEADER_ROW = 4;
const TOP = HEADER_ROW + 1;
/** Rows a chart covers. */
const CHART_ROWS = 18;

const PERCENT = "0.00%";
const MONEY = "#,##0";
const RATIO = "0.00";
const DATE = "yyyy-mm-dd";
/** Number format of each STATS row. */
const STATS_FORMATS: Record<keyof SeriesStats, string> = {
  cagr: PERCENT,
  volatility: PERCENT,
  sharpe: RATIO,
  sortino: RATIO,
  maxDrawdown: PERCENT,
  calmar: RATIO,
  ulcer: PERCENT,
  best: PERCENT,
  worst: PERCENT,
  finalGrowth: RATIO,
  valueAtRisk: PERCENT,
  conditionalValueAtRisk: PERCENT,
};

/**
 * The layout of the backtest sheet.
 * @param builtOn the build date shown under the title, e.g. "2025-01-31"
 * @throws Error with a message for the user when the configuration cannot be built (no holdings, a holding
 *   on a rate series, start after end, no rows in range, a rolling window longer than the data, ...)
 */
export function backtestSheet(
  config: BacktestConfig,
  data: BacktestData,
  builtOn: string
): BacktestSheet {
  const { first, rows } = checkConfig(config, data);
  const { holdings, benchmark } = config;
  const n = holdings.length;
  const k = 1 + (benchmark ? 1 : 0) + n; // result columns: portfolio, benchmark, holdings
  const shown = benchmark ? 2 : 1; // drawdowns and rolling returns: portfolio and benchmark
  const width = Math.max(REPORT_COLUMNS, 1 + k);
  const {
    blocks,
    styles,
    labels,
    put,
    style,
    label,
    row: reportRow,
    section,
  } = sheetBuilder(width);
  const ref = (c: Cell) => cellName(c.row, c.column, true);
  const at = (row: number, column: number): Cell => ({ row, column });
  const cellArea = (c: Cell): Area => ({ ...c, rows: 1, columns: 1 });

  // Data columns, right of the report.
  const used = [
    ...new Set([...holdings.map((h) => h.series), ...(benchmark ? [benchmark.series] : [])]),
  ];
  const dateColumn = width + 1;
  const seriesColumn = (series: number) => dateColumn + 1 + used.indexOf(series);
  const rateColumn = config.rate === undefined ? undefined : dateColumn + 1 + used.length;
  const returnsColumn = dateColumn + 1 + used.length + (config.rate === undefined ? 0 : 1);
  const growthColumn = returnsColumn + k;
  const drawdownColumn = growthColumn + k;
  const rollingColumn = drawdownColumn + shown;
  const pathsColumn = rollingColumn + shown;
  const dataArea = (column: number, columns = 1, height = rows): Area => ({
    row: TOP,
    column,
    rows: height,
    columns,
  });
  const dates = dataArea(dateColumn);
  const rates = rateColumn === undefined ? undefined : dataArea(rateColumn);
  const returns = dataArea(returnsColumn, k);
  const simulated = dataArea(returnsColumn + k - n, n);
  const growth = dataArea(growthColumn, k);
  const drawdowns = dataArea(drawdownColumn, shown);
  const rolling = dataArea(rollingColumn, shown);
  const names: NamedRange[] = [
    { name: "Backtest_Dates", area: dates, comment: "Dates of the backtest's rows" },
    ...(rates
      ? [
          {
            name: "Backtest_Rates",
            area: rates,
            comment: "Annual borrowing rate of each row (decimal)",
          },
        ]
      : []),
    { name: "Backtest_Holdings", area: simulated, comment: "Daily returns of the simulated funds" },
    {
      name: "Backtest_Returns",
      area: returns,
      comment: "Daily returns: portfolio, benchmark, funds",
    },
    { name: "Backtest_Growth", area: growth },
    { name: "Backtest_Drawdowns", area: drawdowns },
    { name: "Backtest_Rolling", area: rolling },
  ];

  // Title.
  const period = `${formatDate(data.dates[first])} to ${formatDate(data.dates[first + rows - 1])}`;
  put(0, 0, [[config.title]], theme.title);
  put(
    1,
    0,
    [[`Daily data ${period} (${rows.toLocaleString("en-US")} days) · built ${builtOn} with Stack`]],
    theme.subtitle
  );
  if (data.notes.length > 0) put(2, 0, [[data.notes.join(" · ")]], theme.subtitle);
  put(3, 0, [["Orange cells are inputs: edit them and every result recalculates."]], theme.note);

  // Holdings: one simulated fund per row, then the benchmark, which is simulated the same way but not held.
  section(TOP, "Holdings");
  const holdingsHeader = TOP + 1;
  put(
    holdingsHeader,
    0,
    [["Holding", "Index series", "Leverage", "Expense ratio", "Spread over the rate", "Weight"]],
    theme.header
  );
  const holdingsTop = holdingsHeader + 1;
  const seriesName = (series: number) => data.series[series].name;
  const funds = [
    ...holdings,
    ...(benchmark ? [{ ...benchmark, leverage: 1, expenseRatio: 0, spread: 0 }] : []),
  ];
  put(
    holdingsTop,
    0,
    funds.map((f, i) => [
      f.name,
      seriesName(f.series),
      f.leverage,
      f.expenseRatio,
      f.spread,
      i < n ? holdings[i].weight : "benchmark",
    ])
  );
  const fundInputs = funds.map((_, i): FundInputs => {
    const r = holdingsTop + i;
    return { name: at(r, 0), leverage: at(r, 2), expenseRatio: at(r, 3), spread: at(r, 4) };
  });
  const weights: Area = { row: holdingsTop, column: 5, rows: n, columns: 1 };
  names.push({ name: "Backtest_Weights", area: weights, comment: "Target weight of each holding" });
  style({ row: holdingsTop, column: 0, rows: funds.length, columns: 1 }, theme.input);
  style({ row: holdingsTop, column: 2, rows: funds.length, columns: 3 }, theme.input);
  style(weights, theme.input);
  style({ row: holdingsTop, column: 2, rows: funds.length, columns: 1 }, { numberFormat: RATIO });
  style({ row: holdingsTop, column: 3, rows: funds.length, columns: 3 }, { numberFormat: PERCENT });
  const totalRow = holdingsTop + funds.length;
  const totalWeight = at(totalRow, 5);
  const cashWeight = at(totalRow + 1, 5);
  put(totalRow, 0, [
    ["Total weight", null, null, null, null, formula(`=SUM(${rangeName(weights)})`)],
    [
      "Cash, earning nothing (1 − total)",
      null,
      null,
      null,
      null,
      formula(`=1-${cellName(totalRow, 5)}`),
    ],
  ]);
  style(reportRow(totalRow, REPORT_COLUMNS), theme.total);
  style({ row: totalRow, column: 5, rows: 2, columns: 1 }, { numberFormat: PERCENT });

  // Settings: label, value, explanation.
  const settingsTop = totalRow + 4;
  section(settingsTop - 1, "Settings");
  const [rebalance, band, startAmount, rollingYears, rollingWindow] = [0, 1, 2, 3, 4].map((i) =>
    at(settingsTop + i, 1)
  );
  const rateName = config.rate === undefined ? "none: 0%" : seriesName(config.rate);
  put(settingsTop, 0, [
    [
      "Rebalance",
      config.rebalance,
      "D, W, M, Q or A (each day, week, month, quarter or year), NONE, or a number of days",
    ],
    [
      "Rebalancing band",
      config.band ?? null,
      "Also rebalance when a weight drifts this far from its target (blank: no band)",
    ],
    ["Start amount", config.startAmount, null],
    ["Rolling window (years)", config.rollingYears, null],
    [
      "Rolling window (days)",
      formula(`=ROUND(${ref(rollingYears)}*${TRADING_DAYS},0)`),
      `${TRADING_DAYS} trading days a year`,
    ],
    [
      "Borrowing rate",
      rateName,
      "Annual; each fund pays (leverage − 1) × (rate + spread) × days/360",
    ],
  ]);
  style({ row: settingsTop, column: 1, rows: 4, columns: 1 }, theme.input);
  style(cellArea(band), { numberFormat: PERCENT });
  style(cellArea(startAmount), { numberFormat: MONEY });
  style(cellArea(rollingYears), { numberFormat: "0.0" });
  style(cellArea(rollingWindow), { numberFormat: MONEY });
  style({ row: settingsTop, column: 1, rows: 6, columns: 1 }, { horizontalAlignment: "right" });
  style({ row: settingsTop, column: 2, rows: 6, columns: 1 }, theme.note);

  // Result columns and their headings: "Portfolio", then labels that follow the name inputs.
  const columns = [
    "Portfolio",
    ...funds.slice(n).map((f) => f.name),
    ...holdings.map((h) => h.name),
  ];
  const nameCells = [...fundInputs.slice(n), ...fundInputs.slice(0, n)].map((f) => f.name);
  const headings = (r: number, column: number, count = k): Content[] =>
    columns
      .slice(0, count)
      .map((text, j) => (j === 0 ? text : label(at(r, column + j), nameCells[j - 1], text)));

  // The data: group headings, column headings, values.
  const groups: [number, string][] = [
    [dateColumn, "Data (values)"],
    [returnsColumn, "Daily returns"],
    [growthColumn, "Value from the start amount"],
    [drawdownColumn, "Drawdown"],
    [rollingColumn, "Rolling annualised return"],
    ...(config.monteCarlo ? ([[pathsColumn, "Monte Carlo paths"]] as [number, string][]) : []),
  ];
  const lastColumn = config.monteCarlo ? pathsColumn : rollingColumn + shown - 1;
  for (const [column, text] of groups)
    put(HEADER_ROW - 1, column, [[text]], {
      font: { bold: true, color: theme.section.font.color },
    });
  put(HEADER_ROW, dateColumn, [
    [
      "Date",
      ...used.map(seriesName),
      ...(rates ? ["Rate (annual)"] : []),
      ...headings(HEADER_ROW, returnsColumn),
      ...headings(HEADER_ROW, growthColumn),
      ...headings(HEADER_ROW, drawdownColumn, shown),
      ...headings(HEADER_ROW, rollingColumn, shown),
      ...(config.monteCarlo ? ["Annualised return"] : []),
    ],
  ]);
  style(
    { row: HEADER_ROW, column: dateColumn, rows: 1, columns: lastColumn - dateColumn + 1 },
    theme.header
  );
  const values = (series: DataSeries) => series.values.subarray(first, first + rows);
  const columnsOfData = [
    data.dates.subarray(first, first + rows),
    ...used.map((s) => values(data.series[s])),
    ...(config.rate === undefined ? [] : [values(data.series[config.rate])]),
  ];
  put(
    TOP,
    dateColumn,
    Array.from({ length: rows }, (_, t) => columnsOfData.map((c) => c[t]))
  );
  style(dates, { numberFormat: DATE });
  style(dataArea(dateColumn + 1, returnsColumn - dateColumn - 1), { numberFormat: PERCENT });
  names.push({
    name: "Backtest_Data",
    area: dataArea(dateColumn, returnsColumn - dateColumn),
    comment: "The aligned data, as values",
  });

  // The spilled results, one formula each in the first data row.
  const ratesArgument = rates ? "Backtest_Rates" : "0";
  const fundFormula = (f: FundInputs, series: number) => {
    const index = rangeName(dataArea(seriesColumn(series)), true);
    return formula(
      `=STACK.LETF.SERIES(${index},${ref(f.leverage)},${ref(f.expenseRatio)},${ratesArgument},Backtest_Dates,${ref(f.spread)})`
    );
  };
  const bandArgument = `IF(ISNUMBER(${ref(band)}),${ref(band)},"")`;
  const portfolioPair = rangeName(dataArea(returnsColumn, shown), true);
  const firstRow: Content[] = [
    formula(
      `=STACK.BACKTEST(Backtest_Holdings,Backtest_Weights,${ref(rebalance)},Backtest_Dates,${bandArgument})`
    ),
    ...(benchmark ? [fundFormula(fundInputs[n], benchmark.series)] : []),
    ...holdings.map((h, i) => fundFormula(fundInputs[i], h.series)),
    formula(`=STACK.GROWTH(Backtest_Returns,${ref(startAmount)})`),
    ...blank(k - 1),
    formula(`=STACK.DRAWDOWN(${portfolioPair})`),
    ...blank(shown - 1),
    formula(`=STACK.ROLLING(${portfolioPair},${ref(rollingWindow)})`),
    ...blank(shown - 1),
  ];
  put(TOP, returnsColumn, [firstRow]);
  style(returns, { numberFormat: PERCENT });
  style(growth, { numberFormat: MONEY });
  style(dataArea(drawdownColumn, 2 * shown), { numberFormat: PERCENT });

  // Summary: one =STACK.STATS over every result column, so its labels come once.
  const summaryTop = settingsTop + 9;
  section(
    summaryTop - 2,
    `Summary (${TRADING_DAYS} trading days a year; risk-free return: ${rates ? "each day's borrowing rate / 252" : "0"})`
  );
  put(summaryTop - 1, 0, [["Statistic", ...headings(summaryTop - 1, 1)]], theme.header);
  put(summaryTop, 0, [
    [formula(`=STACK.STATS(Backtest_Returns${rates ? ",Backtest_Rates/252" : ""})`)],
  ]);
  const summary: Area = { row: summaryTop, column: 0, rows: STATS_ROWS.length, columns: 1 + k };
  STATS_ROWS.forEach(([key], i) =>
    style(
      { row: summaryTop + i, column: 1, rows: 1, columns: k },
      { numberFormat: STATS_FORMATS[key] }
    )
  );
  names.push({
    name: "Backtest_Summary",
    area: { ...summary, row: summaryTop - 1, rows: summary.rows + 1 },
  });

  // Annual returns, from the growth columns.
  const years = yearsOf(data.dates.subarray(first, first + rows));
  const annualTop = summaryTop + STATS_ROWS.length + 3;
  section(annualTop - 2, "Annual returns");
  put(annualTop - 1, 0, [["Year", ...headings(annualTop - 1, 1)]], theme.header);
  put(
    annualTop,
    0,
    years.map((year, i) => [
      year,
      ...columns.map((_, j) =>
        annualReturn(
          rangeName(columnOf(growth, j), true),
          cellName(annualTop + i, 0, false),
          ref(startAmount)
        )
      ),
    ])
  );
  const yearCells: Area = { row: annualTop, column: 0, rows: years.length, columns: 1 };
  const annual: Area = { row: annualTop, column: 1, rows: years.length, columns: k };
  style(yearCells, { numberFormat: "0", horizontalAlignment: "left" });
  style(annual, { numberFormat: PERCENT });
  names.push({
    name: "Backtest_Annual",
    area: { row: annualTop - 1, column: 0, rows: years.length + 1, columns: 1 + k },
  });
  const annualNote = annualTop + years.length;
  put(
    annualNote,
    0,
    [
      [
        `Calendar years: ${years[0]} starts on ${formatDate(data.dates[first])}, ${years[years.length - 1]} ends on ${formatDate(data.dates[first + rows - 1])}.`,
      ],
    ],
    theme.note
  );

  // Charts, one under another across the report's width.
  const chartsTop = annualNote + 3;
  section(chartsTop - 1, "Charts");
  const chartAt = (i: number): Area => ({
    row: chartsTop + i * CHART_ROWS,
    column: 0,
    rows: CHART_ROWS - 1,
    columns: width,
  });
  const pair = (area: Area) =>
    columns.slice(0, shown).map((name, j) => ({ name, values: columnOf(area, j) }));
  const dateAxis = { numberFormat: "yyyy" };
  const charts: ChartSpec[] = [
    {
      kind: "line",
      title: "Growth of the start amount (log scale)",
      categories: dates,
      series: pair(growth),
      valueAxis: { logarithmic: true, numberFormat: MONEY },
      categoryAxis: dateAxis,
      legend: "bottom",
      position: chartAt(0),
    },
    {
      kind: "line",
      title: "Drawdown from the previous peak",
      categories: dates,
      series: pair(drawdowns),
      valueAxis: { numberFormat: "0%", maximum: 0 },
      categoryAxis: dateAxis,
      legend: "bottom",
      position: chartAt(1),
    },
    {
      kind: "line",
      title: "Rolling annualised return",
      categories: dates,
      series: pair(rolling),
      valueAxis: { numberFormat: "0%" },
      categoryAxis: dateAxis,
      legend: "bottom",
      position: chartAt(2),
    },
    {
      kind: "column",
      title: "Annual returns",
      categories: yearCells,
      series: pair(annual),
      valueAxis: { numberFormat: "0%" },
      legend: "bottom",
      position: chartAt(3),
    },
  ];
  let nextRow = chartsTop + 4 * CHART_ROWS + 1;

  // Monte Carlo: bootstrap paths of the simulated funds, percentiles and a histogram.
  let monteCarlo: MonteCarloCells | undefined;
  if (config.monteCarlo) {
    const mc = config.monteCarlo;
    const top = nextRow + 1;
    section(top - 1, "Monte Carlo: annualised returns of resampled periods");
    const [mcYears, paths, block, seed, rebalanceRows] = [0, 1, 2, 3, 4].map((i) => at(top + i, 1));
    const code = `UPPER(TRIM(${ref(rebalance)}))`;
    put(top, 0, [
      ["Years per path", mc.years, null],
      ["Paths", mc.paths, "Fixed when the sheet is built: the tables below read that many paths"],
      ["Block (days)", mc.block, "Consecutive days drawn together (1: each day drawn on its own)"],
      ["Seed", mc.seed, "The same seed draws the same paths"],
      [
        "Rebalance every (days)",
        formula(
          `=IF(ISNUMBER(${ref(rebalance)}),${ref(rebalance)},SWITCH(${code},"W",5,"M",21,"Q",63,"A",252,${code}))`
        ),
        "From the rebalancing above (the band does not apply)",
      ],
    ]);
    style(cellArea(mcYears), theme.input);
    style({ row: block.row, column: 1, rows: 2, columns: 1 }, theme.input);
    style({ row: top, column: 1, rows: 5, columns: 1 }, { horizontalAlignment: "right" });
    style(cellArea(paths), { numberFormat: MONEY });
    style({ row: top, column: 2, rows: 5, columns: 1 }, theme.note);
    const results = dataArea(pathsColumn, 1, mc.paths);
    names.push({
      name: "Backtest_Paths",
      area: results,
      comment: "Annualised return of each Monte Carlo path",
    });
    put(TOP, pathsColumn, [
      [
        formula(
          `=STACK.BOOTSTRAP(Backtest_Holdings,Backtest_Weights,${ref(mcYears)},${mc.paths},${ref(block)},${ref(seed)},${ref(rebalanceRows)})`
        ),
      ],
    ]);
    style(results, { numberFormat: PERCENT });

    const pctTop = top + 7;
    put(pctTop - 1, 0, [["Percentile", "Annualised return"]], theme.header);
    put(pctTop, 0, [
      ...MONTE_CARLO_PERCENTILES.map((p) => [
        p === 0.5 ? "Median" : `${Math.round(p * 100)}th`,
        formula(`=PERCENTILE.INC(Backtest_Paths,${p})`),
      ]),
      ["Paths that lose money", formula(`=COUNTIF(Backtest_Paths,"<0")/${mc.paths}`)],
    ]);
    style(
      { row: pctTop, column: 1, rows: MONTE_CARLO_PERCENTILES.length + 1, columns: 1 },
      { numberFormat: PERCENT }
    );
    const lossShare = at(pctTop + MONTE_CARLO_PERCENTILES.length, 1);

    const binTop = pctTop + MONTE_CARLO_PERCENTILES.length + 4;
    const binWidth = at(binTop - 2, 1);
    put(binTop - 2, 0, [
      ["Bin width", formula(`=(MAX(Backtest_Paths)-MIN(Backtest_Paths))/${HISTOGRAM_BINS}`)],
    ]);
    style(cellArea(binWidth), { numberFormat: PERCENT });
    put(binTop - 1, 0, [["From", "To", "Paths"]], theme.header);
    const from = (i: number) => cellName(binTop + i, 0);
    const last = HISTOGRAM_BINS - 1;
    put(
      binTop,
      0,
      Array.from({ length: HISTOGRAM_BINS }, (_, i) => [
        formula(i === 0 ? "=MIN(Backtest_Paths)" : `=${from(0)}+${i}*${ref(binWidth)}`),
        formula(i === last ? "=MAX(Backtest_Paths)" : `=${from(i + 1)}`),
        binCount(i, last, from(i), cellName(binTop + i, 1)),
      ])
    );
    const histogram = {
      from: { row: binTop, column: 0, rows: HISTOGRAM_BINS, columns: 1 },
      to: { row: binTop, column: 1, rows: HISTOGRAM_BINS, columns: 1 },
      counts: { row: binTop, column: 2, rows: HISTOGRAM_BINS, columns: 1 },
    };
    style({ row: binTop, column: 0, rows: HISTOGRAM_BINS, columns: 2 }, { numberFormat: PERCENT });
    style(histogram.counts, { numberFormat: MONEY });
    charts.push({
      kind: "column",
      title: "Monte Carlo: paths by annualised return",
      categories: histogram.from,
      series: [{ name: "Paths", values: histogram.counts }],
      valueAxis: { numberFormat: MONEY },
      categoryAxis: { numberFormat: "0%" },
      legend: "none",
      position: {
        row: binTop + HISTOGRAM_BINS + 1,
        column: 0,
        rows: CHART_ROWS - 1,
        columns: width,
      },
    });
    monteCarlo = {
      years: mcYears,
      block,
      seed,
      paths: mc.paths,
      rebalanceRows,
      results,
      percentiles: MONTE_CARLO_PERCENTILES.map((_, i) => at(pctTop + i, 1)),
      lossShare,
      binWidth,
      histogram,
    };
    nextRow = binTop + HISTOGRAM_BINS + 1 + CHART_ROWS;
  }

  // Notes: where the data came from, and the models.
  const notesTop = nextRow + 1;
  section(notesTop - 1, "Notes");
  const notes = [
    ...data.notes,
    `Data: ${period}, ${rows.toLocaleString("en-US")} rows, to the right of this report (from column ${columnLetter(dateColumn)}).`,
    "Each fund's daily return: leverage × index return − expense ratio / 252 − (leverage − 1) × (rate + spread) × days / 360 (=STACK.LETF.SERIES).",
    "The portfolio drifts with returns between rebalances; weights summing to less than 100% leave the rest in cash earning nothing (=STACK.BACKTEST).",
    "Drawdowns are measured from the running peak, including the start amount; statistics follow empyrical's conventions (=STACK.STATS).",
    ...(config.monteCarlo
      ? [
          "Monte Carlo: each path draws blocks of whole days from the simulated funds' history, so the funds' returns on a day stay together (=STACK.BOOTSTRAP).",
        ]
      : []),
  ];
  put(
    notesTop,
    0,
    notes.map((text) => [text]),
    theme.note
  );
  const lastReportRow = notesTop + notes.length - 1;

  const layout: Layout = {
    sheetName: "Stack backtest",
    blocks,
    styles,
    columnWidths: [
      { column: 0, width: 170 },
      ...columnWidths(1, width, 84),
      { column: width, width: 16 },
      ...columnWidths(dateColumn, lastColumn + 1, 76),
    ],
    names,
    charts,
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
    inputs: {
      holdings: holdings.map((_, i) => ({ ...fundInputs[i], weight: at(holdingsTop + i, 5) })),
      benchmark: benchmark ? fundInputs[n] : undefined,
      weights,
      totalWeight,
      cashWeight,
      rebalance,
      band,
      startAmount,
      rollingYears,
      rollingWindow,
    },
    data: {
      dates,
      series: used.map((series) => ({ series, values: dataArea(seriesColumn(series)) })),
      rates,
    },
    columns,
    returns,
    growth,
    drawdowns,
    rolling,
    summary,
    annual: { years, yearCells, returns: annual },
    monteCarlo,
    labels,
  };
}

/**
 * A calendar year's return from a growth column: the value at the year's last row over the value at the
 * previous year's last row, or the start amount when there is none (the first year). MATCH(…, 1) finds the
 * last date on or before 31 December in the ascending dates.
 */
function annualReturn(growth: string, year: string, start: string): Content {
  const yearEnd = (y: string) => `INDEX(${growth},MATCH(DATE(${y},12,31),Backtest_Dates,1))`;
  return formula(`=${yearEnd(year)}/IFERROR(${yearEnd(`${year}-1`)},${start})-1`);
}

/**
 * Paths in histogram bin i: from ≤ path < to, except that the first bin has no lower limit and the last
 * no upper one. Criteria such as ">="&A5 turn the edge into text, which Excel rounds to 15 significant
 * digits; a bin next to another uses the same rounded edge, so every path still lands in exactly one bin,
 * and the open ends keep the lowest and the highest path (the edges themselves) inside.
 */
function binCount(i: number, last: number, from: string, to: string): Content {
  if (i === 0) return formula(`=COUNTIF(Backtest_Paths,"<"&${to})`);
  if (i === last) return formula(`=COUNTIF(Backtest_Paths,">="&${from})`);
  return formula(`=COUNTIFS(Backtest_Paths,">="&${from},Backtest_Paths,"<"&${to})`);
}

/** The calendar years of ascending dates, each once. */
function yearsOf(dates: Float64Array): number[] {
  const years: number[] = [];
  for (const date of dates) {
    const { year } = excelDate(date);
    if (years[years.length - 1] !== year) years.push(year);
  }
  return years;
}

/**
 * The rows within [start, end], after checking that the configuration can be built.
 * @throws Error with a message in plain words for the pane
 */
function checkConfig(config: BacktestConfig, data: BacktestData): { first: number; rows: number } {
  const fail = (message: string): never => {
    throw new Error(message);
  };
  if (config.holdings.length === 0) fail("Add at least one holding to backtest.");
  const returnSeries = (what: string, series: number) => {
    const found = data.series[series];
    if (found === undefined) fail(`${what}: there is no series ${series + 1} in the data.`);
    else if (found.kind !== "returns")
      fail(`${what}: "${found.name}" is a rate series; choose a series of returns.`);
  };
  for (const h of config.holdings) returnSeries(`Holding "${h.name}"`, h.series);
  if (config.benchmark)
    returnSeries(`Benchmark "${config.benchmark.name}"`, config.benchmark.series);
  if (config.rate !== undefined) {
    const rate = data.series[config.rate];
    if (rate === undefined)
      fail(`Borrowing rate: there is no series ${config.rate + 1} in the data.`);
    else if (rate.kind !== "rates")
      fail(`Borrowing rate: "${rate.name}" is a series of returns; choose a rate series.`);
  }
  if (!(config.startAmount > 0)) fail("The start amount must be more than 0.");
  if (!(config.rollingYears > 0)) fail("The rolling window must be more than 0 years.");
  const { start, end } = config;
  if (start !== undefined && end !== undefined && start > end)
    fail(`The start date ${formatDate(start)} is after the end date ${formatDate(end)}.`);
  const dates = data.dates;
  let first = 0;
  while (first < dates.length && start !== undefined && dates[first] < start) first++;
  let stop = first;
  while (stop < dates.length && (end === undefined || dates[stop] <= end)) stop++;
  const rows = stop - first;
  if (rows === 0) {
    const asked = `${start === undefined ? "the start" : formatDate(start)} and ${end === undefined ? "the end" : formatDate(end)}`;
    fail(
      dates.length === 0
        ? "The data have no rows."
        : `No data between ${asked}: the data run from ${formatDate(dates[0])} to ${formatDate(dates[dates.length - 1])}.`
    );
  }
  const window = Math.round(config.rollingYears * TRADING_DAYS);
  if (window > rows)
    fail(
      `The rolling window of ${config.rollingYears} years (${window} days) is longer than the ${rows} days of data: shorten it or widen the dates.`
    );
  const paths = config.monteCarlo?.paths;
  if (paths !== undefined && !(Number.isInteger(paths) && paths >= 1 && paths <= MAX_PATHS))
    fail(
      `Monte Carlo paths must be a whole number from 1 to ${MAX_PATHS.toLocaleString("en-US")}.`
    );
  return { first, rows };
}

/** `count` blank cells (left for a spill). */
const blank = (count: number): Content[] => Array<Content>(count).fill(null);
