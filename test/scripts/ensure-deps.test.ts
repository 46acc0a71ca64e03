/**
 * `npm start`, `npm test` and `npm run build` install the dependencies first when node_modules does not match
 * package-lock.json (scripts/ensure-deps.js). The check is read from what npm writes itself,
 * node_modules/.package-lock.json; here it runs on small made-up projects, and on this one.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { staleReason } = require("../../scripts/ensure-deps.js") as {
  staleReason(root: string): string | undefined;
};

const root = path.resolve(__dirname, "../..");

type Packages = Record<string, { version: string; integrity?: string; optional?: boolean }>;

const lodash = { version: "4.17.21", integrity: "sha512-lodash" };
const fsevents = { version: "2.3.3", integrity: "sha512-fsevents", optional: true };

const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A project whose lock wants `wanted` and whose node_modules holds `installed` (its hidden lockfile and folders). */
function project(wanted: Packages, installed?: Packages): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stack-deps-"));
  made.push(dir);
  const lock = (packages: Packages) =>
    JSON.stringify({ name: "p", lockfileVersion: 3, packages: { "": { name: "p" }, ...packages } });
  fs.writeFileSync(path.join(dir, "package-lock.json"), lock(wanted));
  if (installed) {
    fs.mkdirSync(path.join(dir, "node_modules"));
    fs.writeFileSync(path.join(dir, "node_modules", ".package-lock.json"), lock(installed));
    for (const location of Object.keys(installed)) {
      fs.mkdirSync(path.join(dir, location), { recursive: true });
      fs.writeFileSync(path.join(dir, location, "package.json"), "{}");
    }
  }
  return dir;
}

describe("the dependency check before npm start / npm test", () => {
  it("finds this project's node_modules up to date (npm test installed it)", () => {
    expect(staleReason(root)).toBeUndefined();
  });

  it("does nothing, and says nothing, when node_modules is up to date", () => {
    const run = spawnSync(process.execPath, [path.join(root, "scripts/ensure-deps.js")], {
      encoding: "utf8",
    });
    expect(run.status).toBe(0);
    expect(run.stdout + run.stderr).toBe("");
  });

  it("accepts an install that matches the lock, with an optional package of another platform left out", () => {
    const wanted = { "node_modules/lodash": lodash, "node_modules/fsevents": fsevents };
    expect(staleReason(project(wanted, { "node_modules/lodash": lodash }))).toBeUndefined();
  });

  it("installs into a fresh clone (no node_modules)", () => {
    expect(staleReason(project({ "node_modules/lodash": lodash }))).toBe("node_modules is missing");
  });

  it("installs when node_modules was not made by npm 7+ (no hidden lockfile)", () => {
    const dir = project({ "node_modules/lodash": lodash });
    fs.mkdirSync(path.join(dir, "node_modules"));
    expect(staleReason(dir)).toBe("node_modules was not installed by npm 7 or later");
  });

  it("installs after a pull that changed package-lock.json: a new package, another version, another build", () => {
    const installed = { "node_modules/lodash": lodash };
    expect(
      staleReason(project({ ...installed, "node_modules/react": { version: "18.3.1" } }, installed))
    ).toBe("node_modules/react is not installed");
    expect(
      staleReason(project({ "node_modules/lodash": { ...lodash, version: "4.17.22" } }, installed))
    ).toBe("node_modules/lodash is 4.17.21, package-lock.json wants 4.17.22");
    expect(
      staleReason(
        project({ "node_modules/lodash": { ...lodash, integrity: "sha512-other" } }, installed)
      )
    ).toBe("node_modules/lodash 4.17.21 is not the build package-lock.json names (integrity)");
  });

  it("installs when a package was removed from the lock, or its folder deleted by hand", () => {
    expect(staleReason(project({}, { "node_modules/lodash": lodash }))).toBe(
      "node_modules/lodash is not in package-lock.json"
    );
    const dir = project({ "node_modules/lodash": lodash }, { "node_modules/lodash": lodash });
    fs.rmSync(path.join(dir, "node_modules/lodash"), { recursive: true });
    expect(staleReason(dir)).toBe("node_modules/lodash was deleted");
  });
});
