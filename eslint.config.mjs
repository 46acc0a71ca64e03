/**
 * ESLint: Microsoft's office-addins rules (eslint-plugin-office-addins' React config, as office-addin-lint uses)
 * plus typescript-eslint's recommended rules. Formatting is Prettier's (office-addin-prettier-config), checked
 * by `npm run lint` and applied by `npm run lint:fix`.
 */
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";
import globals from "globals";

/**
 * The office-addins configs register their own copy of the @typescript-eslint plugin (an older typescript-eslint);
 * drop it so the project's typescript-eslint, which knows this TypeScript version, provides those rules.
 */
const officeAddinsReact = officeAddins.configs.react.map((config) => {
  if (!config.plugins?.["@typescript-eslint"]) return config;
  const plugins = { ...config.plugins };
  delete plugins["@typescript-eslint"];
  return { ...config, plugins };
});

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "test-artifacts/"] },
  ...officeAddinsReact,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      globals: {
        ...globals.browser,
        Office: "readonly",
        Excel: "readonly",
        CustomFunctions: "readonly",
        OfficeExtension: "readonly",
      },
    },
    // Formatting is Prettier's own check (`prettier --check .` in `npm run lint`), which also covers .tsx.
    rules: { "prettier/prettier": "off" },
  },
  {
    files: ["scripts/**", "test/**", "*.js", "*.mjs"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  {
    // custom-functions-metadata reads the =STACK.* parameter types from these signatures: any[][] is how a
    // range of mixed cells (numbers, text, blanks, errors) is declared. The test fakes of Office stand in for
    // its whole object model.
    files: [
      "src/functions/**",
      "test/excel/recorder.ts",
      "test/excel/fake-workbook-share.ts",
      "test/taskpane/fake-office.ts",
    ],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  }
);
