import { matchClasses } from "../../src/sheets/fund-mapping";
import {
  ASSET_CLASSES,
  classesOf,
  FUND_TEMPLATE,
  templateFund,
} from "../../src/sheets/fund-template";

describe("matchClasses", () => {
  it("matches the same name whatever the case, spacing and punctuation", () => {
    expect(
      matchClasses(["US equity", "Managed futures"], ["Cash", "U.S. Equity", "managed-futures"])
    ).toEqual([
      { assetClass: "US equity", asset: 1, how: "name" },
      { assetClass: "Managed futures", asset: 2, how: "name" },
    ]);
  });

  it("falls back to a listed alias, prefers the class's own name, and leaves the rest unmapped", () => {
    const assets = ["Stocks", "Bonds", "US Treasuries", "Cash"];
    expect(matchClasses(["US equity", "US Treasuries", "US bonds", "Gold"], assets)).toEqual([
      { assetClass: "US equity", asset: 0, how: "alias" },
      { assetClass: "US Treasuries", asset: 2, how: "name" },
      { assetClass: "US bonds", asset: 1, how: "alias" },
      { assetClass: "Gold", how: "none" },
    ]);
  });

  it('does not guess: global equity is not "Stocks", trend is not anything but its names', () => {
    expect(matchClasses(["Global equity", "Managed futures"], ["Stocks", "Bonds", "Cash"])).toEqual(
      [
        { assetClass: "Global equity", how: "none" },
        { assetClass: "Managed futures", how: "none" },
      ]
    );
  });
});

describe("the shipped fund table", () => {
  it("holds DESIGN.md §9's exposures and expense ratios", () => {
    // §9: RSSB 1.0 global equity + 1.0 US Treasury futures, 0.40%; NTSX 0.9 US equity + 0.6 Treasuries, 0.20%;
    // UPRO 3.0 S&P 500, 0.91%.
    expect(templateFund("RSSB")).toMatchObject({
      exposures: { "Global equity": 1, "US Treasuries": 1 },
      expenseRatio: 0.004,
    });
    expect(templateFund("NTSX")).toMatchObject({
      exposures: { "US equity": 0.9, "US Treasuries": 0.6 },
      expenseRatio: 0.002,
    });
    expect(templateFund("UPRO")).toMatchObject({
      exposures: { "US equity": 3 },
      expenseRatio: 0.0091,
    });
  });

  it("uses only known asset classes, once each, with a source and an as-of date for every fund", () => {
    const known = new Set(ASSET_CLASSES.map((c) => c.name));
    for (const fund of FUND_TEMPLATE) {
      Object.keys(fund.exposures).forEach((c) => expect(known.has(c)).toBe(true));
      expect(fund.source.length).toBeGreaterThan(0);
      expect(fund.asOf).toMatch(/^\d{4}-\d{2}$/);
    }
    expect(new Set(FUND_TEMPLATE.map((f) => f.ticker)).size).toBe(FUND_TEMPLATE.length);
    // Every class is held by some fund, and picked funds keep the classes' order.
    expect(classesOf(FUND_TEMPLATE)).toEqual(ASSET_CLASSES.map((c) => c.name));
    expect(classesOf([templateFund("RSST")!, templateFund("RSSB")!])).toEqual([
      "US equity",
      "Global equity",
      "US Treasuries",
      "Managed futures",
    ]);
  });
});
