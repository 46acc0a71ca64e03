/**
 * The backtest sheet's inputs, as orange cells: the funds (simulated leveraged funds and the benchmark,
 * then stacked funds by their exposure to each index series; the real history a fund is spliced onto and
 * the date it switches to it; where each spread or premium comes from), the portfolios (one column of weights per
 * portfolio, with its rebalancing and band), and the settings.
 */
import { TRADING_DAYS } from "../../core/series";
import { cellName, rangeName } from "../../io/a1";
import { formatDate } from "../../io/series-dates";
import { Area, Cell, Content, formula } from "../layout";
import { columnOf } from "../sheet-builder";
import { theme } from "../theme";
import {
  at,
  cellArea,
  DATE,
  Fund,
  MONEY,
  PERCENT,
  RATIO,
  ref,
  SheetContext,
  switchRow,
  TOP,
} from "./context";

/** The inputs of one simulated leveraged fund (a holding or the benchmark). */
export interface LetfInputs {
  readonly kind: "letf";
  readonly name: Cell;
  readonly leverage: Cell;
  readonly expenseRatio: Cell;
  readonly spread: Cell;
  /** The date a spliced fund switches from simulated to real (a value), when it is spliced. */
  readonly realFrom?: Cell;
}

/** The inputs of a stacked fund: its exposure to each index series (one row, in data order), fee, premium. */
export interface StackedInputs {
  readonly kind: "stacked";
  readonly name: Cell;
  readonly legs: Area;
  readonly fee: Cell;
  readonly premium: Cell;
  /** As {@link LetfInputs.realFrom}. */
  readonly realFrom?: Cell;
}

export type FundInputs = LetfInputs | StackedInputs;

export interface PortfolioInputs {
  readonly name: Cell;
  /** Weight of each fund (one column, the funds' order). */
  readonly weights: Area;
  readonly totalWeight: Cell;
  /** Σ weight × exposure: 2 for a 100/100 stack. */
  readonly exposure: Cell;
  /** A calendar code ("D", "W", "M", "Q", "A"), "NONE", or a number of rows. */
  readonly rebalance: Cell;
  /** Blank: no band. */
  readonly band: Cell;
}

export interface Inputs {
  readonly funds: readonly FundInputs[];
  readonly benchmark?: LetfInputs;
  readonly portfolios: readonly PortfolioInputs[];
  /** Funds × portfolios (named Backtest_Weights). */
  readonly weights: Area;
  /** Per fund: exposure per $1, the spread (or premium) and the expense ratio (or fee), as formulas. */
  readonly exposure: Area;
  readonly spread: Area;
  readonly cost: Area;
  readonly startAmount: Cell;
  readonly rollingYears: Cell;
  /** =ROUND(years × 252, 0). */
  readonly rollingWindow: Cell;
  /** The row after the inputs. */
  readonly next: number;
}

/** Title, subtitle and notes in rows 0–3. */
export function writeTitle(ctx: SheetContext, builtOn: string): string {
  const { builder, config, data, first, rows } = ctx;
  const period = `${formatDate(data.dates[first])} to ${formatDate(data.dates[first + rows - 1])}`;
  builder.put(0, 0, [[config.title]], theme.title);
  builder.put(
    1,
    0,
    [[`Daily data ${period} (${rows.toLocaleString("en-US")} days) · built ${builtOn} with Stack`]],
    theme.subtitle
  );
  if (data.notes.length > 0) builder.put(2, 0, [[data.notes.join(" · ")]], theme.subtitle);
  builder.put(
    3,
    0,
    [["Orange cells are inputs: edit them and every result recalculates."]],
    theme.note
  );
  return period;
}

export function writeInputs(ctx: SheetContext): Inputs {
  const { builder, config, data, first, funds, index } = ctx;
  const { put, style, section, label } = builder;
  const seriesName = (series: number) => data.series[series].name;
  const P = config.portfolios.length;

  // Leveraged funds, then the benchmark (simulated the same way, not held). When a fund is spliced onto a
  // real history, two columns name it and the date it switches from simulated to real; last, where each
  // spread comes from.
  const spliced = funds.some((f) => f.source.real !== undefined);
  const realColumns = (f: Fund): Content[] => {
    if (!spliced) return [];
    const real = f.source.real;
    if (real === undefined) return ["none: simulated", null];
    const row = switchRow(ctx, real);
    return [seriesName(real), row === null ? "none in these dates" : data.dates[first + row]];
  };
  const realHeadings = spliced ? ["Real history (SPLICE)", "Real from"] : [];
  const styleReal = (top: number, column: number, height: number) => {
    if (!spliced) return;
    style({ row: top, column: column + 1, rows: height, columns: 1 }, { numberFormat: DATE });
    style({ row: top, column, rows: height, columns: 2 }, { horizontalAlignment: "right" });
  };
  section(TOP, "Funds");
  let r = TOP + 1;
  put(
    r,
    0,
    [
      [
        "Fund",
        "Index series",
        "Leverage",
        "Expense ratio",
        "Spread over the rate",
        ...realHeadings,
        "Where the spread comes from",
      ],
    ],
    theme.header
  );
  r++;
  const letf = funds.flatMap((f, i) => (f.source.kind === "letf" ? [{ f, i, s: f.source }] : []));
  const benchmark = config.benchmark;
  const letfRows = [
    ...letf.map(({ f, s }) => [
      f.name,
      seriesName(s.series),
      s.leverage,
      s.expenseRatio,
      s.spread,
      ...realColumns(f),
      s.costSource ?? null,
    ]),
    ...(benchmark
      ? [
          [
            benchmark.name,
            seriesName(benchmark.series),
            1,
            0,
            0,
            ...(spliced ? [null, null] : []),
            "the benchmark: the index at 1x, no costs to start",
          ],
        ]
      : []),
  ];
  const sourceColumn = 5 + realHeadings.length;
  const inputs: FundInputs[] = [];
  let benchmarkInputs: LetfInputs | undefined;
  if (letfRows.length > 0) {
    put(r, 0, letfRows);
    const height = letfRows.length;
    style({ row: r, column: 0, rows: height, columns: 1 }, theme.input);
    style({ row: r, column: 2, rows: height, columns: 3 }, theme.input);
    style({ row: r, column: 2, rows: height, columns: 1 }, { numberFormat: RATIO });
    style({ row: r, column: 3, rows: height, columns: 2 }, { numberFormat: PERCENT });
    styleReal(r, 5, height);
    style({ row: r, column: sourceColumn, rows: height, columns: 1 }, theme.note);
    const cells = (k: number): LetfInputs => ({
      kind: "letf",
      name: at(r + k, 0),
      leverage: at(r + k, 2),
      expenseRatio: at(r + k, 3),
      spread: at(r + k, 4),
    });
    letf.forEach(({ f, i }, k) => {
      inputs[i] = { ...cells(k), realFrom: f.source.real === undefined ? undefined : at(r + k, 6) };
    });
    if (benchmark) benchmarkInputs = cells(letf.length);
    r += height;
  }

  // Stacked funds: exposure per $1 to each index series.
  const stacked = funds.flatMap((f, i) =>
    f.source.kind === "stacked" ? [{ f, i, s: f.source }] : []
  );
  if (stacked.length > 0) {
    const n = index.length;
    r++;
    put(
      r,
      0,
      [
        [
          "Stacked fund",
          ...index.map(seriesName),
          "Fee",
          "Premium over the rate",
          ...realHeadings,
          "Where the premium comes from",
        ],
      ],
      theme.header
    );
    r++;
    put(
      r,
      0,
      stacked.map(({ f, s }) => [
        f.name,
        ...index.map((series) => s.legs.find((l) => l.series === series)?.weight ?? 0),
        s.fee,
        s.premium,
        ...realColumns(f),
        s.costSource ?? null,
      ])
    );
    const height = stacked.length;
    style({ row: r, column: 0, rows: height, columns: 1 }, theme.input);
    style({ row: r, column: 1, rows: height, columns: n + 2 }, theme.input);
    style({ row: r, column: 1, rows: height, columns: n + 2 }, { numberFormat: PERCENT });
    styleReal(r, n + 3, height);
    style({ row: r, column: n + 3 + realHeadings.length, rows: height, columns: 1 }, theme.note);
    stacked.forEach(({ f, i }, k) => {
      inputs[i] = {
        kind: "stacked",
        name: at(r + k, 0),
        legs: { row: r + k, column: 1, rows: 1, columns: n },
        fee: at(r + k, 1 + n),
        premium: at(r + k, 2 + n),
        realFrom: f.source.real === undefined ? undefined : at(r + k, 4 + n),
      };
    });
    r += height;
  }

  // Portfolios: one column of weights each, over every fund.
  r += 2;
  section(r - 1, "Portfolios");
  const header = r;
  put(
    header,
    0,
    [
      [
        "Fund",
        "Exposure",
        "Spread or premium",
        "Expense ratio or fee",
        ...config.portfolios.map((p) => p.name),
      ],
    ],
    theme.header
  );
  style({ row: header, column: 4, rows: 1, columns: P }, theme.input);
  const top = header + 1;
  const F = funds.length;
  put(
    top,
    0,
    funds.map((f, i) => {
      const fund = inputs[i];
      const fundRow: Content[] =
        fund.kind === "letf"
          ? [
              label(at(top + i, 0), fund.name, f.name),
              formula(`=${ref(fund.leverage)}`),
              formula(`=${ref(fund.spread)}`),
              formula(`=${ref(fund.expenseRatio)}`),
            ]
          : [
              label(at(top + i, 0), fund.name, f.name),
              formula(`=SUM(${rangeName(fund.legs, true)})`),
              formula(`=${ref(fund.premium)}`),
              formula(`=${ref(fund.fee)}`),
            ];
      return [...fundRow, ...f.weights];
    })
  );
  const weights: Area = { row: top, column: 4, rows: F, columns: P };
  style(weights, theme.input);
  style(weights, { numberFormat: PERCENT });
  style({ row: top, column: 1, rows: F, columns: 1 }, { numberFormat: RATIO });
  style({ row: top, column: 2, rows: F, columns: 2 }, { numberFormat: PERCENT });
  const exposure: Area = { row: top, column: 1, rows: F, columns: 1 };
  const totals = top + F;
  const column = (j: number) => rangeName(columnOf(weights, j), true);
  put(totals, 0, [
    [
      "Total weight",
      null,
      null,
      null,
      ...config.portfolios.map((_, j) => formula(`=SUM(${column(j)})`)),
    ],
    [
      "Cash, earning nothing (1 − total)",
      null,
      null,
      null,
      ...config.portfolios.map((_, j) => formula(`=1-${cellName(totals, 4 + j)}`)),
    ],
    [
      "Exposure (Σ weight × exposure)",
      null,
      null,
      null,
      ...config.portfolios.map((_, j) =>
        formula(`=SUMPRODUCT(${column(j)},${rangeName(exposure, true)})`)
      ),
    ],
    [
      "Rebalance",
      "D, W, M, Q, A, NONE or a number of days",
      null,
      null,
      ...config.portfolios.map((p) => p.rebalance),
    ],
    [
      "Rebalancing band",
      "also when a weight drifts this far (blank: none)",
      null,
      null,
      ...config.portfolios.map((p) => p.band ?? null),
    ],
  ]);
  style(builder.row(totals, 4 + P), theme.total);
  style({ row: totals, column: 4, rows: 3, columns: P }, { numberFormat: PERCENT });
  style({ row: totals + 2, column: 4, rows: 1, columns: P }, { numberFormat: RATIO });
  style({ row: totals + 3, column: 4, rows: 2, columns: P }, theme.input);
  style({ row: totals + 4, column: 4, rows: 1, columns: P }, { numberFormat: PERCENT });
  style({ row: totals + 3, column: 4, rows: 2, columns: P }, { horizontalAlignment: "right" });
  style({ row: totals + 3, column: 1, rows: 2, columns: 1 }, theme.note);
  const portfolios = config.portfolios.map((_, j): PortfolioInputs => ({
    name: at(header, 4 + j),
    weights: columnOf(weights, j),
    totalWeight: at(totals, 4 + j),
    exposure: at(totals + 2, 4 + j),
    rebalance: at(totals + 3, 4 + j),
    band: at(totals + 4, 4 + j),
  }));

  // Settings: label, value, explanation.
  const settingsTop = totals + 7;
  section(settingsTop - 1, "Settings");
  const [startAmount, rollingYears, rollingWindow] = [0, 1, 2].map((i) => at(settingsTop + i, 1));
  const rateName = config.rate === undefined ? "none: 0%" : seriesName(config.rate);
  put(settingsTop, 0, [
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
      "Annual; a fund pays (exposure − 1) × rate + the spread or premium on the borrowed part, × days/360",
    ],
  ]);
  style({ row: settingsTop, column: 1, rows: 2, columns: 1 }, theme.input);
  style(cellArea(startAmount), { numberFormat: MONEY });
  style(cellArea(rollingYears), { numberFormat: "0.0" });
  style(cellArea(rollingWindow), { numberFormat: MONEY });
  style({ row: settingsTop, column: 1, rows: 4, columns: 1 }, { horizontalAlignment: "right" });
  style({ row: settingsTop, column: 2, rows: 4, columns: 1 }, theme.note);

  return {
    funds: inputs,
    benchmark: benchmarkInputs,
    portfolios,
    weights,
    exposure,
    spread: { ...exposure, column: 2 },
    cost: { ...exposure, column: 3 },
    startAmount,
    rollingYears,
    rollingWindow,
    next: settingsTop + 5,
  };
}
