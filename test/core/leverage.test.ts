import { leverageFor } from "../../src/core/leverage";
import { squareMatrix } from "../../src/core/matrix";
import { portfolio } from "../../src/core/portfolio";
import { correlations, vols, weights, worked } from "../fixtures/stacked-example";

describe("leverageFor", () => {
  it("60/40 of two uncorrelated 10%-vol assets has σ = √(0.36 + 0.16)·10% = 7.2111%; 10% target → 1.386750", () => {
    const p = portfolio(
      Float64Array.of(0.6, 0.4),
      Float64Array.of(0.1, 0.1),
      squareMatrix(2, Float64Array.of(1, 0, 0, 1))
    );
    expect(leverageFor(0.1, p)).toBeCloseTo(1 / Math.sqrt(0.52), 14);
  });

  it("scales the DESIGN.md §1 stack (σ 14.4326%) to 10%: k = 0.1 / 0.144326", () => {
    expect(leverageFor(0.1, portfolio(weights, vols, correlations))).toBeCloseTo(
      0.1 / worked.vol,
      5
    );
  });

  it("is #DIV/0! without volatility and #VALUE! for a negative target", () => {
    const flat = portfolio(Float64Array.of(0, 0, 0), vols, correlations);
    expect(() => leverageFor(0.1, flat)).toThrow(expect.objectContaining({ kind: "div0" }));
    expect(() => leverageFor(-0.1, portfolio(weights, vols, correlations))).toThrow(
      expect.objectContaining({ kind: "value", message: "target_vol: negative" })
    );
  });
});
