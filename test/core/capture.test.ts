import { capture } from "../../src/core/capture";
import { mixed, negative, positive } from "../fixtures/empyrical-cases";
import { seriesA, seriesB } from "../fixtures/series-example";

describe("capture", () => {
  it("reproduces empyrical's up_capture and down_capture against mixed_returns", () => {
    // empyrical-reloaded tests/test_stats.py test_up_capture / test_down_capture (8 decimals).
    expect(capture(positive, mixed, "up")).toBeCloseTo(0.0076167762, 8);
    expect(capture(negative, mixed, "up")).toBeCloseTo(-0.0004336328, 8);
    expect(capture(negative, mixed, "down")).toBeCloseTo(0.99956025703798634, 8);
    expect(capture(positive, mixed, "down")).toBeCloseTo(-11.27400221, 7);
    expect(capture(mixed, mixed, "all")).toBeCloseTo(1, 14);
  });

  it("matches numpy on the example series (analytics_reference.py)", () => {
    expect(capture(seriesA, seriesB, "up")).toBeCloseTo(-0.19593272235662668, 12);
    expect(capture(seriesA, seriesB, "down")).toBeCloseTo(-4488.6000951815495, 6);
    expect(capture(seriesA, seriesB, "all")).toBeCloseTo(4.046680038630906, 12);
  });

  it("is #DIV/0! when the benchmark never moves that way", () => {
    expect(() => capture(mixed, positive, "down")).toThrow("no down periods of the benchmark");
  });
});
