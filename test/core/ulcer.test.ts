import { ulcer } from "../../src/core/ulcer";
import { seriesA } from "../fixtures/series-example";

describe("ulcer", () => {
  it("matches numpy in decimals: np.sqrt(np.mean(drawdowns ** 2)) = 0.014892951352905186", () => {
    expect(ulcer(seriesA)).toBeCloseTo(0.014892951352905186, 15);
  });

  it("by hand: drawdowns 0, −0.5, −0.4 → √((0.25 + 0.16) / 3) = 0.3696846", () => {
    expect(ulcer(Float64Array.of(0.1, -0.5, 0.2))).toBeCloseTo(Math.sqrt(0.41 / 3), 15);
  });

  it("is 0 for a series that never draws down, and refuses an empty one", () => {
    expect(ulcer(Float64Array.of(0.01, 0.02))).toBe(0);
    expect(() => ulcer(new Float64Array(0))).toThrow("returns: empty");
  });
});
