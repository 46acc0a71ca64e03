import fc from "fast-check";
import { dayGaps, letfDailyReturn, letfSeries } from "../../src/core/letf";
import { finalGrowth } from "../../src/core/growth";
import { expectAllClose } from "../fixtures/series-example";

const decayIndex = Float64Array.of(0.01, -0.02, 0.03, -0.04, 0.05);

describe("letfDailyReturn", () => {
  // Issue #3 worked values. By hand: 3·0.01 = 0.03; 0.0092/252 = 0.0000365079; 2·0.0287·1/360 = 0.0001594444.
  it("LETF.DAILY(1%, 3, 0.92%, 2.87%, 1) = 0.03 − 0.0000365079 − 0.0001594444 = 0.0298040476", () => {
    expect(letfDailyReturn(0.01, 3, 0.0092, 0.0287, 1, 0)).toBeCloseTo(0.0298040476, 10);
  });

  it("with days omitted (365/252): 2·0.0287·1.4484127/360 = 0.0002309444 → 0.0297325507", () => {
    expect(letfDailyReturn(0.01, 3, 0.0092, 0.0287)).toBeCloseTo(0.0297325507, 10);
    expect(letfDailyReturn(0.01, 3, 0.0092, 0.0287, 365 / 252, 0)).toBe(
      letfDailyReturn(0.01, 3, 0.0092, 0.0287)
    );
  });

  it("adds the spread to the rate: 2x, 5% + 1% over 1 day = 0.06/360 on the borrowed 100%", () => {
    expect(letfDailyReturn(0, 2, 0, 0.05, 1, 0.01)).toBeCloseTo(-0.06 / 360, 18);
  });

  it("refuses negative days", () => {
    expect(() => letfDailyReturn(0.01, 3, 0, 0.02, -1)).toThrow("days: negative");
  });

  it("wipes the fund out on a day whose leveraged loss would exceed 100%: 3 × −40% = −120% → −100%", () => {
    expect(letfDailyReturn(-0.4, 3)).toBe(-1);
    // −2x (an inverse fund) on a +60% day: −120% → −100%.
    expect(letfDailyReturn(0.6, -2)).toBe(-1);
    // Just above: 3 × −33% − costs = −0.99 − 0.0092/252 − 2·0.02/360·1 > −1.
    expect(letfDailyReturn(-0.33, 3, 0.0092, 0.02, 1)).toBeCloseTo(
      -0.99 - 0.0092 / 252 - 0.04 / 360,
      15
    );
  });
});

describe("letfSeries", () => {
  it("DESIGN.md §1 decay example without costs: the 3x fund grows $100 to $106.80 (1.068002056)", () => {
    const fund = letfSeries(decayIndex, 3, 0, 0, 1, 0);
    expectAllClose(fund, [0.03, -0.06, 0.09, -0.12, 0.15], 15);
    // By hand: 1.03·0.94·1.09·0.88·1.15 = 1.068002056
    expect(finalGrowth(fund)).toBeCloseTo(1.068002056, 12);
  });

  it("takes rates and days per row, e.g. from dates (first row 365/252 days)", () => {
    const index = Float64Array.of(0.01, 0.01, 0.01);
    const dates = Float64Array.of(45303, 45306, 45307); // Fri, Mon, Tue
    const rates = Float64Array.of(0.02, 0.03, 0.04);
    const fund = letfSeries(index, 3, 0.0092, rates, dayGaps(dates), 0);
    expectAllClose(
      fund,
      [
        0.03 - 0.0092 / 252 - (2 * 0.02 * (365 / 252)) / 360,
        0.03 - 0.0092 / 252 - (2 * 0.03 * 3) / 360,
        0.03 - 0.0092 / 252 - (2 * 0.04 * 1) / 360,
      ],
      16
    );
  });

  it("closes the fund when a day wipes it out: −100% that day, 0 on every later day (3x, −40% on day 2)", () => {
    // By hand, no costs: 3·0.01 = 0.03; 3·(−0.4) = −1.2 → −1; then nothing is left to earn 3·0.05 or 3·0.02.
    const fund = letfSeries(Float64Array.of(0.01, -0.4, 0.05, 0.02), 3, 0, 0, 1, 0);
    expect(Array.from(fund)).toEqual([0.03, -1, 0, 0]);
    expect(finalGrowth(fund)).toBe(0);
  });

  it("wipes out at exactly −100% too (3 × −1/3), and the costs can tip a day over", () => {
    expect(Array.from(letfSeries(Float64Array.of(-1 / 3, 0.1), 3, 0, 0, 1, 0))).toEqual([-1, 0]);
    // 3 × −0.3333 = −0.9999, minus a 1-day charge of 0.0092/252 + 2·0.05/360 = 0.000314 → below −1.
    expect(Array.from(letfSeries(Float64Array.of(-0.3333, 0.1), 3, 0.0092, 0.05, 1, 0))).toEqual([
      -1, 0,
    ]);
  });

  it("property: never below −1, and nothing but 0 after a −1", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        (r, x) => {
          const fund = letfSeries(Float64Array.from(r), x, 0.0095, 0.05, 1, 0.004);
          const wiped = fund.indexOf(-1);
          return fund.every((v, t) => v >= -1 && (wiped < 0 || t <= wiped || v === 0));
        }
      )
    );
  });

  it("writes into a given array and returns it", () => {
    const out = new Float64Array(5);
    expect(letfSeries(decayIndex, 2, 0, 0.01, 1, 0, out)).toBe(out);
  });

  it("refuses rates or days of another length, an empty index and negative days", () => {
    expect(() => letfSeries(decayIndex, 3, 0, Float64Array.of(0.02), 1, 0)).toThrow(
      "rates: 1 items, expected 5 (one per return)"
    );
    expect(() => letfSeries(decayIndex, 3, 0, 0.02, Float64Array.of(1, 1), 0)).toThrow(
      "dates: 2 items, expected 5 (one per return)"
    );
    expect(() => letfSeries(new Float64Array(0), 3, 0, 0.02, 1, 0)).toThrow("index_returns: empty");
    expect(() => letfSeries(decayIndex, 3, 0, 0.02, -1, 0)).toThrow("days: negative");
  });

  it("property: leverage 1 with no costs is the index itself", () => {
    const returns = fc.array(fc.double({ min: -0.5, max: 0.5, noNaN: true }), {
      minLength: 1,
      maxLength: 50,
    });
    fc.assert(
      fc.property(returns, fc.double({ min: 0, max: 0.2, noNaN: true }), (r, rate) => {
        const index = Float64Array.from(r);
        // The financing term is (1 − 1)·rate = 0 whatever the rate.
        return letfSeries(index, 1, 0, rate, 1, 0).every((x, i) => x === index[i]);
      })
    );
  });

  it("property: every row equals letfDailyReturn", () => {
    const row = fc.record({
      r: fc.double({ min: -0.2, max: 0.2, noNaN: true }),
      rate: fc.double({ min: 0, max: 0.1, noNaN: true }),
      days: fc.integer({ min: 1, max: 5 }),
    });
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 20 }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (rows, x) => {
          const fund = letfSeries(
            Float64Array.from(rows, (q) => q.r),
            x,
            0.0095,
            Float64Array.from(rows, (q) => q.rate),
            Float64Array.from(rows, (q) => q.days),
            0.004
          );
          return rows.every(
            (q, i) => fund[i] === letfDailyReturn(q.r, x, 0.0095, q.rate, q.days, 0.004)
          );
        }
      )
    );
  });
});
