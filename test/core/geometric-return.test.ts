import fc from "fast-check";
import { geometricReturn } from "../../src/core/geometric-return";

describe("geometricReturn", () => {
  it("DESIGN.md §1: μ 6.70%, σ 10.50% → 6.18% (√(1.067² − 0.105²) − 1 = √1.127464 − 1 = 0.0618212)", () => {
    expect(geometricReturn(0.067, 0.105)).toBeCloseTo(0.0618, 4);
    expect(geometricReturn(0.067, 0.105)).toBeCloseTo(Math.sqrt(1.127464) - 1, 15);
  });

  it("approx: 6.70% − 0.105²/2 = 6.14875%", () => {
    expect(geometricReturn(0.067, 0.105, "approx")).toBeCloseTo(0.0614875, 15);
  });

  it("refuses a volatility above 1 + μ, a loss beyond −100% and a negative volatility", () => {
    expect(() => geometricReturn(0.05, 1.2)).toThrow("vol: exceeds 1 + arith_return");
    expect(() => geometricReturn(-1.5, 0.1)).toThrow("arith_return: must be above -100%");
    expect(() => geometricReturn(0.05, -0.1)).toThrow("vol: negative");
  });

  it("property: compounding never beats the arithmetic return, and equals it without volatility", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.5, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (mu, sigma) => {
          return (
            geometricReturn(mu, sigma) <= mu + 1e-15 &&
            Math.abs(geometricReturn(mu, 0) - mu) < 1e-15
          );
        }
      )
    );
  });
});
