/**
 * The standard normal distribution to double precision.
 *
 * Φ(x) = ½·erfc(−x/√2). erfc is summed from two expansions, each used where it converges without
 * cancellation: for z < 1 the all-positive series erf(z) = (2/√π)·e^(−z²)·Σ 2ⁿz^(2n+1)/(1·3·…·(2n+1))
 * (Abramowitz & Stegun 7.1.6), and for z ≥ 1 the continued fraction
 * erfc(z) = (e^(−z²)/√π) / (z + ½/(z + 1/(z + (3/2)/(z + …)))) (A&S 7.1.14), evaluated by Lentz's method.
 * Φ⁻¹(p) starts from Acklam's rational approximation (relative error 1.15e-9) and takes one Halley
 * step on Φ, which brings it to full double precision.
 */

const SQRT_2PI = 2.5066282746310002;
const SQRT_PI = 1.7724538509055159;
const EPSILON = 1e-17;

/** erfc(z) for z ≥ 0, with e^(−z²) passed in so callers can form the exponent exactly. */
function erfc(z: number, expMinusZ2: number): number {
  if (z < 1) {
    let term = z;
    let series = z;
    for (let n = 1; term > EPSILON * series; n++) {
      term *= (2 * z * z) / (2 * n + 1);
      series += term;
    }
    return 1 - (2 / SQRT_PI) * expMinusZ2 * series;
  }
  // Lentz: f = b₀ + a₁/(b₁ + a₂/(b₂ + …)) with every b = z and aₖ = k/2.
  const tiny = 1e-300;
  let f = z;
  let c = z;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = z + a * d;
    c = z + a / c;
    if (Math.abs(d) < tiny) d = tiny;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return expMinusZ2 / SQRT_PI / f;
}

/**
 * Standard normal cumulative distribution Φ(x) = P(Z ≤ x), with full relative precision in both tails.
 * @example normalCdf(1.959963984540054) // 0.975
 */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  // e^(−x²/2) with x² split as xₕ² + (x − xₕ)(x + xₕ), xₕ = x rounded to 1/16, so that the rounding
  // of x² does not cost relative precision in the far tail (Cody's device).
  const xh = Math.round(x * 16) / 16;
  const density = Math.exp((-xh * xh) / 2) * Math.exp((-(x - xh) * (x + xh)) / 2);
  const tail = 0.5 * erfc(z, density); // P(Z > |x|)
  return x > 0 ? 1 - tail : tail;
}

const A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2,
  -3.066479806614716e1, 2.506628277459239,
];
const B = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1,
  -1.328068155288572e1,
];
const C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734,
  4.374664141464968, 2.938163982698783,
];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/**
 * Inverse standard normal Φ⁻¹(p) for 0 < p < 1 (NORM.S.INV in Excel).
 * @example normalQuantile(0.975) // 1.959963984540054
 */
export function normalQuantile(p: number): number {
  let x: number;
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
      ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  } else if (p <= 1 - P_LOW) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
      (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
      ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  // One Halley step on f(x) = Φ(x) − p; u = f/f' with f' the normal density.
  const error = p < 0.5 ? normalCdf(x) - p : 1 - p - normalCdf(-x);
  const u = error * SQRT_2PI * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}
