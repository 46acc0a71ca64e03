/**
 * PLAN, FRONTIER and OPTIMIZE as Excel calls them: through the built dist/functions.js, with ranges as
 * rows of cells, omitted arguments as null, and errors as #VALUE! with a message naming the argument.
 */
import { callAsExcel, FunctionMetadata, loadBundle, loadMetadata, StubError } from "./bundle";

const metadata = loadMetadata();
const functions = loadBundle();
const call = (id: string, ...args: unknown[]) =>
  callAsExcel(functions.get(id)!, metadata.find((f) => f.id === id) as FunctionMetadata, args);
const message = (result: unknown) => {
  const [[error]] = result as StubError[][];
  expect(error).toBeInstanceOf(StubError);
  expect(error.code).toBe("#VALUE!");
  return error.message;
};

// The template CMAs of DESIGN.md §1, as the stacked-portfolio sheet passes them (columns; the
// correlations as a lower triangle with blanks, as Excel on the web sends them).
const returns = [[0.07], [0.05], [0.03]];
const vols = [[0.15], [0.06], [0.01]];
const lower = [
  [1, null, null],
  [-0.3, 1, null],
  [-0.05, 0.1, 1],
];

describe("FRONTIER and OPTIMIZE through the bundle", () => {
  it("spills a header and 20 points by default; weights follow the assets; a lower triangle is read", () => {
    const spill = call("FRONTIER", returns, vols, lower, 2, 0.03) as unknown[][];
    expect(spill).toHaveLength(21);
    expect(spill[0]).toEqual([
      "Volatility",
      "Expected return",
      "Sharpe ratio",
      "Weight 1",
      "Weight 2",
      "Weight 3",
    ]);
    // The last point is 200% stocks: E = 2·7% − 3% = 11%, σ = 30%, Sharpe (11% − 3%)/30%.
    const [vol, e, sharpe, ...w] = spill[20] as number[];
    expect([vol, e, sharpe]).toEqual([
      expect.closeTo(0.3, 12),
      expect.closeTo(0.11, 12),
      expect.closeTo(0.08 / 0.3, 12),
    ]);
    expect(w).toEqual([expect.closeTo(2, 12), 0, 0]);
  });

  it("OPTIMIZE spills the weights in the orientation of returns", () => {
    const column = call("OPTIMIZE", returns, vols, lower, "MAXSHARPE", null, 2, 0.03) as number[][];
    expect(column.map((r) => r.length)).toEqual([1, 1, 1]);
    // The stocks/bonds tangency to 3% (numpy, test/fixtures/frontier_reference.py).
    expect(column[0][0]).toBeCloseTo(0.26190476190476186, 12);
    const row = call("OPTIMIZE", [[0.07, 0.05, 0.03]], vols, lower, "minvol", 0.05) as number[][];
    expect(row).toHaveLength(1);
    expect(row[0]).toHaveLength(3);
  });

  it("gives #VALUE! naming the argument for every input it cannot use", () => {
    const notPsd = [
      [1, 0.9, -0.9],
      [0.9, 1, 0.9],
      [-0.9, 0.9, 1],
    ];
    expect(message(call("FRONTIER", returns, vols, notPsd))).toMatch(
      /^correlations: not positive semi-definite \(smallest eigenvalue -0\.\d+\)$/
    );
    const singular = [
      [1, -0.5, -0.5],
      [-0.5, 1, -0.5],
      [-0.5, -0.5, 1],
    ];
    expect(message(call("OPTIMIZE", returns, vols, singular, "MAXSHARPE"))).toBe(
      "correlations: singular (smallest eigenvalue 0): no asset may be a combination of others"
    );
    expect(message(call("FRONTIER", returns, vols, lower, 2))).toBe(
      "financing_rate: needed when max_total is above 1 (the rate paid on borrowing)"
    );
    expect(message(call("FRONTIER", returns, vols, lower, 0.5))).toBe(
      "max_total: must be 1 (100%) or more"
    );
    expect(message(call("FRONTIER", returns, vols, lower, 1, 0, 0, 1))).toBe(
      "points: must be a whole number from 2 to 1000"
    );
    expect(message(call("FRONTIER", returns, [[0.15], [0], [0.01]], lower))).toBe(
      "vols: item 2 must be above 0 (the optimiser needs every asset risky)"
    );
    expect(message(call("OPTIMIZE", returns, vols, lower, null))).toBe(
      'objective: expected "MAXSHARPE" or "MINVOL" or "MAXRETURN"'
    );
    expect(message(call("OPTIMIZE", returns, vols, lower, "BEST"))).toBe(
      'objective: expected "MAXSHARPE" or "MINVOL" or "MAXRETURN"'
    );
    expect(message(call("OPTIMIZE", returns, vols, lower, "MINVOL"))).toBe(
      "target: needed for MINVOL (the expected return to reach)"
    );
    expect(message(call("OPTIMIZE", returns, vols, lower, "MAXRETURN"))).toBe(
      "target: needed for MAXRETURN (the volatility not to exceed)"
    );
    expect(message(call("OPTIMIZE", returns, vols, lower, "MINVOL", 0.08))).toBe(
      "target: 0.08 is above the highest expected return reachable (0.07)"
    );
    expect(message(call("OPTIMIZE", returns, vols, lower, "MAXRETURN", 0.005))).toBe(
      "target: 0.005 is below the lowest volatility reachable (0.00988)"
    );
  });
});

describe("PLAN through the bundle", () => {
  it("spills a header and one row per year 0…years", () => {
    const spill = call("PLAN", 1_000_000, -40_000, 30, 0.09, 0.144326, 0.025) as unknown[][];
    expect(spill).toHaveLength(32);
    expect(spill[0]).toEqual([
      "Year",
      "10th percentile",
      "25th percentile",
      "Median",
      "75th percentile",
      "90th percentile",
      "Not depleted",
    ]);
    expect(spill[1]).toEqual([0, 1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000, 1]);
    expect(spill.slice(1).map((r) => r[0])).toEqual(Array.from({ length: 31 }, (_, t) => t));
  });

  it("refuses a plan beyond the time budget with #VALUE! naming the limit and what to reduce", () => {
    expect(message(call("PLAN", 1, 0, 100, 0.05, 0.1, 0, 1_000_000))).toBe(
      "paths: paths × years is 100,000,000, more than about 5 s of work (max 40,000,000); reduce paths or years"
    );
    expect(message(call("PLAN", 1, 0, "ten", 0.05, 0.1))).toBe('years: text "ten" is not a number');
    expect(message(call("PLAN", 1, 0, 10, 0.05, 0.1, null, null, 1.5))).toBe(
      "seed: must be a whole number from 0 to 4294967295"
    );
  });
});
