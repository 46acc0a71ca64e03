import { splice } from "../../src/core/splice";

describe("splice", () => {
  it("takes the primary where present and the backfill before it", () => {
    // Hand: rows 1–2 have no primary (the fund did not exist), row 3 on are the fund's own returns.
    expect(Array.from(splice([null, null, 0.012, -0.004], [0.01, -0.02, 0.011, -0.005]))).toEqual([
      0.01, -0.02, 0.012, -0.004,
    ]);
  });

  it("keeps a primary zero (a flat day is a value, not a gap) and fills gaps anywhere", () => {
    expect(Array.from(splice([0, null, 0.01], [0.5, 0.02, 0.5]))).toEqual([0, 0.02, 0.01]);
  });

  it("leaves out the rows after the last value of either (a range selected past the data)", () => {
    expect(Array.from(splice([null, 0.01, null, null], [0.02, 0.03, null, null]))).toEqual([
      0.02, 0.01,
    ]);
    expect(() => splice([null], [null])).toThrow("primary: no values, and none in backfill");
  });

  it("names the first row blank in both, and refuses misaligned series", () => {
    expect(() => splice([null, null, 0.01], [0.01, null, null])).toThrow(
      "backfill: row 2 is blank, and so is primary's"
    );
    expect(() => splice([0.01, 0.02], [0.01])).toThrow(
      "backfill: 1 rows, expected 2 (one per row of primary)"
    );
  });
});
