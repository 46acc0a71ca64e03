#!/usr/bin/env node
/**
 * `npm start`: run the add-in.
 * - Windows / Mac: office-addin-debugging builds, serves and sideloads manifest.xml into Excel desktop.
 * - Linux (no Excel desktop): office-addin-debugging would print "Platform not supported" and exit 0,
 *   so instead we create the dev HTTPS certificates without installing them (installing needs sudo),
 *   serve the add-in with webpack-dev-server and print how to sideload it into Excel on the web.
 * Any real failure (certificates, port in use, build error) exits non-zero.
 */
import { spawn } from "node:child_process";
import { X509Certificate } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(
  process.env.STACK_DEV_PORT || process.env.npm_package_config_dev_server_port || 3000
);

function run(command, args, options = {}) {
  const child = spawn(command, args, {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
    ...options,
  });
  return child;
}

function exitWith(child) {
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on("error", (error) => {
    console.error(`stack: could not start ${error.message}`);
    process.exit(1);
  });
}

/** Certificates valid for at least another day, generated (not installed) when missing or expiring. */
async function ensureCertificates() {
  const { generateCertificates } = require("office-addin-dev-certs");
  const defaults = require("office-addin-dev-certs/lib/defaults");
  const files = [
    defaults.caCertificatePath,
    defaults.localhostCertificatePath,
    defaults.localhostKeyPath,
  ];
  const fresh =
    files.every((file) => fs.existsSync(file)) &&
    new Date(
      new X509Certificate(fs.readFileSync(defaults.localhostCertificatePath)).validTo
    ).getTime() >
      Date.now() + 24 * 3600 * 1000;
  if (!fresh) {
    fs.mkdirSync(path.dirname(defaults.caCertificatePath), { recursive: true });
    await generateCertificates(...files);
    console.log(
      `stack: created development certificates in ${path.dirname(defaults.caCertificatePath)}`
    );
  }
  return defaults.caCertificatePath;
}

function sideloadInstructions(caPath) {
  return [
    "",
    `Stack is being served at https://localhost:${port}/ (functions.js, functions.json, taskpane.html).`,
    "",
    "Excel desktop cannot run on Linux, so sideload the add-in into Excel on the web:",
    `  1. Trust the development certificate authority in this machine's browser: import ${caPath}`,
    "     (Chrome/Edge: Settings > Privacy and security > Security > Manage certificates > Authorities > Import;",
    "      Firefox: Settings > Certificates > View Certificates > Authorities > Import), then restart the browser.",
    `     Check: https://localhost:${port}/taskpane.html opens without a warning.`,
    "  2. Open a workbook in Excel on the web (https://www.office.com/launch/excel).",
    "  3. Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in,",
    `     and choose ${path.join(root, "manifest.xml")}.`,
    "  4. Type =STACK. in a cell for the functions, or click Stack on the Home tab for the pane.",
    "Press Ctrl+C to stop the server.",
    "",
  ].join("\n");
}

if (process.platform === "win32" || process.platform === "darwin") {
  exitWith(run("npx", ["office-addin-debugging", "start", "manifest.xml", "desktop"]));
} else {
  let caPath;
  try {
    caPath = await ensureCertificates();
  } catch (error) {
    console.error(`stack: could not create development certificates: ${error.message}`);
    process.exit(1);
  }
  const server = run(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "serve", "--mode", "development"],
    {
      stdio: ["inherit", "pipe", "inherit"],
      env: { ...process.env, STACK_DEV_PORT: String(port) },
    }
  );
  let announced = false;
  server.stdout.on("data", (chunk) => {
    process.stdout.write(chunk);
    if (!announced && /compiled successfully/.test(chunk.toString())) {
      announced = true;
      console.log(sideloadInstructions(caPath));
    }
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
  exitWith(server);
}
