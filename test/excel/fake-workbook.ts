/**
 * A fake of Excel's workbook that batches like Office.js, shared by the writer's tests in Node
 * (fake-excel.ts) and by the pane in a real browser (test/taskpane/fake-office.ts):
 * - every operation on a proxy (a load, worksheets.add, a write on the new sheet, a delete) is queued,
 *   and runs only at `context.sync()`, in order;
 * - an operation Excel refuses rejects the sync with an error carrying Excel's code, and the operations
 *   after it in that batch never run (those before it stay done: Excel's batches are not transactions);
 * - a loaded property can be read only after the sync that loaded it (else PropertyNotLoaded);
 * - sheets have ids, as in Excel: `worksheets.getItem` finds a sheet by id or by name; adding a name
 *   that is taken (compared without case) is refused with ItemAlreadyExists, any change to a protected
 *   workbook with AccessDenied, and an operation on a sheet that no longer exists with ItemNotFound.
 * The operations that ran are logged in `state.log` (writes on a new sheet with paths starting with
 * "sheet", as test/excel/recorder.ts records them). Tests make Excel refuse operations with
 * `state.refusals`, or change the workbook between round trips (another user adding a sheet).
 *
 * Self-contained (no imports at run time, no outer variables): the browser fake sends its source to the
 * page, which is also why coverage must not instrument it.
 */
import type { Recorded, recorder } from "./recorder";

/** An operation Excel will refuse: the first queued operation that matches rejects its batch. */
export interface Refusal {
  /** The sync (1-based, counted like `syncs`) whose batch holds it; any sync when omitted. */
  readonly sync?: number;
  /** A text its path contains, e.g. ".delete" or ".formulas"; any operation when omitted. */
  readonly path?: string;
  /** Excel's error code, e.g. "AccessDenied", or "ConnectionFailure" for a request never answered. */
  readonly code: string;
  readonly message?: string;
}

export interface FakeWorkbookState {
  /** Sheet names, in tab order. */
  sheets: string[];
  /** Each sheet's id, aligned with `sheets`. */
  sheetIds: string[];
  protectedWorkbook: boolean;
  /** The operations Excel ran, in order. */
  log: Recorded[];
  /** `context.sync` calls so far. */
  syncs: number;
  /** Names of the sheets worksheets.add created. */
  added: string[];
  /** Operations Excel will refuse. */
  refusals: Refusal[];
  /** What the used part of the selection holds ("Read selected range"); none when undefined. */
  selection?: {
    address: string;
    values: unknown[][];
    /** The cells' number formats; "General" everywhere when left out. */
    numberFormat?: string[][];
    rowIndex: number;
    columnIndex: number;
  };
}

/** A new state: a workbook with these sheets (ids "{sheet-1}", "{sheet-2}", ...). */
export function workbookState(sheets: readonly string[]): FakeWorkbookState {
  return {
    sheets: [...sheets],
    sheetIds: sheets.map((_, k) => `{sheet-${k + 1}}`),
    protectedWorkbook: false,
    log: [],
    syncs: 0,
    added: [],
    refusals: [],
  };
}

/**
 * A request context over `state`, as Excel.run hands one to its batch. `record` is recorder.ts's
 * recorder (passed in, so that this function stays self-contained).
 */
/* istanbul ignore next: the source is sent to the page as is */
export function fakeContext(
  state: FakeWorkbookState,
  record: typeof recorder
): Excel.RequestContext {
  type Operation = { path: string; run: () => void };
  let queue: Operation[] = [];
  const refuse = (code: string, message?: string) =>
    Object.assign(new Error(message ?? code), { name: "RichApi.Error", code });
  const queued = (path: string, run: () => void) => queue.push({ path, run });
  const logged = (path: string, value: unknown[] = []) =>
    state.log.push({ path, kind: "call", value });
  /** An object whose properties become readable when a queued load has run. */
  const loadable = (path: string, read: () => Record<string, unknown>) => {
    let values: Record<string, unknown> | undefined;
    const target: Record<string | symbol, unknown> = {
      load: () => queued(`${path}.load`, () => (values = read())),
    };
    return new Proxy(target, {
      get(t, property) {
        if (property in t || typeof property === "symbol") return t[property];
        if (values === undefined)
          throw refuse(
            "PropertyNotLoaded",
            `The property '${property}' is not available. Call the load method and context.sync() first.`
          );
        return values[property];
      },
    });
  };
  const indexOf = (key: string) => {
    const byId = state.sheetIds.indexOf(key);
    return byId >= 0 ? byId : state.sheets.findIndex((s) => s.toLowerCase() === key.toLowerCase());
  };
  const change = () => {
    if (state.protectedWorkbook) throw refuse("AccessDenied", "The workbook is protected.");
  };

  const worksheets = loadable("worksheets", () => ({
    items: state.sheets.map((name) => ({ name })),
  }));
  worksheets.add = (name: string) => {
    let created: { id: string; name: string } | undefined;
    // Writes on the new sheet are queued like any other operation, and need the sheet to exist.
    const writes = record("sheet", {
      push: (entry: Recorded) =>
        queued(entry.path, () => {
          if (!created || !state.sheetIds.includes(created.id))
            throw refuse("ItemNotFound", "The requested resource doesn't exist.");
          state.log.push(entry);
        }),
    } as unknown as Recorded[]);
    const sheet = loadable("sheet", () => ({ ...created }));
    queued("worksheets.add", () => {
      change();
      if (indexOf(name) >= 0)
        throw refuse(
          "ItemAlreadyExists",
          "A resource with the same name or identifier already exists."
        );
      created = { id: `{added-${state.added.length + 1}}`, name };
      state.sheets.push(name);
      state.sheetIds.push(created.id);
      state.added.push(name);
      logged("worksheets.add", [name]);
    });
    return new Proxy(sheet, {
      get(t, property) {
        return property === "load" || property === "id" || property === "name"
          ? t[property]
          : writes[property];
      },
      set(_t, property, value) {
        writes[property] = value;
        return true;
      },
    });
  };
  worksheets.getItem = (key: string) => ({
    delete: () =>
      queued(`worksheets.getItem(${JSON.stringify(key)}).delete`, () => {
        change();
        const k = indexOf(key);
        if (k < 0) throw refuse("ItemNotFound", "The requested resource doesn't exist.");
        state.sheets.splice(k, 1);
        state.sheetIds.splice(k, 1);
        logged(`worksheets.getItem(${JSON.stringify(key)}).delete`);
      }),
  });
  const protection = loadable("protection", () => ({ protected: state.protectedWorkbook }));
  const used = loadable("selection", () =>
    Object.assign({ isNullObject: !state.selection }, state.selection, {
      numberFormat:
        state.selection?.numberFormat ??
        state.selection?.values.map((row) => row.map(() => "General")),
    })
  );

  const context = {
    workbook: {
      worksheets,
      protection,
      getSelectedRange: () => ({ getUsedRangeOrNullObject: () => used }),
    },
    /** Run the batch: the first refused operation rejects it, and the rest of it never runs. */
    sync: async () => {
      state.syncs++;
      const batch = queue;
      queue = [];
      for (const operation of batch) {
        const refusal = state.refusals.find(
          (r) =>
            (r.sync === undefined || r.sync === state.syncs) &&
            (r.path === undefined || operation.path.includes(r.path))
        );
        if (refusal) throw refuse(refusal.code, refusal.message);
        operation.run();
      }
    },
  };
  return context as unknown as Excel.RequestContext;
}
