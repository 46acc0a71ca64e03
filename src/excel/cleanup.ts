/**
 * Removing what an action (a sheet build, a Share) added to the workbook when it fails or is cancelled.
 * The rule: remove only what this action created, by the id Excel returned for it, never by name (a
 * co-author may have made a sheet of that name meanwhile), and report only what Excel confirmed; the
 * {@link Cleanup} it returns is worded for the pane by errors.ts.
 */
import { Cleanup, errorCode } from "./errors";

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
