/** The README's function reference must be exactly what scripts/docs.js renders from the built functions.json. */
import fs from "fs";
import path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const docs = require("../../scripts/docs.js") as {
  load(): { functionsJson: { functions: { id: string }[] }; examples: { id: string }[] };
  render(functionsJson: unknown, examples: unknown): string;
  updatedReadme(readme: string, reference: string): string;
  formula(id: string, args: unknown[]): string;
};

describe("README function reference", () => {
  const { functionsJson, examples } = docs.load();

  it("is up to date with dist/functions.json and docs/examples.json (run `npm run docs` if this fails)", () => {
    const readme = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
    expect(docs.updatedReadme(readme, docs.render(functionsJson, examples))).toBe(readme);
  });

  it("has exactly one example per function", () => {
    expect(examples.map((e) => e.id).sort()).toEqual(
      functionsJson.functions.map((f) => f.id).sort()
    );
  });

  it("renders Excel array constants: columns with ';', rows with ',', omitted trailing arguments dropped", () => {
    expect(
      docs.formula("VOL", [
        [[1], [1]],
        [[0.1, 0.2]],
        [
          [1, null],
          [0.5, 1],
        ],
        null,
      ])
    ).toBe("=STACK.VOL({1;1},{0.1,0.2},{1,;0.5,1})");
    expect(docs.formula("GEORETURN", [0.067, 0.105, "approx"])).toBe(
      '=STACK.GEORETURN(0.067,0.105,"approx")'
    );
  });

  it("refuses to render a function without an example", () => {
    expect(() =>
      docs.render({ functions: [{ id: "NEW", name: "NEW", description: "", parameters: [] }] }, [])
    ).toThrow("no example for NEW");
  });
});
