/**
 * Errors raised by the maths core. Each carries the Excel error it stands for, so the function
 * boundary can map it without knowing why it happened (DESIGN.md §3):
 * - `value`: the input is wrong (shape, type, domain); the message names the argument.
 * - `div0`: a statistic's denominator is zero (e.g. the volatility of a constant portfolio).
 * - `num`: the result overflows, or the request is too large to compute.
 * - `na`: no value exists yet at this position.
 */
export type ErrorKind = "value" | "div0" | "num" | "na";

export class StackError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string
  ) {
    super(message);
    this.name = "StackError";
  }
}

/** An input problem: `invalid("weights", "3 items, expected 4")` reads "weights: 3 items, expected 4". */
export function invalid(argument: string, problem: string): StackError {
  return new StackError("value", `${argument}: ${problem}`);
}

export function divByZero(what: string): StackError {
  return new StackError("div0", what);
}

/** Round a number for an error message: 3 significant digits, no exponent noise. */
export function short(x: number): string {
  return String(Number(x.toPrecision(3)));
}
