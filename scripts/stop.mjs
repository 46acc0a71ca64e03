#!/usr/bin/env node
/**
 * `npm stop`: stop what `npm start` started.
 * - Windows / Mac: office-addin-debugging stops the dev server and removes the sideloaded add-in.
 * - Linux: stops the server recorded by `npm start` (its pid file) and says so; when nothing runs, says that.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { isRunning, port, readRecord, removeRecord, root } from "./dev-server.mjs";

const require = createRequire(import.meta.url);

/** Waits until none of `processes` runs, up to `ms`; true when they all ended. */
async function ended(processes, ms) {
  for (let waited = 0; waited < ms; waited += 100) {
    if (!processes.some(([pid, started]) => isRunning(pid, started))) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

function kill(pid, signal) {
  try {
    process.kill(pid, signal);
  } catch {
    // it ended meanwhile
  }
}

async function stopOnLinux() {
  const record = readRecord();
  const starter = record && [record.pid, record.started];
  const server = record && [record.serverPid, record.serverStarted];
  if (!record || (!isRunning(...starter) && !isRunning(...server))) {
    removeRecord();
    console.log(
      `stack: no Stack server is running on https://localhost:${port}/ (nothing started by npm start in ${root})`
    );
    return;
  }
  // npm start stops its server and exits on SIGTERM; a server left behind by a killed npm start is stopped directly.
  kill(isRunning(...starter) ? record.pid : record.serverPid, "SIGTERM");
  if (!(await ended([starter, server], 10_000))) {
    for (const [pid, started] of [starter, server])
      if (isRunning(pid, started)) kill(pid, "SIGKILL");
    await ended([starter, server], 2_000);
  }
  removeRecord();
  console.log(
    `stack: stopped the Stack server on https://localhost:${record.port}/ (pid ${record.pid}, started at ${record.since})`
  );
}

if (process.platform === "win32" || process.platform === "darwin") {
  const child = spawn(
    process.execPath,
    [require.resolve("office-addin-debugging/cli.js"), "stop", "manifest.xml"],
    { cwd: root, stdio: "inherit" }
  );
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  await stopOnLinux();
}
