/**
 * Numbers as they appear in downloaded series files: plain decimals ("0.10", "-1.2e-3"), percentages with
 * a sign ("3.7%"), and the markers files use for a missing value.
 */

/** A cell read as a number: its value as written, whether it carried a "%" sign, and value / 100. */
export interface NumberCell {
  readonly value: number;
  readonly percent: boolean;
  /**
   * The written decimal divided by 100 and then rounded, by moving its decimal exponent: "2.38" gives
   * 0.0238, as Excel reads "2.38%", where 2.38 / 100 gives 0.023799999999999998.
   */
  readonly hundredth: number;
}

const NUMBER = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+))?(%?)$/;
/** "" anywhere, "." (FRED), "null" (Yahoo), "NaN" (pandas), "NA" (R), "#N/A" and "N/A" (Excel). */
const MISSING = new Set(["", ".", "null", "nan", "na", "#n/a", "n/a"]);

/**
 * Reads one cell: a {@link NumberCell}, "missing" for an empty cell or a missing-value marker, or
 * null when the text is not a finite number.
 * @example readNumber(" -0.25 ") // { value: -0.25, percent: false, hundredth: -0.0025 }
 * @example readNumber("3.7%") // { value: 3.7, percent: true, hundredth: 0.037 }
 * @example readNumber(".") // "missing"
 */
export function readNumber(text: string): NumberCell | "missing" | null {
  const trimmed = text.trim();
  const match = NUMBER.exec(trimmed);
  if (match === null) return MISSING.has(trimmed.toLowerCase()) ? "missing" : null;
  // unary + is Number(): the same conversion, without a global look-up per cell (slow in Jest's sandbox)
  const exponent = match[2] === undefined ? 0 : +match[2];
  const value = +`${match[1]}e${exponent}`;
  if (!Number.isFinite(value)) return null;
  return { value, percent: match[3] === "%", hundredth: +`${match[1]}e${exponent - 2}` };
}
