/**
 * FUNDS.EXPOSURE, FUNDS.MIX and SPLICE through the built bundle, called the way Excel calls them: the
 * conversions of src/functions/funds.ts (empty fund slots, blank holdings, orientation, padding) and
 * their messages. The maths is tested in test/core/fund-*.test.ts.
 */
import { callAsExcel, FunctionMetadata, loadBundle, loadMetadata, StubError } from "./bundle";

const metadata = loadMetadata();
const functions = loadBundle();
const call = (id: string, ...args: unknown[]) =>
  callAsExcel(functions.get(id)!, metadata.find((f) => f.id === id) as FunctionMetadata, args);
const message = (result: unknown) => {
  expect(result).toBeInstanceOf(StubError);
  return `${(result as StubError).code} ${(result as StubError).message}`;
};
const errorOf = (spill: unknown) => message((spill as unknown[][])[0][0]);

// Classes: global equity, US equity, US Treasuries, managed futures; RSSB then RSST, then two empty slots.
const withSlots = [
  [1, 0, 1, 0],
  [0, 1, 0, 1],
  [null, null, null, null],
  ["", null, "", null],
];

describe("FUNDS.EXPOSURE", () => {
  it("spills a row: the exposures, total 2 and financing −1 for 50/50 RSSB/RSST, slots left out", () => {
    const expected = [[0.5, 0.5, 0.5, 0.5, 2, -1]];
    expect(call("FUNDS.EXPOSURE", [[0.5], [0.5]], withSlots)).toEqual(expected);
    // Holdings may cover the slots too, blank or 0 there, and may be a row.
    expect(call("FUNDS.EXPOSURE", [[0.5], [0.5], [null], [0]], withSlots)).toEqual(expected);
    expect(call("FUNDS.EXPOSURE", [[0.5, 0.5, "", null]], withSlots)).toEqual(expected);
  });

  it("names what is wrong with the holdings and the table", () => {
    expect(errorOf(call("FUNDS.EXPOSURE", [[0.5], [null]], withSlots))).toBe(
      "#VALUE! holdings: item 2 is blank"
    );
    expect(errorOf(call("FUNDS.EXPOSURE", [[0.5], [0.5], [0.1], [null]], withSlots))).toBe(
      "#VALUE! holdings: item 3 is 0.1 but fund_table's row 3 is blank"
    );
    expect(errorOf(call("FUNDS.EXPOSURE", [[1], [1], [1]], withSlots))).toBe(
      "#VALUE! holdings: 3 items, expected 2 (one per fund row of fund_table)"
    );
    expect(
      errorOf(
        call(
          "FUNDS.EXPOSURE",
          [[1]],
          [
            [1, null],
            [0, 1],
          ]
        )
      )
    ).toBe("#VALUE! fund_table: row 1, column 2 is blank");
    expect(errorOf(call("FUNDS.EXPOSURE", [[1]], [["RSSB", 1]]))).toBe(
      '#VALUE! fund_table: row 1, column 1 is text "RSSB", not a number'
    );
    expect(
      errorOf(
        call(
          "FUNDS.EXPOSURE",
          [
            [1, 2],
            [3, 4],
          ],
          withSlots
        )
      )
    ).toBe("#VALUE! holdings: 2×2 range, expected a row or a column");
  });
});

describe("FUNDS.MIX", () => {
  it('spills a column: one weight per table row ("" for slots), then the residual', () => {
    const result = call("FUNDS.MIX", [[0.5, 0.5, 0.5, 0.5]], withSlots) as unknown[][];
    expect(result).toHaveLength(5);
    expect(result[0][0]).toBeCloseTo(0.5, 14);
    expect(result[1][0]).toBeCloseTo(0.5, 14);
    expect(result.slice(2, 4)).toEqual([[""], [""]]);
    expect(result[4][0]).toBeLessThan(1e-14);
  });

  it("caps the money at max_total and names bad arguments", () => {
    // All trend: RSST alone holds 1 US equity per 1 trend, so 100% trend at max_total 1 is 100% RSST.
    const capped = call("FUNDS.MIX", [[0], [0], [0], [2]], withSlots, 1) as number[][];
    expect(capped[1][0]).toBeCloseTo(1, 14);
    // Hand: (0, 1, 0, 1) vs (0, 0, 0, 2): √(1 + 1).
    expect(capped[4][0]).toBeCloseTo(Math.SQRT2, 14);
    expect(errorOf(call("FUNDS.MIX", [[0.5, 0.5]], withSlots))).toBe(
      "#VALUE! target: 2 items, expected 4 (one per asset class of fund_table)"
    );
    expect(errorOf(call("FUNDS.MIX", [[0.5, 0.5, 0.5, 0.5]], withSlots, -0.5))).toBe(
      "#VALUE! max_total: negative"
    );
    expect(errorOf(call("FUNDS.MIX", [[0.5, null, 0.5, 0.5]], withSlots))).toBe(
      "#VALUE! target: item 2 is blank"
    );
  });
});

describe("SPLICE", () => {
  it("follows the primary's orientation and keeps trailing blank rows as padding", () => {
    expect(call("SPLICE", [[null], [0.02], [null]], [[0.01], [0.5], [null]])).toEqual([
      [0.01],
      [0.02],
      [""],
    ]);
    expect(call("SPLICE", [[null, 0.02]], [[0.01], [0.5]])).toEqual([[0.01, 0.02]]);
  });

  it("names a row blank in both, text, and misaligned lengths", () => {
    expect(errorOf(call("SPLICE", [[null], [null], [0.1]], [[0.1], [""], [0.1]]))).toBe(
      "#VALUE! backfill: row 2 is blank, and so is primary's"
    );
    expect(errorOf(call("SPLICE", [["n/a"], [0.1]], [[0.1], [0.1]]))).toBe(
      '#VALUE! primary: row 1, column 1 is text "n/a", not a number'
    );
    expect(errorOf(call("SPLICE", [[0.1], [0.1]], [[0.1]]))).toBe(
      "#VALUE! backfill: 1 rows, expected 2 (one per row of primary)"
    );
  });
});
