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
/** An expected cell: a number, a label, or an Excel error code such as "#N/A". */
type Expected = number | string;

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

  const { examples } = JSON.parse(
    fs.readFileSync(path.resolve(__dirname, "../../docs/examples.json"), "utf8")
  ) as {
    examples: {
      id: string;
      args: unknown[];
      result: Expected | Expected[][];
      digits: number;
      source: string;
    }[];
  };

  it.each(examples.map((e) => [e.id, e] as const))(
    "reproduces the documented example of %s",
    (id, example) => {
      const result = call(id, ...example.args);
      const tolerance = 0.5 * 10 ** -example.digits;
      const same = (actual: unknown, expected: Expected) => {
        if (typeof expected === "number")
          expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tolerance);
        else if (expected.startsWith("#")) expect((actual as StubError).code).toBe(expected);
        else expect(actual).toBe(expected);
      };
      if (Array.isArray(example.result)) {
        const rows = result as unknown[][];
        expect(rows.map((r) => r.length)).toEqual(example.result.map((r) => r.length));
        example.result.forEach((row, i) => row.forEach((v, j) => same(rows[i][j], v)));
      } else {
        same(result, example.result);
      }
    }
  );
});

describe("worked values of issue #2 through the bundle", () => {
  const { weights, vols, correlations } = stocksBondsCash;

  it("VOL = 0.1443260 explicit, and the same with the implicit financing leg", () => {
    expect(call("VOL", weights, vols, correlations)).toBeCloseTo(0.144326, 7);
    expect(
      call(
        "VOL",
        [[1], [1]],
        [[0.15], [0.06]],
        [
          [1, -0.3],
          [-0.3, 1],
        ],
        0.01,
        [[-0.05], [0.1]]
      )
    ).toBeCloseTo(0.144326, 7);
  });

  it("CORR with bonds 0.0970026, stocks 0.9180604, cash −0.0796807 (explicit and implicit forms)", () => {
    expect(call("CORR", weights, vols, correlations, 2)).toBeCloseTo(0.0970026, 7);
    expect(call("CORR", weights, vols, correlations, [[1]])).toBeCloseTo(0.9180604, 7);
    expect(call("CORR", weights, vols, correlations, 3)).toBeCloseTo(-0.0796807, 7);
    expect(
      call(
        "CORR",
        [[1], [1]],
        [[0.15], [0.06]],
        [
          [1, -0.3],
          [-0.3, 1],
        ],
        3,
        0.01,
        [[-0.05], [0.1]]
      )
    ).toBeCloseTo(-0.0796807, 7);
    // An outside asset given by its correlations with each asset: here the bonds column itself.
    expect(call("CORR", weights, vols, correlations, [[-0.3], [1], [0.1]])).toBeCloseTo(
      0.0970026,
      7
    );
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
    expectError(
      call("VOL", weights, vols, impossible),
      "#VALUE!",
      "correlations: not positive semi-definite (smallest eigenvalue -0.8)"
    );
  });

  it("#VALUE! for asymmetry, a bad diagonal, |ρ| > 1, mismatched lengths, text and blanks", () => {
    expectError(
      call("VOL", weights, vols, [
        [1, 0.2, 0],
        [0.3, 1, 0.1],
        [0.1, 0.1, 1],
      ]),
      "#VALUE!",
      "correlations: row 1, column 2: 0.2 differs from row 2, column 1 (0.3)"
    );
    expectError(
      call("VOL", weights, vols, [
        [0.5, -0.3, -0.05],
        [-0.3, 1, 0.1],
        [-0.05, 0.1, 1],
      ]),
      "#VALUE!",
      "correlations: row 1, column 1: diagonal is 0.5, expected 1"
    );
    expectError(
      (
        call(
          "COV",
          [[0.1, 0.2]],
          [
            [1, 1.2],
            [1.2, 1],
          ]
        ) as unknown[][]
      )[0][0],
      "#VALUE!",
      "correlations: row 1, column 2: 1.2 is outside -1..1"
    );
    expectError(
      call("VOL", [[1], [1]], vols, correlations),
      "#VALUE!",
      "vols: 3 items, expected 2 (one per weight)"
    );
    expectError(
      call("VOL", [[1], ["abc"], [-1]], vols, correlations),
      "#VALUE!",
      'weights: item 2 is text "abc", not a number'
    );
    expectError(
      call("VOL", [[1], [null], [-1]], vols, correlations),
      "#VALUE!",
      "weights: item 2 is blank"
    );
    expectError(
      call(
        "VOL",
        [
          [1, 1],
          [1, 1],
        ],
        vols,
        correlations
      ),
      "#VALUE!",
      "weights: 2×2 range, expected a row or a column"
    );
    expectError(
      call("GEORETURN", 0.05, 0.1, "geometric"),
      "#VALUE!",
      'method: expected "quadratic" or "approx"'
    );
    expectError(call("GEORETURN", true, 0.1), "#VALUE!", "arith_return: TRUE is not a number");
  });

  it("#DIV/0! (without a message, which Excel would not show) for a portfolio with no volatility", () => {
    expectError(call("CORR", [[0], [0], [0]], vols, correlations, 1), "#DIV/0!");
    expect(
      (call("LEVERAGE", 0.1, [[0], [0], [0]], vols, correlations) as StubError).message
    ).toBeUndefined();
  });

  it("a spilled function returns its error as a 1×1 spill", () => {
    const result = call("RISKPARITY", [[0.15], [0]]) as StubError[][];
    expectError(result[0][0], "#VALUE!", "vols: item 2 must be positive");
  });
});

describe("series functions through the bundle (issue #3)", () => {
  const decayIndex = [[0.01], [-0.02], [0.03], [-0.04], [0.05]];

  it("LETF.DAILY: 0.0298040476 with days 1, 0.0297325507 with days omitted (issue #3)", () => {
    expect(call("LETF.DAILY", 0.01, 3, 0.0092, 0.0287, 1)).toBeCloseTo(0.0298040476, 10);
    expect(call("LETF.DAILY", 0.01, 3, 0.0092, 0.0287)).toBeCloseTo(0.0297325507, 10);
  });

  it("the volatility-decay example: GROWTH of the 3x LETF.SERIES ends at 1.068002056, the index at 1.027649952", () => {
    const fund = call("LETF.SERIES", decayIndex, 3) as number[][];
    const fundGrowth = call("GROWTH", fund) as number[][];
    const indexGrowth = call("GROWTH", decayIndex) as number[][];
    expect(fundGrowth[4][0]).toBeCloseTo(1.068002056, 9);
    expect(indexGrowth[4][0]).toBeCloseTo(1.027649952, 9);
    expect(call("LETF.DECAY", decayIndex, 3)).toBeCloseTo(-0.0149478, 7);
  });

  it("spills follow the input's orientation and keep its length over trailing blank rows", () => {
    const row = call("LETF.SERIES", [[0.01, -0.02, 0.03]], 2) as number[][];
    expect(row.length).toBe(1);
    expect(row[0]).toHaveLength(3);
    expect(row[0][1]).toBeCloseTo(-0.04, 15);
    const padded = call("GROWTH", [[0.1], [0.1], [null], [""]]) as unknown[][];
    expect(padded.map((r) => r[0])).toEqual([1.1, expect.closeTo(1.21, 12), "", ""]);
  });

  it("rates and dates as aligned columns: days = calendar days between rows, 365/252 for the first", () => {
    // 2024-01-12 (Fri, serial 45303) → 2024-01-16 (Tue, 45307): 4 days of financing at 3.6% on 2x borrowed.
    const out = call(
      "LETF.SERIES",
      [[0], [0]],
      3,
      0,
      [[0.036], [0.036]],
      [[45303], [45307]]
    ) as number[][];
    expect(out[0][0]).toBeCloseTo((-2 * 0.036 * (365 / 252)) / 360, 15);
    expect(out[1][0]).toBeCloseTo((-2 * 0.036 * 4) / 360, 15);
  });

  it("ROLLING puts #N/A (with a message) before the first full window", () => {
    const out = call("ROLLING", [[0.1], [-0.05], [0.02]], 2, 1) as unknown[][];
    expect((out[0][0] as StubError).code).toBe("#N/A");
    expect((out[0][0] as StubError).message).toBe("before the first full window");
    expect(out[1][0]).toBeCloseTo(Math.sqrt(1.1 * 0.95) - 1, 14);
  });

  it("BACKTEST rebalances on the first trading day of each quarter when given dates", () => {
    // Asset 1 gains 10% on each row; asset 2 is flat. Dates: 2024-03-28 (45379), 2024-04-01 (45383), 2024-04-02 (45384).
    const returns = [
      [0.1, 0],
      [0.1, 0],
      [0.1, 0],
    ];
    const out = call("BACKTEST", returns, [[0.5, 0.5]], "Q", [
      [45379],
      [45383],
      [45384],
    ]) as number[][];
    // Row 1: 5%. Row 2 starts Q2: back to 50/50, 5% again. Row 3: drifted to 0.55/0.5 of 1.05 → 0.055/1.05.
    expect(out[0][0]).toBeCloseTo(0.05, 15);
    expect(out[1][0]).toBeCloseTo(0.05, 15);
    expect(out[2][0]).toBeCloseTo(0.055 / 1.05, 15);
  });

  it("BACKTEST and BOOTSTRAP read a number of rows in their enum-typed rebalance, which Excel passes as text", () => {
    // Asset 1 gains 10% a row, asset 2 is flat; every 2 rows (hand calculation): 5%, then drifted
    // 0.55/0.5 → 0.055/1.05, then rebalanced on row 3: 5% again.
    const returns = [
      [0.1, 0],
      [0.1, 0],
      [0.1, 0],
    ];
    const every2 = [0.05, 0.055 / 1.05, 0.05];
    // callAsExcel hands 2 over as "2", as Excel does for a text parameter; a padded "2 " reads the same.
    for (const rows of [2, "2 ", [[2]]]) {
      const out = call("BACKTEST", returns, [[0.5, 0.5]], rows) as number[][];
      out.forEach(([r], t) => expect(r).toBeCloseTo(every2[t], 15));
    }
    const refused = call("BACKTEST", returns, [[0.5, 0.5]], "2.5") as StubError[][];
    expect(refused[0][0].code).toBe("#VALUE!");
    // BOOTSTRAP with a one-row history: every path is that row's 55/45 return compounded over 1 year.
    const paths = call("BOOTSTRAP", [[0.001, 0]], [[0.55, 0.45]], 1, 3, 1, 1, 5, 1) as number[][];
    expect(paths.map(([r]) => r)).toEqual(
      [0.00055, 0.00055, 0.00055].map((r) => expect.closeTo(r, 12))
    );
  });

  it("STATS labels its rows and puts #DIV/0! only in the entries that divide by zero", () => {
    const out = call("STATS", [[0.01], [0.01], [0.01]]) as unknown[][];
    expect(out.map((r) => r[0])).toEqual([
      "CAGR",
      "Volatility",
      "Sharpe",
      "Sortino",
      "Max drawdown",
      "Calmar",
      "Ulcer index",
      "Best period",
      "Worst period",
      "Final growth",
      "VaR 95%",
      "CVaR 95%",
    ]);
    expect(out[0][1]).toBeCloseTo(1.01 ** 252 - 1, 10);
    expect((out[2][1] as StubError).code).toBe("#DIV/0!");
  });

  it("errors name the argument: calendar codes without dates, misaligned rates, blanks inside a series", () => {
    expect((call("BACKTEST", [[0.1, 0]], [[0.5, 0.5]], "Q") as StubError[][])[0][0].message).toBe(
      'rebalance: "Q" needs dates'
    );
    expect(
      (call("LETF.SERIES", [[0.01], [0.02]], 3, 0, [[0.01], [0.02], [0.03]]) as StubError[][])[0][0]
        .message
    ).toBe("rates: 3 rows, expected 2 (one per return)");
    expect((call("GROWTH", [[0.1], [null], [0.2]]) as StubError[][])[0][0].message).toBe(
      "returns: row 2 is blank"
    );
    expect((call("BACKTEST", [[0.1, 0]], [[1]]) as StubError[][])[0][0].message).toBe(
      "weights: 1 items, expected 2 (one per series)"
    );
  });

  it("LETF.FIT leaves out rows with a blank and counts the days used", () => {
    const fund = [
      [0.02979938271604938],
      [null],
      [-0.06028108465608466],
      [0.04475914902998236],
      [0.014638447971781305],
    ];
    const index = [[0.01], [0.5], [-0.02], [0.015], [0.005]];
    const rates = [[0.02], [0.9], [0.03], [0.025], [0.04]];
    const out = call("LETF.FIT", fund, index, 3, rates) as unknown[][];
    expect(out[0][1]).toBeCloseTo(0.01, 10);
    expect(out[1][1]).toBeCloseTo(2, 8);
    expect(out[4]).toEqual(["Days used", 4]);
  });
});

describe("never a silently wrong number, through the bundle (issue #8)", () => {
  const { examples } = JSON.parse(
    fs.readFileSync(path.resolve(__dirname, "../../docs/examples.json"), "utf8")
  ) as { examples: { id: string; args: unknown[] }[] };
  const isGrid = (a: unknown): a is unknown[][] => Array.isArray(a) && Array.isArray(a[0]);
  // Every series function: its first argument is a set of returns (RETURN's first is weights).
  const seriesFunctions = metadata
    .filter((f) => /returns$/.test(f.parameters[0]?.name ?? ""))
    .map((f) => [f.id, f.parameters[0].name, examples.find((e) => e.id === f.id)!] as const);

  it("covers the series functions of functions.json, from LETF.SERIES to CONDITIONAL", () => {
    expect(seriesFunctions.map(([id]) => id)).toEqual(
      expect.arrayContaining(["LETF.SERIES", "STACKED", "GROWTH", "STATS", "BACKTEST", "BOOTSTRAP"])
    );
  });

  it.each(seriesFunctions)(
    "%s: a return below −100% in its %s is #VALUE! naming its row",
    (id, argument, example) => {
      expect(isGrid(example.args[0]) && example.args[0].length).toBeGreaterThan(1);
      const returns = (example.args[0] as unknown[][]).map((row) => [...row]);
      returns[1][0] = -1.5;
      const result = call(id, returns, ...example.args.slice(1));
      const error = (Array.isArray(result) ? result[0][0] : result) as StubError;
      expect(error).toBeInstanceOf(StubError);
      expect(error.code).toBe("#VALUE!");
      expect(error.message).toMatch(
        new RegExp(`^${argument}: (row 2|row 2, column 1|item 2) is -1\\.5, below -100%$`)
      );
    }
  );

  it("RETURN: an asset's expected return below −100% is #VALUE! naming it (no asset can lose more than all of it)", () => {
    const error = call("RETURN", [[1], [1]], [[0.07], [-1.5]], 0.03) as StubError;
    expect(error).toBeInstanceOf(StubError);
    expect([error.code, error.message]).toEqual([
      "#VALUE!",
      "returns: item 2 is -1.5, below -100%",
    ]);
  });

  it("LETF.DAILY: a day whose leveraged loss would exceed 100% is −100%; an index return below −100% is refused", () => {
    expect(call("LETF.DAILY", -0.4, 3)).toBe(-1);
    expect((call("LETF.DAILY", -1.2, 1) as StubError).message).toBe(
      "index_return: -1.2 is below -100%"
    );
  });

  it("LETF.SERIES closes the fund on the day it is wiped out: −100%, then 0", () => {
    expect(call("LETF.SERIES", [[0.01], [-0.4], [0.05], [0.02]], 3)).toEqual([
      [expect.closeTo(0.03, 15)],
      [-1],
      [0],
      [0],
    ]);
  });

  it("STACKED and BACKTEST: a short leg that drives the value to zero or below wipes the portfolio out", () => {
    const returns = [
      [0.02, 0.01],
      [0, 1.5],
      [0.1, -0.5],
    ];
    // STACKED, by hand: 0.02 − 0.01 = 0.01; 0 − 1.5 = −1.5 → −1; then 0.
    expect(call("STACKED", returns, [[1, -1]])).toEqual([[expect.closeTo(0.01, 15)], [-1], [0]]);
    // BACKTEST, buy and hold: value 1·1.02 − 1·1.01 + 1 = 1.01; then 1.02 − 2.525 + 1 < 0 → −1; then 0.
    expect(call("BACKTEST", returns, [[1, -1]], "NONE")).toEqual([
      [expect.closeTo(0.01, 15)],
      [-1],
      [0],
    ]);
  });

  it("RISKPARITY converges for an index and its inverse fund at ρ = −0.99999, and refuses ρ = −1", () => {
    // Two assets: equal risk contributions is inverse volatility whatever ρ: 15% and 45% → 75% / 25%.
    const nearly = call(
      "RISKPARITY",
      [[0.15, 0.45]],
      [
        [1, -0.99999],
        [-0.99999, 1],
      ]
    ) as number[][];
    expect(nearly[0][0]).toBeCloseTo(0.75, 12);
    expect(nearly[0][1]).toBeCloseTo(0.25, 12);
    const exactly = call(
      "RISKPARITY",
      [[0.15, 0.15]],
      [
        [1, -1],
        [-1, 1],
      ]
    ) as StubError[][];
    expect(exactly[0][0].code).toBe("#VALUE!");
    expect(exactly[0][0].message).toMatch(/^correlations: no equal-risk solution exists/);
  });

  it("BOOTSTRAP refuses what would run past its time budget with #VALUE! naming the limit and what to reduce", () => {
    const history = [[0.01], [-0.02], [0.015]];
    const refused = (call("BOOTSTRAP", history, [[1]], 100, 1_000_000) as StubError[][])[0][0];
    expect(refused.code).toBe("#VALUE!");
    expect(refused.message).toMatch(
      /^paths: 1,000,000 paths of 100 years × 1 asset take about \d+ s, over the 5 s limit; use at most [\d,]+ paths, or fewer years$/
    );
  });
});
