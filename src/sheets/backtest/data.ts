/**
 * The backtest sheet's data, right of the report: a two-row header (frozen with the title rows), then
 * one row per day — the date, each index series, the borrowing rate and each real fund history (blank
 * before the fund existed) as values, then spilled formulas that read the inputs: each fund's daily
 * returns (=STACK.LETF.SERIES or =STACK.STACKED, spliced under its real history with =STACK.SPLICE),
 * each portfolio's (=STACK.BACKTEST over every fund with its column of weights) and the benchmark's,
 * their growth from the start amount, drawdowns and rolling returns.
 *
 * A spliced fund's formula hands SPLICE its real history as IF(ISBLANK(real),"",real) ({@link blanksKept}):
 * Excel for Windows passes an empty cell to a custom function as 0, which SPLICE would take for a real
 * return of 0%; Excel's own ISBLANK turns the empty cells into "" (missing) on every host, while text
 * typed in the column still reaches SPLICE as an error naming its row. The rows of a fund that are the real fund are
 * shaded, under a rule on its first real row.
 */
import { rangeName } from "../../io/a1";
import { Area, Content, formula } from "../layout";
import { columnOf } from "../sheet-builder";
import { theme } from "../theme";
import {
  at,
  blanksKept,
  DATE,
  dataArea,
  HEADER_ROW,
  MONEY,
  PERCENT,
  ref,
  SheetContext,
  switchRow,
  TOP,
} from "./context";
import { Inputs, LetfInputs } from "./inputs";

export interface DataAreas {
  readonly dates: Area;
  /** One column per index series, in the context's order. */
  readonly index: Area;
  readonly rates?: Area;
  /** One column per real fund history (named Backtest_Real), blank before the fund existed. */
  readonly real?: Area;
  /** One column per fund (named Backtest_Funds). */
  readonly funds: Area;
  /** Each portfolio, then the benchmark (named Backtest_Returns). */
  readonly returns: Area;
  readonly portfolios: Area;
  readonly benchmark?: Area;
  readonly growth: Area;
  readonly drawdowns: Area;
  readonly rolling: Area;
}

/** `count` blank cells (left for a spill). */
export const blank = (count: number): Content[] => Array<Content>(count).fill(null);

/** The names of the result columns as built: each portfolio, then the benchmark. */
export function resultNames(ctx: SheetContext): string[] {
  return [
    ...ctx.config.portfolios.map((p) => p.name),
    ...(ctx.config.benchmark ? [ctx.config.benchmark.name] : []),
  ];
}

/**
 * Headings for the result columns at (row, column …): label formulas that follow the portfolio-name and
 * benchmark-name inputs, so renaming one there renames it everywhere. `step` spaces them (2: every
 * other column).
 */
export function resultHeadings(
  ctx: SheetContext,
  inputs: Inputs,
  row: number,
  column: number,
  count = ctx.results,
  step = 1
): Content[] {
  const sources = [
    ...inputs.portfolios.map((p) => p.name),
    ...(inputs.benchmark ? [inputs.benchmark.name] : []),
  ];
  const names = resultNames(ctx);
  return sources
    .slice(0, count)
    .map((source, j) => ctx.builder.label(at(row, column + j * step), source, names[j]));
}

/** Fill of the rows of a fund column that hold the real fund's returns (and of the real history's values). */
export const REAL_FILL = "#E2EFDA";

export function writeData(ctx: SheetContext, inputs: Inputs): DataAreas {
  const { builder, config, data, first, rows, funds, index, real, columns: c, names } = ctx;
  const { put, style } = builder;
  const P = config.portfolios.length;
  const k = ctx.results;
  const dates = dataArea(ctx, c.date);
  const indexArea = dataArea(ctx, c.index, index.length);
  const rates = c.rate === undefined ? undefined : dataArea(ctx, c.rate);
  const realArea = c.real === undefined ? undefined : dataArea(ctx, c.real, real.length);
  const fundsArea = dataArea(ctx, c.funds, funds.length);
  const returns = dataArea(ctx, c.returns, k);
  const portfolios = dataArea(ctx, c.returns, P);
  const benchmark = config.benchmark ? dataArea(ctx, c.returns + P) : undefined;
  const growth = dataArea(ctx, c.growth, k);
  const drawdowns = dataArea(ctx, c.drawdown, k);
  const rolling = dataArea(ctx, c.rolling, k);
  names.push(
    { name: "Backtest_Dates", area: dates, comment: "Dates of the backtest's rows" },
    { name: "Backtest_Index", area: indexArea, comment: "Daily returns of the index series" },
    ...(rates
      ? [
          {
            name: "Backtest_Rates",
            area: rates,
            comment: "Annual borrowing rate of each row (decimal)",
          },
        ]
      : []),
    ...(realArea
      ? [
          {
            name: "Backtest_Real",
            area: realArea,
            comment: "Daily returns of the real funds, blank before they existed",
          },
        ]
      : []),
    {
      name: "Backtest_Funds",
      area: fundsArea,
      comment: "Daily returns of the funds: simulated, or real where spliced",
    },
    { name: "Backtest_Returns", area: returns, comment: "Daily returns: portfolios, benchmark" },
    { name: "Backtest_Portfolios", area: portfolios },
    ...(benchmark ? [{ name: "Backtest_Benchmark", area: benchmark }] : []),
    { name: "Backtest_Growth", area: growth },
    { name: "Backtest_Drawdowns", area: drawdowns },
    { name: "Backtest_Rolling", area: rolling }
  );

  // Group headings, column headings.
  const groups: [number, string][] = [
    [c.date, "Data (values)"],
    ...(c.real === undefined
      ? []
      : ([[c.real, "Real funds (values, blank before they existed)"]] as [number, string][])),
    [
      c.funds,
      c.real === undefined ? "Funds: daily returns" : "Funds: daily returns (shaded: real)",
    ],
    [c.returns, "Portfolios: daily returns"],
    [c.growth, "Value from the start amount"],
    [c.drawdown, "Drawdown"],
    [c.rolling, "Rolling annualised return"],
  ];
  for (const [column, text] of groups)
    put(HEADER_ROW - 1, column, [[text]], {
      font: { bold: true, color: theme.section.font.color },
    });
  const seriesName = (series: number) => data.series[series].name;
  put(HEADER_ROW, c.date, [
    [
      "Date",
      ...index.map(seriesName),
      ...(rates ? ["Rate (annual)"] : []),
      ...real.map((series) => `${seriesName(series)} (real)`),
      ...funds.map((f, i) =>
        builder.label(at(HEADER_ROW, c.funds + i), inputs.funds[i].name, f.name)
      ),
      ...resultHeadings(ctx, inputs, HEADER_ROW, c.returns),
      ...resultHeadings(ctx, inputs, HEADER_ROW, c.growth),
      ...resultHeadings(ctx, inputs, HEADER_ROW, c.drawdown),
      ...resultHeadings(ctx, inputs, HEADER_ROW, c.rolling),
    ],
  ]);
  style(
    { row: HEADER_ROW, column: c.date, rows: 1, columns: c.rolling + k - c.date },
    theme.header
  );

  // Values; a real history is blank (NaN) before its fund existed.
  const values = (series: number) => data.series[series].values.subarray(first, first + rows);
  const columnsOfData = [
    data.dates.subarray(first, first + rows),
    ...index.map(values),
    ...(config.rate === undefined ? [] : [values(config.rate)]),
    ...real.map(values),
  ];
  put(
    TOP,
    c.date,
    Array.from({ length: rows }, (_, t) =>
      columnsOfData.map((col) => (Number.isNaN(col[t]) ? null : col[t]))
    )
  );
  style(dates, { numberFormat: DATE });
  style(dataArea(ctx, c.index, c.funds - c.index), { numberFormat: PERCENT });
  names.push({
    name: "Backtest_Data",
    area: dataArea(ctx, c.date, c.funds - c.date),
    comment: "The aligned data, as values",
  });

  // The spilled results, one formula each in the first data row.
  const ratesArgument = rates ? "Backtest_Rates" : "0";
  const indexColumn = (series: number) =>
    rangeName(columnOf(indexArea, index.indexOf(series)), true);
  const letfFormula = (f: LetfInputs, series: number) =>
    formula(
      `=STACK.LETF.SERIES(${indexColumn(series)},${ref(f.leverage)},${ref(f.expenseRatio)},${ratesArgument},Backtest_Dates,${ref(f.spread)})`
    );
  const realColumn = (series: number) => rangeName(columnOf(realArea!, real.indexOf(series)), true);
  const fundFormulas = funds.map((f, i) => {
    const fund = inputs.funds[i];
    let simulation: string;
    if (fund.kind === "letf" && f.source.kind === "letf")
      simulation = letfFormula(fund, f.source.series).formula.slice(1);
    else if (fund.kind === "stacked")
      simulation = `STACK.STACKED(Backtest_Index,${rangeName(fund.legs, true)},${ratesArgument},${ref(fund.premium)},${ref(fund.fee)},Backtest_Dates)`;
    else throw new Error(`fund ${f.name}: inputs do not match its source`);
    if (f.source.real === undefined) return formula(`=${simulation}`);
    const history = realColumn(f.source.real);
    return formula(`=STACK.SPLICE(${blanksKept(history)},${simulation})`);
  });
  const portfolioFormulas = inputs.portfolios.map((p) =>
    formula(
      `=STACK.BACKTEST(Backtest_Funds,${rangeName(p.weights, true)},${ref(p.rebalance)},Backtest_Dates,IF(ISNUMBER(${ref(p.band)}),${ref(p.band)},""))`
    )
  );
  put(TOP, c.funds, [
    [
      ...fundFormulas,
      ...portfolioFormulas,
      ...(config.benchmark && inputs.benchmark
        ? [letfFormula(inputs.benchmark, config.benchmark.series)]
        : []),
      formula(`=STACK.GROWTH(Backtest_Returns,${ref(inputs.startAmount)})`),
      ...blank(k - 1),
      formula("=STACK.DRAWDOWN(Backtest_Returns)"),
      ...blank(k - 1),
      formula(`=STACK.ROLLING(Backtest_Returns,${ref(inputs.rollingWindow)})`),
      ...blank(k - 1),
    ],
  ]);
  style(fundsArea, { numberFormat: PERCENT });
  // The marker of the switch: the real rows of each spliced fund (and of its history) shaded, ruled above.
  const shadeFrom = (column: number, row: number) => {
    style(
      { row: TOP + row, column, rows: rows - row, columns: 1 },
      {
        fill: REAL_FILL,
        borders: [{ edges: ["top"], weight: "medium", color: theme.section.font.color }],
      }
    );
  };
  real.forEach((series, j) => {
    const row = switchRow(ctx, series);
    if (row === null) return;
    shadeFrom(c.real! + j, row);
    funds.forEach((f, i) => {
      if (f.source.real === series) shadeFrom(c.funds + i, row);
    });
  });
  style(returns, { numberFormat: PERCENT });
  style(growth, { numberFormat: MONEY });
  style(dataArea(ctx, c.drawdown, 2 * k), { numberFormat: PERCENT });
  return {
    dates,
    index: indexArea,
    rates,
    real: realArea,
    funds: fundsArea,
    returns,
    portfolios,
    benchmark,
    growth,
    drawdowns,
    rolling,
  };
}
