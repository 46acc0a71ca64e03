/**
 * The one place that uses @microsoft/office-js-helpers (2018, unmaintained): keep it small so it can
 * be replaced without touching the rest of the pane. Provides the host description and the pane's
 * memory between sessions (the helpers' Storage over the browser's localStorage).
 */
import { Storage, Utilities } from "@microsoft/office-js-helpers";
import type { Units } from "../io/cma-table";
import type { BacktestSetup } from "./backtest-setup";
import type { SourceChoices, SourceOrigin } from "./series-sources";

/** A short description of where the pane runs, e.g. "Excel · OFFICE_ONLINE". */
export function hostDescription(): string {
  return `${Utilities.host} · ${Utilities.platform}`;
}

export type SourceKind = "template" | "file" | "paste" | "range";

/** What the stacked-portfolio part remembers: where the last table came from, so the next session starts there. */
export interface Remembered {
  readonly source: SourceKind;
  readonly templateId: string;
  readonly units: Units;
  /** The last CSV file (small files only: CMA tables are a few hundred bytes). */
  readonly file?: { readonly name: string; readonly text: string };
  readonly pasted?: string;
}

/** A file or range the backtest part read, with its text when small enough (see {@link remember}). */
export interface RememberedSource {
  readonly label: string;
  readonly origin: SourceOrigin;
  readonly text?: string;
  /** The user's answers about it (date order, units), so it is read the same way next time. */
  readonly choices?: SourceChoices;
}

/** The pane's parts. */
export type PanePart = "cma" | "backtest" | "share";

/** Everything remembered, by key. */
interface Memory {
  /** The stacked-portfolio part (the key predates the backtest part). */
  pane: Remembered;
  /** The backtest part's settings (written as they are typed)... */
  backtest: BacktestSetup;
  /** ...and its data (written when a file or range is added or removed). */
  "backtest-sources": readonly RememberedSource[];
  part: PanePart;
}

/** Files larger than this are not remembered (localStorage holds a few MB per site). */
const MAX_REMEMBERED_FILE = 100_000;
/** The backtest's series files share this many characters; those that do not fit are remembered by name only. */
const MAX_REMEMBERED_SERIES = 2_500_000;

/** What of each value is kept: large file texts are dropped. */
const KEEP: { readonly [K in keyof Memory]: (value: Memory[K]) => Memory[K] } = {
  pane: (value) => ({
    ...value,
    file: value.file && value.file.text.length <= MAX_REMEMBERED_FILE ? value.file : undefined,
  }),
  backtest: (value) => value,
  "backtest-sources": (sources) => {
    let room = MAX_REMEMBERED_SERIES;
    return sources.map((source) => {
      const { label, origin, text } = source;
      if (text === undefined || text.length > room) return { label, origin };
      room -= text.length;
      return source;
    });
  },
  part: (value) => value,
};

function store(): Storage<unknown> | undefined {
  try {
    return new Storage<unknown>("stack");
  } catch {
    return undefined; // storage disabled (e.g. a locked-down browser): the pane just forgets
  }
}

/** The memory of the last session under `key`, if any. */
export function recall<K extends keyof Memory>(key: K): Memory[K] | undefined {
  try {
    return (store()?.get(key) as Memory[K] | null | undefined) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Remember `value` under `key` for the next session; files too large to keep are forgotten. */
export function remember<K extends keyof Memory>(key: K, value: Memory[K]): void {
  try {
    store()?.set(key, KEEP[key](value));
  } catch {
    // Quota exceeded or storage disabled: remembering is a convenience.
  }
}
