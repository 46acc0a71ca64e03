/**
 * The one place that uses @microsoft/office-js-helpers (2018, unmaintained): keep it small so it can
 * be replaced without touching the rest of the pane. Provides the host description and the pane's
 * memory between sessions (the helpers' Storage over the browser's localStorage).
 */
import { Storage, Utilities } from "@microsoft/office-js-helpers";
import type { Units } from "../io/cma-table";

/** A short description of where the pane runs, e.g. "Excel · OFFICE_ONLINE". */
export function hostDescription(): string {
  return `${Utilities.host} · ${Utilities.platform}`;
}

export type SourceKind = "template" | "file" | "paste" | "range";

/** What the pane remembers: where the last table came from, so the next session starts there. */
export interface Remembered {
  readonly source: SourceKind;
  readonly templateId: string;
  readonly units: Units;
  /** The last CSV file (small files only: CMA tables are a few hundred bytes). */
  readonly file?: { readonly name: string; readonly text: string };
  readonly pasted?: string;
}

const KEY = "pane";
/** Files larger than this are not remembered (localStorage holds a few MB per site). */
const MAX_REMEMBERED_FILE = 100_000;

function store(): Storage<Remembered> | undefined {
  try {
    return new Storage<Remembered>("stack");
  } catch {
    return undefined; // storage disabled (e.g. a locked-down browser): the pane just forgets
  }
}

/** The memory of the last session, if any. */
export function recall(): Remembered | undefined {
  try {
    return store()?.get(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Remember the pane's source for the next session; a file too large to keep is forgotten. */
export function remember(value: Remembered): void {
  const file = value.file && value.file.text.length <= MAX_REMEMBERED_FILE ? value.file : undefined;
  try {
    store()?.set(KEY, { ...value, file });
  } catch {
    // Quota exceeded or storage disabled: remembering is a convenience.
  }
}
