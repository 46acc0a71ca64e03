import {
  parseSeriesFile,
  type SeriesFile,
  type SeriesFileOptions,
} from "../../src/io/series-files";

/** Excel serials used below (1900 date system; 2020-01-01 = 43831, 2024-01-01 = 45292). */
const MAR_17_2020 = 43907;
const MAR_19_2020 = 43909;
const JAN_2_2024 = 45293;
const JAN_4_2024 = 45295;

function lines(...rows: string[]): string {
  return rows.join("\n");
}

/** The message of the error parseSeriesFile throws, which must be a #VALUE! StackError. */
function failure(text: string, options?: SeriesFileOptions): string {
  try {
    parseSeriesFile(text, options);
  } catch (error) {
    expect(error).toMatchObject({ name: "StackError", kind: "value" });
    return (error as Error).message;
  }
  throw new Error("parsed without an error");
}

function only(file: SeriesFile) {
  expect(file.series).toHaveLength(1);
  return file.series[0];
}

describe("Yahoo Finance CSV", () => {
  const yahoo = lines(
    "Date,Open,High,Low,Close,Adj Close,Volume",
    "2020-03-16,100,100,100,100.00,50.00,0",
    "2020-03-17,100,100,100,105.00,52.50,0",
    "2020-03-18,null,null,null,null,null,null",
    "2020-03-19,100,100,100,102.90,51.45,0"
  );

  it("takes Adj Close, skips the null row and turns prices into returns dated at the later price", () => {
    const file = parseSeriesFile(yahoo);
    expect(file.format).toBe("yahoo");
    expect(file.ignored).toEqual(["Open", "High", "Low", "Close", "Volume"]);
    const series = only(file);
    expect(series).toMatchObject({
      name: "Adj Close",
      kind: "returns",
      unit: "prices",
      missing: 1,
    });
    expect(Array.from(series.dates)).toEqual([MAR_17_2020, MAR_19_2020]);
    // 52.50 / 50.00 − 1 = 0.05; 51.45 / 52.50 − 1 = −0.02 (over the null day, 17 → 19 March)
    expect(series.values[0]).toBeCloseTo(0.05, 15);
    expect(series.values[1]).toBeCloseTo(-0.02, 15);
  });

  it("takes Close when there is no Adj Close: 105/100 − 1 = 0.05, 102.9/105 − 1 = −0.02", () => {
    const series = only(parseSeriesFile(yahoo.replace(/,[^,\n]*(,[^,\n]*)$/gm, "$1")));
    expect(series.name).toBe("Close");
    expect(series.values[0]).toBeCloseTo(0.05, 15);
    expect(series.values[1]).toBeCloseTo(-0.02, 15);
  });

  it("names the line and column of a broken cell, and returns nothing", () => {
    expect(failure(yahoo.replace("51.45", "abc"))).toBe(
      'line 5, column Adj Close: "abc" is not a number'
    );
    expect(failure(yahoo.replace("2020-03-19,", "2020-03-32,"))).toBe(
      'line 5, column Date: "2020-03-32" is not a real date'
    );
    expect(
      failure(yahoo.replace("2020-03-19,100,100,100,102.90,51.45,0", "2020-03-19,100,100"))
    ).toBe("line 5, column Adj Close: missing field");
  });

  it("keeps a column it cannot read as prices, with the problem and the doubt naming the line, and reads nothing from it", () => {
    const series = only(parseSeriesFile(yahoo.replace("52.50", "0")));
    expect(series).toMatchObject({
      unit: "prices",
      basis: "the Yahoo Finance layout",
      doubts: ["line 3: 0 in a column of prices, which are above 0: are these returns?"],
      problem: "line 3: 0 is not a positive price",
    });
    expect(series.values).toHaveLength(0);
  });

  it("rejects a repeated date, naming both lines", () => {
    expect(failure(yahoo.replace("2020-03-19", "2020-03-17"))).toBe(
      "line 5, column Date: 2020-03-17 repeats line 3"
    );
  });
});

describe("FRED CSV", () => {
  it('reads DATE + series id as annual percent rates, leaving out "." rows: 5.46 → 0.0546', () => {
    const file = parseSeriesFile(
      lines("DATE,DGS3MO", "2024-01-02,5.46", "2024-01-03,.", "2024-01-04,5.48", "")
    );
    expect(file.format).toBe("fred");
    const series = only(file);
    expect(series).toMatchObject({
      name: "DGS3MO",
      kind: "rates",
      unit: "rates-percent",
      missing: 1,
    });
    expect(Array.from(series.dates)).toEqual([JAN_2_2024, JAN_4_2024]);
    expect(Array.from(series.values)).toEqual([0.0546, 0.0548]);
  });

  it("finds observation_date after FRED's header lines (CRLF, trailing commas, a quoted title)", () => {
    const text = [
      "FRED Graph Observations,,,,",
      "Federal Reserve Economic Data,,,,",
      "Link: https://fred.stlouisfed.org,,,,",
      "Help: https://fred.stlouisfed.org/help-faq,,,,",
      "Economic Research Division,,,,",
      "Federal Reserve Bank of St. Louis,,,,",
      ",,,,",
      'TB3MS,"3-Month Treasury Bill: Secondary Market Rate, Percent, Monthly, Not Seasonally Adjusted",,,',
      ",,,,",
      "Frequency: Monthly,,,,",
      "observation_date,TB3MS,,,",
      "2009-06-01,0.18,,,",
      "2009-07-01,0.18,,,",
      "2009-08-01,0.17,,,",
    ].join("\r\n");
    const series = only(parseSeriesFile(text));
    expect(series.name).toBe("TB3MS");
    expect(Array.from(series.dates)).toEqual([39965, 39995, 40026]); // 2009-06-01, 07-01, 08-01
    expect(Array.from(series.values)).toEqual([0.0018, 0.0018, 0.0017]);
    expect(failure(text.replace("0.17", "n.a."))).toBe(
      'line 14, column TB3MS: "n.a." is not a number'
    );
  });
});

describe("Kenneth French daily factors", () => {
  const french = lines(
    "This file was created by CMPT_ME_BEME_RETS_DAILY using the 202412 CRSP database.",
    "The Tbill return is the simple daily rate that, over the number of trading days",
    "in the month, compounds to 1-month TBill rate from Ibbotson and Associates Inc.",
    "",
    ",Mkt-RF,SMB,HML,RF",
    "19260701,    0.10,   -0.25,   -0.27,    0.009",
    "19260702,    0.45,   -0.33,   -0.06,    0.009",
    "19260706,    0.17,    0.30,   -0.39,    0.009",
    "",
    " Annual Factors: January-December ",
    ",Mkt-RF,SMB,HML,RF",
    "  1927,   29.47,   -2.46,   -3.75,    3.12",
    "",
    " Copyright 2025 Kenneth R. French"
  );

  it("skips the text lines, reads percent returns to decimals and ignores the annual section and copyright", () => {
    const file = parseSeriesFile(french);
    expect(file.format).toBe("french");
    expect(file.series.map(({ name }) => name)).toEqual(["Mkt-RF", "SMB", "HML", "RF"]);
    const [market, , , rf] = file.series;
    expect(market).toMatchObject({ kind: "returns", unit: "returns-percent", missing: 0 });
    expect(Array.from(market.dates)).toEqual([9679, 9680, 9684]); // 1926-07-01, 07-02, 07-06
    expect(Array.from(market.values)).toEqual([0.001, 0.0045, 0.0017]);
    // RF is the T-bill's return per day in percent: 0.009% a day is an annual rate of 252 × 0.009% = 2.268%
    expect(rf).toMatchObject({ kind: "rates", unit: "period-rates-percent", ppy: 252, doubts: [] });
    for (const rate of rf.values) expect(rate).toBeCloseTo(0.02268, 15);
    expect(file.notes).toEqual([
      "Lines 1–3, above the header on line 5, are not data and were not read.",
      "Lines 10–14 after the data (from “Annual Factors: January-December”) were not read.",
    ]);
  });

  it("reads the monthly file (yyyymm): returns dated at each month's end, RF a monthly rate made annual (× 12) from the month's start", () => {
    const file = parseSeriesFile(
      lines(
        ",Mkt-RF,SMB,HML,RF",
        "192607,    2.96,   -2.30,   -2.87,    0.22",
        "192608,    2.64,   -1.40,    4.19,    0.25"
      )
    );
    expect(file.format).toBe("french");
    const [market, , , rf] = file.series;
    expect(Array.from(market.dates)).toEqual([9709, 9740]); // 1926-07-31, 1926-08-31
    expect(Array.from(market.values)).toEqual([0.0296, 0.0264]);
    expect(Array.from(rf.dates)).toEqual([9679, 9710]); // 1926-07-01, 1926-08-01
    expect(rf.values[0]).toBeCloseTo(0.0022 * 12, 15);
    expect(rf.values[1]).toBeCloseTo(0.0025 * 12, 15);
  });

  it("reads the re-saved layout with a Date header and no trailer", () => {
    const file = parseSeriesFile(
      lines(
        "Date,Mkt-RF,SMB,HML,RF",
        "20241230,   -1.09,    0.12,    0.74,   0.017",
        "20241231,   -0.46,    0.00,    0.71,   0.017"
      )
    );
    expect(file.format).toBe("french");
    expect(Array.from(file.series[0].dates)).toEqual([45656, 45657]);
    expect(file.series[3].values[1]).toBeCloseTo(0.00017 * 252, 15);
  });

  it("reports a broken value by its line in the file", () => {
    expect(failure(french.replace("-0.33", "-0.3x3"))).toBe(
      'line 7, column SMB: "-0.3x3" is not a number'
    );
  });
});

describe("generic CSV", () => {
  // ProShares NAV download layout: newest first, MM/DD/YYYY, text columns; invented values.
  const proshares = lines(
    "Date,ProShares Name,Ticker,NAV,Prior NAV,NAV Change (%),NAV Change ($),Shares Outstanding (000),Assets Under Management",
    "05/12/2025,ProShares UltraPro S&P500,UPRO,98.80,95.00,4.00000,3.80,48500,4791800000",
    "05/09/2025,ProShares UltraPro S&P500,UPRO,95.00,100.00,-5.00000,-5.00,48500,4607500000",
    "04/30/2025,ProShares UltraPro S&P500,UPRO,100.00,98.00,2.04082,2.00,48000,4800000000"
  );

  it("sorts a newest-first NAV file ascending and reads the chosen NAV column: 95/100 − 1 = −5%, 98.8/95 − 1 = +4%", () => {
    const file = parseSeriesFile(proshares, { columns: ["NAV"] });
    expect(file.format).toBe("generic");
    const nav = only(file);
    expect(nav).toMatchObject({ name: "NAV", kind: "returns", unit: "prices" });
    expect(Array.from(nav.dates)).toEqual([45786, 45789]); // 2025-05-09, 2025-05-12
    expect(nav.values[0]).toBeCloseTo(-0.05, 15);
    expect(nav.values[1]).toBeCloseTo(0.04, 15);
  });

  it("by default reads every column of numbers, not text, amounts ($) or counts", () => {
    const file = parseSeriesFile(proshares);
    expect(file.series.map(({ name, unit, doubts }) => [name, unit, doubts])).toEqual([
      ["NAV", "prices", []],
      ["Prior NAV", "prices", []],
      ["NAV Change (%)", "returns-percent", []],
    ]);
    expect(file.ignored).toEqual([
      "NAV Change ($)",
      "Shares Outstanding (000)",
      "Assets Under Management",
    ]);
    expect(file.text).toEqual(["ProShares Name", "Ticker"]);
    expect(file.notes).toEqual([
      "Dates are month first (mm/dd/yyyy), as line 4 (04/30/2025) shows.",
    ]);
    // the fund's own daily change, 2.04082% on 04/30, −5% on 05/09 and 4% on 05/12, agrees with the NAV returns
    expect(Array.from(file.series[2].values)).toEqual([0.0204082, -0.05, 0.04]);
  });

  it("reads a column the user adds, and leaves out one the user skips", () => {
    const file = parseSeriesFile(proshares, {
      add: ["Assets Under Management"],
      skip: ["Prior NAV"],
    });
    expect(file.series.map(({ name }) => name)).toEqual([
      "NAV",
      "NAV Change (%)",
      "Assets Under Management",
    ]);
    expect(file.ignored).toEqual(["Prior NAV", "NAV Change ($)", "Shares Outstanding (000)"]);
  });

  it("names the later line of a repeated date in a newest-first file", () => {
    expect(
      failure(proshares.replace("04/30/2025", "05/09/2025") + "\n04/30/2025,x,x,1,1,1,1,1,1", {
        columns: ["NAV"],
      })
    ).toBe("line 4, column Date: 05/09/2025 repeats line 3");
  });

  it("reads m/d/yy dates and percent-sign returns (the Bogleheads simulation layout): 3.7% → 0.037", () => {
    const series = only(parseSeriesFile(lines("Date,Change", "5/20/86,3.7%", "5/21/86,-1.2%")));
    expect(series).toMatchObject({ name: "Change", unit: "returns-percent" });
    expect(Array.from(series.dates)).toEqual([31552, 31553]);
    expect(Array.from(series.values)).toEqual([0.037, -0.012]);
  });

  it("takes unnamed columns as prices when all are above 0 and reach 30; returns otherwise, with a doubt unless the values settle their scale", () => {
    const prices = parseSeriesFile(
      lines("Date,SPY,TLT", "2024-01-02,100,50", "2024-01-03,101,49.5", "2024-01-04,,50.49")
    );
    expect(prices.series.map(({ unit, doubts }) => [unit, doubts])).toEqual([
      ["prices", []],
      ["prices", []],
    ]);
    expect(prices.series[0]).toMatchObject({ missing: 1 });
    expect(prices.series[1].values[1]).toBeCloseTo(0.02, 15); // 50.49 / 49.5 − 1
    const text = lines("Date,Strategy", "2024-01-02,0.012", "2024-01-03,-0.004");
    const decimals = only(parseSeriesFile(text));
    expect(decimals).toMatchObject({
      unit: "returns",
      doubts: [
        "no value is beyond ±1 (the largest, line 2, is 0.012): decimals (0.012 = 1.2%) or percent (0.012%)?",
      ],
    });
    expect(Array.from(decimals.values)).toEqual([0.012, -0.004]);
    const percents = only(parseSeriesFile(text, { units: { Strategy: "returns-percent" } }));
    expect(percents).toMatchObject({ unit: "returns-percent", basis: "your choice", doubts: [] });
    expect(Array.from(percents.values)).toEqual([0.00012, -0.00004]);
    const sure = only(
      parseSeriesFile(lines("Date,Strategy", "2024-01-02,1.2", "2024-01-03,-2.4", "2024-01-04,0.5"))
    );
    expect(sure).toMatchObject({ unit: "returns-percent", doubts: [] });
    expect(Array.from(sure.values)).toEqual([0.012, -0.024, 0.005]);
  });

  it("reads RF Rate as a rate per period in percent (Kenneth French's daily RF), not an annual rate, and takes units from the options", () => {
    const combined = lines(
      "Date,SPX Close,SPXTR Close,RF Rate",
      "1989-09-11,100,369.55,0.033",
      "1989-09-12,101,370.69,0.033"
    );
    const file = parseSeriesFile(combined);
    expect(file.series.map(({ unit }) => unit)).toEqual([
      "prices",
      "prices",
      "period-rates-percent",
    ]);
    // 0.033% a day × 252 = 8.316% a year, about the T-bill rate of September 1989
    expect(file.series[2].values[0]).toBeCloseTo(0.08316, 15);
    expect(
      only(parseSeriesFile(lines("Date,T-Bill Rate", "1989-09-11,8.2", "1989-09-12,8.1"))).unit
    ).toBe("rates-percent");
    const rf = parseSeriesFile(combined, {
      columns: ["RF Rate"],
      units: { "RF Rate": "returns-percent" },
    });
    expect(only(rf)).toMatchObject({ kind: "returns", unit: "returns-percent" });
    expect(failure(combined, { units: { RF: "returns" } })).toBe(
      'columns: no column "RF" (the file has SPX Close, SPXTR Close, RF Rate)'
    );
    expect(failure(combined, { columns: ["NAV"] })).toBe(
      'columns: no column "NAV" (the file has SPX Close, SPXTR Close, RF Rate)'
    );
  });

  it("reads the shifted yfinance layout's Price column (Price is not a Yahoo file: Close is mislabelled there)", () => {
    const text = lines(
      "Date,Price,Close,High,Low,Open",
      "1989-09-11,369.55,369.55,369.55,369.55,0",
      "1989-09-12,370.69,370.69,370.69,370.69,0"
    );
    const file = parseSeriesFile(text, { columns: ["Price"] });
    expect(file.format).toBe("generic");
    expect(only(file).values[0]).toBeCloseTo(370.69 / 369.55 - 1, 15);
  });

  it("keeps the problem of a column that cannot be read in its unit: a percent sign on a price, one price, no values", () => {
    const problem = (text: string, options?: SeriesFileOptions) =>
      only(parseSeriesFile(text, options)).problem;
    expect(
      problem(lines("Date,Change", "5/20/86,3.7%", "5/21/86,-1.2%"), {
        units: { Change: "prices" },
      })
    ).toBe("line 2: a price cannot be a percentage");
    expect(problem(lines("Date,Close", "2024-01-02,100", "2024-01-03,."))).toBe(
      "fewer than 2 prices"
    );
    expect(problem(lines("Date,Rate", "2024-01-02,.", "2024-01-03,"))).toBe("no values");
  });

  it("counts lines as a text editor does: after a byte-order mark, CRLF and a quoted cell spanning two lines", () => {
    const text =
      '\ufeffDate,Note,Close\r\n2024-01-02,"two\r\nlines",100\r\n\r\n2024-01-04,ok,abc\r\n';
    expect(failure(text)).toBe('line 5, column Close: "abc" is not a number');
    expect(failure('Date,Close\n2024-01-02,100\n2024-01-03,"101')).toBe(
      'line 3: a quoted field is not closed (a " is missing)'
    );
  });
});

describe("unsupported files", () => {
  it("says what was expected", () => {
    const expected =
      "expected a header row, then dates in the first column (yahoo, fred, kenneth french or date + values)";
    expect(failure("<!DOCTYPE html><html><body>Sign in</body></html>")).toBe(
      `file: no header row followed by dates; ${expected}`
    );
    expect(
      failure(
        lines(
          "192607,    2.96,   -2.30,   -2.87,    0.22",
          "192608,    2.64,   -1.40,    4.19,    0.25"
        )
      )
    ).toBe(
      'line 1: the file has no header row: "192607" is already a date; add a first line that names the columns (e.g. Date,Series 1,Series 2,Series 3,Series 4)'
    );
    expect(failure("")).toBe("file: empty");
    expect(failure("\n,,,\n")).toBe("file: empty");
    expect(failure("Date,Close\n\n")).toBe("file: no data after the header on line 1");
    expect(failure(lines("Date,Ticker", "2024-01-02,SPY"))).toBe(
      "file: no value columns on line 1 (“Ticker” holds text)"
    );
    expect(failure(lines("Date,Dividends", "2024-01-02,1.5"))).toBe(
      "file: no column of prices, returns or rates on line 1: “Dividends” is not a series Stack reads (amounts, counts or a day's open, high or low)"
    );
    expect(failure(lines("Symbol,Ex-Div Date,Amount", "SPY,2021-12-17,1.63"))).toBe(
      'line 1: the dates must be in the first column, but "Ex-Div Date" is column 2 (the first is "Symbol")'
    );
  });
});
