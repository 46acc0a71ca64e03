import fc from "fast-check";
import { expectedReturn } from "../../src/core/expected-return";

describe("expectedReturn", () => {
  it("issue #2 worked value: 7% + 5% − (3% + 0.4%) − 1% = 7.6%", () => {
    expect(
      expectedReturn(Float64Array.of(1, 1), Float64Array.of(0.07, 0.05), {
        financingRate: 0.03,
        premium: 0.004,
        fee: 0.01,
      })
    ).toBeCloseTo(0.076, 15);
  });

  it("explicit form: cash at −100% and no premium or fee gives 7% + 5% − 3% = 9%", () => {
    expect(
      expectedReturn(Float64Array.of(1, 1, -1), Float64Array.of(0.07, 0.05, 0.03))
    ).toBeCloseTo(0.09, 15);
  });

  it("explicit and implicit forms agree with a premium and a fee", () => {
    const implicit = expectedReturn(Float64Array.of(1, 1), Float64Array.of(0.07, 0.05), {
      financingRate: 0.03,
      premium: 0.004,
      fee: 0.01,
    });
    const explicit = expectedReturn(Float64Array.of(1, 1, -1), Float64Array.of(0.07, 0.05, 0.03), {
      premium: 0.004,
      fee: 0.01,
    });
    expect(explicit).toBeCloseTo(implicit, 15);
  });

  it("earns the financing rate on unlent cash and pays no premium: 60% stocks, 40% cash at 3% → 4.2% + 1.2%", () => {
    expect(
      expectedReturn(Float64Array.of(0.6), Float64Array.of(0.07), {
        financingRate: 0.03,
        premium: 0.01,
      })
    ).toBeCloseTo(0.054, 15);
  });

  it("refuses returns of another length", () => {
    expect(() => expectedReturn(Float64Array.of(1, 1), Float64Array.of(0.07))).toThrow(
      "returns: 1 items, expected 2 (one per weight)"
    );
  });

  it("property: implicit and explicit financing agree for any weights", () => {
    const small = fc.double({ min: -2, max: 3, noNaN: true });
    fc.assert(
      fc.property(small, small, fc.double({ min: 0, max: 0.1, noNaN: true }), (a, b, rate) => {
        const implicit = expectedReturn(Float64Array.of(a, b), Float64Array.of(0.07, 0.05), {
          financingRate: rate,
        });
        const explicit = expectedReturn(
          Float64Array.of(a, b, 1 - a - b),
          Float64Array.of(0.07, 0.05, rate)
        );
        return Math.abs(implicit - explicit) < 1e-12;
      })
    );
  });
});
