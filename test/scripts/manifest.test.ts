/**
 * The manifests the build writes pass the project's manifest checks (test/scripts/manifest-checks.ts): the
 * development one (npm test's build), and one for a firm's host, built here the way the README's Deploy section
 * says, `npm run build -- --env ADDIN_URL=...` (into a folder of its own, not minified, to save time).
 */
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { checkManifest, resourceUrl, urlsIn } from "./manifest-checks";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const site = require("../../scripts/site.js") as {
  addinBase(addinUrl: string | undefined, port: number): string;
  rebaseManifest(xml: string, base: string): string;
};

const root = path.resolve(__dirname, "../..");
const dist = path.join(root, "dist");
const devManifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

function helpLinks(xml: string) {
  return {
    support: /<SupportUrl DefaultValue="([^"]+)"/.exec(xml)?.[1],
    getStarted: resourceUrl(xml, "GetStarted.LearnMoreUrl"),
  };
}

describe("the development manifest (npm run build without ADDIN_URL)", () => {
  it("is manifest.xml itself, unchanged", () => {
    expect(fs.readFileSync(path.join(dist, "manifest.xml"), "utf8")).toBe(devManifest);
  });

  it("passes the manifest checks for https://localhost:3000/", () => {
    checkManifest(path.join(dist, "manifest.xml"), dist, "https://localhost:3000/");
  });

  it("sends the support link and Get Started's Learn more to the help index, not the taskpane", () => {
    expect(helpLinks(devManifest)).toEqual({
      support: "https://localhost:3000/help/index.html",
      getStarted: "https://localhost:3000/help/index.html",
    });
  });
});

describe("a manifest for a firm's host: npm run build -- --env ADDIN_URL=https://addins.example.com/stack", () => {
  const base = "https://addins.example.com/stack/";
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "stack-build-"));
  const read = (file: string) => fs.readFileSync(path.join(out, file), "utf8");

  beforeAll(() => {
    execFileSync(
      "npm",
      [
        "run",
        "build",
        "--",
        "--env",
        "ADDIN_URL=https://addins.example.com/stack",
        "--output-path",
        out,
        "--no-optimization-minimize",
      ],
      { cwd: root, stdio: "pipe" }
    );
  }, 300_000);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it("passes the manifest checks for that address", () => {
    checkManifest(path.join(out, "manifest.xml"), out, base);
  });

  it("leaves no localhost URL in the manifest, functions.json or the help pages", () => {
    const written = [
      "manifest.xml",
      "functions.json",
      ...fs.readdirSync(path.join(out, "help")).map((f) => `help/${f}`),
    ];
    for (const file of written)
      expect({ file, localhost: read(file).includes("localhost") }).toEqual({
        file,
        localhost: false,
      });
    expect(urlsIn(read("manifest.xml")).every((url) => url.startsWith(base))).toBe(true);
  });

  it("points every function's help at its page on that host, and the support links at the help index", () => {
    const { functions } = JSON.parse(read("functions.json")) as {
      functions: { id: string; helpUrl: string }[];
    };
    for (const f of functions) {
      expect(f.helpUrl.startsWith(`${base}help/`)).toBe(true);
      expect(fs.existsSync(path.join(out, f.helpUrl.slice(base.length)))).toBe(true);
    }
    expect(helpLinks(read("manifest.xml"))).toEqual({
      support: `${base}help/index.html`,
      getStarted: `${base}help/index.html`,
    });
  });

  it("changes nothing but the URLs", () => {
    const back = read("manifest.xml").replace(
      /https:\/\/addins\.example\.com(\/stack)?/g,
      "https://localhost:3000"
    );
    expect(back).toBe(devManifest);
  });
});

describe("ADDIN_URL", () => {
  it("is taken as the folder the add-in is served from, with or without its final /", () => {
    expect(site.addinBase("https://addins.example.com/stack", 3000)).toBe(
      "https://addins.example.com/stack/"
    );
    expect(site.addinBase("https://addins.example.com/", 3000)).toBe("https://addins.example.com/");
    expect(site.addinBase(undefined, 3001)).toBe("https://localhost:3001/");
  });

  it("must be a plain https:// address: Office loads add-ins over HTTPS only", () => {
    expect(() => site.addinBase("http://addins.example.com/", 3000)).toThrow(
      "ADDIN_URL: http://addins.example.com/ must start with https://"
    );
    expect(() => site.addinBase("addins.example.com", 3000)).toThrow(
      'ADDIN_URL: "addins.example.com" is not a URL'
    );
    expect(() => site.addinBase("https://addins.example.com/?v=2", 3000)).toThrow(
      "without ?query, #fragment or user"
    );
  });

  it("moves the AppDomain to the host's origin and each file under its folder", () => {
    const xml = site.rebaseManifest(devManifest, "https://cdn.example.org/a/b/");
    expect(xml).toContain("<AppDomain>https://cdn.example.org</AppDomain>");
    expect(xml).toContain(
      '<bt:Url id="Functions.Script.Url" DefaultValue="https://cdn.example.org/a/b/functions.js"/>'
    );
  });
});
