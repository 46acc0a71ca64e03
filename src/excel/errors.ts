/**
 * What went wrong talking to Excel, in plain words for the pane. Office.js rejects with an
 * OfficeExtension.Error whose `code` says what happened (e.g. "AccessDenied" when the workbook or a
 * sheet is protected); this module turns codes into sentences a planner can act on.
 */

/** The user cancelled a build; the half-built sheet has been removed. */
export class BuildCancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "BuildCancelled";
  }
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

/** A sentence for the pane describing `error`: a cancellation, an Office error by its code, or anything else. */
export function explain(error: unknown): string {
  if (error instanceof BuildCancelled) return "Cancelled. Nothing was left in the workbook.";
  if (error instanceof ExcelProblem) return error.message;
  const code =
    typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === "string" && code in BY_CODE) return BY_CODE[code];
  const detail = error instanceof Error ? error.message : String(error);
  return `Excel could not complete the request: ${detail}`;
}
