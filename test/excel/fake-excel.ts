/**
 * The request context the Excel writer runs in, under office-addin-mock: the context, workbook, worksheet
 * collection and protection are OfficeMockObjects (loads only readable after sync); the new sheet is a
 * recorder (recorder.ts) that logs every write. Shared by the writer's tests.
 */
import { OfficeMockObject } from "office-addin-mock";
import { Recorded, recorder } from "./recorder";

export interface Fake {
  context: Excel.RequestContext;
  log: Recorded[];
  added: string[];
  syncs: () => number;
}

/**
 * A request context over a workbook with `sheets`. `failAt` makes that sync (1-based) reject with
 * `error`, as Excel does when a batch contains a refused operation.
 */
export function fakeExcel(
  sheets: string[],
  options: { protectedWorkbook?: boolean; failAt?: number; error?: unknown } = {}
): Fake {
  const log: Recorded[] = [];
  const added: string[] = [];
  let syncs = 0;
  const mock = new OfficeMockObject({
    workbook: {
      protection: { protected: options.protectedWorkbook ?? false },
      worksheets: {
        items: sheets.map((name) => ({ name })),
        add: (name: string) => {
          added.push(name);
          return recorder("sheet", log);
        },
        getItem: (name: string) => recorder(`worksheets.getItem(${JSON.stringify(name)})`, log),
      },
    },
  }) as unknown as OfficeMockObject & { workbook: { worksheets: OfficeMockObject } };
  // office-addin-mock does not model collections: Office.js's "items/name" is its "items".
  const worksheets = mock.workbook.worksheets;
  worksheets.load = (properties) =>
    OfficeMockObject.prototype.load.call(
      worksheets,
      properties === "items/name" ? "items" : properties
    );
  const mockSync = mock.sync.bind(mock);
  (mock as unknown as { sync: () => Promise<void> }).sync = async () => {
    syncs++;
    if (syncs === options.failAt) throw options.error;
    await mockSync();
  };
  return { context: mock as unknown as Excel.RequestContext, log, added, syncs: () => syncs };
}

/** Assignments logged at paths ending with `suffix`. */
export const sets = (log: Recorded[], suffix: string) =>
  log.filter((r) => r.kind === "set" && r.path.endsWith(suffix));
/** Calls logged at paths ending with `suffix`. */
export const calls = (log: Recorded[], suffix: string) =>
  log.filter((r) => r.kind === "call" && r.path.endsWith(suffix));
