/**
 * The conversions of src/functions/excel.ts, which every =STACK.* adapter goes through: what they read
 * from Excel's ranges, and the error that names the cell when a cell is wrong — blank, text, or a return
 * below −100%, which no asset can have (checked here once for every series function).
 */
import { StackError } from "../../src/core/errors";
import {
  cells,
  completeRows,
  excel,
  excelSpill,
  numberOrSeries,
  returnNumber,
  seriesSet,
  singleSeries,
  spill,
  spillSeries,
  vector,
} from "../../src/functions/excel";
import { installCustomFunctionsStub, StubError } from "../stubs/custom-functions";

installCustomFunctionsStub();

/** The message of the input error `read` throws. */
function refusal(read: () => unknown): string {
  try {
    read();
  } catch (e) {
    expect(e).toBeInstanceOf(StackError);
    expect((e as StackError).kind).toBe("value");
    return (e as StackError).message;
  }
  throw new Error("expected an input error");
}

describe("seriesSet", () => {
  it("reads one column per series, keeping trailing blank rows as padding", () => {
    const set = seriesSet(
      [
        [0.01, 0.02],
        [-0.03, 0.04],
        ["", null],
      ],
      "returns"
    );
    expect(set.series.map((s) => Array.from(s))).toEqual([
      [0.01, -0.03],
      [0.02, 0.04],
    ]);
    expect([set.rows, set.padding, set.orientation]).toEqual([2, 1, "column"]);
  });

  it("reads a single row as one series laid out as a row (its trailing blanks are padding)", () => {
    const set = seriesSet([[0.01, -0.02, 0.03, ""]], "returns");
    expect(Array.from(set.series[0])).toEqual([0.01, -0.02, 0.03]);
    expect([set.rows, set.padding, set.orientation]).toEqual([3, 1, "row"]);
    // As assets, a single row is one row of several assets.
    expect(seriesSet([[0.01, -0.02]], "returns", "assets").series).toHaveLength(2);
  });

  it("accepts a return of exactly −100% (a holding wiped out)", () => {
    expect(Array.from(singleSeries([[0.1], [-1], [0]], "returns").series[0])).toEqual([0.1, -1, 0]);
  });

  it("refuses a return below −100%, naming its row (and column, and the value with all its digits)", () => {
    expect(refusal(() => seriesSet([[0.1], [-1.5]], "returns"))).toBe(
      "returns: row 2 is -1.5, below -100%"
    );
    expect(
      refusal(() =>
        seriesSet(
          [
            [0.1, 0.2],
            [0.3, -1.0000001],
          ],
          "returns",
          "assets"
        )
      )
    ).toBe("returns: row 2, column 2 is -1.0000001, below -100%");
    expect(refusal(() => seriesSet([[0.1, -2, 0.3]], "index_returns"))).toBe(
      "index_returns: item 2 is -2, below -100%"
    );
  });

  it("accepts any finite number for values that are not returns (dates, rates)", () => {
    expect(Array.from(seriesSet([[-5], [2]], "rates", "series", "values").series[0])).toEqual([
      -5, 2,
    ]);
  });

  it("refuses blanks inside the data, text, booleans and non-finite numbers, naming the cell", () => {
    expect(refusal(() => seriesSet([[0.1], [""], [0.2]], "returns"))).toBe(
      "returns: row 2 is blank"
    );
    expect(refusal(() => seriesSet([[0.1], ["abc"]], "returns"))).toBe(
      'returns: row 2 is text "abc", not a number'
    );
    expect(refusal(() => seriesSet([[true, 0.1]], "returns", "assets"))).toBe(
      "returns: row 1, column 1 is TRUE, not a number"
    );
    expect(refusal(() => seriesSet([[0.1], [NaN]], "returns"))).toBe(
      "returns: row 2 is NaN, not a number"
    );
    expect(refusal(() => seriesSet([[""], [null]], "returns"))).toBe("returns: no values");
    expect(refusal(() => seriesSet([[1, 2], [3]], "returns"))).toBe(
      "returns: not a rectangular range"
    );
    expect(
      refusal(() =>
        singleSeries(
          [
            [1, 2],
            [3, 4],
          ],
          "returns"
        )
      )
    ).toBe("returns: 2 columns, expected one series");
  });
});

describe("numberOrSeries", () => {
  it("reads a number, or a column of one value per row", () => {
    expect(numberOrSeries(0.02, "rates", 3)).toBe(0.02);
    expect(numberOrSeries([[0.02]], "rates", 3)).toBe(0.02);
    expect(Array.from(numberOrSeries([[0.01], [0.02]], "rates", 2) as Float64Array)).toEqual([
      0.01, 0.02,
    ]);
    expect(refusal(() => numberOrSeries([[0.01], [0.02]], "rates", 3))).toBe(
      "rates: 2 rows, expected 3 (one per return)"
    );
  });

  it("checks per-period returns when asked (a risk-free column), not annual rates", () => {
    expect(refusal(() => numberOrSeries([[0.01], [-1.2]], "risk_free", 2, "returns"))).toBe(
      "risk_free: row 2 is -1.2, below -100%"
    );
    expect(numberOrSeries([[0.01], [-1.2]], "rates", 2)).toEqual(Float64Array.of(0.01, -1.2));
    expect(numberOrSeries(-1.2, "risk_free", 2, "returns")).toBe(-1.2); // a number is an annual rate
  });
});

describe("completeRows", () => {
  it("keeps the rows where every input has a value", () => {
    const [x, y] = completeRows([
      { value: [[0.01], [""], [0.03], [0.04]], argument: "x_returns" },
      { value: [[0.1], [0.2], [null], [0.4]], argument: "y_returns" },
    ]);
    expect([Array.from(x), Array.from(y)]).toEqual([
      [0.01, 0.04],
      [0.1, 0.4],
    ]);
  });

  it("refuses returns below −100% by item, but not values of another kind", () => {
    expect(
      refusal(() =>
        completeRows([
          { value: [[0.01], [-3]], argument: "fund_returns" },
          { value: [[0.01], [0.02]], argument: "index_returns" },
        ])
      )
    ).toBe("fund_returns: item 2 is -3, below -100%");
    const [, dates] = completeRows([
      { value: [[0.01], [0.02]], argument: "fund_returns" },
      { value: [[-3], [4]], argument: "dates", kind: "values" },
    ]);
    expect(Array.from(dates)).toEqual([-3, 4]);
  });

  it("refuses inputs of different lengths or two-dimensional ones", () => {
    expect(
      refusal(() =>
        completeRows([
          { value: [[0.01], [0.02]], argument: "x_returns" },
          { value: [[0.01]], argument: "y_returns" },
        ])
      )
    ).toBe("y_returns: 1 items, expected 2 (one per item of x_returns)");
    expect(
      refusal(() =>
        completeRows([
          {
            value: [
              [1, 2],
              [3, 4],
            ],
            argument: "x_returns",
          },
        ])
      )
    ).toBe("x_returns: 2×2 range, expected a row or a column");
  });
});

describe("vector, cells, returnNumber", () => {
  it("reads a row or a column, naming a bad item", () => {
    expect(vector([[1], [2]], "weights")).toEqual({
      values: Float64Array.of(1, 2),
      orientation: "column",
    });
    expect(vector([[1, 2]], "weights").orientation).toBe("row");
    expect(refusal(() => vector([[1, "x"]], "weights"))).toBe(
      'weights: item 2 is text "x", not a number'
    );
  });

  it("keeps blank cells of a table as null and names a bad cell by row and column", () => {
    expect(
      cells(
        [
          [1, null],
          [0.5, 1],
        ],
        "correlations"
      )
    ).toEqual([
      [1, null],
      [0.5, 1],
    ]);
    expect(refusal(() => cells([[1, "a"]], "correlations"))).toBe(
      'correlations: row 1, column 2 is text "a", not a number'
    );
  });

  it("reads one return, at least −100%", () => {
    expect(returnNumber(-1, "index_return")).toBe(-1);
    expect(refusal(() => returnNumber(-1.2, "index_return"))).toBe(
      "index_return: -1.2 is below -100%"
    );
  });
});

describe("spilling results back", () => {
  const column = seriesSet([[0.1], [0.2], [""]], "returns");
  it("lays per-row results out like the input: a column padded with blanks, or a row", () => {
    expect(spillSeries([Float64Array.of(1, 2)], column)).toEqual([[1], [2], [""]]);
    expect(
      spillSeries(
        [Float64Array.of(1, 2), Float64Array.of(3, 4)],
        seriesSet(
          [
            [0.1, 0.2],
            [0.3, 0.4],
            ["", ""],
          ],
          "returns"
        )
      )
    ).toEqual([
      [1, 3],
      [2, 4],
      ["", ""],
    ]);
    expect(spillSeries([Float64Array.of(1, 2)], seriesSet([[0.1, 0.2, ""]], "returns"))).toEqual([
      [1, 2, ""],
    ]);
    expect(spill(Float64Array.of(1, 2), "column")).toEqual([[1], [2]]);
    expect(spill(Float64Array.of(1, 2), "row")).toEqual([[1, 2]]);
  });

  it("turns a non-finite result into #NUM! and an input error into #VALUE! with its message", () => {
    const overflow = excelSpill(() => [[1, Infinity]]);
    expect((overflow[0][0] as StubError).code).toBe("#NUM!");
    expect((excel(() => NaN) as StubError).code).toBe("#NUM!");
    const bad = excelSpill(() => seriesSet([[-2]], "returns").series.map((s) => [s[0]]));
    expect(bad[0][0]).toEqual(new StubError("#VALUE!", "returns: row 1 is -2, below -100%"));
  });
});
