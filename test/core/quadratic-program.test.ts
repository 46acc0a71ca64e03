import fc from "fast-check";
import { squareMatrix } from "../../src/core/matrix";
import {
  LinearConstraint,
  QuadraticProgram,
  QuadraticProgramSolution,
  solveQuadraticProgram,
} from "../../src/core/quadratic-program";

const f64 = (...v: number[]) => Float64Array.from(v);
const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

/**
 * The KKT conditions of min ½xᵀGx + gᵀx s.t. x ≥ 0, cₖᵀx ≥ bₖ (= for equalities), checked from the
 * problem's own data: feasibility, stationarity Gx + g − Σₖ yₖcₖ − z = 0, y ≥ 0 on inequalities, z ≥ 0,
 * complementarity. For a convex program they are sufficient: x is the minimiser.
 */
function expectKkt(program: QuadraticProgram, solution: QuadraticProgramSolution, tol = 1e-9) {
  const { hessian, linear, constraints } = program;
  const { n, data } = hessian;
  const { x, working, constraintMultipliers, boundMultipliers } = solution;
  const y = new Float64Array(constraints.length);
  working.active.forEach((k, a) => (y[k] = constraintMultipliers[a]));
  const scale = 1 + Math.max(...Array.from(x, Math.abs));
  for (let i = 0; i < n; i++) expect(x[i]).toBeGreaterThanOrEqual(-tol * scale);
  constraints.forEach((c, k) => {
    const slack = dot(c.coefficients, x) - c.bound;
    expect(slack).toBeGreaterThanOrEqual(-tol * scale);
    if (c.equality) expect(Math.abs(slack)).toBeLessThanOrEqual(tol * scale);
    else {
      expect(y[k]).toBeGreaterThanOrEqual(-tol);
      expect(Math.abs(y[k] * slack)).toBeLessThanOrEqual(tol * scale);
    }
  });
  for (let i = 0; i < n; i++) {
    let gradient = linear[i];
    for (let j = 0; j < n; j++) gradient += data[i * n + j] * x[j];
    constraints.forEach((c, k) => (gradient -= y[k] * c.coefficients[i]));
    const z = boundMultipliers[i];
    expect(Math.abs(gradient - z)).toBeLessThanOrEqual(tol * 100 * scale);
    expect(z).toBeGreaterThanOrEqual(-tol);
    expect(Math.abs(z * x[i])).toBeLessThanOrEqual(tol * scale);
  }
}

const objective = (p: QuadraticProgram, x: ArrayLike<number>) => {
  const { n, data } = p.hessian;
  let q = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) q += x[i] * data[i * n + j] * x[j];
  return q / 2 + dot(p.linear, x);
};

describe("solveQuadraticProgram (primal active-set method)", () => {
  it("solves Nocedal & Wright's Example 16.4 from (2, 0): x* = (1.4, 1.7), multiplier 0.8 on the first constraint", () => {
    // min (x₁ − 1)² + (x₂ − 2.5)² = ½xᵀ(2I)x + (−2, −5)ᵀx + const, subject to x₁ − 2x₂ + 2 ≥ 0,
    // −x₁ − 2x₂ + 6 ≥ 0, −x₁ + 2x₂ + 2 ≥ 0, x ≥ 0 (Numerical Optimization, 2nd ed., pp. 475–476).
    const program: QuadraticProgram = {
      hessian: squareMatrix(2, f64(2, 0, 0, 2)),
      linear: f64(-2, -5),
      constraints: [
        { coefficients: f64(1, -2), bound: -2 },
        { coefficients: f64(-1, -2), bound: -6 },
        { coefficients: f64(-1, 2), bound: -2 },
      ],
    };
    const solution = solveQuadraticProgram(program, f64(2, 0));
    expect(solution.x[0]).toBeCloseTo(1.4, 12);
    expect(solution.x[1]).toBeCloseTo(1.7, 12);
    // Stationarity by hand: Gx + g = (0.8, −1.6) = 0.8·(1, −2).
    expect(solution.working.active).toEqual([0]);
    expect(solution.constraintMultipliers[0]).toBeCloseTo(0.8, 12);
    expectKkt(program, solution);
  });

  it("projects (0.5, 0.3, −0.2) onto the simplex: (0.6, 0.4, 0) (Duchi et al. 2008: θ = (0.5 + 0.3 − 1)/2 = −0.1)", () => {
    const program: QuadraticProgram = {
      hessian: squareMatrix(3, f64(1, 0, 0, 0, 1, 0, 0, 0, 1)),
      linear: f64(-0.5, -0.3, 0.2),
      constraints: [{ coefficients: f64(1, 1, 1), bound: 1, equality: true }],
    };
    const solution = solveQuadraticProgram(program, f64(0, 0, 1));
    expect(Array.from(solution.x).map((v) => +v.toFixed(12))).toEqual([0.6, 0.4, 0]);
    // The equality's multiplier is −θ = 0.1; the bound on x₃ has z = x₃ − p₃ − y = 0 + 0.2 − 0.1 = 0.1.
    expect(solution.constraintMultipliers[0]).toBeCloseTo(0.1, 12);
    expect(solution.boundMultipliers[2]).toBeCloseTo(0.1, 12);
    expectKkt(program, solution);
  });

  it("property: from any feasible start, the answer meets every KKT condition and beats the start", () => {
    const problem = fc.integer({ min: 1, max: 8 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        m: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), {
          minLength: n * n,
          maxLength: n * n,
        }),
        g: fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: n, maxLength: n }),
        // Starts and constraint coefficients on a grid of tenths: zeros, ties and degenerate vertices
        // come up often, denormal coefficients (no meaning in a portfolio) never.
        start: fc.array(
          fc.integer({ min: 0, max: 20 }).map((k) => k / 10),
          {
            minLength: n,
            maxLength: n,
          }
        ),
        rows: fc.array(
          fc.record({
            c: fc.array(
              fc.integer({ min: -20, max: 20 }).map((k) => k / 10),
              {
                minLength: n,
                maxLength: n,
              }
            ),
            slack: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
          }),
          { maxLength: 3 }
        ),
        budget: fc.boolean(),
      })
    );
    fc.assert(
      fc.property(problem, ({ n, m, g, start, rows, budget }) => {
        const h = new Float64Array(n * n);
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) {
            let s = i === j ? 0.1 : 0;
            for (let k = 0; k < n; k++) s += m[k * n + i] * m[k * n + j];
            h[i * n + j] = s;
          }
        const x0 = Float64Array.from(start);
        const constraints: LinearConstraint[] = rows.map(({ c, slack }) => ({
          coefficients: Float64Array.from(c),
          bound: dot(c, x0) - slack,
        }));
        const total = x0.reduce((a, b) => a + b, 0);
        if (budget && total > 0)
          constraints.unshift({
            coefficients: new Float64Array(n).fill(1),
            bound: total,
            equality: true,
          });
        const program = { hessian: squareMatrix(n, h), linear: Float64Array.from(g), constraints };
        const solution = solveQuadraticProgram(program, x0);
        expectKkt(program, solution, 1e-8);
        expect(objective(program, solution.x)).toBeLessThanOrEqual(objective(program, x0) + 1e-9);
      }),
      { numRuns: 500 }
    );
  });

  it("refuses an infeasible start and dependent equalities (defects of the caller, as #VALUE!)", () => {
    const hessian = squareMatrix(2, f64(1, 0, 0, 1));
    const sum = { coefficients: f64(1, 1), bound: 1, equality: true };
    expect(() =>
      solveQuadraticProgram({ hessian, linear: f64(0, 0), constraints: [sum] }, f64(0.2, 0.2))
    ).toThrow("optimiser: infeasible start");
    expect(() =>
      solveQuadraticProgram({ hessian, linear: f64(0, 0), constraints: [] }, f64(-1, 0))
    ).toThrow(expect.objectContaining({ kind: "value" }));
    expect(() =>
      solveQuadraticProgram(
        { hessian, linear: f64(0, 0), constraints: [sum, { ...sum }] },
        f64(0.5, 0.5)
      )
    ).toThrow("optimiser: dependent equality constraints");
  });
});
