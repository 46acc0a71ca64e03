import fc from "fast-check";
import { cagr } from "../../src/core/cagr";
import { seriesA } from "../fixtures/series-example";

describe("cagr", () => {
  it("matches numpy: np.prod(1 + a) ** (252 / 10) − 1 = 2.0950812600191684", () => {
    expect(cagr(seriesA, 252)).toBeCloseTo(2.0950812600191684, 12);
  });

  it("matches numpy with monthly data: np.prod(1 + a) ** (12 / 10) − 1 = 0.05527423795172526", () => {
    expect(cagr(seriesA, 12)).toBeCloseTo(0.05527423795172526, 15);
  });

  it("by hand: 21% over two years of annual data → √1.21 − 1 = 10%", () => {
    expect(cagr(Float64Array.of(0.1, 0.1), 1)).toBeCloseTo(0.1, 15);
  });

  it("is −100% once wiped out", () => {
    expect(cagr(Float64Array.of(0.5, -1, 0.5), 1)).toBe(-1);
  });

  it("refuses a non-positive ppy and an empty series", () => {
    expect(() => cagr(seriesA, 0)).toThrow("ppy: must be positive");
    expect(() => cagr(new Float64Array(0))).toThrow("returns: empty");
  });

  it("property: a constant return r per year compounds to r", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.9, max: 2, noNaN: true }),
        fc.integer({ min: 1, max: 40 }),
        (r, years) => {
          return Math.abs(cagr(new Float64Array(years).fill(r), 1) - r) < 1e-12;
        }
      )
    );
  });
});
