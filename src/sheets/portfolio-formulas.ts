/**
 * The live formulas that price a portfolio from the CMA table (DESIGN.md §1), shared by the
 * stacked-portfolio sheet's portfolios and its funds section: expected return, compound return,
 * volatility and Sharpe ratio, and the correlations spill. Each portfolio is a column: its weights on the
 * CMA assets and its results share the column.
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

/** Where a priced portfolio's results are: the {@link resultRows} cells and the correlations spill. */
export interface PricedPortfolio extends PortfolioTerms {
  readonly expectedReturn: Cell;
  readonly compoundReturn: Cell;
  readonly vol: Cell;
  readonly sharpe: Cell;
  /** The =STACK.CORRS spill: one cell per asset, then the financing leg; the formula is in the first cell. */
  readonly correlations: Area;
}

/** The rows {@link resultRows} fills, in order. */
export const RESULT_LABELS = [
  "Expected return (arithmetic)",
  "Compound return",
  "Volatility",
  "Sharpe ratio",
] as const;

/**
 * The `financing_correlations` argument of VOL and CORRS: the cash asset's column of CMA_Correlations
 * (the financing leg carries cash's risk), or nothing without a cash asset.
 */
export function financingCorrelationsArgument(correlations: Area, cash?: number): string {
  if (cash === undefined) return "";
  return `,${rangeName({ ...correlations, column: correlations.column + cash, columns: 1 }, true)}`;
}

/**
 * Rows of {@link RESULT_LABELS} placed at row `top`, column A for the label: =STACK.RETURN, GEORETURN,
 * VOL and (E − rate)/σ for each portfolio, in its weights' column.
 */
export function resultRows(
  portfolios: readonly PortfolioTerms[],
  top: number,
  financingCorrelations: string
): Content[][] {
  const ref = (c: Cell) => cellName(c.row, c.column);
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
}

/** The =STACK.CORRS spill of a portfolio: its correlation with each CMA asset, then the financing leg. */
export function correlationsFormula(p: PortfolioTerms, financingCorrelations: string): Formula {
  return formula(
    `=STACK.CORRS(${rangeName(p.weights)},CMA_Vols,CMA_Correlations,${cellName(p.financingVol.row, p.financingVol.column)}${financingCorrelations})`
  );
}
