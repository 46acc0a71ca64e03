import fc from "fast-check";
import { normalCdf, normalQuantile } from "../../src/core/normal";

// Reference values from Python 3.11's statistics.NormalDist (inv_cdf: Wichura's AS241) and, for the
// tails, 0.5·math.erfc(−x/√2), computed independently of this code.
describe("normalCdf", () => {
  it.each([
    [1.2, 0.8849303297782917],
    [0.5, 0.6914624612740131],
    [-3, 0.0013498980316301035],
    [0, 0.5],
  ])("Φ(%p) = %p", (x, p) => {
    expect(normalCdf(x)).toBeCloseTo(p, 15);
  });

  it.each([
    [-0.3, 0.3820885778110474],
    [-1, 0.15865525393145705],
    [-2.5, 0.006209665325776135],
    [-2.82, 0.0024011824741892516],
    [-2.83, 0.0023274002067315545],
    [-4, 3.1671241833119924e-5],
    [-6, 9.86587645037698e-10],
    [-8, 6.220960574271784e-16],
    [-20, 2.7536241186062337e-89],
    [-37, 5.725571222524577e-300],
  ])(
    "keeps relative precision in the lower tail: Φ(%p) = %p (test/fixtures/normal_reference.py, 60 digits)",
    (x, p) => {
      expect(normalCdf(x) / p).toBeCloseTo(1, 13);
      expect(normalCdf(-x)).toBeCloseTo(1 - p, 15);
    }
  );
});

describe("normalQuantile", () => {
  it.each([
    [0.975, 1.9599639845400536],
    [0.1, -1.2815515655446008],
    [0.25, -0.6744897501960817],
    [0.01, -2.3263478740408408],
    [1e-10, -6.361340902404056],
  ])("Φ⁻¹(%p) = %p", (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 13);
  });

  it("property: Φ(Φ⁻¹(p)) = p", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }),
        (p) => Math.abs(normalCdf(normalQuantile(p)) - p) < 1e-14
      )
    );
  });

  it("property: symmetric, Φ⁻¹(1 − p) = −Φ⁻¹(p)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-9, max: 0.5, noNaN: true }),
        (p) => Math.abs(normalQuantile(1 - p) + normalQuantile(p)) < 1e-8
      )
    );
  });
});
