import fc from "fast-check";
import { letfDecay } from "../../src/core/decay";

describe("letfDecay", () => {
  it("DESIGN.md §1 / issue #3: +1%, −2%, +3%, −4%, +5% at 3x → 0.068002056 − 3·0.027649952 = −0.0149478", () => {
    // By hand: index 1.01·0.98·1.03·0.96·1.05 = 1.027649952; fund 1.03·0.94·1.09·0.88·1.15 = 1.068002056.
    expect(letfDecay(Float64Array.of(0.01, -0.02, 0.03, -0.04, 0.05), 3)).toBeCloseTo(
      -0.0149478,
      12
    );
  });

  it("is positive for a steady trend: +1% twice at 2x → (1.02² − 1) − 2·(1.01² − 1) = 0.0404 − 0.0402 = 0.0002", () => {
    expect(letfDecay(Float64Array.of(0.01, 0.01), 2)).toBeCloseTo(0.0002, 15);
  });

  it("counts a fund wiped out by a −40% day at 3x as −100%: −1 − 3·(−0.4) = 0.2", () => {
    expect(letfDecay(Float64Array.of(-0.4), 3)).toBeCloseTo(0.2, 15);
  });

  it("refuses an empty series", () => {
    expect(() => letfDecay(new Float64Array(0), 3)).toThrow("index_returns: empty");
  });

  it("property: no decay at leverage 1, none over a single day", () => {
    const returns = fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), {
      minLength: 1,
      maxLength: 30,
    });
    fc.assert(
      fc.property(
        returns,
        fc.double({ min: -0.3, max: 0.3, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (r, one, x) => {
          return (
            Math.abs(letfDecay(Float64Array.from(r), 1)) < 1e-12 &&
            Math.abs(letfDecay(Float64Array.of(one), x)) < 1e-15
          );
        }
      )
    );
  });
});
