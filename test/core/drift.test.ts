import { growHoldings, hasDrifted, rescale, setHoldings } from "../../src/core/drift";

describe("drifting holdings", () => {
  it("by hand: 55/45 at value 2 → holdings 1.1 and 0.9; +10% / −10% → 1.21 and 0.81, total 2.02", () => {
    const held = new Float64Array(2);
    setHoldings(held, Float64Array.of(0.55, 0.45), 2);
    expect(Array.from(held)).toEqual([1.1, 0.9]);
    expect(growHoldings(held, [Float64Array.of(0.1), Float64Array.of(-0.1)], 0)).toBeCloseTo(
      2.02,
      15
    );
    expect(held[0]).toBeCloseTo(1.21, 15);
    expect(held[1]).toBeCloseTo(0.81, 15);
  });

  it("detects drift beyond the band: weights 1.21/2.02 = 0.599 vs 0.55 is 4.9 points off", () => {
    const held = Float64Array.of(1.21, 0.81);
    const target = Float64Array.of(0.55, 0.45);
    expect(hasDrifted(held, target, 2.02, 0.05)).toBe(false);
    expect(hasDrifted(held, target, 2.02, 0.04)).toBe(true);
  });

  it("rescales holdings by a factor", () => {
    const held = Float64Array.of(4, -2);
    rescale(held, 4);
    expect(Array.from(held)).toEqual([1, -0.5]);
  });
});
