/**
 * What the numbers of a value column mean, and how they become the decimals the core works with
 * (DESIGN.md §3): prices become simple returns, percentages become decimals.
 */

/**
 * - "prices": price or index levels (turned into simple returns; the first date has no return)
 * - "returns": periodic returns as decimals (0.012)
 * - "returns-percent": periodic returns in percent (1.2)
 * - "rates-percent": annual rates in percent (5.25 → 0.0525)
 */
export type ColumnUnit = "prices" | "returns" | "returns-percent" | "rates-percent";

/** Returns are aligned on common dates; rates are carried forward onto them. */
export type SeriesKind = "returns" | "rates";

/**
 * The kind of series a unit gives.
 * @example seriesKind("rates-percent") // "rates"
 */
export function seriesKind(unit: ColumnUnit): SeriesKind {
  return unit === "rates-percent" ? "rates" : "returns";
}

/** Words are delimited by anything but a letter, so "spy_ret" and "10y_yield" name units. */
const PERCENT = /%|(?<![a-z])(?:pct|percent)(?![a-z])/;
const UNIT_WORDS =
  /(?<![a-z])(?:returns?|ret|change|chg|rates?|yield|libor|sofr|t-?bill|fed ?funds|price|close|adj|nav|level|index)(?![a-z])/g;
const RETURN_WORD = /^(?:returns?|ret|change|chg)$/;
const RATE_WORD = /^(?:rates?|yield|libor|sofr|t-?bill|fed ?funds)$/;

/**
 * The unit a column header names, or null when it names none. The last unit word decides, as the head of
 * the phrase: "NAV Change (%)" is a change, "Total Return Index" an index. A "%" (or "pct", "percent")
 * makes returns percent, and alone names percent returns; a "$" marks an amount (e.g. "NAV Change ($)"),
 * which is no unit. Open, high and low are not read as prices: a return is close to close.
 * @example unitFromHeader("Adj Close") // "prices"
 * @example unitFromHeader("NAV Change (%)") // "returns-percent"
 * @example unitFromHeader("Daily Return") // "returns" (decimal or percent: see unitFromValues)
 * @example unitFromHeader("3M T-Bill Rate") // "rates-percent"
 */
export function unitFromHeader(name: string): ColumnUnit | null {
  const lower = name.toLowerCase();
  if (lower.includes("$")) return null;
  const head = lower.match(UNIT_WORDS)?.pop();
  const percent = PERCENT.test(lower);
  if (head === undefined) return percent ? "returns-percent" : null;
  if (RETURN_WORD.test(head)) return percent ? "returns-percent" : "returns";
  return RATE_WORD.test(head) ? "rates-percent" : "prices";
}

/**
 * Settles a detected unit with the column's values. A column whose header named no unit holds prices when
 * every value is positive, returns otherwise. Returns are taken as percent when any value lies beyond ±1:
 * a decimal return below −100% is impossible and above +100% in one period is rare, while percent returns
 * pass ±1 on any volatile day. Other units are kept.
 * @example unitFromValues(null, Float64Array.of(101.2, 99.8)) // "prices"
 * @example unitFromValues("returns", Float64Array.of(0.4, -1.3)) // "returns-percent"
 */
export function unitFromValues(detected: ColumnUnit | null, values: Float64Array): ColumnUnit {
  const unit = detected ?? (values.every((v) => v > 0) ? "prices" : "returns");
  if (unit !== "returns") return unit;
  return values.some((v) => Math.abs(v) > 1) ? "returns-percent" : "returns";
}

/**
 * The decimal series of a column with its dates ascending and missing cells removed: simple returns
 * pₖ/pₖ₋₁ − 1 of the values dated at the later price for prices (so one row shorter), the values for
 * decimal returns, and the hundredths (each written number / 100, see readNumber) for percentages.
 * @example toDecimals("prices", Float64Array.of(1, 2, 3), Float64Array.of(100, 102, 99.96), Float64Array.of(1, 1.02, 0.9996)) // dates [2, 3], values [0.02, −0.02]
 * @example toDecimals("rates-percent", Float64Array.of(1), Float64Array.of(5.25), Float64Array.of(0.0525)) // values [0.0525]
 */
export function toDecimals(
  unit: ColumnUnit,
  dates: Float64Array,
  values: Float64Array,
  hundredths: Float64Array
): { dates: Float64Array; values: Float64Array } {
  if (unit === "returns") return { dates, values };
  if (unit !== "prices") return { dates, values: hundredths };
  const returns = new Float64Array(Math.max(values.length - 1, 0));
  for (let k = 0; k < returns.length; k++) returns[k] = values[k + 1] / values[k] - 1;
  return { dates: dates.slice(1), values: returns };
}
