/**
 * The request context the Excel writer runs in, for its tests in Node: the fake workbook of
 * fake-workbook.ts (operations queued and run at sync, a refused operation rejects its batch, sheets
 * with ids), whose new sheet records every write (recorder.ts).
 */
import { recorder, Recorded } from "./recorder";
import { fakeContext, FakeWorkbookState, Refusal, workbookState } from "./fake-workbook";

export interface Fake {
  context: Excel.RequestContext;
  /** The workbook: its sheets and ids, what ran, the refusals to come (tests may change it between round trips). */
  state: FakeWorkbookState;
  /** The operations Excel ran, in order. */
  log: Recorded[];
  /** Names of the sheets added. */
  added: string[];
  syncs: () => number;
}

/** A request context over a workbook with `sheets`; Excel refuses the operations matching `refusals`. */
export function fakeExcel(
  sheets: string[],
  options: { protectedWorkbook?: boolean; refusals?: Refusal[] } = {}
): Fake {
  const state = workbookState(sheets);
  state.protectedWorkbook = options.protectedWorkbook ?? false;
  state.refusals = options.refusals ?? [];
  return {
    context: fakeContext(state, recorder),
    state,
    log: state.log,
    added: state.added,
    syncs: () => state.syncs,
  };
}

/** Assignments logged at paths ending with `suffix`. */
export const sets = (log: Recorded[], suffix: string) =>
  log.filter((r) => r.kind === "set" && r.path.endsWith(suffix));
/** Calls logged at paths ending with `suffix`. */
export const calls = (log: Recorded[], suffix: string) =>
  log.filter((r) => r.kind === "call" && r.path.endsWith(suffix));
