import { fillStandardNormals } from "../../src/core/normal-deviates";
import { normalCdf } from "../../src/core/normal";
import { Xoshiro128 } from "../../src/core/rng";

describe("fillStandardNormals", () => {
  const n = 200_000;
  const draws = fillStandardNormals(new Xoshiro128(11), new Float64Array(n));

  it("is reproducible: the same seed gives the same deviates, another seed others", () => {
    const again = fillStandardNormals(new Xoshiro128(11), new Float64Array(n));
    expect(Array.from(again.subarray(0, 100))).toEqual(Array.from(draws.subarray(0, 100)));
    const other = fillStandardNormals(new Xoshiro128(12), new Float64Array(100));
    expect(Array.from(other)).not.toEqual(Array.from(draws.subarray(0, 100)));
  });

  it("has the moments of N(0, 1) within 5 standard errors for 200,000 draws", () => {
    // Standard errors of the sample mean, variance, skewness and excess kurtosis of N(0, 1):
    // 1/√n, √(2/n), √(6/n), √(24/n).
    let m1 = 0;
    for (const x of draws) m1 += x;
    m1 /= n;
    let m2 = 0;
    let m3 = 0;
    let m4 = 0;
    for (const x of draws) {
      const d = x - m1;
      m2 += d * d;
      m3 += d * d * d;
      m4 += d * d * d * d;
    }
    m2 /= n;
    m3 /= n;
    m4 /= n;
    expect(Math.abs(m1)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(m2 - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    expect(Math.abs(m3 / m2 ** 1.5)).toBeLessThan(5 * Math.sqrt(6 / n));
    expect(Math.abs(m4 / (m2 * m2) - 3)).toBeLessThan(5 * Math.sqrt(24 / n));
  });

  it("follows Φ: the Kolmogorov–Smirnov distance is below the 1% critical value 1.628/√n", () => {
    const sorted = Float64Array.from(draws).sort();
    let distance = 0;
    sorted.forEach((x, i) => {
      const cdf = normalCdf(x);
      distance = Math.max(distance, Math.abs(cdf - i / n), Math.abs((i + 1) / n - cdf));
    });
    expect(distance).toBeLessThan(1.628 / Math.sqrt(n));
  });

  it("pairs are independent: the correlation of consecutive deviates is within 5/√n of 0", () => {
    let sum = 0;
    for (let i = 0; i + 1 < n; i += 2) sum += draws[i] * draws[i + 1];
    expect(Math.abs(sum / (n / 2))).toBeLessThan(5 / Math.sqrt(n / 2));
  });

  it("fills an odd length completely, with finite values", () => {
    const odd = fillStandardNormals(new Xoshiro128(3), new Float64Array(7).fill(NaN));
    odd.forEach((x) => expect(Number.isFinite(x)).toBe(true));
  });
});
