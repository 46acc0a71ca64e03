/**
 * The formulas that price a portfolio from the CMA table (DESIGN.md §1), shared by the stacked-portfolio
 * sheet's portfolios and its funds section: expected return, compound return, volatility and Sharpe ratio,
 * the correlations with every asset, the horizon percentiles and the funds' look-through. Each portfolio
 * is a column: its weights on the CMA assets and its results share the column.
 *
 * Two sets of the same formulas, chosen when the sheet is built:
 * - "live": =STACK.* custom functions ({@link liveFormulas}, this module);
 * - "portable": Excel's own functions only, so the sheet computes the same numbers where Stack is not
 *   installed (portable-formulas.ts).
 * Both put every result in the same cell, so the sheet's geometry does not depend on the choice.
 */
import { cellName, rangeName } from "../io/a1";
import { Area, Cell, Content, formula, Formula } from "./layout";

/** One portfolio's weights (a column over the CMA assets) and financing terms. */
export interface PortfolioTerms {
  readonly weights: Area;
  readonly rate: Cell;
  readonly premium: Cell;
  readonly fee: Cell;
  readonly financingVol: Cell;
}

/**
 * Portfolios whose financing terms sit in the four rows from `row` — rate, premium, fee, financing
 * volatility — each in its weights' column.
 */
export function termsBelow(weights: readonly Area[], row: number): PortfolioTerms[] {
  return weights.map((w) => {
    const at = (k: number): Cell => ({ row: row + k, column: w.column });
    return { weights: w, rate: at(0), premium: at(1), fee: at(2), financingVol: at(3) };
  });
}

/** Where a priced portfolio's results are: the {@link PortfolioFormulas.resultRows} cells and the correlations. */
export interface PricedPortfolio extends PortfolioTerms {
  readonly expectedReturn: Cell;
  readonly compoundReturn: Cell;
  readonly vol: Cell;
  readonly sharpe: Cell;
  /** The correlations: one cell per asset, then the financing leg (live: one =STACK.CORRS spill from the first cell). */
  readonly correlations: Area;
}

/** The rows {@link PortfolioFormulas.resultRows} fills, in order. */
export const RESULT_LABELS = [
  "Expected return (arithmetic)",
  "Compound return",
  "Volatility",
  "Sharpe ratio",
] as const;

/** Which formulas a sheet is built with. */
export type FormulaKind = "live" | "portable";

/** Where the CMA table's matrix is, and which of its assets (0-based) is cash, the financing leg's risk. */
export interface CmaGeometry {
  readonly correlations: Area;
  readonly cash?: number;
}

/** The formulas of one {@link FormulaKind}, for a CMA table at {@link CmaGeometry}. */
export interface PortfolioFormulas {
  readonly kind: FormulaKind;
  /**
   * Rows of {@link RESULT_LABELS} placed at row `top`, column A for the label: expected return,
   * compound return, volatility and (E − rate)/σ for each portfolio, in its weights' column.
   */
  resultRows(portfolios: readonly PortfolioTerms[], top: number): Content[][];
  /** The correlations column of a portfolio whose volatility is at `vol`: one cell per asset, then the financing leg. */
  correlations(p: PortfolioTerms, vol: Cell): Content[];
  /** The annualised return at percentile `q` over the horizon in `years` (normal on the annualised return). */
  horizonPercentile(compound: Cell, vol: Cell, years: Cell, q: number): Formula;
  /**
   * The look-through row of `holdings` over the fund table `exposures` (named `exposuresName`), placed
   * from cell `at` to the right: one cell per class, then the total and the financing.
   */
  lookThrough(holdings: string, exposures: Area, exposuresName: string, at: Cell): Content[];
}

const ref = (c: Cell, absolute = false) => cellName(c.row, c.column, absolute);

/**
 * The `financing_correlations` argument of VOL and CORRS: the cash asset's column of CMA_Correlations
 * (the financing leg carries cash's risk), or nothing without a cash asset.
 */
export function financingCorrelationsArgument(correlations: Area, cash?: number): string {
  if (cash === undefined) return "";
  return `,${rangeName({ ...correlations, column: correlations.column + cash, columns: 1 }, true)}`;
}

/** =STACK.* formulas: the live sheet. */
export function liveFormulas(cma: CmaGeometry): PortfolioFormulas {
  const financingCorrelations = financingCorrelationsArgument(cma.correlations, cma.cash);
  return {
    kind: "live",
    resultRows: (portfolios, top) => {
      const at = (k: number, p: PortfolioTerms) => cellName(top + k, p.weights.column);
      const formulas: ((p: PortfolioTerms) => Formula)[] = [
        (p) =>
          formula(
            `=STACK.RETURN(${rangeName(p.weights)},CMA_Returns,${ref(p.rate)},${ref(p.premium)},${ref(p.fee)})`
          ),
        (p) => formula(`=STACK.GEORETURN(${at(0, p)},${at(2, p)})`),
        (p) =>
          formula(
            `=STACK.VOL(${rangeName(p.weights)},CMA_Vols,CMA_Correlations,${ref(p.financingVol)}${financingCorrelations})`
          ),
        (p) => formula(`=(${at(0, p)}-${ref(p.rate)})/${at(2, p)}`),
      ];
      return RESULT_LABELS.map((label, k) => [label, ...portfolios.map(formulas[k])]);
    },
    correlations: (p) => [
      formula(
        `=STACK.CORRS(${rangeName(p.weights)},CMA_Vols,CMA_Correlations,${ref(p.financingVol)}${financingCorrelations})`
      ),
      ...Array<Content>(p.weights.rows).fill(null),
    ],
    horizonPercentile: (compound, vol, years, q) =>
      formula(`=STACK.HORIZON.PCTL(${ref(compound)},${ref(vol)},${ref(years, true)},${q})`),
    lookThrough: (holdings, exposures, exposuresName) => [
      formula(`=STACK.FUNDS.EXPOSURE(${holdings},${exposuresName})`),
      ...Array<Content>(exposures.columns + 1).fill(null),
    ],
  };
}
