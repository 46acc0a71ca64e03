/**
 * The Excel contract: the built bundle registers every function of functions.json and answers calls
 * made the way Excel makes them, with the worked values of DESIGN.md §1 and issue #2.
 */
import fs from "fs";
import path from "path";
import { callAsExcel, FunctionMetadata, loadBundle, loadMetadata, StubError } from "./bundle";

const metadata = loadMetadata();
const functions = loadBundle();
const meta = (id: string) => metadata.find((f) => f.id === id) as FunctionMetadata;
const call = (id: string, ...args: unknown[]) => callAsExcel(functions.get(id)!, meta(id), args);

const stocksBondsCash = {
  weights: [[1], [1], [-1]],
  vols: [[0.15], [0.06], [0.01]],
  correlations: [
    [1, -0.3, -0.05],
    [-0.3, 1, 0.1],
    [-0.05, 0.1, 1],
  ],
};

describe("the built functions bundle", () => {
  it("associates exactly the ids listed in functions.json, under the STACK namespace's names", () => {
    expect([...functions.keys()].sort()).toEqual(metadata.map((f) => f.id).sort());
    expect(metadata.length).toBeGreaterThanOrEqual(10);
  });

  const { examples } = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../docs/examples.json"), "utf8")) as {
    examples: { id: string; args: unknown[]; result: number | number[][]; digits: number; source: string }[];
  };

  it.each(examples.map((e) => [e.id, e] as const))("reproduces the documented example of %s", (id, example) => {
    const result = call(id, ...example.args);
    const tolerance = 0.5 * 10 ** -example.digits;
    if (Array.isArray(example.result)) {
      const rows = result as number[][];
      expect(rows.length).toBe(example.result.length);
      example.result.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(rows[i][j] - v)).toBeLessThanOrEqual(tolerance)));
    } else {
      expect(Math.abs((result as number) - example.result)).toBeLessThanOrEqual(tolerance);
    }
  });
});

describe("worked values of issue #2 through the bundle", () => {
  const { weights, vols, correlations } = stocksBondsCash;

  it("VOL = 0.1443260 explicit, and the same with the implicit financing leg", () => {
    expect(call("VOL", weights, vols, correlations)).toBeCloseTo(0.144326, 7);
    expect(call("VOL", [[1], [1]], [[0.15], [0.06]], [[1, -0.3], [-0.3, 1]], 0.01, [[-0.05], [0.1]])).toBeCloseTo(0.144326, 7);
  });

  it("CORR with bonds 0.0970026, stocks 0.9180604, cash −0.0796807 (explicit and implicit forms)", () => {
    expect(call("CORR", weights, vols, correlations, 2)).toBeCloseTo(0.0970026, 7);
    expect(call("CORR", weights, vols, correlations, [[1]])).toBeCloseTo(0.9180604, 7);
    expect(call("CORR", weights, vols, correlations, 3)).toBeCloseTo(-0.0796807, 7);
    expect(call("CORR", [[1], [1]], [[0.15], [0.06]], [[1, -0.3], [-0.3, 1]], 3, 0.01, [[-0.05], [0.1]])).toBeCloseTo(-0.0796807, 7);
    // An outside asset given by its correlations with each asset: here the bonds column itself.
    expect(call("CORR", weights, vols, correlations, [[-0.3], [1], [0.1]])).toBeCloseTo(0.0970026, 7);
  });

  it("RETURN = 7.6% implicit and 9% explicit", () => {
    expect(call("RETURN", [[1, 1]], [[0.07, 0.05]], 0.03, 0.004, 0.01)).toBeCloseTo(0.076, 12);
    expect(call("RETURN", weights, [[0.07], [0.05], [0.03]])).toBeCloseTo(0.09, 12);
  });

  it("RISKPARITY of 15% and 10% spills 0.4 / 0.6 in the orientation of vols", () => {
    const column = call("RISKPARITY", [[0.15], [0.1]]) as number[][];
    expect(column.map((r) => r.length)).toEqual([1, 1]);
    expect(column[0][0]).toBeCloseTo(0.4, 12);
    expect(column[1][0]).toBeCloseTo(0.6, 12);
    const row = call("RISKPARITY", [[0.15, 0.1]]) as number[][];
    expect(row.length).toBe(1);
    expect(row[0][1]).toBeCloseTo(0.6, 12);
  });

  it("GEORETURN(6.70%, 10.50%) = 6.18%", () => {
    expect(call("GEORETURN", 0.067, 0.105)).toBeCloseTo(0.0618, 4);
  });

  it("accepts the lower triangle as Excel for Windows sends it (blanks as 0) and as the web sends it (null)", () => {
    const windows = [
      [1, 0, 0],
      [-0.3, 1, 0],
      [-0.05, 0.1, 1],
    ];
    const web = [
      [1, null, null],
      [-0.3, 1, null],
      [-0.05, 0.1, 1],
    ];
    expect(call("VOL", weights, vols, windows)).toBeCloseTo(0.144326, 7);
    expect(call("VOL", weights, vols, web)).toBeCloseTo(0.144326, 7);
  });
});

describe("errors through the bundle", () => {
  const { weights, vols, correlations } = stocksBondsCash;
  const expectError = (result: unknown, code: string, message?: string) => {
    expect(result).toBeInstanceOf(StubError);
    expect((result as StubError).code).toBe(code);
    if (message !== undefined) expect((result as StubError).message).toBe(message);
  };

  it("#VALUE! naming the argument for a non-PSD matrix, with the smallest eigenvalue", () => {
    const impossible = [
      [1, 0.9, 0.9],
      [0.9, 1, -0.9],
      [0.9, -0.9, 1],
    ];
    expectError(call("VOL", weights, vols, impossible), "#VALUE!", "correlations: not positive semi-definite (smallest eigenvalue -0.8)");
  });

  it("#VALUE! for asymmetry, a bad diagonal, |ρ| > 1, mismatched lengths, text and blanks", () => {
    expectError(call("VOL", weights, vols, [[1, 0.2, 0], [0.3, 1, 0.1], [0.1, 0.1, 1]]), "#VALUE!", "correlations: row 1, column 2: 0.2 differs from row 2, column 1 (0.3)");
    expectError(call("VOL", weights, vols, [[0.5, -0.3, -0.05], [-0.3, 1, 0.1], [-0.05, 0.1, 1]]), "#VALUE!", "correlations: row 1, column 1: diagonal is 0.5, expected 1");
    expectError((call("COV", [[0.1, 0.2]], [[1, 1.2], [1.2, 1]]) as unknown[][])[0][0], "#VALUE!", "correlations: row 1, column 2: 1.2 is outside -1..1");
    expectError(call("VOL", [[1], [1]], vols, correlations), "#VALUE!", "vols: 3 items, expected 2 (one per weight)");
    expectError(call("VOL", [[1], ["abc"], [-1]], vols, correlations), "#VALUE!", 'weights: item 2 is text "abc", not a number');
    expectError(call("VOL", [[1], [null], [-1]], vols, correlations), "#VALUE!", "weights: item 2 is blank");
    expectError(call("VOL", [[1, 1], [1, 1]], vols, correlations), "#VALUE!", "weights: 2×2 range, expected a row or a column");
    expectError(call("GEORETURN", 0.05, 0.1, "geometric"), "#VALUE!", 'method: expected "quadratic" or "approx"');
    expectError(call("GEORETURN", true, 0.1), "#VALUE!", "arith_return: TRUE is not a number");
  });

  it("#DIV/0! (without a message, which Excel would not show) for a portfolio with no volatility", () => {
    expectError(call("CORR", [[0], [0], [0]], vols, correlations, 1), "#DIV/0!");
    expect((call("LEVERAGE", 0.1, [[0], [0], [0]], vols, correlations) as StubError).message).toBeUndefined();
  });

  it("a spilled function returns its error as a 1×1 spill", () => {
    const result = call("RISKPARITY", [[0.15], [0]]) as StubError[][];
    expectError(result[0][0], "#VALUE!", "vols: item 2 must be positive");
  });
});
