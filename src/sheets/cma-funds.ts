/**
 * The funds section of the stacked-portfolio sheet (issue #11): the funds the user picked as an editable
 * table (exposure per $1 by asset class, expense ratio, source, as-of date) with their holdings, and live:
 * - the look-through exposure of the holdings (=STACK.FUNDS.EXPOSURE), its total and implied financing,
 *   and the weighted expense ratio;
 * - "size to a target": target exposures typed by asset class → the closest mix (=STACK.FUNDS.MIX, in the
 *   table's "Mix for the target" column) with its residual, and the mix's own look-through;
 * - for both, expected return, compound return, volatility, Sharpe ratio and correlations from the CMA
 *   table over the look-through exposures (=STACK.RETURN / GEORETURN / VOL / CORRS with the exposures as
 *   weights on the CMA's assets, the financing leg 1 − Σ as the cash leg, the weighted expense ratio as
 *   the fee), exactly as the sheet's portfolios above.
 * Each asset class is priced as the CMA asset named in the "CMA asset" row (SUMIF per CMA asset); a class
 * whose name is not in the CMA table is flagged on its column and its exposure is shown as left out.
 *
 * The table ends with empty rows for the user's own funds (FUNDS.* leave blank rows at the end out).
 */
import { fundTableFromColumns } from "../core/fund-exposure";
import { fundMix } from "../core/fund-mix";
import { cellName, rangeName } from "../io/a1";
import { FUND_CALIBRATIONS } from "./fund-calibration";
import { classesOf, FUND_FIGURES_AS_OF, FundFigures } from "./fund-template";
import { Area, Cell, Content, formula, NamedRange } from "./layout";
import { PortfolioFormulas, PricedPortfolio, termsBelow } from "./portfolio-formulas";
import { SheetBuilder } from "./sheet-builder";
import { theme } from "./theme";

/** What the pane chose for the section: the funds (their figures possibly edited), holdings, target, mapping. */
export interface FundsSetup {
  readonly funds: readonly FundFigures[];
  /** One per fund, decimals. */
  readonly holdings: readonly number[];
  /** Asset class → target exposure (decimal); a class not listed targets 0. */
  readonly target: Readonly<Record<string, number>>;
  /** The most money the mix may put in funds (FUNDS.MIX's max_total). */
  readonly maxTotal: number;
  /** Asset class → the CMA asset it is priced as; a class not listed is unmapped. */
  readonly mapping: Readonly<Record<string, string>>;
}

/** What the section needs from the sheet around it. */
export interface FundsContext {
  readonly builder: SheetBuilder;
  /** The first row of the section. */
  readonly top: number;
  readonly assets: readonly string[];
  /** Where each CMA asset's name is (the labels repeat it). */
  readonly assetCell: (i: number) => Cell;
  /** The user's stack's financing rate and financing volatility: the funds follow them. */
  readonly rate: Cell;
  readonly financingVol: Cell;
  /** The sheet's formulas (live or portable, portfolio-formulas.ts), as its portfolios use them. */
  readonly formulas: PortfolioFormulas;
  readonly names: NamedRange[];
}

/** Where the section's inputs and results are, for tests. */
export interface FundsCells {
  readonly classes: readonly string[];
  /** The table: one row per fund, then the empty rows. */
  readonly funds: Area;
  readonly holdings: Area;
  readonly expenses: Area;
  readonly exposures: Area;
  /** The =STACK.FUNDS.MIX spill: one cell per table row, then the residual. */
  readonly mix: Area;
  readonly residual: Cell;
  /** Look-through rows (spills: one cell per class, then total and financing) and the target row. */
  readonly lookThrough: Area;
  readonly target: Area;
  readonly mixLookThrough: Area;
  readonly maxTotal: Cell;
  readonly mapping: Area;
  /** The "in the CMA table?" flag under each class. */
  readonly mapped: Area;
  /** Weighted expense ratios of the holdings and of the mix. */
  readonly expenseRatios: readonly [Cell, Cell];
  /** Per portfolio (your funds, the mix): the CMA weights (one per CMA asset), left-out exposure, results. */
  readonly portfolios: readonly (PricedPortfolio & { readonly leftOut: Cell })[];
  readonly lastRow: number;
}

/** Empty rows left at the end of the table for the user's own funds. */
export const EMPTY_FUND_ROWS = 3;
const CLASS_WIDTH = 64;
const SOURCE_WIDTH = 230;
/** Column of the first asset class: A fund, B holding, C mix, D expense ratio. */
const FIRST_CLASS = 4;
const PER_DOLLAR = '0.00;-0.00;"–"';

/** Columns the section spans (so the sheet's section rules can span them too). */
export function fundsWidth(setup: FundsSetup): number {
  return FIRST_CLASS + classesOf(setup.funds).length + 2;
}

/**
 * Lay the section out from `context.top` down.
 * @returns where everything is, and the widths of its columns from `firstFreeColumn` on (the columns
 *   before it belong to the sheet above)
 */
export function fundsSection(
  setup: FundsSetup,
  context: FundsContext,
  firstFreeColumn: number
): { cells: FundsCells; columnWidths: { column: number; width: number }[] } {
  const { put, style, label, section } = context.builder;
  const classes = classesOf(setup.funds);
  const k = classes.length;
  const f = setup.funds.length;
  const n = context.assets.length;
  const sourceColumn = FIRST_CLASS + k;
  const ref = (c: Cell, absolute = false) => cellName(c.row, c.column, absolute);
  const top = context.top;

  section(top, "Funds: look-through exposure, and sizing to a target");
  put(
    top + 1,
    0,
    [
      [
        `Exposure per $1 of each fund by asset class, compiled ${FUND_FIGURES_AS_OF} from the sponsors' descriptions: check each prospectus. Edit any figure; add a fund in an empty row.`,
      ],
    ],
    theme.note
  );

  // The fund table.
  const header = top + 2;
  put(header, 0, [
    ["Fund", "Holding", "Mix for the target", "Expense ratio", ...classes, "Source", "As of"],
  ]);
  style({ row: header, column: 0, rows: 1, columns: sourceColumn + 2 }, theme.header);
  const classHeader = (j: number): Cell => ({ row: header, column: FIRST_CLASS + j });
  const first = header + 1;
  const rows = f + EMPTY_FUND_ROWS;
  put(first, 0, [
    ...setup.funds.map((fund, i) => [
      fund.ticker,
      setup.holdings[i],
      null,
      fund.expenseRatio,
      ...classes.map((c) => fund.exposures[c] ?? 0),
      `${fund.description} · ${fund.source}`,
      fund.asOf,
    ]),
    ...Array.from({ length: EMPTY_FUND_ROWS }, () => Array(sourceColumn + 2).fill(null)),
  ]);
  const funds: Area = { row: first, column: 0, rows, columns: sourceColumn + 2 };
  const holdings: Area = { row: first, column: 1, rows, columns: 1 };
  const mixColumn: Area = { row: first, column: 2, rows, columns: 1 };
  const expenses: Area = { row: first, column: 3, rows, columns: 1 };
  const exposures: Area = { row: first, column: FIRST_CLASS, rows, columns: k };
  style({ ...funds, columns: 2 }, theme.input);
  style({ ...holdings, rows: f }, { numberFormat: "0.0%" });
  style({ ...expenses, columns: 1 + k }, theme.input);
  style(expenses, { numberFormat: "0.00%" });
  style(exposures, { numberFormat: PER_DOLLAR });
  style({ row: first, column: sourceColumn, rows, columns: 2 }, theme.input);
  style({ row: first, column: sourceColumn, rows, columns: 2 }, theme.note);
  style(holdings, theme.input);
  const residualRow = first + rows;
  const residual: Cell = { row: residualRow, column: 2 };
  put(residualRow, 0, [["Distance of the mix from the target (residual)"]]);
  put(residualRow + 1, 0, [
    ["Total", formula(`=SUM(${rangeName(holdings)})`), formula(`=SUM(${rangeName(mixColumn)})`)],
  ]);
  style({ row: residualRow + 1, column: 0, rows: 1, columns: 3 }, theme.total);
  style({ row: first, column: 2, rows: rows + 2, columns: 1 }, { numberFormat: "0.0%" });
  context.names.push(
    { name: "Fund_Holdings", area: holdings },
    { name: "Fund_Expenses", area: expenses },
    {
      name: "Fund_Exposures",
      area: exposures,
      comment: "Exposure per $1: one row per fund, one column per asset class",
    },
    { name: "Fund_Mix", area: mixColumn }
  );

  // Look-through exposures of the holdings, the target and the mix.
  const lookHeader = residualRow + 3;
  put(lookHeader, 0, [
    [
      "Look-through exposure",
      null,
      null,
      "Expense ratio",
      ...classes.map((c, j) =>
        label({ row: lookHeader, column: FIRST_CLASS + j }, classHeader(j), c)
      ),
      "Total exposure",
      "Financing (1 − total)",
    ],
  ]);
  style({ row: lookHeader, column: 0, rows: 1, columns: sourceColumn + 2 }, theme.header);
  const yours = lookHeader + 1;
  const targetRow = yours + 1;
  const mixRow = yours + 2;
  const maxTotal: Cell = { row: mixRow + 1, column: 1 };
  const target: Area = { row: targetRow, column: FIRST_CLASS, rows: 1, columns: k };
  context.names.push(
    { name: "Fund_Target", area: target },
    { name: "Fund_MaxTotal", area: { ...maxTotal, rows: 1, columns: 1 } }
  );
  const { formulas } = context;
  const lookThroughOf = (holdings: string, r: number) =>
    formulas.lookThrough(holdings, exposures, "Fund_Exposures", { row: r, column: FIRST_CLASS });
  put(yours, 0, [
    [
      "Your funds",
      null,
      null,
      formula("=SUMPRODUCT(Fund_Holdings,Fund_Expenses)"),
      ...lookThroughOf("Fund_Holdings", yours),
    ],
    [
      "Target",
      null,
      null,
      null,
      ...classes.map((c) => setup.target[c] ?? 0),
      formula("=SUM(Fund_Target)"),
      formula("=1-SUM(Fund_Target)"),
    ],
    [
      "Mix for the target",
      null,
      null,
      formula("=SUMPRODUCT(Fund_Mix,Fund_Expenses)"),
      ...lookThroughOf("Fund_Mix", mixRow),
    ],
    ["Most money the mix may use", setup.maxTotal],
  ]);
  // The mix: live, =STACK.FUNDS.MIX; portable, the least-squares mix has no Excel formula, so it is
  // computed now (core/fund-mix.ts) and written as values, with the target it answers marked as fixed.
  const live = formulas.kind === "live";
  if (live)
    put(first, 2, [[formula("=STACK.FUNDS.MIX(Fund_Target,Fund_Exposures,Fund_MaxTotal)")]]);
  else {
    const mix = frozenMix(setup, classes);
    put(first, 2, [...Array.from(mix.weights, (w): Content[] => [w])]);
    put(residual.row, residual.column, [[mix.residual]]);
  }
  style(target, live ? theme.input : theme.fixed);
  style(
    { ...maxTotal, rows: 1, columns: 1 },
    {
      ...(live ? theme.input : theme.fixed),
      numberFormat: "0%",
    }
  );
  style({ row: yours, column: 3, rows: 3, columns: 1 }, { numberFormat: "0.00%" });
  style({ row: yours, column: FIRST_CLASS, rows: 3, columns: k + 2 }, { numberFormat: "0.0%" });
  const lookThrough: Area = { row: yours, column: FIRST_CLASS, rows: 1, columns: k + 2 };
  const mixLookThrough: Area = { row: mixRow, column: FIRST_CLASS, rows: 1, columns: k + 2 };

  // Which CMA asset prices each class.
  const mappingRow = maxTotal.row + 1;
  const mapping: Area = { row: mappingRow, column: FIRST_CLASS, rows: 1, columns: k };
  const mapped: Area = { ...mapping, row: mappingRow + 1 };
  put(mappingRow, 0, [
    ["Priced as the CMA asset", null, null, null, ...classes.map((c) => setup.mapping[c] ?? "")],
    [
      "In the CMA table?",
      null,
      null,
      null,
      ...classes.map((_, j) =>
        formula(
          `=IF(COUNTIF(CMA_Assets,${cellName(mappingRow, FIRST_CLASS + j)})>0,"yes","no: left out")`
        )
      ),
    ],
  ]);
  style(mapping, theme.input);
  style(mapped, { font: { italic: true, size: 9 }, horizontalAlignment: "right" });
  context.names.push({ name: "Fund_Mapping", area: mapping });

  // Risk and return from the CMA table, for the holdings (column B) and the mix (column C).
  const weightsHeader = mappingRow + 3;
  const columns = [1, 2];
  put(weightsHeader, 0, [["Exposure by CMA asset", "Your funds", "Mix for the target"]]);
  style({ row: weightsHeader, column: 0, rows: 1, columns: 3 }, theme.header);
  const weightsTop = weightsHeader + 1;
  const classRange = (r: number) =>
    rangeName({ row: r, column: FIRST_CLASS, rows: 1, columns: k }, true);
  const totalOf = (r: number) => cellName(r, FIRST_CLASS + k, true);
  const sources = [yours, mixRow];
  put(
    weightsTop,
    0,
    context.assets.map((name, i) => [
      label({ row: weightsTop + i, column: 0 }, context.assetCell(i), name),
      ...sources.map((r) =>
        formula(`=SUMIF(Fund_Mapping,${cellName(weightsTop + i, 0, true)},${classRange(r)})`)
      ),
    ])
  );
  const weights = columns.map((c): Area => ({ row: weightsTop, column: c, rows: n, columns: 1 }));
  const leftOutRow = weightsTop + n;
  put(leftOutRow, 0, [
    [
      "Left out (classes not in the CMA table)",
      ...sources.map((r, p) => formula(`=${totalOf(r)}-SUM(${rangeName(weights[p])})`)),
    ],
    ["Financing leg (1 − total)", ...weights.map((w) => formula(`=1-SUM(${rangeName(w)})`))],
  ]);
  style({ row: leftOutRow, column: 0, rows: 2, columns: 3 }, theme.total);
  style({ row: weightsTop, column: 1, rows: n + 2, columns: 2 }, { numberFormat: "0.0%" });

  const termsRow = leftOutRow + 3;
  const expenseCells: [Cell, Cell] = [
    { row: yours, column: 3 },
    { row: mixRow, column: 3 },
  ];
  const linkToFirst = (r: number) => formula(`=${cellName(r, 1)}`);
  put(termsRow, 0, [
    ["Financing rate", formula(`=${ref(context.rate, true)}`), linkToFirst(termsRow)],
    ["Premium over the rate", 0, linkToFirst(termsRow + 1)],
    ["Fee (weighted expense ratio)", ...expenseCells.map((c) => formula(`=${ref(c)}`))],
    [
      "Financing volatility",
      formula(`=${ref(context.financingVol, true)}`),
      linkToFirst(termsRow + 3),
    ],
  ]);
  style({ row: termsRow + 1, column: 1, rows: 1, columns: 1 }, theme.input);
  style({ row: termsRow, column: 1, rows: 4, columns: 2 }, { numberFormat: "0.00%" });
  const terms = termsBelow(weights, termsRow);
  const at = (r: number) => columns.map((c): Cell => ({ row: r, column: c }));

  const resultsRow = termsRow + 5;
  put(resultsRow - 1, 0, [["Results (annual)", "Your funds", "Mix for the target"]]);
  style({ row: resultsRow - 1, column: 0, rows: 1, columns: 3 }, theme.header);
  const [expected, compound, volatility, sharpe] = [0, 1, 2, 3].map((j) => at(resultsRow + j));
  put(resultsRow, 0, formulas.resultRows(terms, resultsRow));
  style({ row: resultsRow, column: 1, rows: 3, columns: 2 }, { numberFormat: "0.00%" });
  style({ row: resultsRow + 3, column: 1, rows: 1, columns: 2 }, { numberFormat: "0.00" });

  const corrHeader = resultsRow + 5;
  put(corrHeader, 0, [["Correlation with", "Your funds", "Mix for the target"]]);
  style({ row: corrHeader, column: 0, rows: 1, columns: 3 }, theme.header);
  const corrRow = corrHeader + 1;
  const corrColumns = terms.map((t, p) => formulas.correlations(t, volatility[p]));
  put(corrRow, 0, [
    ...context.assets.map((name, i) => [
      label({ row: corrRow + i, column: 0 }, context.assetCell(i), name),
      ...corrColumns.map((cells) => cells[i]),
    ]),
    ["Financing leg", ...corrColumns.map((cells) => cells[n])],
  ]);
  style({ row: corrRow, column: 1, rows: n + 1, columns: 2 }, { numberFormat: "0.00" });

  const notesRow = corrRow + n + 2;
  const unmapped = classes.filter((c) => !context.assets.includes(setup.mapping[c] ?? ""));
  const spreads = Object.values(FUND_CALIBRATIONS)
    .map((c) => `${c.ticker} ${(c.spread * 100).toFixed(2)}%`)
    .join(", ");
  const notes = [
    unmapped.length === 0
      ? "Every asset class is priced as a CMA asset (row “Priced as the CMA asset”; edit it to change)."
      : `Not in the CMA table, so left out of the results: ${unmapped.join(", ")}. Type a CMA asset's name under each, or add the class to the table.`,
    "Weights on the CMA assets are the look-through exposures (SUMIF by the “Priced as” row); the financing leg 1 − total pays the financing rate and carries cash's risk; the fee is the weighted expense ratio.",
    live
      ? "Mix for the target: fund weights ≥ 0, at most the money allowed, closest to the target in least squares (=STACK.FUNDS.MIX); the rest is cash. Of identical funds only the first listed is used."
      : `Mix for the target: computed by Stack when the sheet was built (${FROZEN_MIX}), for the grey target and limit and the fund table as they were then: fund weights ≥ 0, closest to the target in least squares. It does not follow edits; its exposure and results below do.`,
    `Futures-based funds finance at about the T-bill rate inside their expense ratio; swap-based daily funds cost more (calibrated spreads over the rate: ${spreads}): add a premium for them.`,
  ];
  put(
    notesRow,
    0,
    notes.map((text) => [text]),
    theme.note
  );
  const lastRow = notesRow + notes.length - 1;

  const portfolios = terms.map((t, p) => ({
    ...t,
    leftOut: { row: leftOutRow, column: columns[p] },
    expectedReturn: expected[p],
    compoundReturn: compound[p],
    vol: volatility[p],
    sharpe: sharpe[p],
    correlations: { row: corrRow, column: columns[p], rows: n + 1, columns: 1 },
  }));
  const widths = [
    ...classes.map((_, j) => ({ column: FIRST_CLASS + j, width: CLASS_WIDTH })),
    { column: sourceColumn, width: SOURCE_WIDTH },
    { column: sourceColumn + 1, width: 60 },
  ].filter((w) => w.column >= firstFreeColumn);
  return {
    cells: {
      classes,
      funds,
      holdings,
      expenses,
      exposures,
      mix: { ...mixColumn, rows: rows + 1 },
      residual,
      lookThrough,
      target,
      mixLookThrough,
      maxTotal,
      mapping,
      mapped,
      expenseRatios: expenseCells,
      portfolios,
      lastRow,
    },
    columnWidths: widths,
  };
}

/** How the portable sheet's note describes its mix: Excel has no function for it. */
const FROZEN_MIX = "least squares with w ≥ 0 has no Excel formula";

/** FUNDS.MIX for the setup as built, by the core: one weight per fund, then the residual. */
function frozenMix(setup: FundsSetup, classes: readonly string[]) {
  const table = fundTableFromColumns(
    classes.map((c) => Float64Array.from(setup.funds, (fund) => fund.exposures[c] ?? 0))
  );
  const target = Float64Array.from(classes, (c) => setup.target[c] ?? 0);
  return fundMix(target, table, setup.maxTotal);
}
