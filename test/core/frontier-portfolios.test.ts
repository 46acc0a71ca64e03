import fc from "fast-check";
import {
  efficientFrontier,
  EfficientFrontier,
  FrontierProblem,
} from "../../src/core/efficient-frontier";
import {
  FrontierPortfolio,
  frontierPoints,
  highestReturn,
  maximumReturnFor,
  maximumSharpe,
  minimumVolatility,
  minimumVolatilityFor,
} from "../../src/core/frontier-portfolios";
import { squareMatrix } from "../../src/core/matrix";
import { f64, randomProblem, sixteenAssets, template } from "../fixtures/frontier-problems";

/**
 * Two uncorrelated assets worked by hand: A 10% / 20%, B 4% / 5%, borrowing at c = 2%, up to 300%.
 * a = μ − c = (8%, 2%); Σ⁻¹a = (0.08/0.04, 0.02/0.0025) = (2, 8), so the levered frontier is the ray
 * w = t·(0.2, 0.8), Σw = t ∈ [1, 3]: E = 0.032·t + 0.02, σ = t·√(0.2²·0.04 + 0.8²·0.0025) = t·√0.0032,
 * a straight line of slope 0.032/√0.0032 = 0.565685 from (0, 2%). Below it (Σw = 1) the unlevered
 * frontier; above t = 3, Σw = 3 shifts from B to A, up to w = (3, 0): E = 0.30 − 0.04 = 26%, σ = 60%.
 */
const twoAssets: FrontierProblem = {
  returns: f64(0.1, 0.04),
  vols: f64(0.2, 0.05),
  correlations: squareMatrix(2, f64(1, 0, 0, 1)),
  maxTotal: 3,
  borrowingRate: 0.02,
};
const CML_SLOPE = 0.032 / Math.sqrt(0.0032);

const sharpe = (p: FrontierPortfolio, rate: number) => (p.expectedReturn - rate) / p.volatility;
const weights = (p: FrontierPortfolio) => Array.from(p.weights);
const expectWeights = (p: FrontierPortfolio, expected: number[], digits = 12) =>
  expected.forEach((v, i) => expect(p.weights[i]).toBeCloseTo(v, digits));

describe("portfolios on the frontier of two assets, by hand", () => {
  const frontier = efficientFrontier(twoAssets);

  it("minimum volatility: w_A = σ_B²/(σ_A² + σ_B²) = 0.0025/0.0425, σ² = σ_A²σ_B²/(σ_A² + σ_B²)", () => {
    const p = minimumVolatility(frontier);
    expectWeights(p, [0.0025 / 0.0425, 0.04 / 0.0425]);
    expect(p.volatility ** 2).toBeCloseTo((0.04 * 0.0025) / 0.0425, 15);
  });

  it("highest return: all 300% in A, E = 3·10% − 2·2% = 26%, σ = 60%", () => {
    const p = highestReturn(frontier);
    expectWeights(p, [3, 0]);
    expect(p.expectedReturn).toBeCloseTo(0.26, 14);
    expect(p.volatility).toBeCloseTo(0.6, 14);
  });

  it("MINVOL is exact on each side of the 100% kink: E 4.6% → (0.1, 0.9); 8.4% → (0.4, 1.6); 11.6% → (0.6, 2.4); 20% → (2, 1)", () => {
    // Unlevered: 0.1·w + 0.04·(1 − w) = 0.046 → w = 0.1, σ² = 0.01·0.04 + 0.81·0.0025 = 0.002425.
    const low = minimumVolatilityFor(frontier, 0.046);
    expectWeights(low, [0.1, 0.9]);
    expect(low.volatility ** 2).toBeCloseTo(0.002425, 15);
    // On the ray: t = (E − 0.02)/0.032.
    expectWeights(minimumVolatilityFor(frontier, 0.084), [0.4, 1.6]);
    expectWeights(minimumVolatilityFor(frontier, 0.116), [0.6, 2.4]);
    // At Σw = 3: 0.08·w_A + 0.02·(3 − w_A) = 0.18 → w_A = 2.
    const high = minimumVolatilityFor(frontier, 0.2);
    expectWeights(high, [2, 1]);
    expect(high.volatility ** 2).toBeCloseTo(4 * 0.04 + 0.0025, 14);
  });

  it("the levered part is the straight line σ = (E − 2%)/0.565685 with no smoothing at the kink", () => {
    for (const target of [0.0521, 0.06, 0.07, 0.09, 0.1, 0.11, 0.1159]) {
      const p = minimumVolatilityFor(frontier, target);
      expect(p.volatility).toBeCloseTo((target - 0.02) / CML_SLOPE, 13);
    }
    // Just below the kink (Σw = 1) the unlevered frontier lies above that line.
    const below = minimumVolatilityFor(frontier, 0.05);
    expect(below.weights[0] + below.weights[1]).toBeCloseTo(1, 14);
    expect(below.volatility).toBeGreaterThan((0.05 - 0.02) / CML_SLOPE);
  });

  it("MAXRETURN for σ = 2·√0.0032 is (0.4, 1.6) with E = 8.4%; a volatility above 60% gets the highest return", () => {
    const p = maximumReturnFor(frontier, 2 * Math.sqrt(0.0032));
    expectWeights(p, [0.4, 1.6]);
    expect(p.expectedReturn).toBeCloseTo(0.084, 13);
    expectWeights(maximumReturnFor(frontier, 0.9), [3, 0]);
  });

  it("MAXSHARPE against 2% with no premium: the tangency (0.2, 0.8) at 100%, although every scaling up to 300% ties", () => {
    const p = maximumSharpe(frontier, 0.02);
    expectWeights(p, [0.2, 0.8]);
    expect(sharpe(p, 0.02)).toBeCloseTo(CML_SLOPE, 12);
    // (0.4, 1.6) and (0.6, 2.4) have the same Sharpe ratio: ties go to the smallest exposure (DESIGN.md §4).
    expect(sharpe(minimumVolatilityFor(frontier, 0.116), 0.02)).toBeCloseTo(CML_SLOPE, 12);
  });

  it("MAXSHARPE against 1.5% with a 0.5% premium: the unlevered tangency to 1.5%, Σ⁻¹(μ − r) ∝ (2.125, 10)", () => {
    // With a premium, leverage lowers the Sharpe ratio: (s·(μ−r)ᵀv − p·(s − 1))/(s·σ_v) falls with s.
    const p = maximumSharpe(frontier, 0.015);
    expectWeights(p, [2.125 / 12.125, 10 / 12.125]);
  });

  it("refuses targets out of reach and MAXSHARPE when nothing beats the rate, naming the argument", () => {
    expect(() => minimumVolatilityFor(frontier, 0.27)).toThrow(
      "target: 0.27 is above the highest expected return reachable (0.26)"
    );
    expect(() => maximumReturnFor(frontier, 0.04)).toThrow(
      "target: 0.04 is below the lowest volatility reachable (0.0485)"
    );
    expect(() => maximumSharpe(frontier, 0.3)).toThrow(
      "objective: MAXSHARPE needs an expected return above financing_rate (0.3); the highest reachable is 0.26"
    );
  });
});

describe("frontier portfolios against scipy (test/fixtures/frontier_reference.py)", () => {
  const check = (
    frontier: EfficientFrontier,
    target: number,
    expected: number[],
    vol: number,
    digits = 10
  ) => {
    const p = minimumVolatilityFor(frontier, target);
    expectWeights(p, expected, digits);
    expect(p.volatility).toBeCloseTo(vol, 12);
  };

  it("template CMAs, borrowing at 3% + 0.5%, unlevered and up to 200%", () => {
    const unlevered = efficientFrontier({ ...template, borrowingRate: 0.035 });
    const levered = efficientFrontier({ ...template, borrowingRate: 0.035, maxTotal: 2 });
    const at5 = [0.2075511495465091, 0.5848977009069817, 0.20755114954650922];
    check(unlevered, 0.05, at5, 0.03946766636707001);
    check(unlevered, 0.065, [0.75, 0.25, 0], 0.10894379284750458);
    check(levered, 0.05, at5, 0.03946766636707001);
    check(levered, 0.065, [0.40585009140767825, 1.053016453382084, 0], 0.07341749090475337);
    check(levered, 0.08, [0.75, 1.25, 0], 0.11497282287566919);
    check(levered, 0.1, [1.75, 0.25, 0], 0.2583964976542832);
  });

  it("16 assets, borrowing at 2% + 1%, up to 150%", () => {
    const frontier = efficientFrontier(sixteenAssets());
    check(
      frontier,
      0.06,
      [
        0.0, 0.01745828633757887, 0.098232700678658, 0.08694268308973255, 0.024228864113826333,
        0.09055639356354402, 0.06135706480595006, 0.06669380796642506, 0.06660557046532564,
        0.10705924716850576, 0.07758630717748255, 0.08665317040640282, 0.07049598940077172,
        0.024421303756836803, 0.0739319280047469, 0.04777668306421295,
      ],
      0.02228049406869742
    );
    check(
      frontier,
      0.09,
      [
        0.0, 0.0, 0.0, 0.036095165610492, 0.0, 0.08227432567160983, 0.08203679042382497,
        0.13348328812124668, 0.13877130812767557, 0.19574233029503835, 0.15365464062808384,
        0.1955205145303625, 0.15666748177671458, 0.053282612630094754, 0.16514126665744197,
        0.10733027552741507,
      ],
      0.044740612360376
    );
    const top = [0.25502187202700205, 0.47991251189199097, 0.765065616081007];
    check(
      frontier,
      0.12,
      [...new Array(11).fill(0), top[0], 0, 0, top[1], top[2]],
      0.20917553098300867
    );
  });

  it("MAXSHARPE on the template with no premium is the stocks/bonds tangency to 3%, also when 200% is allowed", () => {
    // Cash earns exactly the rate, so the tangency holds none of it; with leverage at the same rate,
    // every scaling of it ties and the unlevered one is returned.
    for (const maxTotal of [1, 2]) {
      const p = maximumSharpe(efficientFrontier({ ...template, maxTotal }), 0.03);
      expectWeights(p, [0.26190476190476186, 0.738095238095238, 0], 12);
    }
  });
});

describe("FRONTIER's points and the objectives on random problems", () => {
  const exposure = (p: FrontierPortfolio) => p.weights.reduce((a, b) => a + b, 0);

  it("spaces the template's levered points equally in volatility, from the least volatile to the highest return", () => {
    const frontier = efficientFrontier({ ...template, maxTotal: 2 });
    const points = frontierPoints(frontier, 20);
    expect(points).toHaveLength(20);
    expect(weights(points[0])).toEqual(weights(minimumVolatility(frontier)));
    expectWeights(points[19], [2, 0, 0], 14);
    const step = (points[19].volatility - points[0].volatility) / 19;
    points.forEach((p, k) => expect(p.volatility).toBeCloseTo(points[0].volatility + k * step, 13));
    points
      .slice(1)
      .forEach((p, k) => expect(p.expectedReturn).toBeGreaterThan(points[k].expectedReturn));
  });

  it("repeats the one portfolio when the least volatile is also the highest-return one", () => {
    const single = efficientFrontier({
      returns: f64(0.05),
      vols: f64(0.1),
      correlations: squareMatrix(1, f64(1)),
      maxTotal: 1,
      borrowingRate: 0,
    });
    expect(frontierPoints(single, 3).map(weights)).toEqual([[1], [1], [1]]);
  });

  /** Random feasible portfolios: random proportions (some zero) scaled to a random exposure in [1, L]. */
  const samples = (problem: FrontierProblem, seed: number) => {
    let state = seed >>> 0 || 1;
    const uniform = () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    const n = problem.returns.length;
    return Array.from({ length: 400 }, () => {
      const u: number[] = Array.from({ length: n }, () =>
        uniform() < 0.3 ? 0 : -Math.log(1 - uniform())
      );
      if (!u.some((v) => v > 0)) u[0] = 1;
      const sum = u.reduce((a, b) => a + b, 0);
      const total = 1 + uniform() * (problem.maxTotal - 1);
      const w = u.map((v) => (v / sum) * total);
      let e = 0;
      let variance = 0;
      for (let i = 0; i < n; i++) {
        e += w[i] * problem.returns[i];
        for (let j = 0; j < n; j++)
          variance +=
            w[i] * w[j] * problem.vols[i] * problem.vols[j] * problem.correlations.data[i * n + j];
      }
      const t = w.reduce((a, b) => a + b, 0);
      return { e: e - (t - 1) * problem.borrowingRate, vol: Math.sqrt(variance) };
    });
  };

  it("property: every reported portfolio is feasible and no random feasible portfolio beats it on its objective", () => {
    fc.assert(
      fc.property(randomProblem, fc.integer(), (problem, seed) => {
        const frontier = efficientFrontier(problem);
        const rate = problem.borrowingRate * 0.7;
        const points = frontierPoints(frontier, 7);
        const others = samples(problem, seed);
        const reported = [...points];
        for (const p of points) {
          // Efficient: nothing at most as volatile earns more; nothing earning as much is less volatile.
          for (const s of others) {
            if (s.vol <= p.volatility) expect(s.e).toBeLessThanOrEqual(p.expectedReturn + 1e-12);
            if (s.e >= p.expectedReturn) expect(s.vol).toBeGreaterThanOrEqual(p.volatility - 1e-12);
          }
          // Each point also solves MINVOL for its return and MAXRETURN for its volatility. (Near the
          // least volatile portfolio the frontier is vertical, dE/dσ = ∞, so E from σ is known less
          // precisely than σ from E.)
          const minVol = minimumVolatilityFor(frontier, p.expectedReturn);
          const maxReturn = maximumReturnFor(frontier, p.volatility);
          reported.push(minVol, maxReturn);
          expect(Math.abs(minVol.volatility - p.volatility)).toBeLessThanOrEqual(
            1e-10 * p.volatility
          );
          expect(maxReturn.volatility).toBeLessThanOrEqual(p.volatility * (1 + 1e-12));
          expect(maxReturn.expectedReturn).toBeGreaterThanOrEqual(p.expectedReturn - 1e-9);
        }
        if (highestReturn(frontier).expectedReturn > rate) {
          const best = maximumSharpe(frontier, rate);
          reported.push(best);
          for (const s of others)
            expect((s.e - rate) / s.vol).toBeLessThanOrEqual(sharpe(best, rate) + 1e-12);
          for (const p of points)
            expect(sharpe(p, rate)).toBeLessThanOrEqual(sharpe(best, rate) + 1e-12);
        }
        for (const p of reported) {
          p.weights.forEach((w) => expect(w).toBeGreaterThanOrEqual(0));
          expect(exposure(p)).toBeGreaterThanOrEqual(1 - 1e-12);
          expect(exposure(p)).toBeLessThanOrEqual(problem.maxTotal + 1e-12);
        }
      }),
      { numRuns: 100 }
    );
  });
});
