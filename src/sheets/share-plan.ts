/**
 * Share as values (issue #12), host-independent: from what Excel reports about a sheet (its formulas and
 * their spills, names, input cells, print area, charts), what the shared copy must change so that it
 * opens anywhere with the numbers it shows now. src/excel/share.ts reads the sheet, copies it
 * (Worksheet.copy keeps formats, widths, conditional formats, data validation, names, print setup and
 * charts) and applies this plan to the copy.
 *
 * Generic on purpose: nothing here knows the sections of Stack's sheets. The rules:
 * - a formula depends on Stack when it mentions STACK. (or Excel's add-in prefix _xldudf_), uses a name
 *   whose definition does, or refers to a cell that depends on Stack — a spilled result's whole range
 *   counts as its anchor's. It is also treated as dependent when its reach cannot be read
 *   (formula-references.ts: another sheet, INDIRECT, an unknown name...) or, when sharing a selection,
 *   when it reads a cell outside the selection (which the copy clears);
 * - every dependent formula is replaced by its current value, spilled results included (the plan lists
 *   the areas whose values the copy takes from the original); every other native formula stays live;
 * - the input cells (the orange "Input" fill of Stack's sheets) turn grey, "fixed in this snapshot", the
 *   sheet's "Orange cells are inputs…" note says so, and a footer line under the content says when the
 *   snapshot was taken, from which sheet and with which Stack version (the print area grows to show it);
 * - charts stay, re-pointed at the copy's own cells wherever they read the original sheet; a chart that
 *   reads another sheet is left as it is and reported; sharing a selection keeps the charts that read
 *   only the selection;
 * - sheet-scoped names defined by a =STACK formula are deleted from the copy (their users are frozen).
 */
import { rangeName } from "../io/a1";
import { contains, formulaReferences, intersects, sheetReference } from "./formula-references";
import { Area, Cell, Style } from "./layout";
import { theme } from "./theme";

/** The fill of Stack's input cells (Excel's "Input" cell style): what Share marks as fixed. */
export const INPUT_FILL = theme.input.fill;
/** How the builders' note on input cells starts; Share replaces that note on the copy. */
export const INPUTS_NOTE_START = "Orange cells are inputs";

/** A formula cell of the sheet, with the range it spills to (anchor included), if it spills. */
export interface SourceFormula {
  readonly cell: Cell;
  readonly formula: string;
  readonly spill?: Area;
}

/** One series of a chart: where its values and categories come from, as Excel writes them (e.g. "='Stack backtest'!$X$6:$X$99"). */
export interface SourceSeries {
  readonly values?: string;
  readonly categories?: string;
}

/** What Excel reports about the sheet to share (src/excel/share.ts reads it). */
export interface ShareSource {
  readonly sheetName: string;
  readonly formulas: readonly SourceFormula[];
  /** The sheet's own names and their definitions (e.g. "='Stack portfolio'!$C$7:$C$9"). */
  readonly names: readonly { readonly name: string; readonly formula: string }[];
  /** Cells filled as inputs ({@link INPUT_FILL}), in any order. */
  readonly inputs: readonly Cell[];
  /** Cells holding the builders' note on inputs ({@link INPUTS_NOTE_START}). */
  readonly inputNotes: readonly Cell[];
  readonly used?: Area;
  readonly printArea?: Area;
  /**
   * The last row (0-based) holding a value in the columns of the print area (else of the used range):
   * the footer goes two rows under it (under the selection when sharing one).
   */
  readonly contentBottom: number;
  /** Charts by name; `series` is undefined when this Excel cannot tell where they read (ExcelApi < 1.15). */
  readonly charts: readonly { readonly name: string; readonly series?: readonly SourceSeries[] }[];
  /** Share only this selection (the rest of the copy is cleared); the whole sheet when undefined. */
  readonly selection?: Area;
  /** When the snapshot is taken, as shown (e.g. "2025-01-31 14:05"), and Stack's version. */
  readonly frozenAt: string;
  readonly version: string;
}

/** A chart series to re-point at the copy's cells (same addresses on the copy). */
export interface Rebind {
  readonly chart: string;
  readonly series: number;
  readonly values?: Area;
  readonly categories?: Area;
}

export interface SharePlan {
  /** Areas whose values the copy takes from the original (each a dependent formula's cell or spill). */
  readonly freeze: readonly Area[];
  /** Formula cells frozen, cells written by them (spills included), native formulas kept live. */
  readonly counts: { readonly formulas: number; readonly cells: number; readonly kept: number };
  /** Input cells to mark as fixed, as rectangles, and their look. */
  readonly inputs: readonly Area[];
  readonly fixedStyle: Style;
  /** Cells whose text becomes `text` (the builders' note on inputs). */
  readonly notes: readonly { readonly cell: Cell; readonly text: string }[];
  readonly footer: { readonly cell: Cell; readonly text: string; readonly style: Style };
  /** The print area of the copy (the original's, or the selection, grown to the footer); undefined: none. */
  readonly printArea?: Area;
  /** Areas of the copy to clear entirely (outside a shared selection). */
  readonly clear: readonly Area[];
  readonly rebind: readonly Rebind[];
  readonly deleteCharts: readonly string[];
  readonly deleteNames: readonly string[];
  /** What the copy cannot keep, in plain words for the pane. */
  readonly warnings: readonly string[];
}

const STACK_CALL = /STACK\.|_xldudf_/i;
const cellArea = (c: Cell): Area => ({ ...c, rows: 1, columns: 1 });
const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Rectangles covering exactly `cells`: runs along each row, then runs of the same columns stacked on
 * consecutive rows (so a table of inputs is one area, not one per cell).
 */
export function rectangles(cells: readonly Cell[]): Area[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.column - b.column);
  const runs: Area[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.row === c.row && last.column + last.columns === c.column)
      runs[runs.length - 1] = { ...last, columns: last.columns + 1 };
    else if (!(last && last.row === c.row && c.column < last.column + last.columns))
      runs.push(cellArea(c));
  }
  const merged: Area[] = [];
  const open = new Map<string, number>(); // "column,columns" → index in merged of the block ending on the previous row
  for (const run of runs) {
    const key = `${run.column},${run.columns}`;
    const k = open.get(key);
    const block = k === undefined ? undefined : merged[k];
    if (block && block.row + block.rows === run.row)
      merged[k!] = { ...block, rows: block.rows + 1 };
    else {
      open.set(key, merged.length);
      merged.push(run);
    }
  }
  return merged;
}

/** The used range less the selection: up to four rectangles (above, below, left, right). */
function outside(used: Area, keep: Area): Area[] {
  const bottom = used.row + used.rows;
  const right = used.column + used.columns;
  const top = Math.max(used.row, keep.row);
  const end = Math.min(bottom, keep.row + keep.rows);
  const parts: Area[] = [
    { row: used.row, column: used.column, rows: keep.row - used.row, columns: used.columns },
    {
      row: keep.row + keep.rows,
      column: used.column,
      rows: bottom - keep.row - keep.rows,
      columns: used.columns,
    },
    { row: top, column: used.column, rows: end - top, columns: keep.column - used.column },
    {
      row: top,
      column: keep.column + keep.columns,
      rows: end - top,
      columns: right - keep.column - keep.columns,
    },
  ];
  return parts.filter((p) => p.rows > 0 && p.columns > 0);
}

/** Plan the shared copy of `source`. */
export function planShare(source: ShareSource): SharePlan {
  const { sheetName, selection } = source;
  const warnings: string[] = [];
  const local = (text: string) => {
    const ref = sheetReference(text);
    return ref && sameName(ref.sheet, sheetName) ? ref.area : undefined;
  };

  // The sheet's names: a range on this sheet, a =STACK definition (deleted on the copy), or opaque.
  const nameAreas = new Map<string, Area>();
  const stackNames = new Set<string>();
  for (const { name, formula } of source.names) {
    const area = local(formula);
    if (area) nameAreas.set(name.toLowerCase(), area);
    else if (STACK_CALL.test(formula)) stackNames.add(name.toLowerCase());
  }

  // Each formula: what it reads, and whether it depends on Stack without looking at other cells.
  const scopeOf = (a: Area) => selection === undefined || contains(selection, a);
  const spills = new Map(source.formulas.map((g) => [`${g.cell.row},${g.cell.column}`, g.spill]));
  const formulas = source.formulas.map((f) => {
    const refs = formulaReferences(f.formula);
    const reads: Area[] = [...refs.areas];
    let root = STACK_CALL.test(f.formula) || refs.opaque;
    for (const name of refs.names) {
      const key = name.toLowerCase();
      const area = nameAreas.get(key);
      if (area) reads.push(area);
      else root = true; // a =STACK name, a workbook name, a LET or LAMBDA variable: not provably native
    }
    // A spill reference (A1#) reads its anchor's whole spill.
    const resolved = reads.map(
      (a) => (("spill" in a && a.spill && spills.get(`${a.row},${a.column}`)) || a) as Area
    );
    if (!resolved.every(scopeOf)) root = true; // it reads cells the shared selection clears
    const writes = f.spill ?? cellArea(f.cell);
    return { ...f, reads: resolved, writes, dependent: root };
  });

  // The closure: a formula reading a cell written by a dependent formula is dependent.
  for (let changed = true; changed;) {
    changed = false;
    const dependentAreas = formulas.filter((f) => f.dependent).map((f) => f.writes);
    for (const f of formulas) {
      if (f.dependent) continue;
      if (f.reads.some((r) => dependentAreas.some((d) => intersects(r, d)))) {
        f.dependent = true;
        changed = true;
      }
    }
  }
  const inScope = formulas.filter(
    (f) => selection === undefined || intersects(selection, f.writes)
  );
  const frozen = inScope.filter((f) => f.dependent);
  const freeze = [
    ...rectangles(frozen.filter((f) => !f.spill).map((f) => f.cell)),
    ...frozen.filter((f) => f.spill).map((f) => f.writes),
  ];

  // Charts: re-point what reads this sheet; keep only what reads the selection when sharing one.
  const rebind: Rebind[] = [];
  const deleteCharts: string[] = [];
  for (const chart of source.charts) {
    if (chart.series === undefined) {
      if (selection) {
        deleteCharts.push(chart.name);
        warnings.push(
          `Chart “${chart.name}” was left out: this version of Excel cannot tell which cells it reads.`
        );
      }
      continue;
    }
    const areas = chart.series.map((s) => ({
      values: s.values === undefined ? undefined : local(s.values),
      categories: s.categories === undefined ? undefined : local(s.categories),
      elsewhere:
        (s.values !== undefined && local(s.values) === undefined) ||
        (s.categories !== undefined && local(s.categories) === undefined),
    }));
    const read = areas.flatMap((a) => [a.values, a.categories].filter((x): x is Area => !!x));
    if (selection && !read.every((a) => contains(selection, a))) {
      deleteCharts.push(chart.name);
      continue;
    }
    if (areas.some((a) => a.elsewhere))
      warnings.push(
        `Chart “${chart.name}” reads another sheet (or a list of its own): it shows that sheet's cells, not a snapshot.`
      );
    areas.forEach((a, series) => {
      if (a.values || a.categories)
        rebind.push({ chart: chart.name, series, values: a.values, categories: a.categories });
    });
  }

  const inputs = rectangles(
    source.inputs.filter((c) => selection === undefined || contains(selection, cellArea(c)))
  );
  const what = selection ? `${rangeName(selection)} of “${sheetName}”` : `“${sheetName}”`;
  const notes = source.inputNotes
    .filter((c) => selection === undefined || contains(selection, cellArea(c)))
    .map((cell) => ({
      cell,
      text: `Snapshot of ${what}, frozen ${source.frozenAt}: the grey cells were its inputs and are fixed here; every Stack result is a value, so editing them recalculates nothing Stack computed.`,
    }));

  const frame = selection ?? source.printArea ?? source.used;
  // Under the selection (the rest of the copy is cleared), else under the content of the print columns.
  const bottom = selection ? selection.row + selection.rows - 1 : source.contentBottom;
  const footer = {
    cell: { row: bottom + 2, column: frame?.column ?? 0 },
    text: `Shared as values on ${source.frozenAt} from the sheet ${what} with Stack ${source.version}: every result of a =STACK formula is the value it had then, so this sheet opens without Stack.`,
    style: theme.note,
  };
  const printFrame = selection ?? source.printArea;
  const printArea = printFrame && {
    ...printFrame,
    rows: footer.cell.row - printFrame.row + 1,
  };
  return {
    freeze,
    counts: {
      formulas: frozen.length,
      cells: freeze.reduce((n, a) => n + a.rows * a.columns, 0),
      kept: inScope.length - frozen.length,
    },
    inputs,
    fixedStyle: { fill: theme.fixed.fill, font: theme.fixed.font },
    notes,
    footer,
    printArea,
    clear: selection && source.used ? outside(source.used, selection) : [],
    rebind,
    deleteCharts,
    deleteNames: source.names
      .filter((n) => stackNames.has(n.name.toLowerCase()))
      .map((n) => n.name),
    warnings,
  };
}
