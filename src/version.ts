/** Stack's version, as package.json says (test/version.test.ts keeps them equal): shown on shared sheets. */
export const STACK_VERSION = "0.1.0";
