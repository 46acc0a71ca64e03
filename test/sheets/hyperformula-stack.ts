/**
 * A real spreadsheet engine for layouts: HyperFormula (GPL-3.0, a test-only devDependency) with every
 * =STACK.* function of the built dist/functions.js registered as a FunctionPlugin, so a Layout's formulas
 * are parsed, wired to their cells and evaluated as a spreadsheet would, then compared with the core.
 *
 * - Arguments are converted the way Excel hands them to custom functions: a range (or any argument
 *   declared as a matrix) becomes rows of values with null for blank cells (Excel on the web; loadLayout's
 *   `blankCells: 0` passes them as 0, as Excel for Windows does); an omitted argument is null.
 *   An error in an argument propagates, as in Excel.
 * - A returned CustomFunctions.Error becomes the matching spreadsheet error (with its message).
 * - Spilled results: HyperFormula sizes an array formula when it parses it, before any value is known,
 *   so each spilling function needs a size rule from its arguments' sizes ({@link SPILL_SIZES}). A
 *   spilling function without a rule is left unregistered (its formulas show #NAME?): add a rule. A named
 *   range argument is sized by its range (HyperFormula alone sizes a name as one cell). A size
 *   that depends on a value, BOOTSTRAP's `paths`, is read from the formula when it is a number
 *   literal or a reference to a cell that already holds a number when the formula is parsed (a value cell
 *   above or to the left of it); otherwise the rule assumes the function's default, 1,000 paths. PLAN's
 *   `years` and FRONTIER's `points` are read the same way. Editing such a cell later does not resize the
 *   spill (reload the layout): HyperFormula never re-sizes.
 * - Arguments are evaluated as Excel's dynamic arrays do (`enableArrayArithmeticForArguments`): an
 *   argument such as `Rates/252` reaches the function as an array.
 * - Layout strings are loaded exactly as the Excel writer sends them (plan.ts's `excelInput`, an
 *   apostrophe prefix), which HyperFormula also reads as "this is text".
 */
import {
  ArraySize,
  CellError,
  CellValue,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import { BENCHMARK_ROWS } from "../../src/core/benchmark-stats";
import { DEFAULT_EDGES } from "../../src/core/conditional";
import { excelDate, PeriodCode, periodIndex } from "../../src/core/excel-date";
import { STRESS_EPISODES } from "../../src/core/stress-episodes";
import { STATS_ROWS } from "../../src/core/stats";
import { rangeName } from "../../src/io/a1";
import { excelInput } from "../../src/excel/plan";
import { Area, Cell, Content, Layout } from "../../src/sheets/layout";
import {
  callAsExcel,
  FunctionMetadata,
  loadBundle,
  loadMetadata,
  StubError,
} from "../functions/bundle";

/** Size of an argument as HyperFormula predicts it (width × height), whether it was given at all, and its number when known at parse time. */
export interface ArgumentShape {
  readonly width: number;
  readonly height: number;
  readonly given: boolean;
  /** A number literal, or the number held by the referenced cell when the formula is parsed. */
  readonly value?: number;
  /** A text literal (a code such as "Q"). */
  readonly text?: string;
  /**
   * The numbers of a referenced range (or named range) of plain values, row by row, read from the layout
   * being loaded — e.g. the dates a calendar table is sized by. Undefined when any cell is a formula.
   */
  readonly numbers?: readonly number[];
}

/** A spilled result's size from its arguments' shapes. */
export type SpillRule = (args: readonly ArgumentShape[]) => { width: number; height: number };

const length = (a: ArgumentShape) => Math.max(a.width, a.height);
/** A vector result of `n` items in the orientation of argument `a` (a row stays a row). */
const along = (a: ArgumentShape, n: number) =>
  a.width > 1 ? { width: n, height: 1 } : { width: 1, height: n };
/**
 * How many series a set of series holds (src/functions/excel.ts `seriesSet`): one per column, except that
 * a single row of several cells is one series laid out as a row.
 */
const seriesCount = (a: ArgumentShape) => (a.height === 1 && a.width > 1 ? 1 : a.width);
/**
 * One value per row of each series, laid out like the input (`spillSeries`): the same shape as the input,
 * trailing blank rows included (they spill as "").
 */
const likeInput = (a: ArgumentShape) => ({ width: a.width, height: a.height });
/** One value per series, in a row. */
const perSeries: SpillRule = (args) => ({ width: seriesCount(args[0]), height: 1 });
/** One column with a value per row of a set of assets (BACKTEST, STACKED: a single row is one row of assets). */
const perAssetRow: SpillRule = (args) => ({ width: 1, height: args[0].height });
/** BOOTSTRAP's default number of paths (src/functions/series.ts). */
const DEFAULT_PATHS = 1000;
/** The distinct values of f over an argument's numbers (e.g. the months or years of its dates). */
const distinct = (a: ArgumentShape, f: (x: number) => number) => {
  if (a.numbers === undefined)
    throw new Error("a calendar spill needs its dates as plain values in the layout");
  return new Set(a.numbers.map(f)).size;
};
/** STATS: the labelled rows, plus the benchmark rows when a benchmark is given. */
const statsRows = (args: readonly ArgumentShape[]) =>
  STATS_ROWS.length + (args[3]?.given ? BENCHMARK_ROWS.length : 0);

/** Result sizes of the spilling functions, keyed by function id. Extend this table when adding one. */
export const SPILL_SIZES: Record<string, SpillRule> = {
  // One correlation per asset, plus the financing asset when financing_vol or financing_correlations is given.
  CORRS: (args) => along(args[0], length(args[0]) + (args.slice(3).some((a) => a.given) ? 1 : 0)),
  COV: (args) => ({ width: length(args[0]), height: length(args[0]) }),
  RISKPARITY: (args) => along(args[0], length(args[0])),
  "LETF.SERIES": (args) => likeInput(args[0]),
  STACKED: perAssetRow,
  "LETF.FIT": () => ({ width: 2, height: 5 }),
  GROWTH: (args) => likeInput(args[0]),
  DRAWDOWN: (args) => likeInput(args[0]),
  ROLLING: (args) => likeInput(args[0]),
  MAXDD: perSeries,
  CAGR: perSeries,
  ANNVOL: perSeries,
  SHARPE: perSeries,
  SORTINO: perSeries,
  CALMAR: perSeries,
  ULCER: perSeries,
  // A label column, then one column per series; one row per statistic.
  STATS: (args) => ({ width: 1 + seriesCount(args[0]), height: statsRows(args) }),
  BACKTEST: perAssetRow,
  BOOTSTRAP: (args) => ({ width: 1, height: args[3]?.value ?? DEFAULT_PATHS }),
  // One exposure per asset class (column of fund_table), the total and the financing, in a row.
  "FUNDS.EXPOSURE": (args) => ({ width: args[1].width + 2, height: 1 }),
  // One weight per row of fund_table (its empty slots included), then the residual.
  "FUNDS.MIX": (args) => ({ width: 1, height: args[1].height + 1 }),
  SPLICE: (args) => likeInput(args[0]),
  // A header row, then one row per bucket: one more bucket than edges.
  CONDITIONAL: (args) => ({
    width: 9,
    height: 1 + (args[2]?.given ? length(args[2]) : DEFAULT_EDGES.length) + 1,
  }),
  // One row per calendar period of the dates, a date column then one per series.
  PERIODIC: (args) => ({
    width: 1 + seriesCount(args[0]),
    height: distinct(args[1], (d) =>
      periodIndex(d, (args[2]?.text?.toUpperCase() ?? "M") as PeriodCode)
    ),
  }),
  // A header, then one row per calendar year: the year, 12 months, the year's return.
  CALENDAR: (args) => ({ width: 14, height: 1 + distinct(args[1], (d) => excelDate(d).year) }),
  // A header, then `top` rows (default 5) of six columns.
  DRAWDOWNS: (args) => ({ width: 6, height: 1 + (args[2]?.value ?? 5) }),
  VAR: perSeries,
  CVAR: perSeries,
  BETA: perSeries,
  ALPHA: perSeries,
  CAPTURE: perSeries,
  TRACKINGERROR: perSeries,
  INFORATIO: perSeries,
  OMEGA: perSeries,
  DOWNSIDE: perSeries,
  TAILRATIO: perSeries,
  // A header, then one row per episode (the table's rows, or the built-in list); name, first, last, then
  // a return and a drawdown per series.
  STRESS: (args) => ({
    width: 3 + 2 * seriesCount(args[0]),
    height: 1 + (args[2]?.given ? args[2].height : STRESS_EPISODES.length),
  }),
  // A header row, then years 0…years (years read like BOOTSTRAP's paths; 30 when not known at parse time).
  PLAN: (args) => ({ width: 7, height: 2 + (args[2]?.value ?? 30) }),
  // A header row, then `points` portfolios: volatility, expected return, Sharpe ratio, one weight per asset.
  FRONTIER: (args) => ({ width: 3 + length(args[0]), height: 1 + (args[6]?.value ?? 20) }),
  OPTIMIZE: (args) => along(args[0], length(args[0])),
};

const ERROR_TYPES: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NUM!": ErrorType.NUM,
  "#NAME?": ErrorType.NAME,
  "#REF!": ErrorType.REF,
  "#NULL!": ErrorType.ERROR,
};

type Value = number | string | boolean | null;

/** HyperFormula's internal value to what Excel would pass: numbers (also rich ones), text, booleans, null for blank. */
function plain(value: unknown): Value | CellError {
  if (value instanceof CellError) return value;
  if (value === EmptyValue || value === undefined || value === null) return null;
  if (typeof value === "object" && typeof (value as { val?: unknown }).val === "number")
    return (value as { val: number }).val;
  return value as Value;
}

/** What a blank cell inside a range reaches a function as while a layout is evaluated (see loadLayout). */
let blankCell: null | 0 = null;

function toExcelArgument(value: unknown, matrix: boolean): unknown {
  if (value instanceof SimpleRangeValue) {
    const rows = value.data.map((row) =>
      row.map((cell) => {
        const v = plain(cell);
        return v === null ? blankCell : v;
      })
    );
    const error = rows.flat().find((v) => v instanceof CellError);
    return error ?? rows;
  }
  const scalar = plain(value);
  return matrix && !(scalar instanceof CellError) && scalar !== null ? [[scalar]] : scalar;
}

function fromExcelResult(result: unknown): unknown {
  if (result instanceof StubError)
    return new CellError(ERROR_TYPES[result.code] ?? ErrorType.ERROR, result.message);
  if (Array.isArray(result))
    return SimpleRangeValue.onlyValues(
      result.map((row: unknown[]) => row.map((v) => fromExcelResult(v) as never))
    );
  return result;
}

let registered: { skipped: string[] } | undefined;

/**
 * Register every function of dist/functions.json under its =STACK.* name (once per process). Returns the
 * ids skipped because they spill without a {@link SPILL_SIZES} rule.
 */
export function registerStackFunctions(): { skipped: string[] } {
  if (registered) return registered;
  const bundle = loadBundle();
  const metadata = loadMetadata();
  const skipped: string[] = [];
  const implemented: Record<string, object> = {};
  const translations: Record<string, string> = {};
  class StackPlugin extends FunctionPlugin {}
  const methods = StackPlugin.prototype as unknown as Record<string, unknown>;
  for (const meta of metadata) {
    const spills = meta.result.dimensionality === "matrix";
    const rule: SpillRule | undefined = SPILL_SIZES[meta.id];
    if (spills && !rule) {
      skipped.push(meta.id);
      continue;
    }
    const name = `STACK.${meta.name}`;
    const method = `call_${meta.id.replace(/\W/g, "_")}`;
    const sizeMethod = `${method}_size`;
    const fn = bundle.get(meta.id)!;
    methods[method] = function (this: PluginInternals, ast: { args: unknown[] }, state: unknown) {
      return this.runFunction(ast.args, state, this.metadata(name), (...args: unknown[]) =>
        evaluate(fn, meta, args)
      );
    };
    if (rule !== undefined) {
      methods[sizeMethod] = function (
        this: PluginInternals,
        ast: { args: ArgumentAst[] },
        state: SizingState
      ) {
        // Arguments are sized as arrays, as they are evaluated (see enableArrayArithmeticForArguments below).
        const arrays = { ...state, arraysFlag: true };
        const shapes = ast.args.map((arg) => ({
          ...sizeOf(this, arg, arrays),
          given: arg.type !== "EMPTY",
          value: knownNumber(this, arg, state),
          text: arg.type === "STRING" && typeof arg.value === "string" ? arg.value : undefined,
          numbers: rawNumbers(arg, state),
        }));
        const { width, height } = rule(shapes);
        return new ArraySize(width, height);
      };
    }
    implemented[name] = {
      method,
      ...(rule !== undefined ? { sizeOfResultArrayMethod: sizeMethod } : {}),
      parameters: meta.parameters.map((p) => ({
        argumentType: FunctionArgumentType.ANY,
        optionalArg: p.optional === true,
      })),
      vectorizationForbidden: true,
      enableArrayArithmeticForArguments: true,
    };
    translations[name] = name;
  }
  (StackPlugin as unknown as { implementedFunctions: object }).implementedFunctions = implemented;
  HyperFormula.registerFunctionPlugin(StackPlugin, { enGB: translations });
  registered = { skipped };
  return registered;
}

/** The protected FunctionPlugin members the generated methods use. */
interface PluginInternals {
  runFunction(
    args: unknown[],
    state: unknown,
    metadata: unknown,
    fn: (...args: unknown[]) => unknown
  ): unknown;
  metadata(name: string): unknown;
  arraySizeForAst(ast: unknown, state: unknown): { width: number; height: number };
  readonly dependencyGraph: {
    getCellValue(address: unknown): unknown;
    getRawValue(address: unknown): unknown;
  };
  readonly interpreter: {
    readonly namedExpressions: {
      nearestNamedExpression(name: string, sheet: number): { address: unknown } | undefined;
    };
  };
}

interface AddressAst {
  toSimpleCellAddress(formulaAddress: unknown): { row: number; col: number };
}

/** The parts of an argument's syntax tree that the size rules read. */
interface ArgumentAst {
  readonly type: string;
  readonly value?: unknown;
  readonly reference?: AddressAst;
  readonly start?: AddressAst;
  readonly end?: AddressAst;
  readonly expressionName?: string;
}

/** The layout being loaded: its plain contents (as written) and its names, for {@link rawNumbers}. */
let loading: { data: Value[][]; names: Map<string, Area> } | undefined;

/**
 * The numbers of a range or named-range argument when every cell of it is a plain number or blank in the
 * layout being loaded (HyperFormula has not parsed cells below the formula yet, so the layout is read).
 */
function rawNumbers(arg: ArgumentAst, state: SizingState): number[] | undefined {
  if (loading === undefined) return undefined;
  let area: Area | undefined;
  if (arg.type === "NAMED_EXPRESSION" && arg.expressionName !== undefined)
    area = loading.names.get(arg.expressionName);
  else if (arg.type === "CELL_RANGE" && arg.start && arg.end) {
    const start = arg.start.toSimpleCellAddress(state.formulaAddress);
    const end = arg.end.toSimpleCellAddress(state.formulaAddress);
    area = {
      row: start.row,
      column: start.col,
      rows: end.row - start.row + 1,
      columns: end.col - start.col + 1,
    };
  }
  if (area === undefined) return undefined;
  const numbers: number[] = [];
  for (let r = area.row; r < area.row + area.rows; r++) {
    for (let c = area.column; c < area.column + area.columns; c++) {
      const v = loading.data[r]?.[c] ?? null;
      if (typeof v === "number") numbers.push(v);
      else if (v !== null) return undefined;
    }
  }
  return numbers;
}

interface SizingState {
  readonly formulaAddress: { readonly sheet: number };
}

/**
 * An argument's size. HyperFormula's own prediction does not look into named expressions (it sizes a
 * name as one cell), so a name is sized by the range it stands for: a sheet-scoped name's value is that
 * range, known as soon as the name is added.
 */
function sizeOf(
  plugin: PluginInternals,
  arg: ArgumentAst,
  state: SizingState
): { width: number; height: number } {
  if (arg.type === "NAMED_EXPRESSION" && arg.expressionName !== undefined) {
    const named = plugin.interpreter.namedExpressions.nearestNamedExpression(
      arg.expressionName,
      state.formulaAddress.sheet
    );
    const value =
      named === undefined ? undefined : plugin.dependencyGraph.getCellValue(named.address);
    if (value instanceof SimpleRangeValue) return { width: value.width(), height: value.height() };
  }
  return plugin.arraySizeForAst(arg, state);
}

/**
 * An argument's number when it is known while the formula is parsed: a number literal, or a reference to
 * a value cell that already holds a number (cells are parsed in row order: a cell above the formula, or
 * to its left). A formula cell has no value yet at that point.
 */
function knownNumber(
  plugin: PluginInternals,
  arg: ArgumentAst,
  state: SizingState
): number | undefined {
  if (arg.type === "NUMBER" && typeof arg.value === "number") return arg.value;
  if (arg.type !== "CELL_REFERENCE" || arg.reference === undefined) return undefined;
  const value = plugin.dependencyGraph.getRawValue(
    arg.reference.toSimpleCellAddress(state.formulaAddress)
  );
  return typeof value === "number" ? value : undefined;
}

function evaluate(
  fn: (...args: unknown[]) => unknown,
  meta: FunctionMetadata,
  args: unknown[]
): unknown {
  const converted = args.map((arg, i) =>
    toExcelArgument(arg, meta.parameters[i]?.dimensionality === "matrix")
  );
  const error = converted.find((v) => v instanceof CellError);
  if (error) return error;
  return fromExcelResult(callAsExcel(fn, meta, converted));
}

/** A layout loaded into HyperFormula, with accessors by layout position. */
export interface LoadedLayout {
  readonly hf: HyperFormula;
  readonly sheet: number;
  /** The computed value of a cell; errors come back as HyperFormula's DetailedCellError. */
  value(cell: Cell): CellValue;
  /** Replace a cell's content the way the writer would write it (an edit by the user). */
  set(cell: Cell, content: Content): void;
}

export interface LoadOptions {
  /**
   * Evaluate operators on ranges element-wise everywhere, as Excel's dynamic arrays do (e.g.
   * `w*CMA_Vols` inside SUMPRODUCT): on unless turned off (HyperFormula's own default is off).
   */
  readonly arrayArithmetic?: boolean;
  /**
   * What a blank cell inside a range reaches a =STACK.* function as: null, as Excel on the web passes it
   * (the default), or 0, as Excel for Windows does (DESIGN.md §3).
   */
  readonly blankCells?: null | 0;
}

/** Load `layout` into a new HyperFormula workbook: contents as the Excel writer sends them, names scoped to the sheet. */
export function loadLayout(layout: Layout, options: LoadOptions = {}): LoadedLayout {
  registerStackFunctions();
  const rows = Math.max(...layout.blocks.map((b) => b.row + b.cells.length));
  const columns = Math.max(...layout.blocks.map((b) => b.column + (b.cells[0]?.length ?? 0)));
  const data: Value[][] = Array.from({ length: rows }, () => Array<Value>(columns).fill(null));
  for (const block of layout.blocks) {
    block.cells.forEach((row, i) =>
      row.forEach((content, j) => (data[block.row + i][block.column + j] = excelInput(content)))
    );
  }
  const hf = HyperFormula.buildEmpty({
    licenseKey: "gpl-v3",
    smartRounding: false,
    // Formulas over ranges evaluate as Excel's dynamic arrays do (a bucket label per row, SUMPRODUCT of
    // arrays); a test may turn it off to show a formula does not depend on it.
    useArrayArithmetic: options.arrayArithmetic ?? true,
  });
  const sheetName = hf.addSheet(layout.sheetName);
  const sheet = hf.getSheetId(sheetName)!;
  for (const name of layout.names)
    hf.addNamedExpression(name.name, `='${sheetName}'!${rangeName(name.area, true)}`, sheet);
  // HyperFormula evaluates as contents change: blank cells reach the functions as asked while it does.
  const evaluating = (change: () => void) => {
    const saved = blankCell;
    blankCell = options.blankCells ?? null;
    try {
      change();
    } finally {
      blankCell = saved;
    }
  };
  loading = { data, names: new Map(layout.names.map((n) => [n.name, n.area])) };
  try {
    evaluating(() => hf.setSheetContent(sheet, data));
  } finally {
    loading = undefined;
  }
  return {
    hf,
    sheet,
    value: (cell) => hf.getCellValue({ sheet, row: cell.row, col: cell.column }),
    set: (cell, content) =>
      evaluating(() =>
        hf.setCellContents({ sheet, row: cell.row, col: cell.column }, [[excelInput(content)]])
      ),
  };
}
