/**
 * Typed settings (text as the user wrote it, percentages in percent) turned into numbers, with a problem
 * in words for each one that is not acceptable, naming the setting. Shared by the backtest's settings and
 * its portfolios. No React, no Office.
 */
import { parseDate } from "../io/series-dates";
import type { LoadedSeries } from "./series-sources";

/** A typed number, a trailing "%" allowed: "0.91%" → 0.91; NaN when blank or not a number. */
export function typedNumber(text: string): number {
  const trimmed = text.trim().replace(/%$/, "").trim();
  return trimmed === "" ? NaN : Number(trimmed);
}

/** Drops float noise: 55 + 45.1 → 100.1, 0.0091 × 100 → 0.91. */
export const tidy = (x: number) => Number(x.toPrecision(12));

/** Percent text of a decimal: 0.0091 → "0.91". */
export const percentText = (x: number) => String(tidy(x * 100));

export const finite = (x: number) => Number.isFinite(x);
export const positive = (x: number) => x > 0 && x < Infinity;

/** Reads typed settings into numbers, collecting a problem for each one that is not acceptable. */
export class Reader {
  readonly problems: string[] = [];

  /** A number (a trailing "%" allowed), or a problem and NaN. Blank is a problem unless `blank` is given. */
  number(
    what: string,
    text: string,
    test: (x: number) => boolean,
    rule: string,
    blank?: number
  ): number {
    if (text.trim() === "" && blank !== undefined) return blank;
    const value = typedNumber(text);
    if (Number.isNaN(value))
      this.problems.push(
        `${what}: ${text.trim() === "" ? "enter a number" : `“${text.trim()}” is not a number`}.`
      );
    else if (!test(value)) this.problems.push(`${what}: ${rule}.`);
    return Number.isFinite(value) && test(value) ? value : NaN;
  }

  /** A percentage as a decimal, without float noise ("0.82" → 0.0082, not 0.008199999999999999). */
  percent(
    what: string,
    text: string,
    test: (x: number) => boolean,
    rule: string,
    blank?: number
  ): number {
    return tidy(this.number(what, text, (x) => test(x / 100), rule, blank) / 100);
  }

  whole(what: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
    return this.number(
      what,
      text,
      (x) => Number.isInteger(x) && x >= min && x <= max,
      `a whole number from ${min.toLocaleString("en-US")}${max < Number.MAX_SAFE_INTEGER ? ` to ${max.toLocaleString("en-US")}` : " up"}`
    );
  }

  date(what: string, text: string): number | undefined {
    if (text.trim() === "") return undefined;
    const serial = parseDate(text);
    if (serial === null)
      this.problems.push(`${what}: “${text.trim()}” is not a date (yyyy-mm-dd).`);
    return serial ?? undefined;
  }

  /** The series called `name` of the wanted kind, or a problem. */
  series(
    what: string,
    name: string,
    all: readonly LoadedSeries[],
    kind: LoadedSeries["kind"]
  ): LoadedSeries | undefined {
    const found = all.find((s) => s.name === name && s.kind === kind);
    if (!found)
      this.problems.push(
        name === ""
          ? `${what}: choose a series.`
          : `${what}: “${name}” is not among the loaded ${kind === "rates" ? "rate" : "return"} series.`
      );
    return found;
  }
}
