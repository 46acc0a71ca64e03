import { fundTableFromColumns, lookThrough } from "../../src/core/fund-exposure";

// Asset classes: global equity, US equity, US Treasuries, managed futures (DESIGN.md §9).
// RSSB = 1.0 global equity + 1.0 US Treasuries; RSST = 1.0 US equity + 1.0 managed futures.
const rssbRsst = fundTableFromColumns([
  Float64Array.of(1, 0),
  Float64Array.of(0, 1),
  Float64Array.of(1, 0),
  Float64Array.of(0, 1),
]);

describe("lookThrough", () => {
  it("50% RSSB + 50% RSST: 0.5 of each class, total 2.0, financing −1.0 (issue #11)", () => {
    const r = lookThrough(Float64Array.of(0.5, 0.5), rssbRsst);
    expect(Array.from(r.exposures)).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(r.total).toBe(2);
    expect(r.financing).toBe(-1);
  });

  it("30% RSSB, 20% RSST and 50% VTI (1.0 US equity): 30% global, 70% US, 30% UST, 20% trend", () => {
    const table = fundTableFromColumns([
      Float64Array.of(1, 0, 0),
      Float64Array.of(0, 1, 1),
      Float64Array.of(1, 0, 0),
      Float64Array.of(0, 1, 0),
    ]);
    const r = lookThrough(Float64Array.of(0.3, 0.2, 0.5), table);
    // Hand: global 0.3·1; US 0.2·1 + 0.5·1; UST 0.3·1; trend 0.2·1 → total 1.5, financing −0.5.
    [0.3, 0.7, 0.3, 0.2].forEach((e, k) => expect(r.exposures[k]).toBeCloseTo(e, 15));
    expect(r.total).toBeCloseTo(1.5, 15);
    expect(r.financing).toBeCloseTo(-0.5, 15);
  });

  it("counts money left in cash as positive financing (60% NTSX alone: 0.6·0.9 + 0.6·0.6 = 0.90)", () => {
    const ntsx = fundTableFromColumns([Float64Array.of(0.9), Float64Array.of(0.6)]);
    const r = lookThrough(Float64Array.of(0.6), ntsx);
    expect(r.total).toBeCloseTo(0.9, 15);
    expect(r.financing).toBeCloseTo(0.1, 15);
  });

  it("refuses holdings that do not match the table's funds, and an empty table", () => {
    expect(() => lookThrough(Float64Array.of(1), rssbRsst)).toThrow(
      "holdings: 1 items, expected 2 (one per fund row of fund_table)"
    );
    expect(() => fundTableFromColumns([])).toThrow("fund_table: no funds");
  });
});
