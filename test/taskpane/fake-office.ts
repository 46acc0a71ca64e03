/**
 * A fake of Office.js for the pane in a real browser: served in place of
 * https://appsforoffice.microsoft.com/lib/1/hosted/office.js. Office.onReady resolves as Excel on the
 * web; Excel.run hands the batch a context over the fake workbook of test/excel/fake-workbook.ts
 * (operations run at sync, one refused operation rejects its batch, sheets have ids), whose new sheet
 * records every write (test/excel/recorder.ts); CustomFunctions.associate accepts the functions chunk.
 * The page exposes the workbook as `window.__excel` (see {@link FakeExcelState}): a test can make Excel
 * refuse operations (`refusals`), and hold one `context.sync` until it calls `window.__releaseSync()`,
 * e.g. to press Cancel while a write is under way. The installer's source is sent to the page, so
 * coverage must not instrument it.
 */
import { fakeContext, FakeWorkbookState, workbookState } from "../excel/fake-workbook";
import { recorder } from "../excel/recorder";

export interface FakeExcelState extends FakeWorkbookState {
  /** Make the sync with this number (counted like `syncs`, so `syncs + 3` is the next build's first write) wait for `window.__releaseSync()`. */
  holdSync?: number;
  /** True while that sync waits. */
  held: boolean;
  /** Requirement sets this Excel lacks, e.g. ["ExcelApi 1.12"] for an older Excel (all are supported otherwise). */
  unsupported?: string[];
}

/** The script's source: the installer below, called with the workbook's pieces (all self-contained functions). */
export function fakeOfficeScript(): string {
  return `(${installFakeOffice.toString()})(${recorder.toString()}, ${fakeContext.toString()}, ${workbookState.toString()});`;
}

/* istanbul ignore next: the source is sent to the page as is */
function installFakeOffice(
  record: typeof recorder,
  contextOver: typeof fakeContext,
  newWorkbook: typeof workbookState
): void {
  const state: FakeExcelState = Object.assign(newWorkbook(["Sheet1", "Stack portfolio"]), {
    held: false,
  });
  const page = window as any;
  page.__excel = state;
  page.Office = {
    context: {
      host: "Excel",
      platform: "OfficeOnline",
      requirements: {
        isSetSupported: (set: string, version?: string) =>
          !(state.unsupported ?? []).includes(`${set} ${version}`),
      },
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
      const context = contextOver(state, record);
      const send = context.sync;
      context.sync = async () => {
        if (state.syncs + 1 === state.holdSync) {
          state.held = true;
          await new Promise((resolve) => (page.__releaseSync = resolve));
          state.held = false;
        }
        return send();
      };
      return batch(context);
    },
  };
}
