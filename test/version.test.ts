/** The version shown on shared sheets is the package's. */
import { version } from "../package.json";
import { STACK_VERSION } from "../src/version";

it("is package.json's version", () => {
  expect(STACK_VERSION).toBe(version);
});
