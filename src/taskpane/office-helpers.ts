/**
 * The one place that uses @microsoft/office-js-helpers (2018, unmaintained): keep it small so it can
 * be replaced without touching the rest of the pane.
 */
import { Utilities } from "@microsoft/office-js-helpers";

/** A short description of where the pane runs, e.g. "Excel · OFFICE_ONLINE". */
export function hostDescription(): string {
  return `${Utilities.host} · ${Utilities.platform}`;
}
