/**
 * The stacked-portfolio sheet (DESIGN.md §5): an imported CMA table and, side by side for the user's
 * stack and two reference portfolios (100% stocks, 60/40), live =STACK.* formulas for expected return,
 * compound return, volatility, Sharpe ratio, correlations with every asset and outcome ranges; then the
 * efficient frontier (cma-frontier.ts) and a plan's Monte Carlo (cma-plan.ts).
 *
 * The financing leg (weight 1 − Σw, negative when borrowing) is modelled as in DESIGN.md §1: it costs the
 * financing rate (plus the premium on the borrowed part) and, when the table has a cash asset, carries
 * cash's volatility and correlations — so 100% stocks + 100% bonds of the §1 example has σ = 14.43%.
 * Without a cash asset the financing rate starts at 0 and the leg is riskless until the user edits it.
 *
 * Returns the layout and where everything is, so tests can evaluate each formula cell.
 */
import { CmaTable } from "../io/cma-table";
import { cellName, rangeName } from "../io/a1";
import { FundsCells, fundsSection, FundsSetup, fundsWidth } from "./cma-funds";
import { Area, Cell, formula, Layout, NamedRange } from "./layout";
import { portableFormulas } from "./portable-formulas";
import { FormulaKind, liveFormulas, PricedPortfolio, termsBelow } from "./portfolio-formulas";
import { frontierSection, FrontierSection } from "./cma-frontier";
import { PlanInputs, planSection, PlanSection } from "./cma-plan";
import { columnOf, columnWidths, Label, sheetBuilder } from "./sheet-builder";
import { theme } from "./theme";

/** The percentiles of the outcome table, as fractions (PERCENTILE.INC's k). */
export const PERCENTILES: readonly number[] = [0.1, 0.25, 0.5, 0.75, 0.9];
const DEFAULT_HORIZON_YEARS = 10;

export interface CmaSheetOptions {
  /** Where the table came from, shown under the title: a file name, "pasted text", a range address, a template. */
  readonly source: string;
  /** The build date shown under the title, e.g. "2025-01-31". */
  readonly builtOn: string;
  readonly horizonYears?: number;
  /** The funds section (cma-funds.ts), when the user picked funds. */
  readonly funds?: FundsSetup;
  /** The frontier's maximum exposure to start with (default 2 = 200%). */
  readonly maxExposure?: number;
  /** The plan's inputs to start with (defaults in cma-plan.ts). */
  readonly plan?: Partial<PlanInputs>;
  /**
   * "live" (default): =STACK.* formulas; "portable": Excel's own functions only (portable-formulas.ts),
   * the same results in the same cells, for workbooks opened where Stack is not installed.
   */
  readonly formulas?: FormulaKind;
}

/** Which assets stand for "stocks", "bonds" and "cash" (0-based), and how they were chosen, in words. */
export interface ReferenceAssets {
  readonly stocks: number;
  /** Absent when the table has a single asset (besides cash): the 60/40 portfolio is then 60% stocks. */
  readonly bonds?: number;
  /** The financing asset. */
  readonly cash?: number;
  readonly explanation: string;
}

/** Where one portfolio's inputs and results are. */
export interface PortfolioCells extends PricedPortfolio {
  readonly header: Cell;
  readonly total: Cell;
  readonly financingWeight: Cell;
  /** One cell per {@link PERCENTILES} entry. */
  readonly outcomes: readonly Cell[];
}

export interface CmaSheet {
  readonly layout: Layout;
  readonly table: {
    readonly assets: Area;
    readonly returns: Area;
    readonly vols: Area;
    readonly correlations: Area;
  };
  readonly horizon: Cell;
  readonly references: ReferenceAssets;
  /** The user's stack, then 100% stocks, then 60/40. */
  readonly portfolios: readonly PortfolioCells[];
  /** Every formula that shows text (asset names, column headings), with the text it shows when built. */
  readonly labels: readonly Label[];
  readonly funds?: FundsCells;
  /** The efficient-frontier and plan sections: live sheets only. */
  readonly frontier?: FrontierSection;
  readonly plan?: PlanSection;
}

/** The note that says a sheet's results are live =STACK formulas, and how to share one without Stack. */
export const LIVE_NOTE =
  "Live: the results are =STACK formulas, which need Stack. For someone without it, share this sheet as values (the pane's Share tab) or build it with portable formulas.";
/** What a portable sheet says about the sections it leaves out. */
export const PORTABLE_PLANNING_NOTE =
  "The efficient frontier and the plan's Monte Carlo have no Excel formula, so this sheet leaves them out: build with live Stack formulas for them, and share that sheet as values for someone without Stack.";
/** The note that says a sheet was built with native formulas. */
export const PORTABLE_NOTE =
  "Portable: every result is an Excel formula (SUMPRODUCT, MMULT, SQRT, NORM.S.INV), so this sheet works without Stack; keep both triangles of the correlation matrix filled.";

const CASH = /\b(cash|t-?bills?|treasury bills?|money market|bills)\b/i;
const STOCKS = /stock|equit|s&p|msci|acwi|russell|nasdaq|shares/i;
const BONDS = /bond|treasur|fixed income|aggregate|gilt|bund|credit|govt|government/i;

/**
 * Pick the reference assets by name (cash: "cash", "T-bills", "money market"; stocks: "stock",
 * "equity", "S&P", "MSCI"...; bonds: "bond", "Treasury", "aggregate"...). When no name matches, the
 * first asset that is not cash stands for stocks and the next one for bonds.
 */
export function pickReferenceAssets(assets: readonly string[]): ReferenceAssets {
  const cashIndex = assets.findIndex((a) => CASH.test(a));
  const cash = cashIndex >= 0 ? cashIndex : undefined;
  const risky = assets.map((_, i) => i).filter((i) => i !== cash);
  const candidates = risky.length > 0 ? risky : [0];
  const byName = (pattern: RegExp, except?: number) =>
    candidates.find((i) => i !== except && pattern.test(assets[i]));
  const namedStocks = byName(STOCKS);
  const stocks = namedStocks ?? candidates[0];
  const namedBonds = byName(BONDS, stocks);
  const bonds = namedBonds ?? candidates.find((i) => i !== stocks);
  const how = (what: string, index: number | undefined, named: boolean) =>
    index === undefined
      ? `no second asset stands for ${what}`
      : `${assets[index]} stands for ${what} (${named ? "by its name" : "no asset is named like it, so the first remaining asset"})`;
  const explanation = `Reference portfolios: ${how("stocks", stocks, namedStocks !== undefined)}; ${how("bonds", bonds, namedBonds !== undefined)}.`;
  return { stocks, bonds, cash, explanation };
}

/** The layout of the stacked-portfolio sheet for a validated table. */
export function cmaSheet(table: CmaTable, options: CmaSheetOptions): CmaSheet {
  const n = table.assets.length;
  const refs = pickReferenceAssets(table.assets);
  const lastColumn = Math.max(3, 2 + n);
  const width = Math.max(lastColumn + 1, options.funds ? fundsWidth(options.funds) : 0);
  const builder = sheetBuilder(width);
  const { blocks, styles, labels, put, style, label, row, section } = builder;
  const ref = (c: Cell, absolute = false) => cellName(c.row, c.column, absolute);

  // Title.
  put(0, 0, [["Stacked portfolio"]], theme.title);
  put(
    1,
    0,
    [[`Capital market assumptions: ${options.source} · built ${options.builtOn} with Stack`]],
    theme.subtitle
  );
  put(2, 0, [["Orange cells are inputs: edit them and every result recalculates."]], theme.note);

  // The CMA table: values as imported; the correlation headings repeat the asset names.
  section(4, "Capital market assumptions (annual)");
  put(4, 3, [["Correlations"]], { font: { italic: true, bold: false, size: 10 } });
  const top = 6;
  const assetCell = (i: number): Cell => ({ row: top + i, column: 0 });
  put(5, 0, [
    [
      "Asset",
      "Expected return",
      "Volatility",
      ...table.assets.map((name, j) => label({ row: 5, column: 3 + j }, assetCell(j), name)),
    ],
  ]);
  style(row(5, 3 + n), theme.header);
  const cma = put(
    top,
    0,
    table.assets.map((name, i) => [name, table.returns[i], table.vols[i], ...table.correlations[i]])
  );
  const assets = columnOf(cma, 0);
  const returns = columnOf(cma, 1);
  const vols = columnOf(cma, 2);
  const correlations: Area = { row: top, column: 3, rows: n, columns: n };
  style({ row: top, column: 1, rows: n, columns: 2 + n }, theme.input);
  style({ row: top, column: 1, rows: n, columns: 2 }, { numberFormat: "0.0%" });
  style(correlations, { numberFormat: "0.00" });
  const names: NamedRange[] = [
    {
      name: "CMA_Table",
      area: { row: 5, column: 0, rows: n + 1, columns: 3 + n },
      comment: `Capital market assumptions from ${options.source}`,
    },
    { name: "CMA_Assets", area: assets },
    { name: "CMA_Returns", area: returns },
    { name: "CMA_Vols", area: vols },
    { name: "CMA_Correlations", area: correlations },
  ];

  // Portfolios: weights per column; the user's stack defaults to 100% stocks + 100% bonds.
  const columns = [1, 2, 3];
  const stocksRef = ref(assetCell(refs.stocks), true);
  const headerRow = top + n + 2;
  section(headerRow - 1, "Portfolios");
  const stocksName = table.assets[refs.stocks];
  const headerTexts = [
    "Your stack",
    `100% ${stocksName}`,
    refs.bonds === undefined
      ? `60% ${stocksName}`
      : `60/40 ${stocksName}/${table.assets[refs.bonds]}`,
  ];
  const headerCells = columns.map((c): Cell => ({ row: headerRow, column: c }));
  const referenceHeaders = [
    formula(`="100% "&${stocksRef}`),
    refs.bonds === undefined
      ? formula(`="60% "&${stocksRef}`)
      : formula(`="60/40 "&${stocksRef}&"/"&${ref(assetCell(refs.bonds), true)}`),
  ];
  labels.push(
    ...referenceHeaders.map((_, k) => ({ cell: headerCells[k + 1], text: headerTexts[k + 1] }))
  );
  put(headerRow, 0, [["Weights", headerTexts[0], ...referenceHeaders]]);
  style(row(headerRow, 4), theme.header);
  const repeatHeader = (r: number, first: string) => {
    put(r, 0, [
      [
        first,
        ...headerCells.map((h, p) => label({ row: r, column: columns[p] }, h, headerTexts[p])),
      ],
    ]);
    style(row(r, 4), theme.header);
  };
  const defaultWeights = [
    table.assets.map((_, i) => (i === refs.stocks || i === refs.bonds ? 1 : 0)),
    table.assets.map((_, i) => (i === refs.stocks ? 1 : 0)),
    table.assets.map((_, i) => (i === refs.stocks ? 0.6 : i === refs.bonds ? 0.4 : 0)),
  ];
  const weightsTop = headerRow + 1;
  put(
    weightsTop,
    0,
    table.assets.map((name, i) => [
      label({ row: weightsTop + i, column: 0 }, assetCell(i), name),
      ...defaultWeights.map((w) => w[i]),
    ])
  );
  const weights = columns.map((c): Area => ({ row: weightsTop, column: c, rows: n, columns: 1 }));
  style(weights[0], theme.input);
  style({ row: weightsTop, column: 1, rows: n + 2, columns: 3 }, { numberFormat: "0.0%" });
  names.push({ name: "Stack_Weights", area: weights[0] });
  const totalRow = weightsTop + n;
  put(totalRow, 0, [
    ["Total exposure", ...weights.map((w) => formula(`=SUM(${rangeName(w)})`))],
    ["Financing leg (1 − total)", ...columns.map((c) => formula(`=1-${cellName(totalRow, c)}`))],
  ]);
  style(row(totalRow, 4), theme.total);

  // Financing: the stack's terms in column B; the reference portfolios follow it unless edited.
  const financingRow = totalRow + 5;
  section(financingRow - 2, "Financing (annual; the premium applies to the borrowed part)");
  repeatHeader(financingRow - 1, "Terms");
  const cashCell = (column: number) =>
    refs.cash === undefined ? 0 : formula(`=${cellName(top + refs.cash, column)}`);
  const linked = (r: number) => columns.slice(1).map(() => formula(`=${cellName(r, 1, true)}`));
  put(financingRow, 0, [
    ["Financing rate", cashCell(1), ...linked(financingRow)],
    ["Premium over the rate", 0, ...linked(financingRow + 1)],
    ["Fee", 0, 0, 0],
    ["Financing volatility", cashCell(2), ...linked(financingRow + 3)],
  ]);
  style({ row: financingRow, column: 1, rows: 4, columns: 1 }, theme.input);
  style({ row: financingRow + 2, column: 2, rows: 1, columns: 2 }, theme.input);
  style({ row: financingRow, column: 1, rows: 4, columns: 3 }, { numberFormat: "0.00%" });
  const at = (r: number) => columns.map((c): Cell => ({ row: r, column: c }));
  const [rates, premiums, fees, financingVols] = [0, 1, 2, 3].map((k) => at(financingRow + k));
  const geometry = { correlations, cash: refs.cash };
  const formulas =
    options.formulas === "portable" ? portableFormulas(geometry) : liveFormulas(geometry);
  const terms = termsBelow(weights, financingRow);

  // Results.
  const resultsRow = financingRow + 7;
  section(resultsRow - 2, "Results (annual)");
  repeatHeader(resultsRow - 1, "Measure");
  const [expected, compound, volatility, sharpe] = [0, 1, 2, 3].map((k) => at(resultsRow + k));
  put(resultsRow, 0, formulas.resultRows(terms, resultsRow));
  style({ row: resultsRow, column: 1, rows: 3, columns: 3 }, { numberFormat: "0.00%" });
  style({ row: resultsRow + 3, column: 1, rows: 1, columns: 3 }, { numberFormat: "0.00" });

  // Correlations with every asset and with the financing leg (live: one =STACK.CORRS spill per portfolio).
  const corrRow = resultsRow + 7;
  section(corrRow - 2, "Correlation of each portfolio with");
  repeatHeader(corrRow - 1, "Asset");
  const corrColumns = terms.map((t, p) => formulas.correlations(t, volatility[p]));
  put(corrRow, 0, [
    ...table.assets.map((name, i) => [
      label({ row: corrRow + i, column: 0 }, assetCell(i), name),
      ...corrColumns.map((cells) => cells[i]),
    ]),
    ["Financing leg", ...corrColumns.map((cells) => cells[n])],
  ]);
  const spills = columns.map((c): Area => ({ row: corrRow, column: c, rows: n + 1, columns: 1 }));
  style({ row: corrRow, column: 1, rows: n + 1, columns: 3 }, { numberFormat: "0.00" });

  // Outcome ranges over a horizon.
  const horizonRow = corrRow + n + 3;
  section(horizonRow - 1, "Range of annualised returns over the horizon");
  const horizon: Cell = { row: horizonRow, column: 1 };
  put(horizonRow, 0, [["Horizon (years)", options.horizonYears ?? DEFAULT_HORIZON_YEARS]]);
  style({ row: horizonRow, column: 1, rows: 1, columns: 1 }, { ...theme.input, numberFormat: "0" });
  names.push({ name: "Horizon_Years", area: { ...horizon, rows: 1, columns: 1 } });
  repeatHeader(horizonRow + 1, "Percentile");
  const outcomesRow = horizonRow + 2;
  put(
    outcomesRow,
    0,
    PERCENTILES.map((q) => [
      `${Math.round(q * 100)}th percentile`,
      ...columns.map((_, p) => formulas.horizonPercentile(compound[p], volatility[p], horizon, q)),
    ])
  );
  style(
    { row: outcomesRow, column: 1, rows: PERCENTILES.length, columns: 3 },
    { numberFormat: "0.0%" }
  );

  // The funds section (its own module), when the user picked funds.
  const funds =
    options.funds &&
    fundsSection(
      options.funds,
      {
        builder,
        top: outcomesRow + PERCENTILES.length + 1,
        assets: table.assets,
        assetCell,
        rate: rates[0],
        financingVol: financingVols[0],
        formulas,
        names,
      },
      lastColumn + 1
    );

  // Planning with CMAs: the efficient frontier, then a plan's Monte Carlo (their own modules).
  const planning = {
    builder,
    width,
    assets: table.assets,
    assetCell,
    rate: rates[0],
    premium: premiums[0],
    portfolios: columns.map((_, p) => ({
      header: headerCells[p],
      name: headerTexts[p],
      expectedReturn: expected[p],
      vol: volatility[p],
    })),
    portfolioHeader: repeatHeader,
  };
  // An optimiser and a Monte Carlo have no Excel formula: a portable sheet leaves both out (its note
  // says how to get them), rather than showing figures that would not follow the inputs.
  const live = formulas.kind === "live";
  const sectionsTop = (funds ? funds.cells.lastRow + 1 : outcomesRow + PERCENTILES.length) + 1;
  const frontier = live ? frontierSection(planning, sectionsTop, options.maxExposure) : undefined;
  const plan = frontier && planSection(planning, frontier.nextRow + 1, options.plan);

  // Notes.
  const notesRow = (plan?.nextRow ?? sectionsTop) + 1;
  section(notesRow - 1, "Notes");
  const notes = [
    refs.explanation,
    refs.cash === undefined
      ? "No cash asset: the financing rate starts at 0% and the financing leg is riskless; edit them."
      : `Financing: the leg 1 − total earns or pays ${table.assets[refs.cash]}'s return and carries its risk.`,
    `Expected return = Σ w·μ + (1 − Σ w)·rate − borrowed·premium − fee (${formulas.kind === "live" ? "=STACK.RETURN" : "SUMPRODUCT"}).`,
    "Compound return = √((1 + μ)² − σ²) − 1. Sharpe ratio = (expected return − rate) / volatility.",
    "Outcome ranges: annualised return over the horizon taken as normal, g + z·σ/√years.",
    ...(live ? [LIVE_NOTE] : [PORTABLE_NOTE, PORTABLE_PLANNING_NOTE]),
  ];
  put(
    notesRow,
    0,
    notes.map((text) => [text]),
    theme.note
  );
  const lastRow = notesRow + notes.length - 1;

  const portfolios = columns.map((_, p): PortfolioCells => ({
    header: headerCells[p],
    weights: weights[p],
    total: { row: totalRow, column: columns[p] },
    financingWeight: { row: totalRow + 1, column: columns[p] },
    rate: rates[p],
    premium: premiums[p],
    fee: fees[p],
    financingVol: financingVols[p],
    expectedReturn: expected[p],
    compoundReturn: compound[p],
    vol: volatility[p],
    sharpe: sharpe[p],
    correlations: spills[p],
    outcomes: PERCENTILES.map((_, k) => ({ row: outcomesRow + k, column: columns[p] })),
  }));

  const layout: Layout = {
    sheetName: "Stack portfolio",
    blocks,
    styles,
    columnWidths: [
      { column: 0, width: 165 },
      ...columns.map((c) => ({ column: c, width: 84 })),
      ...columnWidths(4, lastColumn + 1, 60),
      ...(funds?.columnWidths ?? []),
      ...(plan?.columnWidths ?? []),
    ],
    names,
    charts: [...(frontier?.charts ?? []), ...(plan?.charts ?? [])],
    print: {
      orientation: "portrait",
      area: { row: 0, column: 0, rows: lastRow + 1, columns: width },
      fitToWidth: true,
    },
    showGridlines: false,
    tabColor: theme.tabColor,
  };
  return {
    layout,
    table: { assets, returns, vols, correlations },
    horizon,
    references: refs,
    portfolios,
    labels,
    funds: funds?.cells,
    frontier,
    plan,
  };
}
