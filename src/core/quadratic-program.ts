import { choleskyInPlace, choleskySolveInPlace } from "./cholesky";
import { StackError } from "./errors";
import { SquareMatrix } from "./matrix";

/**
 * Small dense convex quadratic programs with non-negative variables:
 *
 *   minimise ½·xᵀGx + gᵀx  subject to  x ≥ 0,  cₖᵀx ≥ bₖ (or cₖᵀx = bₖ for an equality),
 *
 * with G symmetric positive definite, solved by the primal active-set method (Nocedal & Wright,
 * Numerical Optimization, 2nd ed., Algorithm 16.3). A working set holds some constraints as equalities
 * — variables fixed at 0 and active linear constraints — and the equality-constrained problem on it is
 * solved exactly ({@link workingSetSolver}); steps move towards its solution until a constraint blocks,
 * and a constraint leaves the working set when its Lagrange multiplier is negative. At the end every
 * KKT condition holds: x is feasible, Gx + g − Σₖ yₖcₖ − z = 0 with y ≥ 0 on inequalities, z ≥ 0 on
 * the bounds, and yₖ = 0 or cₖᵀx = bₖ, zᵢ = 0 or xᵢ = 0 (complementarity).
 */

/** cᵀx ≥ bound, or cᵀx = bound when `equality`. */
export interface LinearConstraint {
  readonly coefficients: Float64Array;
  readonly bound: number;
  readonly equality?: boolean;
}

export interface QuadraticProgram {
  /** G: symmetric positive definite. */
  readonly hessian: SquareMatrix;
  /** g. */
  readonly linear: Float64Array;
  readonly constraints: readonly LinearConstraint[];
}

/** The constraints held as equalities: variables fixed at 0, and the linear constraints that are active. */
export interface WorkingSet {
  /** 1 where xᵢ is held at 0. */
  readonly fixed: Uint8Array;
  /** Indices into the program's constraints (equalities always among them), increasing. */
  readonly active: readonly number[];
}

/** The minimiser on a working set and its Lagrange multipliers. */
export interface WorkingSetSolution {
  readonly x: Float64Array;
  /** yₖ for each active constraint, in the order of `active`. */
  readonly constraintMultipliers: Float64Array;
  /** zᵢ for each fixed variable (the multiplier of xᵢ ≥ 0); 0 for free variables. */
  readonly boundMultipliers: Float64Array;
}

export interface QuadraticProgramSolution extends WorkingSetSolution {
  readonly working: WorkingSet;
}

/** Thrown when the working set's equations have no unique solution: a defect of the caller, not of the input. */
function defect(what: string): StackError {
  return new StackError("value", `optimiser: ${what}`);
}

/**
 * Factor the equality-constrained problem on a working set once, for any linear term and bounds:
 * minimise ½xᵀGx + gᵀx subject to xᵢ = 0 (i fixed) and cₖᵀx = bₖ (k active). With F the free variables,
 * the KKT equations are G_FF·x_F − C_Fᵀ·y = −g_F and C_F·x_F = b. With G_FF = LLᵀ (Cholesky) and
 * V = G_FF⁻¹C_Fᵀ: x_F = u + V·y where u = −G_FF⁻¹g_F, and the Schur complement S = C_F·V (positive
 * definite when the active rows are independent on F) gives S·y = b − C_F·u. The bound multipliers are
 * zᵢ = (Gx + g − Cᵀy)ᵢ for fixed i.
 * @throws when G_FF is not positive definite or the active constraints are dependent on the free variables
 * @example workingSetSolver(identity(2), [sumToOne], { fixed: [0, 0], active: [0] })([-1, 0], [1]).x // [1, 0]: min ½|x|² − x₁, x₁ + x₂ = 1
 */
export function workingSetSolver(
  hessian: SquareMatrix,
  constraints: readonly LinearConstraint[],
  working: WorkingSet
): (linear: Float64Array, bounds: Float64Array) => WorkingSetSolution {
  const { n, data: g } = hessian;
  const free: number[] = [];
  for (let i = 0; i < n; i++) if (working.fixed[i] === 0) free.push(i);
  const m = free.length;
  const k = working.active.length;
  const rows = working.active.map((j) => constraints[j].coefficients);
  if (k > m) throw defect(`${k} active constraints on ${m} free variables`);

  const l = new Float64Array(m * m);
  for (let a = 0; a < m; a++) for (let b = 0; b <= a; b++) l[a * m + b] = g[free[a] * n + free[b]];
  if (!choleskyInPlace(l, m)) throw defect("the covariance matrix is not positive definite");
  // V's columns: G_FF⁻¹·(row j restricted to F).
  const v = rows.map((row) =>
    choleskySolveInPlace(
      l,
      m,
      Float64Array.from(free, (i) => row[i])
    )
  );
  const s = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b <= a; b++) {
      let dot = 0;
      for (let f = 0; f < m; f++) dot += rows[a][free[f]] * v[b][f];
      s[a * k + b] = dot;
    }
  }
  // A pivot below 1e-10 of its diagonal: that constraint is (nearly) a combination of the ones before it.
  if (!choleskyInPlace(s, k, 1e-10)) throw defect("dependent active constraints");

  return (linear, bounds) => {
    const u = choleskySolveInPlace(
      l,
      m,
      Float64Array.from(free, (i) => -linear[i])
    );
    const y = new Float64Array(k);
    for (let a = 0; a < k; a++) {
      let cu = 0;
      for (let f = 0; f < m; f++) cu += rows[a][free[f]] * u[f];
      y[a] = bounds[a] - cu;
    }
    choleskySolveInPlace(s, k, y);
    const x = new Float64Array(n);
    for (let f = 0; f < m; f++) {
      let xf = u[f];
      for (let a = 0; a < k; a++) xf += v[a][f] * y[a];
      x[free[f]] = xf;
    }
    const z = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (working.fixed[i] === 0) continue;
      let gradient = linear[i];
      for (let j = 0; j < n; j++) gradient += g[i * n + j] * x[j];
      for (let a = 0; a < k; a++) gradient -= y[a] * rows[a][i];
      z[i] = gradient;
    }
    return { x, constraintMultipliers: y, boundMultipliers: z };
  };
}

const dot = (a: Float64Array, b: Float64Array) => {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += a[i] * b[i];
  return total;
};

/** Largest |value|, at least `floor`. */
function scaleOf(values: ArrayLike<number>, floor: number): number {
  let largest = floor;
  for (let i = 0; i < values.length; i++) largest = Math.max(largest, Math.abs(values[i]));
  return largest;
}

/** Relative tolerance of feasibility and of the step and multiplier tests. */
const TOLERANCE = 1e-12;

/**
 * Solve the program from a feasible start by the primal active-set method.
 * @param start a feasible point (x ≥ 0 and every constraint met), e.g. a vertex known to the caller
 * @throws #VALUE! (as a defect) when the start is infeasible or the method does not finish in 50·(n + constraints) steps
 * @example solveQuadraticProgram({ hessian: identity(2), linear: [-1, 0], constraints: [{ coefficients: [1, 1], bound: 1, equality: true }] }, [0, 1]).x // [1, 0]
 */
export function solveQuadraticProgram(
  program: QuadraticProgram,
  start: Float64Array
): QuadraticProgramSolution {
  const { hessian, linear, constraints } = program;
  const n = hessian.n;
  const x = Float64Array.from(start);
  const xScale = scaleOf(x, 1);
  const feasibility = TOLERANCE * xScale * 100;
  const slack = (k: number) => dot(constraints[k].coefficients, x) - constraints[k].bound;
  for (let i = 0; i < n; i++) if (x[i] < -feasibility) throw defect("infeasible start");
  constraints.forEach((c, k) => {
    const gap = slack(k);
    if (gap < -feasibility || (c.equality && gap > feasibility)) throw defect("infeasible start");
  });

  // The starting working set: the equalities, then the variables at 0 and the active inequalities,
  // as far as they stay independent of what is already in it (all the variables at 0 at once when
  // they can: a vertex start fixes nearly every variable).
  const fixed = new Uint8Array(n);
  let active: number[] = [];
  const independent = () => {
    try {
      workingSetSolver(hessian, constraints, { fixed, active });
      return true;
    } catch {
      return false;
    }
  };
  /** Put a bound or a constraint in the working set unless that makes it dependent. */
  const addIfIndependent = (kind: "bound" | "constraint", index: number) => {
    if (kind === "bound") fixed[index] = 1;
    else active = [...active, index].sort((a, b) => a - b);
    if (independent()) return true;
    if (kind === "bound") fixed[index] = 0;
    else active = active.filter((k) => k !== index);
    return false;
  };
  constraints.forEach((c, k) => c.equality && active.push(k));
  if (!independent()) throw defect("dependent equality constraints");
  const atZero: number[] = [];
  for (let i = 0; i < n; i++) if (x[i] <= feasibility) atZero.push(i);
  atZero.forEach((i) => (fixed[i] = 1));
  if (!independent()) {
    atZero.forEach((i) => (fixed[i] = 0));
    atZero.forEach((i) => addIfIndependent("bound", i));
  }
  for (let i = 0; i < n; i++) if (fixed[i] === 1) x[i] = 0;
  constraints.forEach((c, k) => {
    if (!c.equality && Math.abs(slack(k)) <= feasibility) addIfIndependent("constraint", k);
  });

  const multiplierScale = scaleOf(linear, 0) + scaleOf(hessian.data, 0) * xScale + Number.MIN_VALUE;
  const maxIterations = 50 * (n + constraints.length);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const working = { fixed, active };
    const solution = workingSetSolver(
      hessian,
      constraints,
      working
    )(
      linear,
      Float64Array.from(active, (k) => constraints[k].bound)
    );
    const p = new Float64Array(n);
    for (let i = 0; i < n; i++) p[i] = solution.x[i] - x[i];
    if (scaleOf(p, 0) <= feasibility) {
      // At the minimiser of the working set: optimal unless a multiplier says a constraint should leave.
      let worst = -TOLERANCE * multiplierScale;
      let leaving: { kind: "bound" | "constraint"; index: number } | undefined;
      active.forEach((k, a) => {
        const y = solution.constraintMultipliers[a];
        if (!constraints[k].equality && y < worst) {
          worst = y;
          leaving = { kind: "constraint", index: k };
        }
      });
      for (let i = 0; i < n; i++) {
        if (fixed[i] === 1 && solution.boundMultipliers[i] < worst) {
          worst = solution.boundMultipliers[i];
          leaving = { kind: "bound", index: i };
        }
      }
      if (leaving === undefined) return { ...solution, working };
      if (leaving.kind === "bound") fixed[leaving.index] = 0;
      else active = active.filter((k) => k !== leaving!.index);
      x.set(solution.x);
      continue;
    }
    // Step towards the minimiser until the first constraint outside the working set blocks. A
    // constraint (or bound) the whole step would break by no more than the feasibility tolerance does
    // not block, nor one that depends on the working set: with exact arithmetic the step keeps to the
    // working set, so such a constraint is met along it, and rounding must not add it.
    const blockers: { ratio: number; kind: "bound" | "constraint"; index: number }[] = [];
    for (let i = 0; i < n; i++) {
      if (fixed[i] === 0 && x[i] + p[i] < -feasibility)
        blockers.push({ ratio: Math.max(0, -x[i] / p[i]), kind: "bound", index: i });
    }
    constraints.forEach((c, k) => {
      if (active.includes(k)) return;
      const rate = dot(c.coefficients, p);
      if (slack(k) + rate < -feasibility)
        blockers.push({ ratio: Math.max(0, slack(k) / -rate), kind: "constraint", index: k });
    });
    blockers.sort((a, b) => a.ratio - b.ratio);
    const blocking = blockers.find((b) => b.ratio < 1 && addIfIndependent(b.kind, b.index));
    const step = blocking?.ratio ?? 1;
    for (let i = 0; i < n; i++) x[i] += step * p[i];
    if (blocking?.kind === "bound") x[blocking.index] = 0;
  }
  throw defect(`no solution after ${maxIterations} steps`);
}
