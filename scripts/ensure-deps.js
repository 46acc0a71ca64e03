#!/usr/bin/env node
/**
 * Runs before `npm start`, `npm test` and `npm run build` (their "pre" scripts), so a fresh clone needs no separate
 * install step: when node_modules is missing or out of date with package-lock.json, it runs `npm ci`.
 *
 * The check uses Node's built-ins only (it must work before anything is installed). It compares package-lock.json
 * with node_modules/.package-lock.json, the "hidden lockfile" npm itself writes after every install (`npm ci`,
 * `npm install`): the same package paths with the same versions and integrity hashes, and each package's folder
 * present. Optional packages may be missing (npm skips those built for another platform, e.g. fsevents on Linux).
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");

function readPackages(file) {
  return JSON.parse(fs.readFileSync(file, "utf8")).packages || {};
}

/** Why node_modules does not match package-lock.json, or undefined when it does. */
function staleReason(projectRoot) {
  const hiddenLock = path.join(projectRoot, "node_modules", ".package-lock.json");
  if (!fs.existsSync(path.join(projectRoot, "node_modules"))) return "node_modules is missing";
  if (!fs.existsSync(hiddenLock)) return "node_modules was not installed by npm 7 or later";
  const wanted = readPackages(path.join(projectRoot, "package-lock.json"));
  const installed = readPackages(hiddenLock);
  for (const [location, entry] of Object.entries(wanted)) {
    if (location === "" || entry.link) continue;
    const have = installed[location];
    if (!have) {
      if (entry.optional) continue;
      return `${location} is not installed`;
    }
    if (have.version !== entry.version)
      return `${location} is ${have.version}, package-lock.json wants ${entry.version}`;
    if (have.integrity !== entry.integrity)
      return `${location} ${have.version} is not the build package-lock.json names (integrity)`;
    if (!fs.existsSync(path.join(projectRoot, location, "package.json")))
      return `${location} was deleted`;
  }
  for (const location of Object.keys(installed)) {
    if (!(location in wanted)) return `${location} is not in package-lock.json`;
  }
  return undefined;
}

/** The npm that runs this script (npm sets npm_execpath), else the one on the PATH. */
function npm(args) {
  const execPath = process.env.npm_execpath;
  return execPath && /\.[cm]?js$/.test(execPath)
    ? spawnSync(process.execPath, [execPath, ...args], { cwd: root, stdio: "inherit" })
    : spawnSync("npm", args, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
}

module.exports = { staleReason };

if (require.main === module) {
  const reason = staleReason(root);
  if (reason) {
    console.log(`stack: installing dependencies with npm ci (${reason})`);
    const result = npm(["ci", "--no-audit", "--no-fund"]);
    const after = result.status === 0 ? staleReason(root) : "npm ci failed";
    if (after) {
      console.error(`stack: dependencies are not installed: ${after}`);
      process.exit(1);
    }
  }
}
