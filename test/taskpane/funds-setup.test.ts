import {
  DEFAULT_FUNDS,
  describeFund,
  readFunds,
  unpickedFunds,
} from "../../src/taskpane/funds-setup";
import { templateFund } from "../../src/sheets/fund-template";

const STOCKS_BONDS_CASH = ["Stocks", "Bonds", "Cash"];

describe("readFunds", () => {
  it("reads the default step: 30% RSSB, 20% RSST, 0% NTSX, 50% VTI, priced against stocks/bonds/cash", () => {
    const r = readFunds(DEFAULT_FUNDS, STOCKS_BONDS_CASH);
    expect(r.problems).toEqual([]);
    expect(r.classes).toEqual(["US equity", "Global equity", "US Treasuries", "Managed futures"]);
    expect(r.pricing).toEqual([
      { assetClass: "US equity", asset: "Stocks", how: "another name for it" },
      { assetClass: "Global equity", asset: "", how: "not found" },
      { assetClass: "US Treasuries", asset: "Bonds", how: "another name for it" },
      { assetClass: "Managed futures", asset: "", how: "not found" },
    ]);
    expect(r.unmapped).toEqual(["Global equity", "Managed futures"]);
    // Hand: US equity 0.2 + 0.5, global 0.3, Treasuries 0.3, trend 0.2: total 1.5, financing −0.5;
    // expense ratio 0.3·0.40% + 0.2·1.00% + 0.5·0.03% = 0.335%.
    const p = r.preview!;
    [0.7, 0.3, 0.3, 0.2].forEach((e, k) => expect(p.lookThrough.exposures[k]).toBeCloseTo(e, 15));
    expect(p.lookThrough.total).toBeCloseTo(1.5, 15);
    expect(p.lookThrough.financing).toBeCloseTo(-0.5, 15);
    expect(p.expenseRatio).toBeCloseTo(0.00335, 15);
    // test/fixtures/funds_reference.py, "pane default".
    [0.046153846153846115, 0.16923076923076918, 0.5128205128205131, 0].forEach((w, k) =>
      expect(p.mix.weights[k]).toBeCloseTo(w, 12)
    );
    expect(p.mix.residual).toBeCloseTo(0.07844645405527363, 12);
    expect(p.mixExposures[0]).toBeCloseTo(0.630769230769231, 12);
    // The setup the sheet gets: decimals, and only the priced classes in its mapping.
    expect(r.setup).toMatchObject({
      holdings: [0.3, 0.2, 0, 0.5],
      target: {
        "US equity": 0.6,
        "Global equity": 0,
        "US Treasuries": 0.4,
        "Managed futures": 0.2,
      },
      maxTotal: 1,
      mapping: { "US equity": "Stocks", "US Treasuries": "Bonds" },
    });
  });

  it("prices a class by hand, or leaves it out, over the automatic match", () => {
    const r = readFunds(
      { ...DEFAULT_FUNDS, mapping: { "Global equity": "Stocks", "US Treasuries": "" } },
      STOCKS_BONDS_CASH
    );
    expect(r.pricing[1]).toEqual({
      assetClass: "Global equity",
      asset: "Stocks",
      how: "chosen by you",
    });
    expect(r.pricing[2]).toEqual({
      assetClass: "US Treasuries",
      asset: "",
      how: "left out by you",
    });
    expect(r.unmapped).toEqual(["US Treasuries", "Managed futures"]);
    // A hand choice of an asset the table no longer has falls back to matching by name.
    const gone = readFunds(
      { ...DEFAULT_FUNDS, mapping: { "US equity": "Equities" } },
      STOCKS_BONDS_CASH
    );
    expect(gone.pricing[0]).toEqual({
      assetClass: "US equity",
      asset: "Stocks",
      how: "another name for it",
    });
  });

  it("names each number that is not one, and gives no setup then", () => {
    const r = readFunds(
      {
        ...DEFAULT_FUNDS,
        holdings: { ...DEFAULT_FUNDS.holdings, RSSB: "abc", VTI: "" },
        target: { "US equity": "6o" },
        maxTotal: "-10",
      },
      STOCKS_BONDS_CASH
    );
    expect(r.problems).toEqual([
      "RSSB holding: “abc” is not a number.",
      "VTI holding: blank.",
      "Target for US equity: “6o” is not a number.",
      "Most money the mix may use: must be 0% or more.",
    ]);
    expect(r.setup).toBeUndefined();
    expect(r.preview).toBeUndefined();
  });

  it("has nothing to build with no fund picked, and lists every class unmapped before a table is read", () => {
    expect(readFunds({ ...DEFAULT_FUNDS, picked: [] }, STOCKS_BONDS_CASH).setup).toBeUndefined();
    expect(readFunds(DEFAULT_FUNDS, undefined).unmapped).toHaveLength(4);
  });
});

describe("the fund picker's words", () => {
  it("describes a fund by its exposures and expense ratio, and offers the funds not picked", () => {
    expect(describeFund(templateFund("NTSX")!)).toBe("0.9 US equity + 0.6 US Treasuries · 0.20%");
    expect(unpickedFunds(DEFAULT_FUNDS).map((f) => f.ticker)).not.toContain("RSSB");
    expect(unpickedFunds(DEFAULT_FUNDS)).toHaveLength(13);
  });
});
