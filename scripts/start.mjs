#!/usr/bin/env node
/**
 * `npm start [-- web [--document <url>] | desktop]`: run the add-in.
 * - Windows / Mac: office-addin-debugging builds, serves and sideloads manifest.xml (into Excel desktop by default;
 *   `web --document <url>` into that workbook on the web), with the arguments Microsoft documents passed on.
 * - Linux (no Excel desktop; office-addin-debugging would print "Platform not supported" and exit 0): creates the
 *   dev HTTPS certificates without installing them (installing needs sudo), serves the add-in with
 *   webpack-dev-server, records the server for `npm stop`, and prints how to sideload it into Excel on the web in
 *   Chromium or Edge. With `web --document <url>` it also prints the link that sideloads into that workbook.
 * Any real failure (an argument it cannot honour, certificates, a busy port, a build error) exits non-zero.
 */
import { spawn } from "node:child_process";
import { createPrivateKey, X509Certificate } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import {
  commandLine,
  port,
  portHolder,
  readRecord,
  removeRecord,
  root,
  startTime,
  workingFolder,
  writeRecord,
} from "./dev-server.mjs";

const require = createRequire(import.meta.url);
const base = `https://localhost:${port}/`;

function fail(message) {
  console.error(`stack: ${message}`);
  process.exit(1);
}

/** The Linux reading of Microsoft's start arguments: nothing or `web` (upload the manifest), `web --document <url>`. */
function linuxRequest(args) {
  const rest = args[0] === "web" ? args.slice(1) : args;
  if (args[0] === "desktop")
    fail(
      "Excel desktop does not run on Linux: use Excel on the web, with `npm start` (then upload the manifest) " +
        "or `npm start -- web --document <url of a workbook>`"
    );
  if (rest.length === 0) return {};
  if (rest[0] === "--document" && rest.length === 2) {
    let document;
    try {
      document = new URL(rest[1]);
    } catch {
      fail(`--document: "${rest[1]}" is not a URL (copy the workbook's link: Share > Copy link)`);
    }
    if (document.protocol !== "https:")
      fail(`--document: ${rest[1]} is not an https:// link to a workbook on the web`);
    return { document };
  }
  if (rest[0] === "--document") fail("--document needs the workbook's URL after it");
  return fail(
    `npm start does not know "${rest.join(" ")}"; on Linux it takes nothing, \`-- web\` or ` +
      "`-- web --document <url of a workbook>` (and `desktop` needs Windows or Mac)"
  );
}

/**
 * Certificates valid for at least another day, the localhost certificate signed by the CA on disk and matching its
 * key; otherwise new ones (generated, not installed). office-addin-dev-certs makes a new CA each time, valid 30 days:
 * a browser that trusted the old one must import the new one.
 */
async function ensureCertificates() {
  const { generateCertificates } = require("office-addin-dev-certs");
  const defaults = require("office-addin-dev-certs/lib/defaults");
  const ca = defaults.caCertificatePath;
  const read = (file) => new X509Certificate(fs.readFileSync(file));
  const existed = fs.existsSync(ca);
  let usable = false;
  try {
    const localhost = read(defaults.localhostCertificatePath);
    const authority = read(ca);
    // Signed by this CA (checkIssued alone compares names, which every office-addin-dev-certs CA shares).
    usable =
      new Date(localhost.validTo).getTime() > Date.now() + 24 * 3600 * 1000 &&
      localhost.checkIssued(authority) &&
      localhost.verify(authority.publicKey) &&
      localhost.checkPrivateKey(createPrivateKey(fs.readFileSync(defaults.localhostKeyPath)));
  } catch {
    // missing or unreadable: make new ones
  }
  if (!usable) {
    fs.mkdirSync(path.dirname(ca), { recursive: true });
    await generateCertificates(ca, defaults.localhostCertificatePath, defaults.localhostKeyPath);
  }
  const validTo = new Date(read(defaults.localhostCertificatePath).validTo);
  return { ca, validTo, news: usable ? undefined : existed ? "renewed" : "created" };
}

/** One readable line about whatever holds the port, or nothing when it is free. */
async function portProblem() {
  const free = await new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
  if (free) return undefined;
  const holder = portHolder(port);
  const record = readRecord();
  if (holder === undefined)
    return (
      `port ${port} is in use by a process this user cannot see (another user's, or outside this container); ` +
      `find it with \`sudo ss -ltnp 'sport = :${port}'\`, stop it, then run npm start again`
    );
  if (record && (holder === record.serverPid || holder === record.pid))
    return `port ${port} is in use by Stack's own server, started by npm start at ${record.since} (pid ${record.pid}); stop it with \`npm stop\``;
  const folder = workingFolder(holder);
  return (
    `port ${port} is in use by pid ${holder} (${commandLine(holder) || "command unknown"}` +
    `${folder ? `, in ${folder}` : ""}); stop it with \`kill ${holder}\`, then run npm start again`
  );
}

function step1(certificates) {
  const date = certificates.validTo.toISOString().slice(0, 10);
  const news = {
    created: "new: import it",
    renewed:
      "RENEWED with a new authority: import it again, the one you imported before no longer works",
  }[certificates.news];
  return [
    "  1. Trust the development certificate authority" + (news ? ` (${news}):` : ":"),
    "     chrome://certificate-manager (Edge: edge://certificate-manager) > Local certificates > Installed by you >",
    `     Trusted Certificates > Import, and choose ${certificates.ca}`,
    `     It is valid until ${date}; npm start then makes a new one, to import again.`,
    `     Check: ${base}help/index.html opens without a warning.`,
  ];
}

function sideloadInstructions(certificates, document, manifestId) {
  const manifest =
    port === 3000
      ? path.join(root, "manifest.xml")
      : `the manifest this server serves (save ${base}manifest.xml)`;
  const upload = [
    "Home > Add-ins > More Settings > Upload My Add-in,",
    `     and choose ${manifest}.`,
  ];
  let open;
  if (document) {
    const link = new URL(document);
    link.searchParams.set("wdaddindevserverport", String(port));
    link.searchParams.set("wdaddinmanifestfile", "manifest.xml");
    link.searchParams.set("wdaddinmanifestguid", manifestId);
    open = [
      "  2. Open this link in the same browser: it opens your workbook and sideloads Stack from this server",
      `     ${link.href}`,
      "     The first time, Excel asks to enable developer mode and to register the manifest: choose OK and Yes.",
      `     If Stack does not appear, upload it instead: ${upload[0]}`,
      `   ${upload[1]}`,
    ];
  } else {
    open = [
      "  2. Open a workbook in Excel on the web (https://www.office.com/launch/excel), then",
      `     ${upload[0]}`,
      upload[1],
    ];
  }
  return [
    "",
    `Stack is served at ${base} (functions.js, functions.json, taskpane.html, help/).`,
    "",
    "Excel desktop does not run on Linux: sideload Stack into Excel on the web, in Chromium or Edge.",
    ...step1(certificates),
    ...open,
    "  3. When the browser asks whether Excel may access devices on your local network (local network access),",
    `     choose Allow: the add-in is loaded from ${base} and does not start otherwise.`,
    "  4. Type =STACK. in a cell for the functions, or click Stack on the Home tab for the pane.",
    "Press Ctrl+C, or run `npm stop`, to stop the server.",
    "",
  ].join("\n");
}

function manifestId() {
  return /<Id>([^<]+)<\/Id>/.exec(fs.readFileSync(path.join(root, "manifest.xml"), "utf8"))[1];
}

async function startOnLinux(args) {
  const { document } = linuxRequest(args);
  // Ctrl+C or `npm stop` may come at any moment, even before the server is spawned.
  let server;
  let stopping = false;
  // webpack-dev-server shuts down gracefully on SIGTERM, but one stopped while it is still starting may never finish.
  for (const signal of ["SIGINT", "SIGTERM"])
    process.on(signal, () => {
      stopping = true;
      if (!server) process.exit(0);
      server.kill("SIGTERM");
      setTimeout(() => server.kill("SIGKILL"), 5000).unref();
    });
  const busy = await portProblem();
  if (busy) fail(busy);

  let certificates;
  try {
    certificates = await ensureCertificates();
  } catch (error) {
    fail(`could not create development certificates: ${error.message}`);
  }
  if (certificates.news === "renewed")
    console.log(
      `stack: the development certificates were renewed (expired, or not valid any more), with a new certificate authority: ` +
        `import ${certificates.ca} into the browser again (step 1 below)`
    );
  else if (certificates.news === "created")
    console.log(`stack: created development certificates in ${path.dirname(certificates.ca)}`);

  server = spawn(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "serve", "--mode", "development"],
    {
      cwd: root,
      stdio: ["inherit", "pipe", "inherit"],
      env: { ...process.env, STACK_DEV_PORT: String(port) },
    }
  );
  writeRecord({
    pid: process.pid,
    started: startTime(process.pid),
    serverPid: server.pid,
    serverStarted: startTime(server.pid),
    port,
    since: new Date().toTimeString().slice(0, 5),
  });

  let compiled = false;
  let output = "";
  server.stdout.on("data", (chunk) => {
    process.stdout.write(chunk);
    if (compiled) return;
    output = (output + chunk.toString()).slice(-2000);
    if (/compiled with \d+ errors?/.test(output)) {
      console.error("stack: the build failed (the errors are above); stopping the server");
      stopping = true;
      server.kill("SIGTERM");
      process.exitCode = 1;
    } else if (/compiled (successfully|with \d+ warnings?)/.test(output)) {
      compiled = true;
      console.log(sideloadInstructions(certificates, document, manifestId()));
    }
  });
  server.on("error", (error) => fail(`could not start the dev server: ${error.message}`));
  server.on("exit", (code, signal) => {
    removeRecord();
    if (stopping) {
      if (!process.exitCode) console.log("stack: the server has stopped");
      process.exit();
    }
    process.exit(code || (signal ? 1 : 0));
  });
}

const args = process.argv.slice(2);
if (process.platform === "win32" || process.platform === "darwin") {
  // Microsoft's start command: `office-addin-debugging start manifest.xml [desktop | web --document <url>] ...`.
  const appType = args[0] === "web" || args[0] === "desktop" ? [] : ["desktop"];
  const child = spawn(
    process.execPath,
    [
      require.resolve("office-addin-debugging/cli.js"),
      "start",
      "manifest.xml",
      ...appType,
      ...args,
    ],
    { cwd: root, stdio: "inherit" }
  );
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  await startOnLinux(args);
}
