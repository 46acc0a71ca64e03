import fc from "fast-check";
import { annualVolatility } from "../../src/core/annual-volatility";
import { mean, sampleStd } from "../../src/core/moments";
import { seriesA } from "../fixtures/series-example";

describe("annualVolatility", () => {
  it("matches numpy: np.std(a, ddof=1) * np.sqrt(252) = 0.41522620341206795", () => {
    expect(annualVolatility(seriesA)).toBeCloseTo(0.41522620341206795, 15);
  });

  it("matches numpy with ppy 12: np.std(a, ddof=1) * np.sqrt(12) = 0.09060978607928248", () => {
    expect(annualVolatility(seriesA, 12)).toBeCloseTo(0.09060978607928248, 15);
  });

  it("is exactly 0 for a constant series", () => {
    expect(annualVolatility(new Float64Array(7).fill(0.01))).toBe(0);
  });

  it("is #DIV/0! for a single return (n − 1 = 0)", () => {
    expect(() => annualVolatility(Float64Array.of(0.01))).toThrow(
      expect.objectContaining({ kind: "div0" })
    );
  });

  it("refuses an empty series and a bad ppy", () => {
    expect(() => annualVolatility(new Float64Array(0))).toThrow("returns: empty");
    expect(() => annualVolatility(seriesA, -252)).toThrow("ppy: must be positive");
  });
});

describe("moments", () => {
  it("by hand: mean of 1, 2, 6 is 3 and the sample std is √((4 + 1 + 9) / 2) = √7", () => {
    expect(mean(Float64Array.of(1, 2, 6))).toBe(3);
    expect(sampleStd(Float64Array.of(1, 2, 6))).toBeCloseTo(Math.sqrt(7), 15);
  });

  it("property: shifting a series leaves its standard deviation unchanged", () => {
    const values = fc.array(fc.double({ min: -1, max: 1, noNaN: true }), {
      minLength: 2,
      maxLength: 40,
    });
    fc.assert(
      fc.property(values, fc.double({ min: -1, max: 1, noNaN: true }), (v, shift) => {
        const a = sampleStd(Float64Array.from(v));
        const b = sampleStd(Float64Array.from(v, (x) => x + shift));
        return Math.abs(a - b) < 1e-12;
      })
    );
  });
});
