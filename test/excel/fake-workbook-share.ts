/**
 * A fake Excel workbook for Share as values (src/excel/share.ts), batching like Excel: every call and
 * assignment on a proxy is queued and runs at `context.sync()`, in order; one refused operation rejects
 * the whole request and nothing after it runs (what ran before it stays done, as in Excel); loaded
 * properties become readable only after their request succeeded. Sheets have ids; Worksheet.copy clones
 * a sheet — cells, spills, fills, names, print area, charts (re-pointed at the copy, as Excel's Copy Sheet
 * does, unless `copyKeepsChartSources`) — and the copy recalculates nothing (its formulas keep the values
 * they had).
 *
 * {@link sheetFromLayout} loads a Layout with the values a spreadsheet engine computed for it
 * (HyperFormula in the tests, anything in the bench).
 */
import { cellName, rangeName } from "../../src/io/a1";
import { Area, Cell, Content, isFormula, Layout } from "../../src/sheets/layout";
import { cellsOf } from "../sheets/cells";

export interface FakeCell {
  formula?: string;
  value: unknown;
}

export interface FakeChart {
  name: string;
  chartType: string;
  series: { name: string; values: string; categories?: string }[];
}

export interface FakeSheet {
  id: string;
  name: string;
  cells: Map<string, FakeCell>;
  /** Spill ranges by anchor key. */
  spills: Map<string, Area>;
  fills: Map<string, string>;
  fonts: Map<string, { color?: string; italic?: boolean; size?: number }>;
  names: { name: string; formula: string }[];
  printArea?: Area;
  charts: FakeChart[];
  protected: boolean;
}

export interface FakeWorkbook {
  sheets: FakeSheet[];
  activeId: string;
  selection?: Area;
  protected: boolean;
  /** Syncs made so far. */
  syncs: number;
  /** Operations run, by kind (e.g. "copy", "copyFrom", "delete"). */
  ran: string[];
  /** Make sync number `at` (1-based) fail with `error` before running anything of it. */
  failSync?: { at: number; error: unknown };
  /** Refuse the first operation of a kind (e.g. "delete", "rename"), rejecting its request. */
  refuse?: { op: string; error: unknown };
  /** Called before each sync runs, with its number (e.g. to let a co-author add a sheet). */
  beforeSync?: (n: number) => void;
  copyKeepsChartSources?: boolean;
}

export const key = (r: number, c: number) => `${r},${c}`;
const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** An Office-like error. */
export const officeError = (code: string, message = code) =>
  Object.assign(new Error(message), { code });

/**
 * A sheet holding `layout` with the values an engine computed: `value(cell)` for every cell,
 * `spill(cell)` for the range a formula cell spills to (undefined when it does not spill).
 */
export function sheetFromLayout(
  layout: Layout,
  id: string,
  value: (cell: Cell) => unknown,
  spill: (cell: Cell) => Area | undefined
): FakeSheet {
  const cells = new Map<string, FakeCell>();
  const spills = new Map<string, Area>();
  const put = (r: number, c: number, content: Content) => {
    if (content === null) return;
    cells.set(
      key(r, c),
      isFormula(content)
        ? { formula: content.formula, value: value({ row: r, column: c }) }
        : { value: content }
    );
  };
  for (const b of layout.blocks)
    b.cells.forEach((row, i) => row.forEach((c, j) => put(b.row + i, b.column + j, c)));
  for (const [k, cell] of [...cells]) {
    if (cell.formula === undefined) continue;
    const [r, c] = k.split(",").map(Number);
    const area = spill({ row: r, column: c });
    if (!area) continue;
    spills.set(k, area);
    for (const x of cellsOf(area))
      if (x.row !== r || x.column !== c) cells.set(key(x.row, x.column), { value: value(x) });
  }
  const fills = new Map<string, string>();
  for (const s of layout.styles)
    if (s.style.fill)
      for (const c of cellsOf(s.area)) fills.set(key(c.row, c.column), s.style.fill);
  const q = quoted(layout.sheetName);
  return {
    id,
    name: layout.sheetName,
    cells,
    spills,
    fills,
    fonts: new Map(),
    names: layout.names.map((n) => ({ name: n.name, formula: `=${q}!${rangeName(n.area, true)}` })),
    printArea: layout.print?.area,
    charts: layout.charts.map((c, k) => ({
      name: `Chart ${k + 1}`,
      chartType: c.kind === "line" ? "Line" : "ColumnClustered",
      series: c.series.map((s) => ({
        name: s.name,
        values: `=${q}!${rangeName(s.values, true)}`,
        categories: c.categories && `=${q}!${rangeName(c.categories, true)}`,
      })),
    })),
    protected: false,
  };
}

/** A deep copy of a sheet (for "the original is untouched" and for Worksheet.copy). */
export function cloneSheet(sheet: FakeSheet): FakeSheet {
  return {
    ...sheet,
    cells: new Map([...sheet.cells].map(([k, v]) => [k, { ...v }])),
    spills: new Map(sheet.spills),
    fills: new Map(sheet.fills),
    fonts: new Map([...sheet.fonts].map(([k, v]) => [k, { ...v }])),
    names: sheet.names.map((n) => ({ ...n })),
    charts: sheet.charts.map((c) => ({ ...c, series: c.series.map((s) => ({ ...s })) })),
  };
}

/** Everything about a sheet as plain data, for comparisons. */
export function snapshot(sheet: FakeSheet): unknown {
  return JSON.parse(
    JSON.stringify({
      ...sheet,
      cells: [...sheet.cells],
      spills: [...sheet.spills],
      fills: [...sheet.fills],
      fonts: [...sheet.fonts],
    })
  );
}

type Op = () => void;

/** A request context over `book`. */
export function fakeContext(book: FakeWorkbook): Excel.RequestContext {
  let queue: Op[] = [];
  let deliveries: Op[] = [];
  const enqueue = (kind: string, op: Op) =>
    queue.push(() => {
      if (book.refuse?.op === kind) {
        const { error } = book.refuse;
        book.refuse = undefined;
        throw error;
      }
      op();
      book.ran.push(kind);
    });
  /** Queue reading `fill(target)` into `target` after the request succeeds. */
  const loadInto = (target: Record<string, unknown>, fill: () => Record<string, unknown>) => {
    let values: Record<string, unknown> = {};
    queue.push(() => {
      values = fill();
    });
    deliveries.push(() => Object.assign(target, values));
  };
  const find = (ref: string) => {
    const sheet =
      book.sheets.find((s) => s.id === ref) ??
      book.sheets.find((s) => s.name.toLowerCase() === ref.toLowerCase());
    if (!sheet) throw officeError("ItemNotFound", `no sheet ${ref}`);
    return sheet;
  };

  const box = (a: Area) => ({
    rowIndex: a.row,
    columnIndex: a.column,
    rowCount: a.rows,
    columnCount: a.columns,
  });
  const areasObject = (
    compute: () => Area[] | undefined,
    extra: (a: Area) => Record<string, unknown> = () => ({})
  ) => {
    const object: Record<string, unknown> = {};
    object.load = () => {
      loadInto(object, () => {
        const areas = compute();
        return areas === undefined || areas.length === 0
          ? { isNullObject: true }
          : {
              isNullObject: false,
              areas: { items: areas.map((a) => ({ ...box(a), ...extra(a) })) },
            };
      });
      return object;
    };
    return object;
  };

  function range(sheetRef: () => FakeSheet, area: () => Area): any {
    const r: Record<string, any> = {};
    r.__area = area;
    r.__sheet = sheetRef;
    r.load = () => {
      loadInto(r, () => box(area()));
      return r;
    };
    r.getCell = (row: number, column: number) =>
      range(sheetRef, () => ({
        row: area().row + row,
        column: area().column + column,
        rows: 1,
        columns: 1,
      }));
    r.getSpecialCellsOrNullObject = () =>
      areasObject(
        () => {
          const s = sheetRef();
          return [...s.cells]
            .filter(([, c]) => c.formula !== undefined)
            .map(([k]) => k.split(",").map(Number))
            .map(([row, column]) => ({ row, column, rows: 1, columns: 1 }));
        },
        (a) => {
          const c = sheetRef().cells.get(key(a.row, a.column))!;
          return { formulas: [[c.formula]], values: [[c.value]] };
        }
      );
    r.getSpillingToRangeOrNullObject = () => {
      const o: Record<string, unknown> = {};
      o.load = () => {
        loadInto(o, () => {
          const a = area();
          const spill = sheetRef().spills.get(key(a.row, a.column));
          return spill ? { isNullObject: false, ...box(spill) } : { isNullObject: true };
        });
        return o;
      };
      return o;
    };
    r.getUsedRangeOrNullObject = () => {
      const o: Record<string, unknown> = {};
      o.load = () => {
        loadInto(o, () => {
          const a = area();
          const inside = [...sheetRef().cells.keys()]
            .map((k) => k.split(",").map(Number))
            .filter(
              ([row, column]) =>
                row >= a.row &&
                row < a.row + a.rows &&
                column >= a.column &&
                column < a.column + a.columns
            );
          if (inside.length === 0) return { isNullObject: true };
          // Loops, not Math.min(...): a sheet of Excel's size has more cells than arguments fit.
          let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
          for (const [row, column] of inside) {
            top = Math.min(top, row);
            bottom = Math.max(bottom, row);
            left = Math.min(left, column);
            right = Math.max(right, column);
          }
          return {
            isNullObject: false,
            ...box({ row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 }),
          };
        });
        return o;
      };
      return o;
    };
    r.getCellProperties = () => {
      const result: { value?: unknown } = {};
      loadInto(result as Record<string, unknown>, () => {
        const a = area();
        const s = sheetRef();
        return {
          value: Array.from({ length: a.rows }, (_, i) =>
            Array.from({ length: a.columns }, (_, j) => ({
              format: { fill: { color: s.fills.get(key(a.row + i, a.column + j)) ?? "#FFFFFF" } },
            }))
          ),
        };
      });
      return result;
    };
    r.copyFrom = (source: any, type: string) =>
      enqueue("copyFrom", () => {
        if (type !== "Values") throw officeError("InvalidArgument");
        const from = source.__sheet() as FakeSheet;
        const to = sheetRef();
        const a = area();
        for (const c of cellsOf(a)) {
          const k = key(c.row, c.column);
          to.spills.delete(k);
          const v = from.cells.get(k);
          if (v === undefined) to.cells.delete(k);
          else to.cells.set(k, { value: v.value });
        }
      });
    r.clear = () =>
      enqueue("clear", () => {
        const s = sheetRef();
        for (const c of cellsOf(area())) {
          const k = key(c.row, c.column);
          s.cells.delete(k);
          s.spills.delete(k);
          s.fills.delete(k);
          s.fonts.delete(k);
        }
      });
    r.select = () => enqueue("select", () => undefined);
    const font = (field: "color" | "italic" | "size") => ({
      set(value: unknown) {
        enqueue("format", () => {
          const s = sheetRef();
          for (const c of cellsOf(area())) {
            const k = key(c.row, c.column);
            s.fonts.set(k, { ...s.fonts.get(k), [field]: value });
          }
        });
      },
    });
    r.format = {
      fill: Object.defineProperty({}, "color", {
        set(color: string) {
          enqueue("format", () => {
            const s = sheetRef();
            for (const c of cellsOf(area())) s.fills.set(key(c.row, c.column), color);
          });
        },
      }),
      font: Object.defineProperties(
        {},
        { color: font("color"), italic: font("italic"), size: font("size") }
      ),
    };
    Object.defineProperty(r, "formulas", {
      set(rows: unknown[][]) {
        enqueue("formulas", () => {
          const s = sheetRef();
          const a = area();
          rows.forEach((row, i) =>
            row.forEach((v, j) => {
              const k = key(a.row + i, a.column + j);
              const text = String(v);
              s.cells.set(
                k,
                text.startsWith("=")
                  ? { formula: text, value: undefined }
                  : { value: text.startsWith("'") ? text.slice(1) : v }
              );
            })
          );
        });
      },
    });
    return r;
  }

  function worksheet(ref: () => FakeSheet): any {
    const w: Record<string, any> = {};
    // `name` is read after a load (from __name) and written to rename the sheet.
    w.load = () => {
      loadInto(w, () => ({ __name: ref().name, id: ref().id }));
      return w;
    };
    Object.defineProperty(w, "name", {
      configurable: true,
      set(name: string) {
        enqueue("rename", () => {
          const s = ref();
          if (book.sheets.some((o) => o !== s && o.name.toLowerCase() === name.toLowerCase()))
            throw officeError("ItemAlreadyExists", `a sheet named ${name} exists`);
          s.name = name;
        });
      },
      get() {
        return (w as { __name?: string }).__name;
      },
    });
    const protection: Record<string, unknown> = {};
    protection.load = () => {
      loadInto(protection, () => ({ protected: ref().protected }));
      return protection;
    };
    w.protection = protection;
    const whole = () => ({ row: 0, column: 0, rows: 1_048_576, columns: 16_384 });
    w.getRange = (address?: string) =>
      range(ref, () => (address === "A1" ? { row: 0, column: 0, rows: 1, columns: 1 } : whole()));
    w.getRangeByIndexes = (row: number, column: number, rows: number, columns: number) =>
      range(ref, () => ({ row, column, rows, columns }));
    w.getCell = (row: number, column: number) =>
      range(ref, () => ({ row, column, rows: 1, columns: 1 }));
    w.getUsedRangeOrNullObject = () => range(ref, whole).getUsedRangeOrNullObject();
    const names: Record<string, unknown> = {};
    names.load = () => {
      loadInto(names, () => ({ items: ref().names.map((n) => ({ ...n })) }));
      return names;
    };
    names.getItem = (name: string) => ({
      delete: () =>
        enqueue("deleteName", () => {
          const s = ref();
          s.names = s.names.filter((n) => n.name !== name);
        }),
    });
    w.names = names;
    w.pageLayout = {
      getPrintAreaOrNullObject: () =>
        areasObject(() => (ref().printArea ? [ref().printArea!] : undefined)),
      setPrintArea: (r: any) => enqueue("printArea", () => (ref().printArea = r.__area())),
    };
    const charts: Record<string, any> = {};
    charts.load = () => {
      loadInto(charts, () => ({
        items: ref().charts.map((c, k) => {
          const chartRef = () => ref().charts[k];
          const series: Record<string, unknown> = {};
          series.load = () => {
            loadInto(series, () => ({
              items: chartRef().series.map((_, j) => ({
                getDimensionDataSourceString: (dimension: string) => {
                  const result: Record<string, unknown> = {};
                  loadInto(result, () => {
                    const s = chartRef().series[j];
                    if (dimension === "Values") return { value: s.values };
                    if (dimension === "Categories") return { value: s.categories ?? "" };
                    throw officeError("InvalidArgument");
                  });
                  return result;
                },
              })),
            }));
            return series;
          };
          return { name: c.name, chartType: c.chartType, series };
        }),
      }));
      return charts;
    };
    charts.getItem = (name: string) => {
      const chartOf = () => {
        const chart = ref().charts.find((c) => c.name === name);
        if (!chart) throw officeError("ItemNotFound", `no chart ${name}`);
        return chart;
      };
      const address = (r: any) => `=${quoted(r.__sheet().name)}!${rangeName(r.__area(), true)}`;
      return {
        delete: () =>
          enqueue("deleteChart", () => {
            const s = ref();
            s.charts = s.charts.filter((c) => c !== chartOf());
          }),
        series: {
          getItemAt: (j: number) => ({
            setValues: (r: any) =>
              enqueue("setValues", () => (chartOf().series[j].values = address(r))),
            setXAxisValues: (r: any) =>
              enqueue("setXAxisValues", () => (chartOf().series[j].categories = address(r))),
          }),
        },
      };
    };
    w.charts = charts;
    w.findAllOrNullObject = (text: string) =>
      areasObject(() =>
        [...ref().cells]
          .filter(
            ([, c]) =>
              typeof c.value === "string" &&
              c.formula === undefined &&
              (c.value as string).includes(text)
          )
          .map(([k]) => k.split(",").map(Number))
          .map(([row, column]) => ({ row, column, rows: 1, columns: 1 }))
      );
    w.copy = (position: string, relativeTo: any) => {
      let made: FakeSheet | undefined;
      enqueue("copy", () => {
        const source = ref();
        const copy = cloneSheet(source);
        copy.id = `{copy-${book.sheets.length + 1}}`;
        let k = 2;
        while (
          book.sheets.some((s) => s.name.toLowerCase() === `${source.name} (${k})`.toLowerCase())
        )
          k++;
        copy.name = `${source.name} (${k})`;
        if (!book.copyKeepsChartSources)
          for (const chart of copy.charts)
            for (const s of chart.series) {
              s.values = s.values.replace(quoted(source.name), quoted(copy.name));
              if (s.categories)
                s.categories = s.categories.replace(quoted(source.name), quoted(copy.name));
            }
        const at = book.sheets.indexOf(relativeTo.__ref());
        book.sheets.splice(position === "After" ? at + 1 : at, 0, copy);
        made = copy;
      });
      const copy = worksheet(() => {
        if (!made) throw officeError("ItemNotFound", "the copy was not made");
        return made;
      });
      return copy;
    };
    w.activate = () => enqueue("activate", () => (book.activeId = ref().id));
    w.delete = () =>
      enqueue("delete", () => {
        const s = ref();
        book.sheets = book.sheets.filter((o) => o !== s);
      });
    w.__ref = ref;
    return w;
  }

  const worksheets: Record<string, any> = {};
  worksheets.load = () => {
    loadInto(worksheets, () => ({ items: book.sheets.map((s) => ({ name: s.name, id: s.id })) }));
    return worksheets;
  };
  worksheets.getActiveWorksheet = () => worksheet(() => find(book.activeId));
  worksheets.getItem = (ref: string) => worksheet(() => find(ref));
  const protection: Record<string, unknown> = {};
  protection.load = () => {
    loadInto(protection, () => ({ protected: book.protected }));
    return protection;
  };
  const context = {
    workbook: {
      worksheets,
      protection,
      getSelectedRange: () => {
        const r = range(
          () => find(book.activeId),
          () => {
            if (!book.selection) throw officeError("InvalidSelection");
            return book.selection;
          }
        );
        return r;
      },
    },
    sync: async () => {
      book.syncs++;
      book.beforeSync?.(book.syncs);
      const ops = queue;
      const delivered = deliveries;
      queue = [];
      deliveries = [];
      if (book.failSync?.at === book.syncs) throw book.failSync.error;
      for (const op of ops) op();
      for (const d of delivered) d();
    },
  };
  return context as unknown as Excel.RequestContext;
}

/** The A1 name of a cell, for messages. */
export const a1 = (c: Cell) => cellName(c.row, c.column);
