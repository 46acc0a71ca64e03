/**
 * A recording fake of Office.js for the pane in a real browser: served in place of
 * https://appsforoffice.microsoft.com/lib/1/hosted/office.js. Office.onReady resolves as Excel on the
 * web; Excel.run hands the batch a context whose workbook has a few sheets and whose new sheet records
 * every write (test/excel/recorder.ts); CustomFunctions.associate accepts the functions chunk.
 * The page exposes the records as `window.__excel` (see {@link FakeExcelState}); a test can hold one
 * `context.sync` until it calls `window.__releaseSync()`, e.g. to press Cancel while a write is under
 * way. The installer's source is sent to the page, so coverage must not instrument it.
 */
import { Recorded, recorder } from "../excel/recorder";

export interface FakeExcelState {
  log: Recorded[];
  syncs: number;
  /** Sheet names in the workbook; a build adds its sheet here, a cleanup removes it. */
  sheets: string[];
  added: string[];
  /** Make the next builds meet a protected workbook. */
  protectedWorkbook: boolean;
  /** What "Read selected range" finds. */
  selection?: {
    address: string;
    values: unknown[][];
    /** The cells' number formats; "General" everywhere when left out. */
    numberFormat?: string[][];
    rowIndex: number;
    columnIndex: number;
  };
  /** Make the sync with this number (counted like `syncs`, so `syncs + 2` is the next build's first write) wait for `window.__releaseSync()`. */
  holdSync?: number;
  /** True while that sync waits. */
  held: boolean;
}

/** The script's source: the installer below, called with the recorder (both are self-contained functions). */
export function fakeOfficeScript(): string {
  return `(${installFakeOffice.toString()})(${recorder.toString()});`;
}

/* istanbul ignore next: the source is sent to the page as is */
function installFakeOffice(record: typeof recorder): void {
  const state: FakeExcelState = {
    log: [],
    syncs: 0,
    sheets: ["Sheet1", "Stack portfolio"],
    added: [],
    protectedWorkbook: false,
    held: false,
  };
  const page = window as any;
  page.__excel = state;
  page.Office = {
    context: {
      host: "Excel",
      platform: "OfficeOnline",
      requirements: { isSetSupported: () => true },
    },
    onReady: (callback?: (info: unknown) => void) =>
      Promise.resolve({ host: "Excel", platform: "OfficeOnline" }).then((info) => {
        callback?.(info);
        return info;
      }),
  };
  page.CustomFunctions = {
    associate: () => undefined,
    Error: function (this: any, code: string, message?: string) {
      this.code = code;
      this.message = message;
    },
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
    },
  };
  page.Excel = {
    run: async (batch: (context: unknown) => Promise<unknown>) => {
      const worksheets: any = {
        items: [],
        load: () => (worksheets.items = state.sheets.map((name) => ({ name }))),
        add: (name: string) => {
          state.added.push(name);
          state.sheets.push(name);
          return record("sheet", state.log);
        },
        getItem: (name: string) =>
          record(`worksheets.getItem(${JSON.stringify(name)})`, state.log, (path) => {
            if (path.endsWith(".delete")) state.sheets = state.sheets.filter((s) => s !== name);
            return undefined;
          }),
      };
      const protection: any = {
        protected: false,
        load: () => (protection.protected = state.protectedWorkbook),
      };
      const used: any = {
        load: () =>
          Object.assign(
            used,
            state.selection ?? {},
            {
              numberFormat:
                state.selection?.numberFormat ??
                state.selection?.values.map((row) => row.map(() => "General")),
            },
            { isNullObject: !state.selection }
          ),
      };
      const context = {
        workbook: {
          worksheets,
          protection,
          getSelectedRange: () => ({ getUsedRangeOrNullObject: () => used }),
        },
        sync: async () => {
          state.syncs++;
          if (state.syncs !== state.holdSync) return;
          state.held = true;
          await new Promise((resolve) => (page.__releaseSync = resolve));
          state.held = false;
        },
      };
      return batch(context);
    },
  };
}
