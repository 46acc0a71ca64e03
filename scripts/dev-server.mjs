/**
 * What `npm start` and `npm stop` share on Linux: the record of the running dev server (a pid file), and the
 * process table as /proc shows it (whether a recorded process still runs, which process holds a port).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The dev server's port: package.json's config.dev_server_port (3000, as in Microsoft's templates). */
export const port = Number(
  process.env.STACK_DEV_PORT || process.env.npm_package_config_dev_server_port || 3000
);

/** One record per project folder and port (two clones may each run a server, on different ports). */
export const pidFile = path.join(
  os.tmpdir(),
  `stack-dev-server-${createHash("sha256").update(root).digest("hex").slice(0, 12)}-${port}.json`
);

/**
 * A process's start time (clock ticks since boot, /proc/<pid>/stat field 22), or undefined when it is not running.
 * A pid with the recorded start time is the recorded process, not a later one that reused its number.
 */
export function startTime(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 2, the command name in parentheses, may contain spaces: count the fields after its ")".
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

export function isRunning(pid, started) {
  return started !== undefined && startTime(pid) === started;
}

/** @typedef {{ pid: number, started: string, serverPid: number, serverStarted: string, port: number, since: string }} ServerRecord */

/** @param {ServerRecord} record */
export function writeRecord(record) {
  fs.writeFileSync(pidFile, JSON.stringify(record));
}

/** @returns {ServerRecord | undefined} */
export function readRecord() {
  try {
    return JSON.parse(fs.readFileSync(pidFile, "utf8"));
  } catch {
    return undefined;
  }
}

export function removeRecord() {
  fs.rmSync(pidFile, { force: true });
}

/** A process's command line, shortened for one line of output. */
export function commandLine(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
    return text.length > 80 ? `${text.slice(0, 79)}…` : text;
  } catch {
    return "";
  }
}

/** A process's working folder, or "" when it is not visible to this user. */
export function workingFolder(pid) {
  try {
    return fs.readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return "";
  }
}

/** Socket inodes listening on `port` (TCP over IPv4 and IPv6; state 0A is LISTEN). */
function listeningInodes(port) {
  const inodes = new Set();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let lines = [];
    try {
      lines = fs.readFileSync(table, "utf8").split("\n").slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 10 || fields[3] !== "0A") continue;
      if (parseInt(fields[1].split(":")[1], 16) === port) inodes.add(fields[9]);
    }
  }
  return inodes;
}

/** The pid of the process listening on `port`, found through /proc; undefined when it is not visible to this user. */
export function portHolder(port) {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return undefined;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let fds = [];
    try {
      fds = fs.readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // another user's process, or it just ended
    }
    for (const fd of fds) {
      let target = "";
      try {
        target = fs.readlinkSync(`/proc/${entry}/fd/${fd}`);
      } catch {
        continue;
      }
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode)) return Number(entry);
    }
  }
  return undefined;
}
