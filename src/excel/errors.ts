/**
 * What went wrong talking to Excel, in plain words for the pane. Office.js rejects with an
 * OfficeExtension.Error whose `code` says what happened (e.g. "AccessDenied" when the workbook or a
 * sheet is protected); this module turns codes into sentences a planner can act on.
 */

/** The user cancelled a build (the reason of a {@link BuildFailed}). */
export class BuildCancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "BuildCancelled";
  }
}

/**
 * What a failed or cancelled build left in the workbook, as far as Excel confirmed:
 * - "none": it had added nothing (the failure came first, or Excel refused to add the sheet);
 * - "removed": it had added `sheetName`, and Excel confirmed deleting it (by the id worksheets.add gave);
 * - "left": it had added `sheetName` and deleting it failed with `error`: the sheet is still there;
 * - "unconfirmed": Excel never answered the request that adds `sheetName`, so it may or may not exist.
 */
export type Cleanup =
  | { readonly kind: "none" }
  | { readonly kind: "removed"; readonly sheetName: string }
  | { readonly kind: "left"; readonly sheetName: string; readonly error: unknown }
  | { readonly kind: "unconfirmed"; readonly sheetName: string };

/** A build that did not finish: why (`reason`: a {@link BuildCancelled}, Office's error...), and its {@link Cleanup}. */
export class BuildFailed extends Error {
  constructor(
    readonly reason: unknown,
    readonly cleanup: Cleanup
  ) {
    super(reason instanceof Error ? reason.message : String(reason));
    this.name = "BuildFailed";
  }
}

/** Whether `error` is a cancel that left nothing behind (the pane shows it as a warning, not an error). */
export function cleanCancel(error: unknown): boolean {
  return (
    error instanceof BuildFailed &&
    error.reason instanceof BuildCancelled &&
    (error.cleanup.kind === "none" || error.cleanup.kind === "removed")
  );
}

/** A problem found before anything was written, already in plain words (e.g. a protected workbook). */
export class ExcelProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ExcelProblem";
  }
}

/** What to tell the user when the workbook or a sheet is protected. */
export const PROTECTED =
  "Excel did not let Stack change this workbook: the workbook or a sheet is protected. Unprotect it (Review > Protect Workbook, or Review > Unprotect Sheet) and try again.";

const BY_CODE: Record<string, string> = {
  AccessDenied: PROTECTED,
  InvalidOperation:
    "Excel refused the change. If the workbook or a sheet is protected, unprotect it (Review > Protect Workbook, or Review > Unprotect Sheet) and try again.",
  RequestPayloadSizeLimitExceeded:
    "The sheet was too large for one request to Excel. Try again; if it keeps failing, import fewer rows.",
  ItemAlreadyExists: "Another sheet took the name Stack picked while it was building. Try again.",
  ApiNotFound:
    "This version of Excel lacks a feature Stack needs. Update Excel, or use Excel on the web.",
  GeneralException:
    "Excel reported an internal error. Try again; if it keeps failing, restart Excel.",
};

/** Office's error code, if `error` carries one. */
export function errorCode(error: unknown): string | undefined {
  const code =
    typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : undefined;
}

/**
 * Codes with which a request fails without Excel having answered it (the connection dropped, the
 * session ended, an internal error): its operations may or may not have run.
 */
const UNANSWERED = new Set(["ConnectionFailure", "InvalidOrTimedOutSession", "GeneralException"]);

/** True when Excel answered the failed request: it refused an operation, and ran none after it. */
export function refusedByExcel(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && !UNANSWERED.has(code);
}

/** The sentence saying what a failed build left, only as far as Excel confirmed it. */
function describeCleanup(cleanup: Cleanup): string {
  switch (cleanup.kind) {
    case "none":
      return "Nothing was written to the workbook.";
    case "removed":
      return `The half-built sheet “${cleanup.sheetName}” was removed: nothing was left in the workbook.`;
    case "left":
      return `Stack could not remove the half-built sheet “${cleanup.sheetName}” (Excel said: ${excelSays(cleanup.error)}). It is still in the workbook: right-click its tab and choose Delete.`;
    case "unconfirmed":
      return `Excel did not confirm whether it added the sheet “${cleanup.sheetName}”. If a sheet of that name is in the workbook and empty, right-click its tab and choose Delete.`;
  }
}

/** A sentence for the pane describing `error`: a failed or cancelled build with what it left, an Office error by its code, or anything else. */
export function explain(error: unknown): string {
  if (error instanceof BuildFailed) {
    const what = error.reason instanceof BuildCancelled ? "Cancelled." : explain(error.reason);
    return `${what} ${describeCleanup(error.cleanup)}`;
  }
  if (error instanceof ExcelProblem) return error.message;
  const code = errorCode(error);
  if (code !== undefined && code in BY_CODE) return BY_CODE[code];
  const detail = error instanceof Error ? error.message : String(error);
  return `Excel could not complete the request: ${detail}`;
}

/** Office's own words for an error: its message, else its code. */
function excelSays(error: unknown): string {
  const message = error instanceof Error ? error.message : undefined;
  return message || errorCode(error) || String(error);
}
