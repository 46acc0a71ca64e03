import { DEFAULT_DAYS, dayGaps, financingCost } from "../../src/core/financing";

describe("financingCost", () => {
  it("charges (X − 1)·(rate + spread)·days/360: 3x at 2.87% + 0.5% over a weekend = 2·0.0337·3/360 = 0.000561667", () => {
    expect(financingCost(3, 0.0287, 0.005, 3)).toBeCloseTo(0.0005616666666666667, 17);
  });

  it("is zero at 100% exposure and a credit below it: 50% invested earns 0.5·4%/360 per day", () => {
    expect(financingCost(1, 0.04, 0.01, 1)).toBe(0);
    expect(financingCost(0.5, 0.04, 0, 1)).toBeCloseTo((-0.5 * 0.04) / 360, 18);
  });

  it("earns the rate but not the spread on uninvested cash (the spread is a borrowing premium, DESIGN.md §1)", () => {
    expect(financingCost(0.5, 0.04, 0.01, 1)).toBeCloseTo((-0.5 * 0.04) / 360, 18);
  });
});

describe("dayGaps", () => {
  it("gives calendar days since the previous row, and 365/252 to the first row", () => {
    // Thu 2024-01-11 (45302), Fri 45303, Mon 45306, Tue 45307.
    const gaps = dayGaps(Float64Array.of(45302, 45303, 45306, 45307));
    expect(Array.from(gaps)).toEqual([365 / 252, 1, 3, 1]);
    expect(DEFAULT_DAYS).toBeCloseTo(1.4484126984126984, 15);
  });

  it("is empty for no dates", () => {
    expect(dayGaps(new Float64Array(0)).length).toBe(0);
  });

  it("refuses dates that do not increase", () => {
    expect(() => dayGaps(Float64Array.of(45302, 45303, 45303))).toThrow(
      expect.objectContaining({ kind: "value", message: "dates: row 3 is not after row 2" })
    );
  });
});
