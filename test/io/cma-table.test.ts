/**
 * Reading CMA tables from CSV text, pasted text and range values: the DESIGN.md §1 example, percent and
 * decimal detection, triangles, and every problem of a broken table with the source cell it is in.
 */
import { columnLetter, place, rangeName } from "../../src/io/a1";
import fc from "fast-check";
import { distinct } from "../../src/core/correlation-matrix";
import { readCmaGrid, readCmaText } from "../../src/io/cma-table";
import { template, TEMPLATES } from "../../src/io/templates";
import { correlationCells } from "../fixtures/stacked-example";

const HEADER = "Asset,Expected return,Volatility,Stocks,Bonds,Cash";

describe("A1 addressing", () => {
  it("names columns as a spreadsheet does (A, Z, AA, XFD) and cells as row, column", () => {
    expect([0, 25, 26, 701, 702, 16383].map(columnLetter)).toEqual([
      "A",
      "Z",
      "AA",
      "ZZ",
      "AAA",
      "XFD",
    ]);
    expect(() => columnLetter(16384)).toThrow(RangeError);
    expect(place(3, 2)).toBe("row 4, column C");
    expect(rangeName({ row: 5, column: 1, rows: 3, columns: 1 }, true)).toBe("$B$6:$B$8");
    expect(rangeName({ row: 0, column: 0, rows: 1, columns: 1 })).toBe("A1");
  });
});

describe("the DESIGN.md §1 example", () => {
  it("reads the template: names, decimals, the full matrix mirrored from its lower triangle", () => {
    const read = readCmaText(template("stocks-bonds-cash")!.csv);
    expect(read.problems).toEqual([]);
    expect(read.table).toEqual({
      assets: ["Stocks", "Bonds", "Cash"],
      returns: [0.07, 0.05, 0.03],
      vols: [0.15, 0.06, 0.01],
      correlations: correlationCells,
    });
    expect(read.notes).toEqual(["Correlations were given as a lower triangle and mirrored."]);
  });

  it("ships a blank template that is valid as it stands (zeros and an identity matrix)", () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(["stocks-bonds-cash", "blank"]);
    const read = readCmaText(template("blank")!.csv);
    expect(read.problems).toEqual([]);
    expect(read.table!.assets).toEqual(["Asset 1", "Asset 2", "Asset 3", "Cash"]);
    expect(read.table!.correlations[2]).toEqual([0, 0, 1, 0]);
  });
});

describe("percent or decimal", () => {
  it("reads numbers without % as percentages when any is above 1 (7 is 7%), and says so", () => {
    const read = readCmaText(
      `${HEADER}\nStocks,7,15,1,,\nBonds,5,6,-0.3,1,\nCash,3,1,-0.05,0.1,1\n`
    );
    expect(read.table!.returns).toEqual([0.07, 0.05, 0.03]);
    expect(read.table!.vols).toEqual([0.15, 0.06, 0.01]);
    expect(read.notes[0]).toBe(
      "Returns and volatilities without a % sign were read as percentages (7 means 7%), since some are above 1."
    );
  });

  it("reads them as decimals when none is above 1, and mixes freely with 7% cells", () => {
    const read = readCmaText(
      `${HEADER}\nStocks,7%,0.15,1,,\nBonds,0.05,0.06,-0.3,1,\nCash,0.03,0.01,-0.05,0.1,1\n`
    );
    expect(read.table!.returns).toEqual([0.07, 0.05, 0.03]);
    expect(read.table!.vols).toEqual([0.15, 0.06, 0.01]);
    expect(read.notes[0]).toContain("read as decimals (0.07 means 7%), since none is above 1");
  });

  it("follows the user's choice over detection", () => {
    const text = "Asset,Return,Vol,A\nA,0.5,0.8,1\n";
    expect(readCmaText(text, { units: "percent" }).table).toMatchObject({
      returns: [0.005],
      vols: [0.008],
    });
    expect(readCmaText(text, { units: "decimal" }).table).toMatchObject({
      returns: [0.5],
      vols: [0.8],
    });
    expect(readCmaText(text, { units: "percent" }).notes[0]).toContain("as chosen");
  });

  it("accepts a percent sign in correlations, a Unicode minus and spaces", () => {
    const read = readCmaText("Asset,Return,Vol,A,B\nA, 7 % ,15%,100%,\nB,5%,6%,−30%,1\n");
    expect(read.problems).toEqual([]);
    expect(read.table!.returns[0]).toBeCloseTo(0.07, 15);
    expect(read.table!.correlations[1][0]).toBeCloseTo(-0.3, 15);
  });
});

describe("where tables come from", () => {
  it("reads text pasted from Excel (tab-separated) below a title, skipping a geometric-return column and notes after a blank row", () => {
    const pasted = [
      "Long-term capital market assumptions 2025",
      "",
      "Asset class\tGeometric return\tArithmetic return\tVolatility\tUS equity\tUS Treasuries",
      "US equity\t6.1%\t7.2%\t16.0%\t1.00\t",
      "US Treasuries\t4.3%\t4.5%\t5.5%\t-0.10\t1.00",
      "",
      "Source: illustrative numbers",
    ].join("\r\n");
    const read = readCmaText(pasted);
    expect(read.problems).toEqual([]);
    expect(read.table).toMatchObject({
      assets: ["US equity", "US Treasuries"],
      returns: [0.072, 0.045],
      vols: [0.16, 0.055],
    });
    expect(read.notes).toEqual([
      "The table ends at the blank row 6; row 7 and below were not read.",
      'Column B ("Geometric return") was not used.',
      "Correlations were given as a lower triangle and mirrored.",
    ]);
  });

  it("reads semicolon-separated files with a byte-order mark and quoted names", () => {
    const read = readCmaText(
      '\uFEFFAsset;Return;Vol;"Stocks; large";Bonds\n"Stocks; large";7%;15%;1;-0.3\nBonds;5%;6%;-0.3;1\n'
    );
    expect(read.problems).toEqual([]);
    expect(read.table!.assets).toEqual(["Stocks; large", "Bonds"]);
  });

  it("reads a range's values (numbers as Excel returns them, '' for blanks) and names cells by their sheet address", () => {
    // The range starts at B3: its first row is sheet row 3, its first column is B.
    const values = [
      ["Asset", "Return", "Volatility", "US", "EU"],
      ["US", 0.07, 0.15, 1, ""],
      ["EU", 0.06, 0.17, "0.5?", 1],
    ];
    const read = readCmaGrid(values, { origin: { row: 2, column: 1 } });
    expect(read.problems).toEqual([
      'row 5, column E (EU / US correlation): "0.5?" is not a number',
    ]);
    values[2][3] = 0.5;
    expect(readCmaGrid(values, { origin: { row: 2, column: 1 } }).table).toMatchObject({
      returns: [0.07, 0.06],
      correlations: [
        [1, 0.5],
        [0.5, 1],
      ],
    });
  });

  it("keeps asset names that look like formulas as text", () => {
    const read = readCmaText(
      'Asset,Return,Vol,,,,\n"=HYPERLINK(""http://x"",""y"")",7%,15%,1,,,\n+cmd,5%,6%,0,1,,\n-x,3%,1%,0,0,1,\n@x,1%,1%,0,0,0,1\n'
    );
    expect(read.problems).toEqual([]);
    expect(read.table!.assets).toEqual(['=HYPERLINK("http://x","y")', "+cmd", "-x", "@x"]);
  });
});

describe("every problem, with the row and column of the source", () => {
  it("lists all problems of a broken table in reading order", () => {
    const read = readCmaText(
      `${HEADER}\nStocks,7%,15%,1,,\nBonds,abc,-6%,-0.3,1.2,\nStocks,3%,,-0.05,,1\n`
    );
    expect(read.table).toBeUndefined();
    expect(read.problems).toEqual([
      'row 1, column F: header "Cash" should be "Stocks", the asset of row 4 (correlation columns follow the rows\' order)',
      'row 3, column B (Bonds expected return): "abc" is not a number',
      "row 3, column C (Bonds volatility): -6% is negative",
      "row 3, column E (Bonds / Bonds correlation): diagonal is 1.2, expected 1",
      'row 4, column A (asset name): "Stocks" already names row 2, column A',
      "row 4, column C (Stocks volatility): blank",
      "row 4, column E (Stocks / Bonds correlation): blank",
    ]);
  });

  it("names both cells of an asymmetric pair in source coordinates", () => {
    const read = readCmaText(
      "Asset,Return,Vol,Stocks,Bonds\nStocks,7%,15%,1,-0.3\nBonds,5%,6%,-0.2,1\n"
    );
    expect(read.problems).toEqual([
      "row 2, column E (Stocks / Bonds correlation): -0.3 differs from row 3, column D (-0.2)",
    ]);
  });

  it("reports a correlation outside -1..1 once, at the cell that holds it (upper triangle given)", () => {
    const read = readCmaText("Asset,Return,Vol,A,B\nA,7%,15%,1,1.5\nB,5%,6%,,1\n");
    expect(read.problems).toEqual(["row 2, column E (A / B correlation): 1.5 is outside -1..1"]);
  });

  it("reports a matrix that is not positive semi-definite, with its range", () => {
    // ρ(A,B) = ρ(A,C) = 0.9 and ρ(B,C) = −0.9: the vector (1, −1, −1) gives (1 − 0.9 − 0.9, 0.9 − 1 + 0.9, 0.9 + 0.9 − 1)
    // = −0.8·(1, −1, −1), an eigenvalue of −0.8 (numpy.linalg.eigvalsh agrees: −0.8, 1.9, 1.9).
    const read = readCmaText(
      "Asset,Return,Vol,A,B,C\nA,7,15,1,,\nB,5,6,0.9,1,\nC,5,6,0.9,-0.9,1\n"
    );
    expect(read.problems).toEqual([
      "correlations D2:F4: not positive semi-definite (smallest eigenvalue -0.8)",
    ]);
  });

  it("reports a correlation block that is not square", () => {
    const read = readCmaText("Asset,Return,Vol,A,B\nA,7,15,1,\nB,5,6,0,1\nC,1,1,0,0\n");
    expect(read.problems).toEqual([
      "correlations D2:E4: 3×2, expected a square matrix (one correlation column per asset row)",
    ]);
  });

  it("explains a missing header, a compound-only return, duplicate columns, and no data", () => {
    expect(readCmaText("").problems[0]).toMatch(/^no header row/);
    expect(readCmaText("Stocks,7%,15%,1\n").problems[0]).toMatch(/^no header row/);
    expect(readCmaText("Asset,Geometric return,Vol,A\nA,6%,15%,1\n").problems).toEqual([
      'row 1, column B: "Geometric return" is a compound return; give arithmetic expected returns (the sheet computes compound returns)',
    ]);
    expect(readCmaText("Asset,Return,Vol,Risk,A\nA,6%,15%,15%,1\n").problems).toEqual([
      'row 1, column D: a second volatility column ("Risk"); keep one',
    ]);
    expect(readCmaText("Asset,Return,Vol,A\n").problems).toEqual([
      "row 2, column A: no asset rows below the header",
    ]);
    expect(readCmaText("Return,Vol,A\n7%,15%,1\n").problems).toEqual([
      "row 1, column A: no asset-name column; the first column of the table should name the assets",
    ]);
    expect(readCmaText("Asset,Return,Vol\nA,7%,15%\n").problems).toEqual([
      "row 1, column D: no correlation columns after the return and volatility columns; give one column per asset",
    ]);
  });

  it("reports a broken CSV quote with its row", () => {
    expect(readCmaText('Asset,Return,Vol,A\n"A,7%,15%,1\n').problems).toEqual([
      'row 2: a quoted field is not closed (a " is missing)',
    ]);
  });

  it("reports a blank name, and a blank correlation of a full matrix at its own cell", () => {
    // Row 3 leaves the lower cell blank: the matrix is an upper triangle, which is complete.
    expect(readCmaText("Asset,Return,Vol,A,B\n,7%,15%,1,0.2\nB,5%,6%,,1\n").problems).toEqual([
      "row 2, column A (asset name): blank",
    ]);
    const full = readCmaText(
      "Asset,Return,Vol,A,B,C\nA,7%,15%,1,0.2,0.1\nB,5%,6%,0.2,1,0.3\nC,3%,1%,n/a,0.3,1\n"
    );
    expect(full.problems).toEqual(["row 4, column D (C / A correlation): blank"]);
  });
});

describe("tables from any locale, with the header names people use", () => {
  it("reads a semicolon-separated table with decimal commas and spaces before % (Excel in most of Europe)", () => {
    const read = readCmaText(
      "Actif;Expected return;Vol;Actions;Obligations\r\nActions;7,0 %;15,5 %;1;\r\nObligations;4,25 %;6 %;-0,3;1\r\n"
    );
    expect(read.problems).toEqual([]);
    expect(read.table).toMatchObject({
      assets: ["Actions", "Obligations"],
      returns: [0.07, 0.0425],
      vols: [0.155, 0.06],
      correlations: [
        [1, -0.3],
        [-0.3, 1],
      ],
    });
  });

  it.each([
    ["Asset,Expected return,Std Dev,A,B"],
    ["Asset,E(R),Std. Dev.,A,B"],
    ["Asset,Mean,Standard deviation,A,B"],
    ["Asset,μ,σ,A,B"],
    ["Asset,Return,Vol,A,B"],
    ["Asset,Exp. return,StDev,A,B"],
  ])("finds the return and volatility columns of %s", (header) => {
    const read = readCmaText(`${header}\nA,7%,15%,1,\nB,5%,6%,0.2,1\n`);
    expect(read.problems).toEqual([]);
    expect(read.table).toMatchObject({ returns: [0.07, 0.05], vols: [0.15, 0.06] });
  });

  it("reads a column whose header says percent as percent, its small numbers too", () => {
    const read = readCmaText(
      "Asset,Expected return (%),Volatility,A,Cash\nA,7.5,0.155,1,\nCash,0.5,0.009,0.1,1\n"
    );
    expect(read.problems).toEqual([]);
    expect(read.table).toMatchObject({ returns: [0.075, 0.005], vols: [0.155, 0.009] });
    expect(read.notes.slice(0, 2)).toEqual([
      "Expected return (%): numbers without a % sign were read as percentages (7 means 7%), as the header says.",
      "Volatilities without a % sign were read as decimals (0.07 means 7%), since none is above 1.",
    ]);
  });

  it("flags a percent header over numbers that never pass 1, and a single number that alone would make every number percent", () => {
    expect(
      readCmaText("Asset,Expected return (%),Vol,A,B\nA,0.07,0.15,1,\nB,0.05,0.06,0.2,1\n").problems
    ).toEqual([
      'row 1, column B: the header "Expected return (%)" says percent, but no number in its column is above 1 (the largest is 0.07, row 2, column B): choose how "Numbers without a % sign are" read',
    ]);
    const single =
      "Asset,Return,Vol,A,B,BTC\nA,0.07,0.15,1,,\nB,0.05,0.06,0.2,1,\nBTC,0.3,1.2,0.1,0.1,1\n";
    expect(readCmaText(single).problems).toEqual([
      'row 4, column C: 1.2 is the only number above 1 among the returns and volatilities without a % sign; alone it would make them all percentages: choose how "Numbers without a % sign are" read',
    ]);
    expect(readCmaText(single, { units: "decimal" }).table?.vols).toEqual([0.15, 0.06, 1.2]);
  });

  it("refuses a table that mixes decimal points and commas, naming both cells", () => {
    expect(readCmaText("Asset;Return;Vol;A;B\nA;7,5;15;1;\nB;5.5;6;0.2;1\n").problems).toEqual([
      'row 2, column B: "7,5" has a decimal comma, but row 3 ("5.5") a decimal point: write every number with the same decimal mark',
    ]);
  });
});

describe("correlation checks that accept Excel's 15-digit rounding and never contradict themselves", () => {
  const table = (ab: string, ba: string, diagonal = "1") =>
    `Asset,Return,Vol,A,B\nA,7%,15%,${diagonal},${ab}\nB,5%,6%,${ba},1\n`;

  it("takes entries that agree to a relative 1e-9 as equal (Excel keeps 15 digits), and a diagonal that close to 1 as 1", () => {
    // −0.312 and −0.3120000000001 differ by 1e-13, relative 3.2e-13
    const read = readCmaText(table("-0.312", "-0.3120000000001", "0.99999999999999"));
    expect(read.problems).toEqual([]);
    expect(read.table!.correlations).toEqual([
      [1, -0.312],
      [-0.312, 1],
    ]);
    expect(readCmaText(table("1.0000000000001", "1.0000000000001")).table!.correlations[0][1]).toBe(
      1
    );
  });

  it("reports entries that differ beyond it with the digits that tell them apart", () => {
    // relative difference 1e-4 / 0.312 = 3.2e-4 > 1e-9: shown to 4 digits, where they first differ
    expect(readCmaText(table("-0.3121", "-0.3122")).problems).toEqual([
      "row 2, column E (A / B correlation): -0.3121 differs from row 3, column D (-0.3122)",
    ]);
    // a difference of 2e-8 (relative 6.4e-8): 8 significant digits
    expect(readCmaText(table("-0.31200001", "-0.31200003")).problems).toEqual([
      "row 2, column E (A / B correlation): -0.31200001 differs from row 3, column D (-0.31200003)",
    ]);
    expect(readCmaText(table("0.2", "0.2", "1.000001")).problems).toEqual([
      "row 2, column D (A / A correlation): diagonal is 1.000001, expected 1",
    ]);
    expect(readCmaText(table("1.00001", "1.00001")).problems).toEqual([
      "row 2, column E (A / B correlation): 1.00001 is outside -1..1",
      "row 3, column D (B / A correlation): 1.00001 is outside -1..1",
    ]);
  });
});

describe("distinct (the digits of a message)", () => {
  it("shows two different numbers differently and equal numbers alike, with at least 3 digits", () => {
    expect(distinct(-0.3121, -0.3124)).toEqual(["-0.3121", "-0.3124"]);
    expect(distinct(0.5, 0.5)).toEqual(["0.5", "0.5"]);
    expect(distinct(1.0000001, 1)).toEqual(["1.0000001", "1"]);
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (a, b) => {
          const [da, db] = distinct(a, b);
          return Object.is(a, b) || a === b ? da === db : da !== db;
        }
      )
    );
  });
});
