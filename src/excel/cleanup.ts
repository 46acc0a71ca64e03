/**
 * Removing what an action added to the workbook when it fails or is cancelled, and saying exactly what
 * is left — only as far as Excel confirmed it. The rule (issue #8, and Share as values, issue #12): remove
 * only what this action created, by the id Excel returned for it, never by name (a co-author may have
 * made a sheet of that name meanwhile); "nothing was left" only after Excel confirmed the removal.
 *
 * Note for merging with issue #8: its writer has the same {@link Cleanup} cases (src/excel/errors.ts
 * BuildFailed, writer.ts removeSheet); this module is Share's, written to the same contract, so the two can
 * become one.
 */
import { BuildCancelled, explain } from "./errors";

/**
 * What a failed or cancelled action left in the workbook, as far as Excel confirmed:
 * - "none": it had added nothing (the failure came first, or Excel refused the request that adds);
 * - "removed": it had added `sheetName`, and Excel confirmed deleting it by its id;
 * - "left": it had added `sheetName` and deleting it failed with `error`: the sheet is still there;
 * - "unconfirmed": Excel never answered the request that adds a sheet (`sheetName` describes it).
 */
export type Cleanup =
  | { readonly kind: "none" }
  | { readonly kind: "removed"; readonly sheetName: string }
  | { readonly kind: "left"; readonly sheetName: string; readonly error: unknown }
  | { readonly kind: "unconfirmed"; readonly sheetName: string };

/** An action that did not finish: why (`reason`: a {@link BuildCancelled}, Office's error...), and its {@link Cleanup}. */
export class ActionFailed extends Error {
  constructor(
    readonly reason: unknown,
    readonly cleanup: Cleanup
  ) {
    super(reason instanceof Error ? reason.message : String(reason));
    this.name = "ActionFailed";
  }
}

/** Office's error code, if `error` carries one. */
export function errorCode(error: unknown): string | undefined {
  const code =
    typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : undefined;
}

/** Codes with which a request fails without Excel having answered it: its operations may or may not have run. */
const UNANSWERED = new Set(["ConnectionFailure", "InvalidOrTimedOutSession", "GeneralException"]);

/** True when Excel answered the failed request: it refused an operation, and ran none after it. */
export function refusedByExcel(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && !UNANSWERED.has(code);
}

/**
 * Delete the sheet this action added, by its id, and report what Excel confirmed: removed (also when
 * Excel says no sheet has that id any more, e.g. a co-author deleted it), or left with Excel's error.
 */
export async function removeAddedSheet(
  context: Excel.RequestContext,
  id: string,
  sheetName: string
): Promise<Cleanup> {
  try {
    context.workbook.worksheets.getItem(id).delete();
    await context.sync();
    return { kind: "removed", sheetName };
  } catch (error) {
    if (errorCode(error) === "ItemNotFound") return { kind: "removed", sheetName };
    return { kind: "left", sheetName, error };
  }
}

/** Office's own words for an error: its message, else its code. */
function excelSays(error: unknown): string {
  const message = error instanceof Error ? error.message : undefined;
  return message || errorCode(error) || String(error);
}

/** The sentence saying what a failed action left, only as far as Excel confirmed it. */
export function describeCleanup(cleanup: Cleanup): string {
  switch (cleanup.kind) {
    case "none":
      return "Nothing was written to the workbook.";
    case "removed":
      return `The unfinished sheet “${cleanup.sheetName}” was removed: nothing was left in the workbook.`;
    case "left":
      return `Stack could not remove the unfinished sheet “${cleanup.sheetName}” (Excel said: ${excelSays(cleanup.error)}). It is still in the workbook: right-click its tab and choose Delete.`;
    case "unconfirmed":
      return `Excel did not confirm whether it added ${cleanup.sheetName}. If such a sheet is in the workbook, right-click its tab and choose Delete.`;
  }
}

/** What the pane says about a failed action: why, then what it left. */
export function explainFailure(error: unknown): string {
  if (!(error instanceof ActionFailed)) return explain(error);
  const why = error.reason instanceof BuildCancelled ? "Cancelled." : explain(error.reason);
  return `${why} ${describeCleanup(error.cleanup)}`;
}

/** Whether the failure is a cancel that left nothing (a warning, not an error). */
export function cleanCancel(error: unknown): boolean {
  return (
    error instanceof ActionFailed &&
    error.reason instanceof BuildCancelled &&
    (error.cleanup.kind === "none" || error.cleanup.kind === "removed")
  );
}
