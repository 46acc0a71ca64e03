import { requireWithinTimeBudget, TIME_BUDGET_SECONDS } from "../../src/core/time-budget";

describe("requireWithinTimeBudget", () => {
  const loop = { units: "paths × years", perSecond: 1e7 };

  it("accepts work up to 5 s at the measured throughput: 5 s × 10⁷ a second = 5·10⁷", () => {
    expect(TIME_BUDGET_SECONDS).toBe(5);
    expect(() => requireWithinTimeBudget("paths", 5e7, loop, "paths or years")).not.toThrow();
    expect(() => requireWithinTimeBudget("paths", 1, loop, "paths or years")).not.toThrow();
  });

  it("refuses more with #VALUE!, naming the argument, the units, the work, the limit and what to reduce", () => {
    const refuse = () => requireWithinTimeBudget("paths", 5e7 + 1, loop, "paths or years");
    expect(refuse).toThrow(expect.objectContaining({ kind: "value" }));
    expect(refuse).toThrow(
      "paths: paths × years is 50,000,001, more than about 5 s of work (max 50,000,000); reduce paths or years"
    );
  });

  it("refuses work that is not a number at all (NaN or infinite work never passes)", () => {
    expect(() => requireWithinTimeBudget("paths", NaN, loop, "paths")).toThrow("paths:");
    expect(() => requireWithinTimeBudget("paths", Infinity, loop, "paths")).toThrow("paths:");
  });
});
