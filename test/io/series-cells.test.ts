import { readNumber } from "../../src/io/series-numbers";
import { readRows } from "../../src/io/series-table";
import { toDecimals, unitFromHeader, unitFromValues } from "../../src/io/series-units";

describe("readNumber", () => {
  it("reads decimals, signs, exponents and percent signs, with value / 100 rounded as Excel reads a percentage", () => {
    expect(readNumber("    0.10")).toEqual({ value: 0.1, percent: false, hundredth: 0.001 });
    expect(readNumber("-1.2e-3")).toEqual({ value: -0.0012, percent: false, hundredth: -0.000012 });
    expect(readNumber("+5.")).toEqual({ value: 5, percent: false, hundredth: 0.05 });
    expect(readNumber(".5")).toEqual({ value: 0.5, percent: false, hundredth: 0.005 });
    expect(readNumber("3.7%")).toEqual({ value: 3.7, percent: true, hundredth: 0.037 });
    // 2.38 / 100 and 11.35 / 100 are one unit in the last place off the decimals 0.0238 and 0.1135
    expect(2.38 / 100).not.toBe(0.0238);
    expect(readNumber("2.38")).toMatchObject({ hundredth: 0.0238 });
    expect(readNumber("11.35")).toMatchObject({ hundredth: 0.1135 });
  });

  it('knows the missing-value markers: "", ".", null, NaN, NA, #N/A, N/A', () => {
    for (const text of ["", "  ", ".", "null", "NaN", "NA", "#N/A", "N/A"])
      expect(readNumber(text)).toBe("missing");
  });

  it("is null for anything else, including infinite numbers and thousands separators", () => {
    for (const text of ["abc", "1,234.5", "1e999", "--1", "1.2.3", "$5", "5 %", "e5"])
      expect(readNumber(text)).toBeNull();
  });
});

describe("unitFromHeader", () => {
  it.each([
    ["Adj Close", "prices"],
    ["Close", "prices"],
    ["Price", "prices"],
    ["NAV", "prices"],
    ["Prior NAV", "prices"],
    ["Total Return Index", "prices"],
    ["NAV Change (%)", "returns-percent"],
    ["Daily Return", "returns"],
    ["Change", "returns"],
    ["spy_ret_pct", "returns-percent"],
    ["10y_yield", "rates-percent"],
    ["%", "returns-percent"],
    ["RF Rate", "rates-percent"],
    ["3M T-Bill Rate", "rates-percent"],
    ["10Y Yield", "rates-percent"],
  ])("%s → %s", (header, unit) => expect(unitFromHeader(header)).toBe(unit));

  it.each([
    "NAV Change ($)",
    "Shares Outstanding (000)",
    "Assets Under Management",
    "Ticker",
    "Open",
    "High",
    "Low",
    "Volume",
    "SPY",
  ])("%s names no unit", (header) => expect(unitFromHeader(header)).toBeNull());
});

describe("unitFromValues", () => {
  it("settles unnamed columns by sign and returns by size, keeping other units", () => {
    expect(unitFromValues(null, Float64Array.of(101.2, 99.8))).toBe("prices");
    expect(unitFromValues(null, Float64Array.of(0.01, -0.02))).toBe("returns");
    expect(unitFromValues(null, Float64Array.of(0.4, -1.3))).toBe("returns-percent");
    expect(unitFromValues("returns", Float64Array.of(0.4, 1))).toBe("returns");
    expect(unitFromValues("rates-percent", Float64Array.of(0.05))).toBe("rates-percent");
    expect(unitFromValues("prices", Float64Array.of(-1))).toBe("prices");
  });
});

describe("toDecimals", () => {
  it("turns prices into returns dated at the later price: 102/100 − 1 = 0.02, 99.96/102 − 1 = −0.02", () => {
    const { dates, values } = toDecimals(
      "prices",
      Float64Array.of(1, 2, 3),
      Float64Array.of(100, 102, 99.96),
      Float64Array.of(1, 1.02, 0.9996)
    );
    expect(Array.from(dates)).toEqual([2, 3]);
    expect(values[0]).toBeCloseTo(0.02, 15);
    expect(values[1]).toBeCloseTo(-0.02, 15);
  });

  it("keeps decimal returns and takes the hundredths of percentages", () => {
    const dates = Float64Array.of(1);
    expect(
      toDecimals("returns", dates, Float64Array.of(0.01), Float64Array.of(0.0001)).values
    ).toEqual(Float64Array.of(0.01));
    expect(
      toDecimals("rates-percent", dates, Float64Array.of(5.25), Float64Array.of(0.0525)).values
    ).toEqual(Float64Array.of(0.0525));
    expect(
      toDecimals("returns-percent", dates, Float64Array.of(1.2), Float64Array.of(0.012)).values
    ).toEqual(Float64Array.of(0.012));
  });
});

describe("readRows", () => {
  it("keeps blank lines as rows so each record knows its line, with a quoted line break inside a CRLF file (as Excel saves)", () => {
    const rows = readRows('\ufeffa,b\r\n\r\n"x\ny",2\r\nlast,3\r\n');
    expect(rows.map(({ line, cells }) => [line, cells])).toEqual([
      [1, ["a", "b"]],
      [2, [""]],
      [3, ["x\ny", "2"]],
      [5, ["last", "3"]],
      [6, [""]],
    ]);
  });
});
