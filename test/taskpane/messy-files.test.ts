/**
 * A corpus of messy series files, as users make them (written here, byte by byte, never copied from
 * ../shared/data): each is read the way the pane reads a file the user chose (readSourceFile: bytes →
 * text → series), and either reads with the expected meaning, unit and numbers, stops at the expected
 * question or doubt, or is refused with the expected message. Expected numbers are hand calculations
 * written beside each case. The table of what the user sees is written to
 * test-artifacts/messy-files.md (file shape → what the card says).
 */
import * as fs from "fs";
import * as path from "path";
import {
  readProblem,
  readSourceFile,
  rereadSource,
  type Source,
  type SourceChoices,
} from "../../src/taskpane/series-sources";

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Excel's "Unicode Text": UTF-16 little-endian with a byte-order mark. */
function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + 2 * text.length);
  bytes.set([0xff, 0xfe]);
  for (let k = 0; k < text.length; k++) {
    bytes[2 + 2 * k] = text.charCodeAt(k) & 0xff;
    bytes[3 + 2 * k] = text.charCodeAt(k) >> 8;
  }
  return bytes;
}
/** Windows-1252 for the characters used here (ASCII, and € = 0x80). */
const windows1252 = (text: string) =>
  Uint8Array.from(text, (c) => (c === "€" ? 0x80 : c.charCodeAt(0)));

/** Read as the pane does, then with the user's answers; a refusal is its message. */
function open(name: string, bytes: Uint8Array, answers?: SourceChoices): Source | string {
  try {
    const source = readSourceFile(bytes, name);
    return answers ? rereadSource(source, { ...source.choices, ...answers }) : source;
  } catch (error) {
    return readProblem(error, "file");
  }
}

/** What the card shows, in one line: a refusal, the questions, or each series with its reading and doubts. */
function seen(outcome: Source | string): string {
  if (typeof outcome === "string") return `Refused: ${outcome}`;
  if (outcome.questions.length > 0)
    return outcome.questions.map((q) => `Asks: ${q.text}`).join(" ");
  const columns = outcome.columns.map((c) => {
    const reading = c.series ? c.series.reading : c.unit;
    const doubt = c.doubts.length > 0 ? ` ⚠ ${c.doubts.join(" ⚠ ")}` : "";
    const problem = c.problem ? ` ✖ ${c.problem}` : "";
    return `${c.series?.name ?? c.column}: ${reading}${doubt}${problem}`;
  });
  return [...columns, ...outcome.notes].join("; ");
}

function source(outcome: Source | string): Source {
  if (typeof outcome === "string") throw new Error(`refused: ${outcome}`);
  return outcome;
}

/** The series of a column, with its values checked to 15 digits against the hand calculation. */
function expectValues(outcome: Source | string, column: string, values: readonly number[]) {
  const found = source(outcome).columns.find((c) => c.column === column)?.series;
  if (found === undefined) throw new Error(`no series ${column}`);
  expect(found.values).toHaveLength(values.length);
  values.forEach((v, k) => expect(found.values[k]).toBeCloseTo(v, 15));
  return found;
}

interface Case {
  readonly shape: string;
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly answers?: SourceChoices;
  check(outcome: Source | string): void;
}

const CASES: readonly Case[] = [
  {
    shape: "Semicolon-separated, decimal commas, dots for thousands, dd.mm.yyyy (German Excel)",
    name: "dax.csv",
    bytes: utf8(
      "Datum;Schlusskurs\r\n02.01.2024;16.769,36\r\n03.01.2024;16.538,39\r\n15.01.2024;16.622,22\r\n"
    ),
    check: (o) => {
      const s = source(o);
      expect(s.notes).toEqual([
        "Semicolon-separated, with decimal commas.",
        "Dates are day first (dd.mm.yyyy), as line 4 (15.01.2024) shows.",
      ]);
      // 16538.39 / 16769.36 − 1, 16622.22 / 16538.39 − 1
      const series = expectValues(o, "Schlusskurs", [
        16538.39 / 16769.36 - 1,
        16622.22 / 16538.39 - 1,
      ]);
      expect(Array.from(series.dates)).toEqual([45294, 45306]); // 2024-01-03, 2024-01-15
      expect(series.pending).toBeUndefined();
    },
  },
  {
    shape:
      "Tab-separated UTF-16 with a byte-order mark (Excel's Unicode Text), US dates, thousands commas, CRLF",
    name: "sp500.txt",
    bytes: utf16le(
      "Date\tClose\r\n1/2/2024\t4,742.83\r\n1/3/2024\t4,704.81\r\n1/16/2024\t4,765.98\r\n"
    ),
    check: (o) => {
      expect(source(o)).toMatchObject({ encoding: "UTF-16LE" });
      expect(source(o).notes[1]).toBe(
        "Dates are month first (mm/dd/yyyy), as line 4 (1/16/2024) shows."
      );
      expectValues(o, "Close", [4704.81 / 4742.83 - 1, 4765.98 / 4704.81 - 1]);
    },
  },
  {
    shape: "A CRLF header, then LF rows",
    name: "mixed-breaks.csv",
    bytes: utf8("Date,Close\r\n2024-01-02,100\n2024-01-03,102\n2024-01-04,101.49\n"),
    check: (o) => expectValues(o, "Close", [0.02, 101.49 / 102 - 1]),
  },
  {
    shape: 'Prices with currency signs and thousands separators, quoted ("$1,234.56")',
    name: "fund.csv",
    bytes: utf8('Date,Fund\n2024-01-02,"$1,234.56"\n2024-01-03,"$1,250.00"\n'),
    check: (o) => {
      const series = expectValues(o, "Fund", [1250 / 1234.56 - 1]);
      expect(source(o).columns[0].basis).toBe("the currency signs in its cells");
      expect(series.pending).toBeUndefined();
    },
  },
  {
    shape: "Windows-1252 text (Excel's CSV on Windows) with € signs and a decimal comma",
    name: "eur.csv",
    bytes: windows1252("Date;Price €\n2024-01-02;100,50 €\n2024-01-03;101,505 €\n"),
    check: (o) => {
      expect(source(o).encoding).toBe("Windows-1252");
      expectValues(o, "Price €", [101.505 / 100.5 - 1]);
    },
  },
  {
    shape: "Decimal commas in a comma-separated file, unquoted",
    name: "broken-commas.csv",
    bytes: utf8("Date,Close\n2024-01-02,100,5\n2024-01-03,101,5\n"),
    check: (o) =>
      expect(o).toBe(
        "line 2: 3 fields but the header on line 1 names 2: if the numbers have decimal commas (100,5), save the file with semicolons (;) as separators or put such numbers in quotes"
      ),
  },
  {
    shape: "Decimal points and decimal commas mixed in one file",
    name: "mixed-marks.csv",
    bytes: utf8("Date;Close\n2024-01-02;100,5\n2024-01-03;101.5\n"),
    check: (o) =>
      expect(o).toBe(
        'line 2, column Close: "100,5" has a decimal comma, but line 3 ("101.5") a decimal point: write every number with the same decimal mark'
      ),
  },
  {
    shape: 'Semicolon-separated with numbers that could be read either way ("1.234")',
    name: "either.csv",
    bytes: utf8("Date;Index\n2024-01-02;1.234\n2024-01-03;1.250\n"),
    check: (o) =>
      expect(o).toBe(
        'line 2, column Index: "1.234" could be 1.234 or 1234 (no number in the file shows whether "." or "," is its decimal mark); write the decimals out (e.g. 1.2340) or remove the thousands separators'
      ),
  },
  {
    shape: "Every date ambiguous (monthly data on the 1st: 01/02/2024, 01/03/2024, …)",
    name: "monthly-firsts.csv",
    bytes: utf8("Date,Close\n01/02/2024,100\n01/03/2024,102\n01/04/2024,101\n"),
    check: (o) => {
      expect(source(o).questions).toEqual([
        expect.objectContaining({
          kind: "date-order",
          dayFirst: "1 February 2024",
          monthFirst: "2 January 2024",
        }),
      ]);
      expect(source(o).series).toEqual([]);
    },
  },
  {
    shape: "…the same file once the user answers “day first”",
    name: "monthly-firsts.csv",
    bytes: utf8("Date,Close\n01/02/2024,100\n01/03/2024,102\n01/04/2024,101\n"),
    answers: { dateOrder: "dmy" },
    check: (o) => {
      const series = expectValues(o, "Close", [0.02, 101 / 102 - 1]);
      expect(Array.from(series.dates)).toEqual([45352, 45383]); // 2024-03-01, 2024-04-01
    },
  },
  {
    shape: "Day-first and month-first dates in one file",
    name: "both-orders.csv",
    bytes: utf8("Date,Close\n13/01/2024,100\n01/14/2024,101\n"),
    check: (o) =>
      expect(o).toBe(
        'line 3, column Date: "01/14/2024" can only be month first, but line 2 ("13/01/2024") only day first: write every date in the same order'
      ),
  },
  {
    shape: "ISO dates with a time and a UTC offset (pandas, yfinance)",
    name: "yfinance.csv",
    bytes: utf8("Date,Close\n2024-01-02 00:00:00-05:00,100\n2024-01-03 00:00:00-05:00,101\n"),
    check: (o) => {
      expect(source(o).notes).toContain(
        "Times of day after the dates are ignored (line 2: 2024-01-02 00:00:00-05:00)."
      );
      expect(Array.from(expectValues(o, "Close", [0.01]).dates)).toEqual([45294]);
    },
  },
  {
    shape: "Intraday rows (two times on one day)",
    name: "intraday.csv",
    bytes: utf8("Date,Close\n2024-01-02T10:00,100\n2024-01-02T16:00,101\n"),
    check: (o) =>
      expect(o).toBe(
        "line 3, column Date: 2024-01-02T16:00 is on the same day as line 2 (2024-01-02T10:00): Stack reads one row per day, so intraday data cannot be imported"
      ),
  },
  {
    shape:
      "Kenneth French's monthly factors (yyyymm, percent, RF a monthly rate, annual section after)",
    name: "F-F_Research_Data_Factors.CSV",
    bytes: utf8(
      [
        "This file was created by CMPT_ME_BEME_RETS using the 202412 CRSP database.",
        "The 1-month TBill return is from Ibbotson and Associates, Inc.",
        "",
        ",Mkt-RF,SMB,HML,RF",
        "192607,    2.96,   -2.56,   -2.43,    0.22",
        "192608,    2.64,   -1.17,    3.82,    0.25",
        "",
        " Annual Factors: January-December ",
        ",Mkt-RF,SMB,HML,RF",
        "  1927,   29.47,   -2.46,   -3.75,    3.12",
        "",
        "Copyright 2025 Eugene F. Fama and Kenneth R. French",
      ].join("\r\n")
    ),
    check: (o) => {
      expect(source(o).notes).toEqual([
        "Monthly dates (line 5: 192607 is July 1926): returns are dated at the end of each month, rates at its start.",
        "Lines 1–2, above the header on line 4, are not data and were not read.",
        "Lines 8–12 after the data (from “Annual Factors: January-December”) were not read.",
      ]);
      expect(Array.from(expectValues(o, "Mkt-RF", [0.0296, 0.0264]).dates)).toEqual([9709, 9740]);
      // RF 0.22% for July 1926 is 12 × 0.22% = 2.64% a year, from 1926-07-01
      const rf = expectValues(o, "RF", [0.0264, 0.03]);
      expect(rf).toMatchObject({
        kind: "rates",
        reading: "rates per month in percent → annual rate (× 12)",
      });
      expect(Array.from(rf.dates)).toEqual([9679, 9710]);
    },
  },
  {
    shape: "yyyy-mm months of decimal returns the user marks as decimals",
    name: "monthly.csv",
    bytes: utf8("Month,Return\n2024-01,0.012\n2024-02,-0.004\n"),
    answers: { units: { Return: "returns" } },
    check: (o) => {
      const series = expectValues(o, "Return", [0.012, -0.004]);
      expect(series.reading).toBe("returns in decimals (your choice)");
      expect(Array.from(series.dates)).toEqual([45322, 45351]); // 2024-01-31, 2024-02-29
    },
  },
  {
    shape: "Two-digit years and % signs (the Bogleheads simulation layout)",
    name: "UPROSIM.csv",
    bytes: utf8("Date,Change\n5/20/86,3.7%\n5/21/86,-0.7%\n"),
    check: (o) => {
      expect(source(o).notes).toContain(
        "Two-digit years: 00–29 are read as 2000–2029 and 30–99 as 1930–1999, as Excel does (line 2: 5/20/86 is 1986-05-20)."
      );
      expectValues(o, "Change", [0.037, -0.007]);
    },
  },
  {
    shape: "Two-digit years spanning 1926–1931 (26 would be read as 2026)",
    name: "old-two-digit.csv",
    bytes: utf8("Date,Close\n7/1/26,10\n12/31/29,11\n1/2/30,12\n"),
    check: (o) =>
      expect(o).toBe(
        'line 4, column Date: "1/2/30", read as 1930-01-02, is out of order with line 3 (2029-12-31): two-digit years 00–29 are read as 2000–2029 and 30–99 as 1930–1999; write four-digit years'
      ),
  },
  {
    shape: "Monthly data from 1871 (Shiller's layout): dates before 1900",
    name: "shiller.csv",
    bytes: utf8(
      "Date,SP500,Long Interest Rate\n1871-01-01,4.44,5.32\n1899-12-01,6.2,3.1\n1900-01-01,6.1,3.15\n1900-02-01,6.2,3.2\n"
    ),
    check: (o) =>
      expect(source(o).questions).toEqual([
        {
          kind: "before-1900",
          rows: 2,
          text: "2 rows are dated before 1900 (lines 2–3, from 1871-01-01): Excel cannot store dates before 1900-01-01 as dates. Trim the file to start in 1900 or later, or import from 1900 and leave those rows out.",
        },
      ]),
  },
  {
    shape: "…the same file imported from 1900",
    name: "shiller.csv",
    bytes: utf8(
      "Date,SP500,Long Interest Rate\n1871-01-01,4.44,5.32\n1899-12-01,6.2,3.1\n1900-01-01,6.1,3.15\n1900-02-01,6.2,3.2\n"
    ),
    answers: { from1900: true },
    check: (o) => {
      expect(source(o).notes).toContain(
        "2 rows dated before 1900 (lines 2–3) were left out, as you chose: Excel cannot store dates before 1900."
      );
      // SP500 has no unit word and never reaches 30 here: a question; the rate is read as annual percent
      expect(source(o).columns[0].series?.pending).toMatch(/^the header names no unit/);
      expectValues(o, "Long Interest Rate", [0.0315, 0.032]);
    },
  },
  {
    shape: "FRED download with its notes above the header (CRLF, trailing commas)",
    name: "TB3MS.csv",
    bytes: utf8(
      "FRED Graph Observations,,\r\nFederal Reserve Economic Data,,\r\n,,\r\nobservation_date,TB3MS,\r\n2009-06-01,0.18,\r\n2009-07-01,0.18,\r\n"
    ),
    check: (o) => {
      expect(source(o).notes).toContain(
        "Lines 1–2, above the header on line 4, are not data and were not read."
      );
      expect(expectValues(o, "TB3MS", [0.0018, 0.0018]).kind).toBe("rates");
    },
  },
  {
    shape: "Rows of data above the header line",
    name: "two-headers.csv",
    bytes: utf8("2024-01-02,100\nDate,Close\n2024-01-03,101\n"),
    check: (o) =>
      expect(o).toBe(
        'line 1: "2024-01-02,100" looks like data but comes before the header on line 2; move the header to the top or delete the lines above it'
      ),
  },
  {
    shape: "No header row (Kenneth French's monthly factors saved without one)",
    name: "headerless.csv",
    bytes: utf8(
      "192607,    2.96,   -2.30,   -2.87,    0.22\n192608,    2.64,   -1.40,    4.19,    0.25\n"
    ),
    check: (o) =>
      expect(o).toBe(
        'line 1: the file has no header row: "192607" is already a date; add a first line that names the columns (e.g. Date,Series 1,Series 2,Series 3,Series 4)'
      ),
  },
  {
    shape: "A note after the data",
    name: "footer.csv",
    bytes: utf8("Date,Close\n2024-01-02,100\n2024-01-03,101\n\nSource: my broker\n"),
    check: (o) => {
      expect(source(o).notes).toContain(
        "Line 5 after the data (from “Source: my broker”) was not read."
      );
      expectValues(o, "Close", [0.01]);
    },
  },
  {
    shape: "Decimal returns that never pass ±1 (could be percent)",
    name: "strategy.csv",
    bytes: utf8("Date,Strategy\n2024-01-02,0.012\n2024-01-03,-0.004\n"),
    check: (o) =>
      expect(source(o).series[0].pending).toBe(
        "no value is beyond ±1 (the largest, line 2, is 0.012): decimals (0.012 = 1.2%) or percent (0.012%)?"
      ),
  },
  {
    shape: "One value alone would make a column percent",
    name: "one-big.csv",
    bytes: utf8("Date,Return\n2024-01-02,0.012\n2024-01-03,5\n2024-01-04,-0.004\n"),
    check: (o) =>
      expect(source(o).series[0].pending).toBe(
        "line 3: 5 is the only value beyond ±1; alone it would make the whole column percent"
      ),
  },
  {
    shape: "Header says percent, values are decimals (PerformanceAnalytics' Bacon portfolio)",
    name: "bacon.csv",
    bytes: utf8(",portfolio monthly return (%)\n2000-01-31,0.003\n2000-02-29,0.026\n"),
    check: (o) =>
      expect(source(o).series[0].pending).toBe(
        "the header says percent, but no value is beyond ±1 (the largest, line 3, is 0.026): are they decimals?"
      ),
  },
  {
    shape: "A price column holding a 0",
    name: "zero-price.csv",
    bytes: utf8("Date,Close\n2024-01-02,100\n2024-01-03,0\n2024-01-04,101\n"),
    check: (o) => {
      const [column] = source(o).columns;
      expect(column.doubts).toEqual([
        "line 3: 0 in a column of prices, which are above 0: are these returns?",
      ]);
      expect(column.problem).toBe("line 3: 0 is not a positive price");
      expect(source(o).series).toEqual([]);
    },
  },
  {
    shape: "A return at or below −100%",
    name: "wipeout.csv",
    bytes: utf8("Date,Return (%)\n2024-01-02,1.5\n2024-01-03,-120\n2024-01-04,2\n"),
    check: (o) =>
      expect(source(o).series[0].pending).toBe(
        "line 3: -120 would be a return of -120%, at or below −100% (an asset held long cannot lose more than it is worth): is the unit right?"
      ),
  },
  {
    shape: "Accounting negatives and a typographic minus in percent returns",
    name: "statement.csv",
    bytes: utf8('Date,Return\n2024-01-31,(1.2%)\n2024-02-29,−0.5%\n2024-03-31,"2.5 %"\n'),
    check: (o) => expectValues(o, "Return", [-0.012, -0.005, 0.025]),
  },
  {
    shape: "RF Rate, Kenneth French's daily RF in percent, in someone's combined file",
    name: "combined.csv",
    bytes: utf8("Date,SPXTR Close,RF Rate\n1989-09-11,369.55,0.033\n1989-09-12,370.69,0.033\n"),
    check: (o) => {
      // 0.033% a day × 252 = 8.316% a year
      const rf = expectValues(o, "RF Rate", [0.08316, 0.08316]);
      expect(rf.reading).toBe("rates per day in percent → annual rate (× 252)");
    },
  },
  {
    shape:
      "A rate per period on dates that are neither daily, weekly, monthly, quarterly nor annual",
    name: "irregular.csv",
    bytes: utf8("Date,RF\n2024-01-02,0.02\n2024-01-22,0.02\n2024-02-12,0.02\n"),
    check: (o) =>
      expect(source(o).columns[0].problem).toBe(
        "the dates are not daily, weekly, monthly, quarterly or annual, so rates per period in percent cannot be made annual; choose another unit"
      ),
  },
  {
    shape: "A FRED series that is an index level, not a rate (SP500)",
    name: "SP500.csv",
    bytes: utf8("observation_date,SP500\n2024-01-02,4742.83\n2024-01-03,4704.81\n"),
    check: (o) =>
      expect(source(o).series[0].pending).toBe(
        "line 2: 4742.83 would be an annual rate of 4742.83%: is it a price or an index level?"
      ),
  },
  {
    shape: "Excel's “sep=;” first line, then semicolons and decimal commas",
    name: "sep.csv",
    bytes: utf8("sep=;\r\nDate;Close\r\n2024-01-02;100,5\r\n2024-01-03;101,505\r\n"),
    check: (o) => expectValues(o, "Close", [101.505 / 100.5 - 1]),
  },
  {
    shape: "An Excel workbook chosen as a CSV",
    name: "book.xlsx",
    bytes: Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0),
    check: (o) =>
      expect(o).toBe(
        "file: an Excel workbook, not a text file: open it in Excel, select the data with its header row, then use Read selected range"
      ),
  },
  {
    shape: "Dates as Excel serial numbers in a text file",
    name: "serials.csv",
    bytes: utf8("Date,Close\n45293,100\n45294,101\n"),
    check: (o) =>
      expect(o).toBe(
        'line 2, column Date: "45293" looks like an Excel serial number: format the column as dates in Excel before saving, or read the cells as a range'
      ),
  },
  {
    shape: "Dates in the second column",
    name: "dividends.csv",
    bytes: utf8("Symbol,Ex-Div Date,Amount\nSPY,2021-12-17,1.6364\n"),
    check: (o) =>
      expect(o).toBe(
        'line 1: the dates must be in the first column, but "Ex-Div Date" is column 2 (the first is "Symbol")'
      ),
  },
  {
    shape: "A file of dividends only",
    name: "SPY_dividends.csv",
    bytes: utf8("Date,Dividends\n2011-12-16,0.77\n2012-06-15,0.688\n"),
    check: (o) =>
      expect(o).toBe(
        "file: no column of prices, returns or rates on line 1: “Dividends” is not a series Stack reads (amounts, counts or a day's open, high or low)"
      ),
  },
];

describe("messy files: each read as expected, stopped at a question, or refused with a message naming the cause", () => {
  const table: string[] = ["| file shape | what the user sees |", "|---|---|"];

  it.each(CASES.map((c) => [c.shape, c] as const))("%s", (_, c) => {
    const outcome = open(c.name, c.bytes, c.answers);
    c.check(outcome);
    table.push(`| ${c.shape} | ${seen(outcome).replace(/\|/g, "\\|")} |`);
  });

  afterAll(() => {
    fs.mkdirSync(path.resolve(__dirname, "../../test-artifacts"), { recursive: true });
    fs.writeFileSync(
      path.resolve(__dirname, "../../test-artifacts/messy-files.md"),
      `${table.join("\n")}\n`
    );
  });
});
