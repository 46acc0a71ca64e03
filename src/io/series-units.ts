/**
 * What the numbers of a value column mean, how that is decided, and how they become the decimals the
 * core works with (DESIGN.md §3): prices become simple returns, percentages become decimals, a rate per
 * period becomes an annual rate.
 *
 * The unit is decided from the header first (a "%", "pct" or "percent"; words such as Close, NAV,
 * Return, Yield, RF), or from a known layout (Yahoo Finance prices, FRED rates, Kenneth French factors),
 * and from the values only when they leave no doubt. When the evidence is weak or contradicts itself,
 * the decision carries doubts, each naming a line: the pane asks the user for the unit instead of
 * guessing, and the user's choice always wins.
 */
import { periodName } from "./series-dates";

/**
 * - "prices": price or index levels (turned into simple returns; the first date has no return)
 * - "returns" / "returns-percent": periodic returns in decimals (0.012) or percent (1.2)
 * - "rates" / "rates-percent": annual rates in decimals (0.0525) or percent (5.25)
 * - "period-rates" / "period-rates-percent": a rate per period of the file (per day, per month), in
 *   decimals or percent, such as Kenneth French's RF; made annual by multiplying by the periods per year
 */
export type ColumnUnit =
  | "prices"
  | "returns"
  | "returns-percent"
  | "rates"
  | "rates-percent"
  | "period-rates"
  | "period-rates-percent";

/** Every unit, in the order the pane lists them. */
export const COLUMN_UNITS: readonly ColumnUnit[] = [
  "prices",
  "returns",
  "returns-percent",
  "rates",
  "rates-percent",
  "period-rates",
  "period-rates-percent",
];

/** Returns are aligned on common dates; rates are carried forward onto them. */
export type SeriesKind = "returns" | "rates";

type Measure = "prices" | "returns" | "rates" | "period-rates";

const measureOf = (unit: ColumnUnit): Measure => unit.replace("-percent", "") as Measure;
const isPercent = (unit: ColumnUnit) => unit.endsWith("-percent");
const unitOf = (measure: Measure, percent: boolean): ColumnUnit =>
  measure === "prices" ? "prices" : percent ? `${measure}-percent` : measure;

/**
 * The kind of series a unit gives.
 * @example seriesKind("period-rates-percent") // "rates"
 */
export function seriesKind(unit: ColumnUnit): SeriesKind {
  return unit.includes("rates") ? "rates" : "returns";
}

/**
 * A unit in words; `ppy` names the period of a per-period rate.
 * @example unitWords("period-rates-percent", 252) // "rates per day in percent"
 */
export function unitWords(unit: ColumnUnit, ppy: number | null): string {
  const scale = isPercent(unit) ? "in percent" : "in decimals";
  switch (measureOf(unit)) {
    case "prices":
      return "prices";
    case "returns":
      return `returns ${scale}`;
    case "rates":
      return `annual rates ${scale}`;
    case "period-rates":
      return `rates per ${ppy === null ? "period" : periodName(ppy)} ${scale}`;
  }
}

/**
 * What a header says: a measure, or "other" for columns that are not a series to read by default
 * (amounts such as dividends or volume, counts, and the open, high and low of a day, as a return is
 * close to close); and percent, decimals or nothing said.
 */
export interface HeaderUnit {
  readonly measure: Measure | "other";
  readonly percent: boolean | null;
}

/** Words are delimited by anything but a letter, so "spy_ret" and "10y_yield" name units. */
const word = (words: string, flags = "") => new RegExp(`(?<![a-z])(?:${words})(?![a-z])`, flags);
const PERCENT = word("pct|percent|pcent|perc");
const DECIMAL = word("decimals?");
const UNIT_WORDS = word(
  "returns?|ret|tr|change|chg|gain|rates?|yield|libor|sofr|t-?bill|fed ?funds|interest|price|close|adj|nav|level|index|dividends?|volume|shares|amount|earnings|outstanding|aum|assets|management|count|open|high|low",
  "g"
);
const RETURN_WORD = /^(?:returns?|ret|tr|change|chg|gain)$/;
const RATE_WORD = /^(?:rates?|yield|libor|sofr|t-?bill|fed ?funds|interest)$/;
const OTHER_WORD =
  /^(?:dividends?|volume|shares|amount|earnings|outstanding|aum|assets|management|count|open|high|low)$/;
/** A growth index: "SPY_cumulative_gain" is a level however it ends. */
const CUMULATIVE = word("cumulative|cum|growth|wealth");
/** Kenneth French's risk-free rate (RF, "RF Rate"), not the excess return Mkt-RF. */
const RISK_FREE = /^rf(?![a-z])/;
const EXCESS = /(?:mkt|rm|market)\s*[-_]\s*rf(?![a-z])/;

/**
 * The unit a column header names, or null when it names none. The last unit word decides, as the head of
 * the phrase: "NAV Change (%)" is a change, "Total Return Index" an index. "%", "pct" or "percent" make
 * it percent, and alone name percent returns; "decimal" makes it decimals. A currency sign on a change
 * marks an amount ("NAV Change ($)"), as do dividends, volume, shares and assets: "other". "RF" and "RF
 * Rate" are a rate per period in percent (Kenneth French's convention); "Mkt-RF" is a return. Open, high
 * and low are "other" too: a return is close to close.
 * @example unitFromHeader("Adj Close") // { measure: "prices", percent: null }
 * @example unitFromHeader("NAV Change (%)") // { measure: "returns", percent: true }
 * @example unitFromHeader("RF Rate") // { measure: "period-rates", percent: true }
 */
export function unitFromHeader(name: string): HeaderUnit | null {
  const lower = name.trim().toLowerCase();
  const percent = lower.includes("%") || PERCENT.test(lower);
  const scale = percent ? true : DECIMAL.test(lower) ? false : null;
  if (RISK_FREE.test(lower)) return { measure: "period-rates", percent: scale ?? true };
  if (EXCESS.test(lower)) return { measure: "returns", percent: scale };
  if (CUMULATIVE.test(lower)) return { measure: "prices", percent: null };
  const head = lower.match(UNIT_WORDS)?.pop();
  if (head === undefined) return percent ? { measure: "returns", percent } : null;
  if (OTHER_WORD.test(head)) return { measure: "other", percent: null };
  if (RETURN_WORD.test(head))
    return /[$€£¥]/.test(lower)
      ? { measure: "other", percent: null }
      : { measure: "returns", percent: scale };
  if (RATE_WORD.test(head)) return { measure: "rates", percent: scale };
  return { measure: "prices", percent: null };
}

/** What is known of a column before its unit is decided. */
export interface UnitFacts {
  readonly name: string;
  /** The unit the file's layout gives the column, and the layout's name, e.g. prices of "Yahoo Finance". */
  readonly layout?: { readonly unit: ColumnUnit; readonly name: string };
  /** The values as written, in date order, missing cells left out, and the line of each. */
  readonly values: Float64Array;
  readonly lines: readonly number[];
  /** The first line whose cell has a "%" sign, and the first of a non-zero value without one (0: none). */
  readonly percentLine: number;
  readonly plainLine: number;
  /** The first line whose cell has a currency sign (0: none). */
  readonly currencyLine: number;
  /** The file's periods per year (see periodsPerYear), for per-period rates. */
  readonly ppy: number | null;
}

export interface UnitDecision {
  readonly unit: ColumnUnit;
  /** Why, in words: 'the header "NAV Change (%)"', "the Yahoo Finance layout", "your choice". */
  readonly basis: string;
  /** Weak evidence or a contradiction, each naming its line: the user must choose the unit. */
  readonly doubts: readonly string[];
}

/** A value as a short number for messages: 6 significant digits. */
const num = (x: number) => String(Number(x.toPrecision(6)));
const percentOf = (x: number) => `${num(x * 100)}%`;
/** Lines are those of a file; the pane calls them rows for a range. */
const linesText = (lines: readonly number[]) => {
  const low = lines.reduce((a, b) => Math.min(a, b));
  const high = lines.reduce((a, b) => Math.max(a, b));
  return low === high ? `line ${low}` : `lines ${low}–${high}`;
};

/**
 * Decides a column's unit from its header, the file's layout, its cells' signs and its values (see
 * the module's notes); `chosen` (the user's choice) wins over everything and removes every doubt.
 * Values decide only when they leave no doubt: percent needs two values beyond ±1, since one alone
 * could be a slip; a column without a unit word is prices when every value is above 0 and some reach
 * 30 (beyond any rate or periodic return in percent), and a single value at or below 0 among such
 * values is doubted rather than obeyed. Then the values are checked against the unit:
 * a price at or below 0, a return at or below −100%, every return above 1, an annual rate above 30% or
 * below −5%, a header that says percent over values that never pass ±1, trailing zeros.
 * @example decideUnit({ name: "Strategy", values: Float64Array.of(0.012, -0.004), lines: [2, 3], percentLine: 0, plainLine: 2, currencyLine: 0, ppy: 252 }).doubts
 * // ["no value is beyond ±1 (the largest, line 2, is 0.012): decimals (0.012 = 1.2%) or percent (0.012%)?"]
 */
export function decideUnit(facts: UnitFacts, chosen?: ColumnUnit): UnitDecision {
  if (chosen !== undefined) return { unit: chosen, basis: "your choice", doubts: [] };
  const { values, lines, layout } = facts;
  const header = layout === undefined ? unitFromHeader(facts.name) : null;
  const basis: string[] = [];
  const doubts: string[] = [];
  let measure: Measure | null = null;
  let percent: boolean | null = null;
  if (layout !== undefined) {
    [measure, percent] = [measureOf(layout.unit), isPercent(layout.unit)];
    basis.push(`the ${layout.name} layout`);
  } else if (header !== null && header.measure !== "other") {
    [measure, percent] = [header.measure, header.percent];
    basis.push(`the header “${facts.name.trim()}”`);
  }
  if (facts.percentLine > 0) {
    if (measure === "prices")
      doubts.push(`line ${facts.percentLine}: a % sign in a column read as prices`);
    else {
      if (percent === false)
        doubts.push(`line ${facts.percentLine}: a % sign, but the header says decimals`);
      if (facts.plainLine > 0)
        doubts.push(
          `line ${facts.plainLine}: a number without a % sign among percentages (line ${facts.percentLine} has one)`
        );
      [measure, percent] = [measure ?? "returns", true];
      basis.push("the % signs in its cells");
    }
  }
  if (facts.currencyLine > 0) {
    if (measure === null) {
      measure = "prices";
      basis.push("the currency signs in its cells");
    } else if (measure !== "prices")
      doubts.push(`line ${facts.currencyLine}: a currency sign in a column read as ${measure}`);
  }

  if (values.length === 0)
    return {
      unit: unitOf(measure ?? "returns", percent ?? false),
      basis: basis.join(" and ") || "no values",
      doubts,
    };
  let largest = 0;
  for (let k = 1; k < values.length; k++)
    if (Math.abs(values[k]) > Math.abs(values[largest])) largest = k;
  const at = (k: number) => `line ${lines[k]}`;
  const beyondOne = lines.filter((_, k) => Math.abs(values[k]) > 1);
  if (measure === null) {
    const lowest = values.reduce((low, v) => Math.min(low, v), Infinity);
    const highest = values.reduce((high, v) => Math.max(high, v), -Infinity);
    if (lowest > 0) {
      measure = "prices";
      if (highest >= 30) basis.push(`its values: all above 0, up to ${num(highest)}`);
      else
        doubts.push(
          `the header names no unit, and every value is above 0 (${num(lowest)} to ${num(highest)}): prices, or returns or rates that are never negative?`
        );
    } else {
      measure = "returns";
      const k = values.findIndex((v) => v <= 0);
      basis.push(`its values: ${at(k)} holds ${num(values[k])}, so they are not prices`);
      // without that one value, the column would be prices by the rule above
      if (values.length > 2 && highest >= 30 && values.every((v, j) => j === k || v > 0))
        doubts.push(
          `${at(k)}: ${num(values[k])} is the only value at or below 0; without it the column would be prices`
        );
    }
  }
  if (measure !== "prices" && percent === null) {
    percent = beyondOne.length >= 2;
    if (percent)
      basis.push(
        `its values: ${beyondOne.length.toLocaleString("en-US")} are beyond ±1 (line ${beyondOne[0]}), so percent`
      );
    else
      doubts.push(
        beyondOne.length === 1
          ? `${at(largest)}: ${num(values[largest])} is the only value beyond ±1; alone it would make the whole column percent`
          : `no value is beyond ±1 (the largest, ${at(largest)}, is ${num(values[largest])}): decimals (${num(values[largest])} = ${percentOf(values[largest])}) or percent (${num(values[largest])}%)?`
      );
  } else if (
    measure === "returns" &&
    percent === true &&
    header?.percent === true &&
    facts.percentLine === 0 &&
    beyondOne.length === 0 &&
    values.length > 0
  ) {
    doubts.push(
      `the header says percent, but no value is beyond ±1 (the largest, ${at(largest)}, is ${num(values[largest])}): are they decimals?`
    );
  } else if (measure !== "prices" && header?.percent === false && beyondOne.length >= 2) {
    doubts.push(
      `the header says decimals, but ${beyondOne.length} values are beyond ±1 (line ${beyondOne[0]}): are they percent?`
    );
  }
  const unit = unitOf(measure, percent ?? false);
  // A layout or % signs say the column holds returns: values above 1 are then no sign of prices.
  const known = layout !== undefined || facts.percentLine > 0;
  return {
    unit,
    basis: basis.join(" and ") || "its values",
    doubts: [...doubts, ...checkValues(unit, facts, known)],
  };
}

/** Values that do not fit the unit, each naming its line. */
function checkValues(
  unit: ColumnUnit,
  { values, lines, ppy }: UnitFacts,
  known: boolean
): string[] {
  const found: string[] = [];
  const first = (test: (v: number) => boolean) => values.findIndex(test);
  const scale = isPercent(unit) ? 1 : 100;
  switch (measureOf(unit)) {
    case "prices": {
      const k = first((v) => v <= 0);
      if (k >= 0)
        found.push(
          `line ${lines[k]}: ${num(values[k])} in a column of prices, which are above 0: are these returns?`
        );
      break;
    }
    case "returns": {
      const k = first((v) => v * scale <= -100);
      if (k >= 0)
        found.push(
          `line ${lines[k]}: ${num(values[k])} would be a return of ${num(values[k] * scale)}%, at or below −100% (an asset held long cannot lose more than it is worth): is the unit right?`
        );
      const lowest = values.reduce((low, v) => Math.min(low, v), Infinity);
      if (!known && values.length > 1 && lowest > 1)
        found.push(
          `every value is above 1 (the lowest, line ${lines[first((v) => v === lowest)]}, is ${num(lowest)}): prices rather than returns?`
        );
      break;
    }
    case "rates":
    case "period-rates": {
      const perYear = measureOf(unit) === "rates" ? 1 : (ppy ?? 1);
      const k = first((v) => v * scale * perYear > 30 || v * scale * perYear < -5);
      if (k >= 0) {
        const annual = `${num(values[k] * scale * perYear)}%`;
        found.push(
          perYear === 1
            ? `line ${lines[k]}: ${num(values[k])} would be an annual rate of ${annual}: is it a price or an index level?`
            : `line ${lines[k]}: ${num(values[k])} per ${periodName(perYear)} would be ${annual} a year: is it an annual rate?`
        );
      }
      break;
    }
  }
  let zeros = 0;
  while (zeros < values.length && values[values.length - 1 - zeros] === 0) zeros++;
  if (unit !== "prices" && zeros >= 3 && zeros < values.length)
    found.push(
      `${linesText(lines.slice(lines.length - zeros))}: the last ${zeros} values are 0: missing data written as 0?`
    );
  return found;
}

/**
 * The decimal series of a column with its dates ascending and missing cells removed: simple returns
 * pₖ/pₖ₋₁ − 1 of the values dated at the later price for prices (so one row shorter), the values for
 * decimal returns and rates, the hundredths (each written number / 100, see readNumber) for
 * percentages, and those times the periods per year for per-period rates.
 * @example toDecimals("prices", Float64Array.of(1, 2, 3), Float64Array.of(100, 102, 99.96), Float64Array.of(1, 1.02, 0.9996), null) // dates [2, 3], values [0.02, −0.02]
 * @example toDecimals("period-rates-percent", Float64Array.of(1), Float64Array.of(0.02), Float64Array.of(0.0002), 252) // values [0.0504]
 */
export function toDecimals(
  unit: ColumnUnit,
  dates: Float64Array,
  values: Float64Array,
  hundredths: Float64Array,
  ppy: number | null
): { dates: Float64Array; values: Float64Array } {
  const written = isPercent(unit) ? hundredths : values;
  if (measureOf(unit) === "period-rates") {
    const annual = new Float64Array(written.length);
    for (let k = 0; k < annual.length; k++) annual[k] = written[k] * (ppy ?? NaN);
    return { dates, values: annual };
  }
  if (unit !== "prices") return { dates, values: written };
  const returns = new Float64Array(Math.max(values.length - 1, 0));
  for (let k = 0; k < returns.length; k++) returns[k] = values[k + 1] / values[k] - 1;
  return { dates: dates.slice(1), values: returns };
}
