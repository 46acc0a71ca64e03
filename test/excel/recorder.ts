/**
 * A recording stand-in for the write side of the Excel API: any property read returns another recorder,
 * any assignment or call is logged with its path, e.g.
 *   sheet.getRangeByIndexes(0,0,1,1).formulas = [["'Title"]]
 *   sheet.charts.add("Line",sheet.getRangeByIndexes(5,1,100,1),"Columns").axes.valueAxis.scaleType = "Logarithmic"
 * so a test can assert what a writer asked Excel to do without modelling Excel. `answer` may return a
 * value for a call (e.g. a worksheet for worksheets.add); otherwise calls return a recorder.
 *
 * Self-contained (no imports, no outer variables): the Chromium test ships its source to the page, which
 * is also why coverage must not instrument it.
 */
export interface Recorded {
  readonly path: string;
  readonly kind: "set" | "call";
  /** The assigned value, or the call's arguments (recorders replaced by their paths). */
  readonly value: unknown;
}

/* istanbul ignore next: the source is sent to the page as is */
export function recorder(
  path: string,
  log: Recorded[],
  answer?: (path: string, args: unknown[]) => unknown
): any {
  const describe = (v: unknown): unknown => {
    const tagged = v as { __path?: unknown } | null | undefined;
    return typeof v === "function" && typeof tagged?.__path === "string" ? tagged.__path : v;
  };
  const text = (v: unknown) => {
    const d = describe(v);
    return typeof d === "string" && d !== v ? d : JSON.stringify(d);
  };
  return new Proxy(function () {}, {
    get(_target, property) {
      if (property === "__path") return path;
      // Not a promise, and not a JSON value of its own.
      if (typeof property === "symbol" || property === "then" || property === "toJSON")
        return undefined;
      return recorder(`${path}.${property}`, log, answer);
    },
    set(_target, property, value) {
      log.push({ path: `${path}.${String(property)}`, kind: "set", value: describe(value) });
      return true;
    },
    apply(_target, _this, args: unknown[]) {
      log.push({ path, kind: "call", value: args.map(describe) });
      const answered = answer?.(path, args);
      return answered !== undefined
        ? answered
        : recorder(`${path}(${args.map(text).join(",")})`, log, answer);
    },
  });
}
