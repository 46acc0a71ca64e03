/**
 * The function reference has one source, dist/functions.json + docs/examples.json, rendered twice: the README's
 * reference must be exactly what scripts/docs.js renders, and dist/help/ exactly what scripts/help.js renders,
 * with each function's helpUrl pointing at its own page.
 */
import fs from "fs";
import path from "path";

interface Parameter {
  name: string;
  description: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  customEnumId?: string;
}
interface Fn {
  id: string;
  name: string;
  description: string;
  helpUrl?: string;
  parameters: Parameter[];
  result?: { dimensionality?: string };
}
interface FunctionsJson {
  functions: Fn[];
  enums?: { id: string; values: { name: string; stringValue: string; tooltip: string }[] }[];
}
interface Example {
  id: string;
  args: unknown[];
  result: unknown;
  digits: number;
  source: string;
}

/* eslint-disable @typescript-eslint/no-require-imports */
const docs = require("../../scripts/docs.js") as {
  load(): { functionsJson: FunctionsJson; examples: Example[] };
  render(functionsJson: FunctionsJson, examples: Example[]): string;
  reference(
    functionsJson: FunctionsJson,
    examples: Example[]
  ): { id: string; related: string[]; args: { kind: string }[] }[];
  updatedReadme(readme: string, reference: string): string;
  formula(id: string, args: unknown[]): string;
  helpFile(id: string): string;
};
const help = require("../../scripts/help.js") as {
  helpFiles(source: {
    functionsJson: FunctionsJson;
    examples: Example[];
    readme: string;
  }): [string, string][];
};
/* eslint-enable @typescript-eslint/no-require-imports */

const root = path.resolve(__dirname, "../..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
const helpDir = path.join(root, "dist", "help");

describe("README function reference", () => {
  const { functionsJson, examples } = docs.load();

  it("is up to date with dist/functions.json and docs/examples.json (run `npm run docs` if this fails)", () => {
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

describe("help pages in dist/help (Excel's 'Help on this function', the manifest's support link)", () => {
  const { functionsJson, examples } = docs.load();
  const files = help.helpFiles({ functionsJson, examples, readme });

  it("are exactly what scripts/help.js renders from the build's functions.json (no stale or extra page)", () => {
    expect(fs.readdirSync(helpDir).sort()).toEqual(files.map(([name]) => name).sort());
    for (const [name, content] of files)
      expect({ name, content: fs.readFileSync(path.join(helpDir, name), "utf8") }).toEqual({
        name,
        content,
      });
  });

  it("give every function an absolute https helpUrl to its own page, one page per function", () => {
    const urls = functionsJson.functions.map((f) => f.helpUrl);
    expect(urls).toEqual(
      functionsJson.functions.map((f) => `https://localhost:3000/help/${docs.helpFile(f.id)}`)
    );
    expect(new Set(urls).size).toBe(urls.length);
  });

  it("show the description, every argument, the worked example, the conventions and related functions", () => {
    const backtest = fs.readFileSync(path.join(helpDir, "backtest.html"), "utf8");
    const meta = functionsJson.functions.find((f) => f.id === "BACKTEST") as Fn;
    expect(backtest).toContain("<h1>STACK.BACKTEST</h1>");
    expect(backtest).toContain("=STACK.BACKTEST(returns, weights, [rebalance], [dates], [band])");
    for (const p of meta.parameters) expect(backtest).toContain(`<td><code>${p.name}</code></td>`);
    expect(backtest).toContain(
      "=STACK.BACKTEST({0.1,0;0,0.1},{0.5,0.5},&quot;NONE&quot;)</code></pre>\n<p>returns <code>{0.05;0.047619}</code>"
    );
    // The README's Conventions section, e.g. its statement of the units.
    expect(backtest).toContain("Rates and returns are decimals (7% is 0.07)");
    expect(backtest).toMatch(/<h2>Related functions<\/h2>\n<ul><li><a href="[a-z.]+\.html">/);
  });

  it("list a text code's choices, with their tooltips, where the metadata declares them (custom enums)", () => {
    const georeturn = fs.readFileSync(path.join(helpDir, "georeturn.html"), "utf8");
    expect(georeturn).toContain(
      '<ul class="choices"><li><code>&quot;quadratic&quot;</code> √((1+μ)²−σ²)−1, the actuarial convention (default)</li>'
    );
  });

  it("link every page from the index, and every related function to an existing page", () => {
    const index = fs.readFileSync(path.join(helpDir, "index.html"), "utf8");
    for (const f of functionsJson.functions)
      expect(index).toContain(`<a href="${docs.helpFile(f.id)}">STACK.${f.name}</a>`);
    for (const [name, content] of files)
      for (const [, target] of content.matchAll(/href="([^"#]+)"/g))
        expect({ name, target, exists: fs.existsSync(path.join(helpDir, target)) }).toEqual({
          name,
          target,
          exists: true,
        });
  });

  it("pick up a new function from its metadata and example alone (no other hand work)", () => {
    // A function the catalog does not have (yet): its id must not clash with a real one.
    const added: Fn = {
      id: "SKEW",
      name: "SKEW",
      description: "Sample skewness of each series.",
      parameters: [{ name: "returns", description: "Periodic returns, one column per series." }],
    };
    const example: Example = {
      id: "SKEW",
      args: [[[0.1], [-0.05]]],
      result: 0,
      digits: 4,
      source: "hand",
    };
    const more = { ...functionsJson, functions: [...functionsJson.functions, added] };
    const pages = new Map(
      help.helpFiles({ functionsJson: more, examples: [...examples, example], readme })
    );
    const page = pages.get("skew.html") as string;
    expect(page).toContain("<h1>STACK.SKEW</h1>");
    expect(page).toContain("=STACK.SKEW({0.1;-0.05})");
    // Related: series statistics whose "returns" argument means the same.
    const related = docs.reference(more, [...examples, example]).find((e) => e.id === "SKEW")
      ?.related as string[];
    expect(related.length).toBe(4);
    for (const id of related) {
      expect(pages.has(docs.helpFile(id))).toBe(true);
      const fn = functionsJson.functions.find((f: Fn) => f.id === id);
      expect(fn?.parameters[0].name).toBe("returns");
    }
    expect(pages.get("index.html")).toContain('<a href="skew.html">STACK.SKEW</a>');
  });
});
