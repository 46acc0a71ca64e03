/**
 * What the stacked-portfolio sheet hands to its planning sections (cma-frontier.ts, cma-plan.ts): the
 * sheet builder and the report's width, the CMA table's asset names and cells, the stack's financing
 * terms, and where each portfolio's results are. The sections place their rows from a given row down
 * and say where they end, so cma-sheet.ts only chains them.
 */
import { Cell, ChartSpec } from "./layout";
import { SheetBuilder } from "./sheet-builder";

/** A portfolio of the sheet as the planning sections use it. */
export interface PortfolioResults {
  /** The heading cell (a label formula for the reference portfolios). */
  readonly header: Cell;
  /** The heading's text when the sheet is built (chart series are named with it). */
  readonly name: string;
  readonly expectedReturn: Cell;
  readonly vol: Cell;
}

export interface CmaSectionContext {
  readonly builder: SheetBuilder;
  /** Columns of the report (A to the last correlation column): sections stay inside it. */
  readonly width: number;
  readonly assets: readonly string[];
  /** The cell holding asset i's name in the CMA table. */
  readonly assetCell: (i: number) => Cell;
  /** The stack's financing rate and premium (the reference portfolios follow them). */
  readonly rate: Cell;
  readonly premium: Cell;
  /** The user's stack first, then the reference portfolios, in columns B, C, D. */
  readonly portfolios: readonly PortfolioResults[];
  /** Write row `row` as the sheet's portfolio table header: `first` in column A, then the portfolios' names. */
  readonly portfolioHeader: (row: number, first: string) => void;
}

/** What every section returns besides its own cells. */
export interface SectionResult {
  readonly charts: readonly ChartSpec[];
  /** The first row after the section. */
  readonly nextRow: number;
}
