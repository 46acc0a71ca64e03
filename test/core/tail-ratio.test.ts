import { tailRatio } from "../../src/core/tail-ratio";
import { mixed } from "../fixtures/empyrical-cases";
import { seriesA } from "../fixtures/series-example";

describe("tailRatio", () => {
  it("matches a hand calculation on empyrical's mixed_returns and numpy on the example series", () => {
    // Hand: sorted −10, −4, 1, 1, 2, 2, 3, 10 (%): P95 at rank 6.65 = 3 + 0.65·7 = 7.55, P5 at rank 0.35 =
    // −10 + 0.35·6 = −7.9 → 7.55 / 7.9. empyrical's test_tail_ratio checks this case to one decimal (0.9).
    expect(tailRatio(mixed)).toBeCloseTo(7.55 / 7.9, 13);
    expect(tailRatio(seriesA)).toBeCloseTo(1.3225806451612898, 13);
  });

  it("is #DIV/0! when the 5th percentile is 0", () => {
    expect(() => tailRatio(Float64Array.of(0, 0, 0.01))).toThrow("the 5th percentile is 0");
  });
});
