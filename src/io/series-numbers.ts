/**
 * Numbers as people's files write them: plain decimals ("0.10", "-1.2e-3"), percentages ("3.7%", "7,0 %"),
 * thousands separators ("1,234.56", "1.234,56", "1 234,56", "1'234.56"), currency signs ("$1,234.56",
 * "1.234,56 €"), a typographic minus ("−0.3"), accounting negatives ("(1.23)"), and the markers files use
 * for a missing value. Which of "." and "," is the decimal mark is decided once for a whole file
 * ({@link decimalMarkOf}), never cell by cell: "1,234" is a thousand and more in one file and one and a
 * quarter in another.
 */
import { invalid } from "../core/errors";

/** The character that separates a number's whole part from its decimals. */
export type DecimalMark = "." | ",";

/** A cell read as a number: its value as written, whether it carried a "%" sign or a currency sign, and value / 100. */
export interface NumberCell {
  readonly value: number;
  readonly percent: boolean;
  readonly currency: boolean;
  /**
   * The written decimal divided by 100 and then rounded, by moving its decimal exponent: "2.38" gives
   * 0.0238, as Excel reads "2.38%", where 2.38 / 100 gives 0.023799999999999998.
   */
  readonly hundredth: number;
}

/** "" anywhere, "." (FRED), "null" (Yahoo), "NaN" (pandas), "NA" (R), "#N/A" and "N/A" (Excel), "-" and "—" (reports). */
const MISSING = new Set(["", ".", "null", "nan", "na", "#n/a", "n/a", "-", "—", "–"]);
const CURRENCY = /^[$€£¥₹]|[$€£¥₹]$/;
/** Spaces that group thousands: space, no-break space, narrow no-break space (French), and the apostrophe (Swiss). */
const GROUP_SPACE = "[ \\u00a0\\u202f']";
/** A numeral once signs, currency and "%" are off: digits, separators, an exponent. */
const NUMERAL = /^(?=[^eE]*\d)[\d.,' \u00a0\u202f]+(?:[eE][+-]?\d+)?$/;
const PLAIN: Record<DecimalMark, RegExp> = {
  ".": /^(\d+\.?\d*|\.\d+)(?:[eE]([+-]?\d+))?$/,
  ",": /^(\d+,?\d*|,\d+)(?:[eE]([+-]?\d+))?$/,
};
/** The common cell, signed digits with the mark and no dressing: read without taking it apart. */
const PLAIN_CELL: Record<DecimalMark, RegExp> = {
  ".": /^\s*([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+))?\s*$/,
  ",": /^\s*([+-]?(?:\d+,?\d*|,\d+))(?:[eE]([+-]?\d+))?\s*$/,
};
/** Whole parts grouped by three, with no leading zero: "1,234,567" with "." decimals; "1.234.567" or "1 234 567" with "," decimals. */
const GROUPED: Record<DecimalMark, RegExp> = {
  ".": new RegExp(`^([1-9]\\d{0,2}(?:(,|${GROUP_SPACE})\\d{3})(?:\\2\\d{3})*)(\\.\\d*)?$`),
  ",": new RegExp(`^([1-9]\\d{0,2}(?:(\\.|${GROUP_SPACE})\\d{3})(?:\\2\\d{3})*)(,\\d*)?$`),
};

/** The parts of a cell around its numeral. */
interface Dressed {
  readonly numeral: string;
  readonly negative: boolean;
  readonly percent: boolean;
  readonly currency: boolean;
}

/** Takes off a sign (+, -, − or accounting parentheses), a currency sign and a trailing "%" (a space before it allowed). */
function undress(trimmed: string): Dressed | null {
  let text = trimmed;
  let negative = false;
  let signs = 0;
  const parenthesised = /^\((.*)\)$/.exec(text);
  if (parenthesised) {
    [negative, signs, text] = [true, 1, parenthesised[1].trim()];
  }
  const percent = /\s*%$/.test(text);
  if (percent) text = text.replace(/\s*%$/, "");
  let currency = false;
  for (let pass = 0; pass < 2; pass++) {
    const sign = /^[+\-\u2212]/.exec(text);
    if (sign) {
      negative = sign[0] !== "+";
      signs++;
      text = text.slice(1).trim();
    }
    if (!currency && CURRENCY.test(text)) {
      currency = true;
      text = text.replace(CURRENCY, "").trim();
    }
  }
  if (signs > 1 || !NUMERAL.test(text)) return null;
  return { numeral: text, negative, percent, currency };
}

/**
 * Reads one cell: a {@link NumberCell}, "missing" for an empty cell or a missing-value marker, or null when
 * the text is not a finite number written with `mark` as its decimal mark.
 * @example readNumber(" -0.25 ") // { value: -0.25, percent: false, currency: false, hundredth: -0.0025 }
 * @example readNumber("7,0 %", ",") // { value: 7, percent: true, currency: false, hundredth: 0.07 }
 * @example readNumber("$1,234.56") // { value: 1234.56, percent: false, currency: true, hundredth: 12.3456 }
 * @example readNumber(".") // "missing"
 */
export function readNumber(text: string, mark: DecimalMark = "."): NumberCell | "missing" | null {
  const plain = PLAIN_CELL[mark].exec(text);
  if (plain !== null) return numberCell(plain[1].replace(",", "."), plain[2], false, false, false);
  const trimmed = text.trim();
  if (MISSING.has(trimmed.toLowerCase())) return "missing";
  const dressed = undress(trimmed);
  if (dressed === null) return null;
  const { negative, percent, currency } = dressed;
  const plainNumeral = PLAIN[mark].exec(dressed.numeral);
  if (plainNumeral)
    return numberCell(
      plainNumeral[1].replace(",", "."),
      plainNumeral[2],
      negative,
      percent,
      currency
    );
  const grouped = GROUPED[mark].exec(dressed.numeral);
  if (grouped === null) return null;
  const digits = grouped[1].replace(/\D/g, "") + (grouped[3] ?? "").replace(",", ".");
  return numberCell(digits, undefined, negative, percent, currency);
}

/** The cell of a decimal numeral ("1234.5", "+0.1") and its exponent; null when it overflows. */
function numberCell(
  digits: string,
  exponentText: string | undefined,
  negative: boolean,
  percent: boolean,
  currency: boolean
): NumberCell | null {
  // unary + is Number(): the same conversion, without a global look-up per cell (slow in Jest's sandbox)
  const exponent = exponentText === undefined ? 0 : +exponentText;
  const sign = negative ? "-" : "";
  const value = +`${sign}${digits}e${exponent}`;
  if (!Number.isFinite(value)) return null;
  return { value, percent, currency, hundredth: +`${sign}${digits}e${exponent - 2}` };
}

/** The common cell, "-12.345", "0.10": a point with digits on both sides and nothing else. */
const POINT_DECIMAL = /^\s*-?(\d+)\.(\d+)\s*$/;

/**
 * What a cell says about its file's decimal mark: "." or "," when only that reading works ("0.5", "1,5",
 * "1.234,5", "1,234,567"), "either" when both do ("1,234" is 1.234 or 1234), null when it has no separator
 * or is not a number.
 * @example markEvidence("12,25") // ","
 * @example markEvidence("1,234") // "either"
 */
export function markEvidence(text: string): DecimalMark | "either" | null {
  if (!/[.,]/.test(text)) return null;
  const point = POINT_DECIMAL.exec(text);
  // a point is a thousands separator only before exactly three digits, after 1–3 not starting with 0
  if (point)
    return point[2].length === 3 && point[1].length <= 3 && point[1][0] !== "0" ? "either" : ".";
  const dot = readNumber(text, ".") !== null;
  const comma = readNumber(text, ",") !== null;
  if (dot && comma) return /\d[.,]\d/.test(text) ? "either" : null;
  return dot ? "." : comma ? "," : null;
}

/** A cell of a file, for messages: its text, its line (or row) and its column's name. */
export interface PlacedText {
  readonly text: string;
  readonly line: number;
  readonly column: string;
}

/**
 * The decimal mark of a whole file, from its number cells: the mark that some cell can only be read
 * with. Without such a cell, a comma-separated file has "." (a decimal comma would need quotes, and no
 * quoted number shows one); another file whose numbers could be read either way ("1.234") is refused.
 * @param where "line" for files, "row" for ranges and tables
 * @throws #VALUE! when cells disagree ('line 3, column Close: "1.5" has a decimal point, but line 7 ("2,5") a decimal comma'), or nothing decides an ambiguous cell
 * @example decimalMarkOf([{ text: "7,0 %", line: 2, column: "Return" }], ";") // ","
 */
export function decimalMarkOf(
  cells: Iterable<PlacedText>,
  delimiter: string,
  where: "line" | "row" = "line"
): DecimalMark {
  let dot: PlacedText | undefined;
  let comma: PlacedText | undefined;
  let either: PlacedText | undefined;
  for (const cell of cells) {
    const evidence = markEvidence(cell.text);
    if (evidence === ".") dot ??= cell;
    else if (evidence === ",") comma ??= cell;
    else if (evidence === "either") either ??= cell;
    if (dot && comma) break;
  }
  const place = (cell: PlacedText) => `${where} ${cell.line}, column ${cell.column}`;
  if (dot && comma) {
    const [first, second] = dot.line <= comma.line ? [dot, comma] : [comma, dot];
    const name = (cell: PlacedText) => (cell === dot ? "a decimal point" : "a decimal comma");
    throw invalid(
      place(first),
      `"${first.text.trim()}" has ${name(first)}, but ${where} ${second.line} ("${second.text.trim()}") ${name(second)}: write every number with the same decimal mark`
    );
  }
  if (dot) return ".";
  if (comma) return ",";
  if (either && delimiter !== ",") {
    const text = either.text.trim();
    throw invalid(
      place(either),
      `"${text}" could be ${(readNumber(text, ".") as NumberCell).value} or ${(readNumber(text, ",") as NumberCell).value} (no number in the file shows whether "." or "," is its decimal mark); write the decimals out (e.g. ${text}0) or remove the thousands separators`
    );
  }
  return ".";
}
