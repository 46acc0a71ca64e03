import { calmar } from "../../src/core/calmar";
import { seriesA } from "../fixtures/series-example";

describe("calmar", () => {
  it("matches numpy: CAGR 2.0950812600191684 / |−0.04| = 52.37703150047916", () => {
    expect(calmar(seriesA, 252)).toBeCloseTo(52.37703150047916, 11);
  });

  it("by hand: +10%, −50%, +20% as one year (ppy 3): CAGR 0.66 − 1 = −0.34, max DD −0.5 → −0.68", () => {
    expect(calmar(Float64Array.of(0.1, -0.5, 0.2), 3)).toBeCloseTo(-0.68, 14);
  });

  it("is #DIV/0! without a drawdown", () => {
    expect(() => calmar(Float64Array.of(0.01, 0.02))).toThrow(
      expect.objectContaining({ kind: "div0", message: "no drawdown" })
    );
  });
});
