/**
 * The pieces of a series file, one by one: numbers in every locale and the file's decimal mark, rows
 * and separators, text encodings, what a header says about a unit, and how a unit is decided (and
 * doubted) from the header, the layout and the values. Expected values are hand calculations.
 */
import fc from "fast-check";
import { decodeFileText } from "../../src/io/file-text";
import { decimalMarkOf, markEvidence, readNumber } from "../../src/io/series-numbers";
import { readRows } from "../../src/io/series-table";
import {
  decideUnit,
  seriesKind,
  toDecimals,
  unitFromHeader,
  unitWords,
  type UnitFacts,
} from "../../src/io/series-units";

/** The message of a StackError thrown by `run`. */
function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toMatchObject({ name: "StackError", kind: "value" });
    return (error as Error).message;
  }
  throw new Error("no error");
}

describe("readNumber", () => {
  it("reads decimals, signs, exponents and percent signs, with value / 100 rounded as Excel reads a percentage", () => {
    expect(readNumber("    0.10")).toEqual({
      value: 0.1,
      percent: false,
      currency: false,
      hundredth: 0.001,
    });
    expect(readNumber("-1.2e-3")).toMatchObject({ value: -0.0012, hundredth: -0.000012 });
    expect(readNumber("+5.")).toMatchObject({ value: 5, hundredth: 0.05 });
    expect(readNumber(".5")).toMatchObject({ value: 0.5, hundredth: 0.005 });
    expect(readNumber("3.7%")).toMatchObject({ value: 3.7, percent: true, hundredth: 0.037 });
    // 2.38 / 100 and 11.35 / 100 are one unit in the last place off the decimals 0.0238 and 0.1135
    expect(2.38 / 100).not.toBe(0.0238);
    expect(readNumber("2.38")).toMatchObject({ hundredth: 0.0238 });
    expect(readNumber("11.35")).toMatchObject({ hundredth: 0.1135 });
  });

  it("reads what Excel writes in other locales and formats: decimal commas, grouped thousands, currency, a space before %, − and (…)", () => {
    expect(readNumber("7,0 %", ",")).toMatchObject({ value: 7, percent: true, hundredth: 0.07 });
    expect(readNumber("-0,25", ",")).toMatchObject({ value: -0.25 });
    expect(readNumber("1.234,56", ",")).toMatchObject({ value: 1234.56, hundredth: 12.3456 });
    expect(readNumber("1 234,56", ",")).toMatchObject({ value: 1234.56 }); // no-break space (French)
    expect(readNumber("1\u202f234,56 €", ",")).toMatchObject({ value: 1234.56, currency: true });
    expect(readNumber("1,234.56")).toMatchObject({ value: 1234.56, currency: false });
    expect(readNumber("$1,234.56")).toMatchObject({ value: 1234.56, currency: true });
    expect(readNumber("-$1,234.56")).toMatchObject({ value: -1234.56, currency: true });
    expect(readNumber("$-1,234.56")).toMatchObject({ value: -1234.56 });
    expect(readNumber("1'234.5")).toMatchObject({ value: 1234.5 }); // Swiss
    expect(readNumber("12,345,678")).toMatchObject({ value: 12345678 });
    expect(readNumber("(1.23)")).toMatchObject({ value: -1.23 }); // accounting negative
    expect(readNumber("−0.3")).toMatchObject({ value: -0.3 }); // U+2212
    expect(readNumber("5 %")).toMatchObject({ value: 5, percent: true });
  });

  it('knows the missing-value markers: "", ".", null, NaN, NA, #N/A, N/A, -', () => {
    for (const text of ["", "  ", ".", "null", "NaN", "NA", "#N/A", "N/A", "-", "—"])
      expect(readNumber(text)).toBe("missing");
  });

  it("is null for anything else: infinite numbers, bad groups, two signs, a group with a leading zero, the other decimal mark", () => {
    for (const text of ["abc", "1e999", "--1", "1.2.3", "e5", "1,23.4", "0,123.5", "(-1)", "%"])
      expect(readNumber(text)).toBeNull();
    expect(readNumber("1,5")).toBeNull(); // with "." as the mark, "1,5" is no number
    expect(readNumber("0.5", ",")).toBeNull();
  });
});

describe("readNumber, for any number", () => {
  const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
  const cents = fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }).map((c) => c / 100);

  it("reads back what JavaScript writes, and its hundredth is the same decimal shifted two places", () => {
    fc.assert(
      fc.property(finite, (x) => {
        const read = readNumber(String(x));
        return (
          read !== null &&
          read !== "missing" &&
          read.value === (x === 0 ? 0 : x) &&
          read.hundredth ===
            Number(`${String(x).replace(/e.*/, "")}e${Number(String(x).split("e")[1] ?? 0) - 2}`)
        );
      })
    );
  });

  it("reads back what Excel shows in the US, Germany, France and Switzerland, each with its decimal mark", () => {
    fc.assert(
      fc.property(cents, (x) => {
        const show = (locale: string) => x.toLocaleString(locale, { minimumFractionDigits: 2 });
        const value = (text: string, mark: "." | ",") =>
          (readNumber(text, mark) as { value: number }).value;
        return (
          value(show("en-US"), ".") === x &&
          value(show("de-DE"), ",") === x &&
          value(show("fr-FR"), ",") === x &&
          value(show("de-CH"), ".") === x
        );
      })
    );
  });
});

describe("the decimal mark of a file", () => {
  it("takes what a cell can only be read as", () => {
    expect(markEvidence("12,25")).toBe(",");
    expect(markEvidence("0,123")).toBe(","); // no thousands group starts with 0
    expect(markEvidence("1.234,5")).toBe(",");
    expect(markEvidence("0.5")).toBe(".");
    expect(markEvidence("1,234,567")).toBe(".");
    expect(markEvidence("1,234")).toBe("either");
    expect(markEvidence("1234")).toBeNull();
    expect(markEvidence("abc")).toBeNull();
  });

  const cells = (...texts: string[]) =>
    texts.map((text, k) => ({ text, line: k + 2, column: "Close" }));

  it("decides from the whole file: one unambiguous cell settles the ambiguous ones", () => {
    expect(decimalMarkOf(cells("1.234", "1.234,5"), ";")).toBe(",");
    expect(decimalMarkOf(cells("1,234", "12.5"), ",")).toBe(".");
    expect(decimalMarkOf(cells("100", "101"), ";")).toBe(".");
    // in a comma-separated file a decimal comma would need quotes: "1,234" (quoted) groups thousands
    expect(decimalMarkOf(cells("1,234"), ",")).toBe(".");
  });

  it("refuses a file that mixes them, or whose numbers could be read both ways, naming the cells", () => {
    expect(failure(() => decimalMarkOf(cells("1.5", "3", "2,5"), ";"))).toBe(
      'line 2, column Close: "1.5" has a decimal point, but line 4 ("2,5") a decimal comma: write every number with the same decimal mark'
    );
    expect(failure(() => decimalMarkOf(cells("1.234", "2.345"), ";"))).toBe(
      'line 2, column Close: "1.234" could be 1.234 or 1234 (no number in the file shows whether "." or "," is its decimal mark); write the decimals out (e.g. 1.2340) or remove the thousands separators'
    );
  });
});

describe("readRows", () => {
  it("keeps blank lines as rows so each record knows its line, with a quoted line break inside a CRLF file (as Excel saves)", () => {
    const { rows, delimiter } = readRows('\ufeffa,b\r\n\r\n"x\ny",2\r\nlast,3\r\n');
    expect(delimiter).toBe(",");
    expect(rows.map(({ line, cells }) => [line, cells])).toEqual([
      [1, ["a", "b"]],
      [2, [""]],
      [3, ["x\ny", "2"]],
      [5, ["last", "3"]],
      [6, [""]],
    ]);
  });

  it("reads a CRLF header followed by LF rows as separate lines", () => {
    const { rows } = readRows("Date,Close\r\n2024-01-02,100\n2024-01-03,101\n");
    expect(rows.map(({ line, cells }) => [line, cells])).toEqual([
      [1, ["Date", "Close"]],
      [2, ["2024-01-02", "100"]],
      [3, ["2024-01-03", "101"]],
      [4, [""]],
    ]);
  });

  it("finds the separator: semicolons with decimal commas, tabs, bars, and commas under lines of notes", () => {
    expect(readRows("Date;Close\n2024-01-02;100,5\n2024-01-03;101,5").delimiter).toBe(";");
    expect(readRows("Date\tClose\n1/2/2024\t1,234.5").delimiter).toBe("\t");
    expect(readRows("Date|Close\n2024-01-02|100").delimiter).toBe("|");
    const notes =
      "Some notes about the file\nmore notes; with a semicolon\n\nDate,A,B\n2024-01-02,1,2";
    expect(readRows(notes).delimiter).toBe(",");
    // Excel's own hint line, even where another separator would split more lines
    expect(readRows("sep=;\nDate;Close,Open\n2024-01-02;1,2").delimiter).toBe(";");
  });

  it('reports broken quoting with its line: "a quoted field is not closed"', () => {
    expect(failure(() => readRows('Date,Close\n2024-01-02,100\n2024-01-03,"101'))).toBe(
      'line 3: a quoted field is not closed (a " is missing)'
    );
  });
});

describe("decodeFileText", () => {
  const utf16le = (text: string, mark = true) => {
    const bytes = new Uint8Array((mark ? 2 : 0) + text.length * 2);
    if (mark) bytes.set([0xff, 0xfe]);
    for (let k = 0; k < text.length; k++) {
      bytes[(mark ? 2 : 0) + 2 * k] = text.charCodeAt(k) & 0xff;
      bytes[(mark ? 2 : 0) + 2 * k + 1] = text.charCodeAt(k) >> 8;
    }
    return bytes;
  };

  it("reads UTF-8 with and without a byte-order mark, UTF-16 (Excel's Unicode Text) with or without one, big-endian too", () => {
    const text = "Date\tClose €\n2024-01-02\t1,5\n";
    expect(decodeFileText(new TextEncoder().encode(text))).toEqual({ text, encoding: "UTF-8" });
    expect(decodeFileText(Uint8Array.of(0xef, 0xbb, 0xbf, 0x41))).toEqual({
      text: "A",
      encoding: "UTF-8",
    });
    expect(decodeFileText(utf16le(text))).toEqual({ text, encoding: "UTF-16LE" });
    expect(decodeFileText(utf16le(text, false))).toEqual({ text, encoding: "UTF-16LE" });
    const be = utf16le(text).map((_, k, all) => all[k ^ 1]); // swap each byte pair
    expect(decodeFileText(be)).toEqual({ text, encoding: "UTF-16BE" });
  });

  it("falls back to Windows-1252 for bytes that are not UTF-8 (Excel's CSV on Windows): 0x80 is €", () => {
    expect(decodeFileText(Uint8Array.of(0x80, 0x31))).toEqual({
      text: "€1",
      encoding: "Windows-1252",
    });
  });

  it("refuses workbooks and binary files, saying what to do", () => {
    expect(
      failure(() => decodeFileText(Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)))
    ).toBe(
      "file: an Excel workbook, not a text file: open it in Excel, select the data with its header row, then use Read selected range"
    );
    expect(failure(() => decodeFileText(Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0)))).toMatch(
      /^file: an Excel workbook/
    );
    const pdf = new TextEncoder().encode("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj stream");
    const binary = Uint8Array.from([...pdf, 0, 0x13, 0, 0, 0x9c, 0x78, 0, 0xf1]);
    expect(failure(() => decodeFileText(binary))).toMatch(/^file: not a text file/);
  });
});

describe("unitFromHeader", () => {
  it.each([
    ["Adj Close", "prices", null],
    ["Close", "prices", null],
    ["Price", "prices", null],
    ["NAV", "prices", null],
    ["Prior NAV", "prices", null],
    ["Total Return Index", "prices", null],
    ["SPY_cumulative_gain", "prices", null],
    ["Price ($)", "prices", null],
    ["NAV Change (%)", "returns", true],
    ["Daily Return", "returns", null],
    ["Change", "returns", null],
    ["spy_ret_pct", "returns", true],
    ["SPY_daily_pcent_gain", "returns", true],
    ["SP500 TR", "returns", null],
    ["Return (decimal)", "returns", false],
    ["Mkt-RF", "returns", null],
    ["%", "returns", true],
    ["10y_yield", "rates", null],
    ["3M T-Bill Rate", "rates", null],
    ["Long Interest Rate", "rates", null],
    ["libor-3-month", "rates", null],
    ["RF", "period-rates", true],
    ["RF Rate", "period-rates", true],
    ["NAV Change ($)", "other", null],
    ["Dividends", "other", null],
    ["Volume", "other", null],
    ["Shares Outstanding (000)", "other", null],
    ["Assets Under Management", "other", null],
    ["Open", "other", null],
    ["High", "other", null],
    ["Low", "other", null],
  ])("%s → %s (percent: %s)", (header, measure, percent) =>
    expect(unitFromHeader(header)).toEqual({ measure, percent })
  );

  it.each(["Ticker", "SPY", "HAM1", "Value", "PE10"])("%s names no unit", (header) =>
    expect(unitFromHeader(header)).toBeNull()
  );
});

describe("decideUnit", () => {
  /** Facts of a column of plain numbers on lines 2, 3, ... */
  const facts = (name: string, values: number[], more: Partial<UnitFacts> = {}): UnitFacts => ({
    name,
    values: Float64Array.from(values),
    lines: values.map((_, k) => k + 2),
    percentLine: 0,
    plainLine: values.some((v) => v !== 0) ? 2 : 0,
    currencyLine: 0,
    ppy: 252,
    ...more,
  });
  const decide = (name: string, values: number[], more?: Partial<UnitFacts>) =>
    decideUnit(facts(name, values, more));

  it("follows the header first, with no doubt when the values agree", () => {
    expect(decide("Adj Close", [100, 101, 99])).toEqual({
      unit: "prices",
      basis: "the header “Adj Close”",
      doubts: [],
    });
    expect(decide("NAV Change (%)", [1.2, -2.5, 0.3])).toMatchObject({
      unit: "returns-percent",
      doubts: [],
    });
    expect(decide("RF Rate", [0.033, 0.033])).toMatchObject({
      unit: "period-rates-percent",
      doubts: [],
    });
  });

  it("takes percent from the values only with two values beyond ±1", () => {
    expect(decide("Return", [1.2, -2.5, 0.3])).toEqual({
      unit: "returns-percent",
      basis: "the header “Return” and its values: 2 are beyond ±1 (line 2), so percent",
      doubts: [],
    });
    expect(decide("Return", [0.012, 5, 0.003]).doubts).toEqual([
      "line 3: 5 is the only value beyond ±1; alone it would make the whole column percent",
    ]);
    expect(decide("Return", [0.012, -0.025]).doubts).toEqual([
      "no value is beyond ±1 (the largest, line 3, is -0.025): decimals (-0.025 = -2.5%) or percent (-0.025%)?",
    ]);
  });

  it("reads a column without a unit word as prices only when all values are above 0 and some reach 30", () => {
    expect(decide("SPY", [43.9, 44.25, 450.1])).toMatchObject({
      unit: "prices",
      basis: "its values: all above 0, up to 450.1",
      doubts: [],
    });
    expect(decide("US 3m", [0.00456, 0.00398]).doubts).toEqual([
      "the header names no unit, and every value is above 0 (0.00398 to 0.00456): prices, or returns or rates that are never negative?",
    ]);
    expect(decide("HAM1", [0.0074, -0.0193, 0.0155])).toMatchObject({
      unit: "returns",
      basis: "its values: line 3 holds -0.0193, so they are not prices",
    });
    // a typo's minus sign must not turn a column of prices into percent returns unasked
    expect(decide("SPY", [450.1, -451.2, 452.3]).doubts[0]).toBe(
      "line 3: -451.2 is the only value at or below 0; without it the column would be prices"
    );
  });

  it("flags a header that says percent over values that never pass ±1, and decimals over values that do", () => {
    expect(decide("portfolio monthly return (%)", [0.003, 0.026, -0.011]).doubts).toEqual([
      "the header says percent, but no value is beyond ±1 (the largest, line 3, is 0.026): are they decimals?",
    ]);
    expect(decide("Return (decimal)", [1.5, 2, 0.2]).doubts).toEqual([
      "the header says decimals, but 2 values are beyond ±1 (line 2): are they percent?",
    ]);
  });

  it("flags values that cannot be in the unit: a price at or below 0, a return at or below −100%, prices read as returns, absurd rates, trailing zeros", () => {
    expect(decide("Close", [100, 0, 101]).doubts).toEqual([
      "line 3: 0 in a column of prices, which are above 0: are these returns?",
    ]);
    expect(decide("Return (%)", [2, -100, 3]).doubts).toEqual([
      "line 3: -100 would be a return of -100%, at or below −100% (an asset held long cannot lose more than it is worth): is the unit right?",
    ]);
    expect(decide("Return", [101.2, 99.8, 100.5]).doubts).toEqual([
      "every value is above 1 (the lowest, line 3, is 99.8): prices rather than returns?",
    ]);
    expect(decide("Rate", [4.5, 45.2]).doubts).toEqual([
      "line 3: 45.2 would be an annual rate of 45.2%: is it a price or an index level?",
    ]);
    expect(decide("RF", [0.02, 5.25]).doubts).toEqual([
      "line 3: 5.25 per day would be 1323% a year: is it an annual rate?",
    ]);
    expect(decide("Yield", [5.32, 5.3, 4.1, 0, 0, 0]).doubts).toEqual([
      "lines 5–7: the last 3 values are 0: missing data written as 0?",
    ]);
  });

  it("reads % signs and currency signs in the cells as evidence, and flags them against the header", () => {
    expect(decide("Change", [3.7, -1.2], { percentLine: 2, plainLine: 0 })).toMatchObject({
      unit: "returns-percent",
      basis: "the header “Change” and the % signs in its cells",
      doubts: [],
    });
    expect(decide("Close", [3.7, 1.2], { percentLine: 2, plainLine: 0 }).doubts[0]).toBe(
      "line 2: a % sign in a column read as prices"
    );
    expect(decide("Fund", [1234.5, 1200], { currencyLine: 2 })).toMatchObject({
      unit: "prices",
      basis: "the currency signs in its cells",
    });
    expect(decide("Return", [0.5, 0.2], { currencyLine: 3 }).doubts[0]).toBe(
      "line 3: a currency sign in a column read as returns"
    );
  });

  it("follows the layout of a known download, and always the user's choice", () => {
    const yahoo = { layout: { unit: "prices", name: "Yahoo Finance" } } as const;
    expect(decide("Adj Close", [1.14, 1.15], yahoo)).toEqual({
      unit: "prices",
      basis: "the Yahoo Finance layout",
      doubts: [],
    });
    expect(decideUnit(facts("Return", [0.012, 5]), "returns")).toEqual({
      unit: "returns",
      basis: "your choice",
      doubts: [],
    });
  });
});

describe("units in words, kinds and decimals", () => {
  it("names each unit and the kind of series it gives", () => {
    expect(unitWords("period-rates-percent", 12)).toBe("rates per month in percent");
    expect(unitWords("rates", null)).toBe("annual rates in decimals");
    expect(seriesKind("period-rates")).toBe("rates");
    expect(seriesKind("returns-percent")).toBe("returns");
  });

  it("turns prices into returns dated at the later price: 102/100 − 1 = 0.02, 99.96/102 − 1 = −0.02", () => {
    const { dates, values } = toDecimals(
      "prices",
      Float64Array.of(1, 2, 3),
      Float64Array.of(100, 102, 99.96),
      Float64Array.of(1, 1.02, 0.9996),
      null
    );
    expect(Array.from(dates)).toEqual([2, 3]);
    expect(values[0]).toBeCloseTo(0.02, 15);
    expect(values[1]).toBeCloseTo(-0.02, 15);
  });

  it("keeps decimals, takes the hundredths of percentages, and makes a rate per period annual (× periods per year)", () => {
    const dates = Float64Array.of(1);
    const one = (unit: Parameters<typeof toDecimals>[0], value: number, hundredth: number) =>
      toDecimals(unit, dates, Float64Array.of(value), Float64Array.of(hundredth), 12).values[0];
    expect(one("returns", 0.01, 0.0001)).toBe(0.01);
    expect(one("rates-percent", 5.25, 0.0525)).toBe(0.0525);
    expect(one("returns-percent", 1.2, 0.012)).toBe(0.012);
    // a monthly T-bill return of 0.25% is an annual rate of 12 × 0.25% = 3%
    expect(one("period-rates-percent", 0.25, 0.0025)).toBeCloseTo(0.03, 15);
    expect(one("period-rates", 0.0025, 0.000025)).toBeCloseTo(0.03, 15);
  });
});
