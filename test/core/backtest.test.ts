import fc from "fast-check";
import { backtest } from "../../src/core/backtest";
import { finalGrowth } from "../../src/core/growth";
import { expectAllClose, seriesA, seriesB } from "../fixtures/series-example";

const w5545 = Float64Array.of(0.55, 0.45);

describe("backtest", () => {
  it("matches an explicit holdings loop in numpy, rebalanced every 4 rows (test/fixtures/series_reference.py)", () => {
    const numpy = [
      0.007300000000000084, -0.008338330189615717, 0.010889540182568602, -0.014206927335071673,
      0.026150000000000118, 0.0015627832188276347, -0.0033866356495062533, 0.005073524344896274,
      -0.0007000000000000339, 0.009104923446412228,
    ];
    expectAllClose(backtest([seriesA, seriesB], w5545, { kind: "rows", every: 4 }), numpy, 15);
  });

  it("matches numpy for buy and hold", () => {
    const numpy = [
      0.007300000000000084, -0.008338330189615717, 0.010889540182568602, -0.014206927335071673,
      0.0256604259475961, 0.0015535953977068306, -0.0031845271217902926, 0.0047419878818226735,
      -0.0008016705390340162, 0.009199469101446311,
    ];
    expectAllClose(backtest([seriesA, seriesB], w5545, { kind: "none" }), numpy, 15);
  });

  it("by hand: 50/50, +10% on one asset then +10% on the other: 5%, then 0.05/1.05 drifted or 5% rebalanced", () => {
    const a = Float64Array.of(0.1, 0);
    const b = Float64Array.of(0, 0.1);
    const half = Float64Array.of(0.5, 0.5);
    expectAllClose(backtest([a, b], half, { kind: "none" }), [0.05, 0.05 / 1.05], 15);
    expectAllClose(backtest([a, b], half, { kind: "rows", every: 1 }), [0.05, 0.05], 15);
  });

  it("rebalances at the first trading day of a quarter: the same as two buy-and-hold runs split there", () => {
    // Wed 2024-03-27, Thu 03-28, Mon 04-01 (first day of Q2), Tue 04-02, Wed 04-03, …: serials from 45378.
    const dates = Float64Array.of(
      45378,
      45379,
      45383,
      45384,
      45385,
      45386,
      45387,
      45390,
      45391,
      45392
    );
    const quarterly = backtest([seriesA, seriesB], w5545, {
      kind: "calendar",
      frequency: "Q",
      dates,
    });
    const first = backtest([seriesA.subarray(0, 2), seriesB.subarray(0, 2)], w5545, {
      kind: "none",
    });
    const second = backtest([seriesA.subarray(2), seriesB.subarray(2)], w5545, { kind: "none" });
    expectAllClose(quarterly, [...first, ...second], 15);
  });

  it("rebalances on ISO weeks: Friday → Monday starts a new week, Saturday → Sunday does not", () => {
    // Fri 2024-01-19 (45310), Sat 45311, Sun 45312, Mon 45313, Tue 45314.
    const dates = Float64Array.of(45310, 45311, 45312, 45313, 45314);
    const a = seriesA.subarray(0, 5);
    const b = seriesB.subarray(0, 5);
    const weekly = backtest([a, b], w5545, { kind: "calendar", frequency: "W", dates });
    const split = [
      ...backtest([a.subarray(0, 3), b.subarray(0, 3)], w5545, { kind: "none" }),
      ...backtest([a.subarray(3), b.subarray(3)], w5545, { kind: "none" }),
    ];
    expectAllClose(weekly, split, 15);
  });

  it("rebalances monthly and annually at the first date of the new month or year, even across gaps", () => {
    // 2023-12-28 (45288), 2024-01-02 (45293), 2024-01-31 (45322), 2024-03-01 (45352): month starts at rows 1 and 3.
    const dates = Float64Array.of(45288, 45293, 45322, 45352);
    const a = seriesA.subarray(0, 4);
    const b = seriesB.subarray(0, 4);
    const hold = (from: number, to: number) =>
      Array.from(backtest([a.subarray(from, to), b.subarray(from, to)], w5545, { kind: "none" }));
    expectAllClose(
      backtest([a, b], w5545, { kind: "calendar", frequency: "M", dates }),
      [...hold(0, 1), ...hold(1, 3), ...hold(3, 4)],
      15
    );
    expectAllClose(
      backtest([a, b], w5545, { kind: "calendar", frequency: "A", dates }),
      [...hold(0, 1), ...hold(1, 4)],
      15
    );
  });

  it("rebalances when a weight drifts beyond the band", () => {
    // 50/50; +30% on the first asset → weights 0.65/1.15 = 0.5652 and 0.4348: drift 0.0652.
    const a = Float64Array.of(0.3, 0.1);
    const b = Float64Array.of(0, 0);
    const half = Float64Array.of(0.5, 0.5);
    // band 5%: rebalanced before row 2, which returns 0.5·10% = 5%; band 10%: drifted, 0.5652·10% = 5.652%.
    expectAllClose(backtest([a, b], half, { kind: "none" }, 0.05), [0.15, 0.05], 15);
    expectAllClose(backtest([a, b], half, { kind: "none" }, 0.1), [0.15, 0.065 / 1.15], 15);
  });

  it("handles a financing leg: 100% stocks + 100% bonds − 100% cash, daily rebalanced, is r₁ + r₂ − cash", () => {
    const cash = new Float64Array(10).fill(0.0002);
    const out = backtest([seriesA, seriesB, cash], Float64Array.of(1, 1, -1), {
      kind: "rows",
      every: 1,
    });
    expectAllClose(
      out,
      Array.from(seriesA, (r, i) => r + seriesB[i] - 0.0002),
      15
    );
  });

  it("holds the rest of the weights as cash at 0%: 60% in an asset that gains 10% → 6%", () => {
    expectAllClose(
      backtest([Float64Array.of(0.1)], Float64Array.of(0.6), { kind: "none" }),
      [0.06],
      15
    );
  });

  it("returns −1 on the row that wipes the portfolio out and 0 afterwards", () => {
    // 3x an asset financed by −2x cash; the asset falls 40%: 1 + 3·(−0.4) = −0.2 ≤ 0.
    const asset = Float64Array.of(0.01, -0.4, 0.2, 0.1);
    const cash = new Float64Array(4);
    const out = backtest([asset, cash], Float64Array.of(3, -2), { kind: "none" });
    expect(out[0]).toBeCloseTo(0.03, 15);
    expect(Array.from(out.subarray(1))).toEqual([-1, 0, 0]);
  });

  it("is wiped out when a short leg drives the value below zero: −100% that row, then 0", () => {
    // 100% in A, −100% short B, the rest (+100%) cash: value 1 = 1 − 1 + 1. B gains 120% on day 2:
    // 1·(1 + 0) − 1·(1 + 1.2) + 1 = −0.2 ≤ 0 → −1, and nothing is left afterwards.
    const a = Float64Array.of(0.05, 0, 0.3);
    const b = Float64Array.of(0, 1.2, -0.5);
    const out = backtest([a, b], Float64Array.of(1, -1), { kind: "none" });
    expect(out[0]).toBeCloseTo(0.05, 15);
    expect(Array.from(out.subarray(1))).toEqual([-1, 0]);
  });

  it("keeps a holding that reaches zero at zero until the next rebalance", () => {
    // 50/50 buy and hold: A loses 100% on day 1 and "gains" 50% on day 2; B is flat.
    // Day 1: 0.5·0 + 0.5 = 0.5 → −50%. Day 2: A's holding is 0 and stays 0 → 0%.
    const a = Float64Array.of(-1, 0.5, 0.5);
    const b = Float64Array.of(0, 0, 0.1);
    expectAllClose(
      backtest([a, b], Float64Array.of(0.5, 0.5), { kind: "none" }),
      [-0.5, 0, 0.1],
      15
    );
    // Rebalanced every 2 rows: row 2 buys A again at 50% of 0.5: 0.25·1.5 + 0.25·1.1 = 0.65 → +30%.
    expectAllClose(
      backtest([a, b], Float64Array.of(0.5, 0.5), { kind: "rows", every: 2 }),
      [-0.5, 0, 0.3],
      15
    );
  });

  it("refuses bad shapes, dates, schedules and bands", () => {
    const two = [seriesA, seriesB];
    expect(() => backtest(two, Float64Array.of(1), { kind: "none" })).toThrow(
      "weights: 1 items, expected 2 (one per series)"
    );
    expect(() =>
      backtest(two, w5545, { kind: "calendar", frequency: "Q", dates: Float64Array.of(45300) })
    ).toThrow("dates: 1 items, expected 10 (one per row of returns)");
    const backwards = Float64Array.from({ length: 10 }, (_, i) => 45400 - i);
    expect(() =>
      backtest(two, w5545, { kind: "calendar", frequency: "Q", dates: backwards })
    ).toThrow("dates: row 2 is not after row 1");
    expect(() => backtest(two, w5545, { kind: "rows", every: 0 })).toThrow(
      "rebalance: must be a whole number of rows (1 or more)"
    );
    expect(() => backtest(two, w5545, { kind: "rows", every: 2.5 })).toThrow(
      "rebalance: must be a whole number of rows (1 or more)"
    );
    expect(() => backtest(two, w5545, { kind: "none" }, 0)).toThrow("band: must be positive");
    expect(() => backtest(two, w5545, { kind: "none" }, -0.1)).toThrow("band: must be positive");
  });

  const rows = fc.array(
    fc.tuple(
      fc.double({ min: -0.2, max: 0.2, noNaN: true }),
      fc.double({ min: -0.2, max: 0.2, noNaN: true })
    ),
    { minLength: 1, maxLength: 100 }
  );
  const weight = fc.double({ min: -1, max: 2, noNaN: true });

  it("property: rebalanced daily, each row is the weighted sum of the returns", () => {
    fc.assert(
      fc.property(rows, fc.double({ min: 0, max: 1, noNaN: true }), (data, w) => {
        const a = Float64Array.from(data, (r) => r[0]);
        const b = Float64Array.from(data, (r) => r[1]);
        const out = backtest([a, b], Float64Array.of(w, 1 - w), { kind: "rows", every: 1 });
        return out.every((x, i) => Math.abs(x - (w * a[i] + (1 - w) * b[i])) < 1e-14);
      })
    );
  });

  it("property: buy and hold ends at Σwᵢ·Π(1 + rᵢ) + (1 − Σw)", () => {
    fc.assert(
      fc.property(rows, weight, weight, (data, w1, w2) => {
        const a = Float64Array.from(data, (r) => r[0]);
        const b = Float64Array.from(data, (r) => r[1]);
        const expected = w1 * finalGrowth(a) + w2 * finalGrowth(b) + (1 - w1 - w2);
        const out = backtest([a, b], Float64Array.of(w1, w2), { kind: "none" });
        if (out.includes(-1)) return true; // wiped out on the way: covered by its own test
        return Math.abs(finalGrowth(out) - expected) < 1e-9 * Math.max(1, Math.abs(expected));
      })
    );
  });

  it("property: a band wider than any possible drift changes nothing", () => {
    fc.assert(
      fc.property(rows, (data) => {
        const a = Float64Array.from(data, (r) => r[0]);
        const b = Float64Array.from(data, (r) => r[1]);
        const plain = backtest([a, b], w5545, { kind: "rows", every: 7 });
        const banded = backtest([a, b], w5545, { kind: "rows", every: 7 }, 1e9);
        return plain.every((x, i) => x === banded[i]);
      })
    );
  });
});
