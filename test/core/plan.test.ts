import fc from "fast-check";
import { normalQuantile } from "../../src/core/normal";
import { lognormalYear, MAX_PLAN_PATHS, plan, PLAN_PERCENTILES } from "../../src/core/plan";

/** Row t of a plan: the five percentiles, then the share not depleted. */
const row = (result: ReturnType<typeof plan>, t: number) => [
  ...result.percentiles.map((p) => p[t]),
  result.solvent[t],
];

describe("lognormalYear", () => {
  it("matches the arithmetic mean and volatility: E[1+R] = e^(m+s²/2) = 1.07, Var R = 1.07²(e^(s²)−1) = 0.15²", () => {
    const { m, s } = lognormalYear(0.07, 0.15);
    expect(Math.exp(m + (s * s) / 2)).toBeCloseTo(1.07, 14);
    expect(1.07 ** 2 * Math.expm1(s * s)).toBeCloseTo(0.0225, 14);
    // s² = ln(1 + 0.0225/1.1449) by hand.
    expect(s * s).toBeCloseTo(Math.log(1 + 0.0225 / 1.1449), 14);
  });
});

describe("plan with no volatility: one deterministic path (hand calculations)", () => {
  it("withdraws at the start of each year, then grows: 100, −10 a year at 5% → 94.5, 88.725, 82.66125", () => {
    const result = plan(100, -10, 3, 0.05, 0, 0, 50);
    const path = [100, (100 - 10) * 1.05, (94.5 - 10) * 1.05, (88.725 - 10) * 1.05];
    expect(path.slice(1)).toEqual([94.5, expect.closeTo(88.725, 12), expect.closeTo(82.66125, 12)]);
    path.forEach((v, t) =>
      row(result, t).forEach((x, k) => expect(x).toBeCloseTo(k < 5 ? v : 1, 9))
    );
  });

  it("grows the cashflow by inflation and reports today's money: 2% inflation divides year t by 1.02^t", () => {
    const result = plan(100, -10, 3, 0.05, 0, 0.02, 20);
    const y1 = (100 - 10) * 1.05; // 94.5
    const y2 = (y1 - 10 * 1.02) * 1.05; // 88.515
    const y3 = (y2 - 10 * 1.02 ** 2) * 1.05; // 82.01655
    const real = [100, y1 / 1.02, y2 / 1.02 ** 2, y3 / 1.02 ** 3];
    expect(y3).toBeCloseTo(82.01655, 10);
    real.forEach((v, t) => result.percentiles.forEach((p) => expect(p[t]).toBeCloseTo(v, 9)));
  });

  it("depletes a path when a withdrawal empties it, and keeps it at 0: 100 − 40 a year at 0% → 60, 20, 0, 0", () => {
    const result = plan(100, -40, 4, 0, 0, 0, 10);
    expect(result.percentiles[2].map((v) => Math.round(v * 1e9) / 1e9)).toEqual(
      Float64Array.of(100, 60, 20, 0, 0)
    );
    expect(Array.from(result.solvent)).toEqual([1, 1, 1, 0, 0]);
  });

  it("contributes from nothing: 0 + 10 a year at 10% → 11, then (11 + 10)·1.1 = 23.1, never depleted", () => {
    const result = plan(0, 10, 2, 0.1, 0, 0, 5);
    expect(result.percentiles[2][1]).toBeCloseTo(11, 12);
    expect(result.percentiles[2][2]).toBeCloseTo(23.1, 12);
    expect(Array.from(result.solvent)).toEqual([1, 1, 1]);
  });
});

describe("plan without cashflows: the lognormal closed form start·exp(m·T + z·s·√T)", () => {
  // With N paths, the sample p-quantile of ln V_T has standard error s√T·√(p(1−p))/(φ(z_p)·√N)
  // (the asymptotic variance of a sample quantile, p(1−p)/(N·f²), with f the normal density of ln V_T);
  // the tolerance is 4 of them.
  const N = 10_000;
  const density = (z: number) => Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
  const check = (mu: number, vol: number, inflation: number, years: number, seed: number) => {
    const result = plan(250_000, 0, years, mu, vol, inflation, N, seed);
    // The catalog's parameters, written out here (not taken from the code under test).
    const s = Math.sqrt(Math.log(1 + (vol * vol) / ((1 + mu) * (1 + mu))));
    const m = Math.log(1 + mu) - (s * s) / 2;
    for (const T of [Math.round(years / 3), years]) {
      PLAN_PERCENTILES.forEach((p, k) => {
        const z = normalQuantile(p);
        const expected = (250_000 * Math.exp(m * T + z * s * Math.sqrt(T))) / (1 + inflation) ** T;
        const error = (s * Math.sqrt(T) * Math.sqrt(p * (1 - p))) / (density(z) * Math.sqrt(N));
        expect(Math.abs(Math.log(result.percentiles[k][T] / expected))).toBeLessThan(4 * error);
      });
      expect(result.solvent[T]).toBe(1);
    }
  };

  it("7% / 15% over 30 years (years 10 and 30), no inflation", () => check(0.07, 0.15, 0, 30, 1));
  it("4% / 8% over 40 years with 3% inflation (today's money)", () =>
    check(0.04, 0.08, 0.03, 40, 7));
  it("a volatile 12% / 35% over 15 years", () => check(0.12, 0.35, 0, 15, 3));
});

describe("plan with withdrawals against an independent numpy simulation (test/fixtures/plan_reference.py)", () => {
  // The reference ran 2,000,000 paths; the share not depleted is checked within 4 binomial standard
  // errors of 10,000 paths plus 4 of the reference's, and each percentile within the distribution-free
  // band the script prints (the reference quantiles at p ± 4·√(p(1−p)/10,000)).
  const within = (ours: number, reference: number) => {
    const se = (n: number) => Math.sqrt((reference * (1 - reference)) / n);
    expect(Math.abs(ours - reference)).toBeLessThanOrEqual(4 * se(10_000) + 4 * se(2_000_000));
  };
  const inBand = (ours: number, [low, high]: number[]) => {
    expect(ours).toBeGreaterThanOrEqual(low * (1 - 1e-9));
    expect(ours).toBeLessThanOrEqual(high * (1 + 1e-9));
  };

  it("4% of 1,000,000 a year, inflation-adjusted at 2.5%, from 6% / 10% for 30 years: 77% last", () => {
    const result = plan(1_000_000, -40_000, 30, 0.06, 0.1, 0.025);
    [10, 20, 30].forEach((t, i) => within(result.solvent[t], [1.0, 0.981369, 0.7707005][i]));
    inBand(result.percentiles[0][30], [0, 0]);
    inBand(result.percentiles[2][30], [382384.4063658205, 452150.0113733049]);
    inBand(result.percentiles[4][30], [1642268.4049287576, 1844162.348464392]);
  });

  it("the same plan on the template stack (9%, 14.43%): about 91% last 30 years", () => {
    const result = plan(1_000_000, -40_000, 30, 0.09, 0.144326, 0.025);
    [10, 20, 30].forEach((t, i) => within(result.solvent[t], [1.0, 0.984297, 0.905413][i]));
    inBand(result.percentiles[0][30], [0, 77254.92774706968]);
    inBand(result.percentiles[2][30], [1636586.328757901, 1852286.181043873]);
    inBand(result.percentiles[4][30], [6184646.835327323, 7019889.61649857]);
  });

  it("7% a year from 5% / 15% for 25 years, no inflation: most paths run out", () => {
    const result = plan(1_000_000, -70_000, 25, 0.05, 0.15, 0, 10_000, 5);
    [8, 16, 25].forEach((t, i) => within(result.solvent[t], [0.999297, 0.6909585, 0.322168][i]));
    inBand(result.percentiles[2][25], [0, 0]);
    inBand(result.percentiles[4][25], [1149820.0839602037, 1452188.639944707]);
  });

  it("10,000 a year contributed from nothing at 5% / 12% with 2% inflation for 20 years", () => {
    const result = plan(0, 10_000, 20, 0.05, 0.12, 0.02, 10_000, 9);
    expect(Array.from(result.solvent)).toEqual(new Array(21).fill(1));
    inBand(result.percentiles[0][20], [170061.62276340713, 177235.96326268214]);
    inBand(result.percentiles[2][20], [254806.56342670493, 263172.18344468455]);
    inBand(result.percentiles[4][20], [387137.2265558528, 405593.9169982534]);
  });
});

describe("plan: determinism, invariants and errors", () => {
  it("is reproducible: the same seed gives the same plan, another seed another", () => {
    const run = (seed: number) => row(plan(1000, -50, 20, 0.06, 0.12, 0.02, 500, seed), 20);
    expect(run(4)).toEqual(run(4));
    expect(run(4)).not.toEqual(run(5));
  });

  it("property: percentiles are ordered, the share not depleted never rises, year 0 is the start", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: -1e5, max: 1e5, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: -0.5, max: 0.3, noNaN: true }),
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        fc.double({ min: -0.05, max: 0.1, noNaN: true }),
        (start, flow, years, mu, vol, inflation) => {
          const result = plan(start, flow, years, mu, vol, inflation, 200, 1);
          result.percentiles.forEach((p) => expect(p[0]).toBe(start));
          expect(result.solvent[0]).toBe(1);
          for (let t = 0; t <= years; t++) {
            for (let k = 1; k < 5; k++)
              expect(result.percentiles[k][t]).toBeGreaterThanOrEqual(result.percentiles[k - 1][t]);
            expect(result.percentiles[0][t]).toBeGreaterThanOrEqual(0);
            if (t > 0) expect(result.solvent[t]).toBeLessThanOrEqual(result.solvent[t - 1]);
            if (flow > 0) expect(result.solvent[t]).toBe(1);
          }
        }
      ),
      { numRuns: 100 }
    );
  });

  it("refuses arguments out of their domain with messages that name them", () => {
    expect(() => plan(-1, 0, 10, 0.05, 0.1)).toThrow("start_value: must be 0 or more");
    expect(() => plan(1, NaN, 10, 0.05, 0.1)).toThrow("cashflow: must be a number");
    expect(() => plan(1, 0, 0, 0.05, 0.1)).toThrow("years: must be a whole number from 1 to");
    expect(() => plan(1, 0, 2.5, 0.05, 0.1)).toThrow("years: must be a whole number from 1 to");
    expect(() => plan(1, 0, 10, -1, 0.1)).toThrow("arith_return: must be above -1");
    expect(() => plan(1, 0, 10, 0.05, -0.1)).toThrow("vol: must be 0 or more");
    expect(() => plan(1, 0, 10, 0.05, 0.1, -1)).toThrow("inflation: must be above -1");
    expect(() => plan(1, 0, 10, 0.05, 0.1, 0, 0)).toThrow(
      `paths: must be a whole number from 1 to ${MAX_PLAN_PATHS}`
    );
    expect(() => plan(1, 0, 10, 0.05, 0.1, 0, 100, -1)).toThrow(
      "seed: must be a whole number from 0 to 4294967295"
    );
  });

  it("refuses work beyond its 5 s time budget with #VALUE! naming the limit: 10,000 paths × 4,001 years", () => {
    const refuse = () => plan(1, 0, 4001, 0.05, 0.1, 0, 10_000);
    expect(refuse).toThrow(expect.objectContaining({ kind: "value" }));
    expect(refuse).toThrow(
      "paths: paths × years is 40,010,000, more than about 5 s of work (max 40,000,000); reduce paths or years"
    );
  });
});
