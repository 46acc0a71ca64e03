/** Jest runs the TypeScript sources through ts-jest (type-checking is `tsc --noEmit`, run by `npm test`). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // Generous: a browser launch or a HyperFormula evaluation of 8,000 real rows can take seconds on a busy
  // CI machine. Speed is measured by `npm run bench`, never asserted here.
  testTimeout: 30_000,
  reporters: ["default", "<rootDir>/test/summary-reporter.js"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", jsx: "react-jsx" } }],
  },
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.ts",
  },
};
