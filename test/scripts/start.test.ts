/**
 * `npm start` on Linux: serves the add-in over HTTPS with certificates made without sudo, prints how to
 * sideload into Excel on the web, and exits non-zero on a real failure (here: the port is taken).
 */
import { spawn } from "child_process";
import fs from "fs";
import https from "https";
import net from "net";
import os from "os";
import path from "path";

const root = path.resolve(__dirname, "../..");
const onLinux = process.platform === "linux" ? describe : describe.skip;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function get(url: string, ca: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

function start(port: number) {
  const child = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], {
    cwd: root,
    env: { ...process.env, STACK_DEV_PORT: String(port) },
  });
  let output = "";
  child.stdout.on("data", (c) => (output += c));
  child.stderr.on("data", (c) => (output += c));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const until = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (pattern.test(output)) {
          clearInterval(timer);
          resolve();
        }
      }, 100);
      exited.then(() => {
        clearInterval(timer);
        if (!pattern.test(output)) reject(new Error(`exited before ${pattern}:\n${output}`));
      });
    });
  return { child, exited, until, output: () => output };
}

onLinux("npm start on Linux", () => {
  jest.setTimeout(90_000);

  it("serves functions.json over trusted-by-our-CA HTTPS and prints the Excel on the web sideload steps", async () => {
    const port = await freePort();
    const run = start(port);
    try {
      await run.until(/Upload My Add-in/);
      expect(run.output()).toContain("manifest.xml");
      expect(run.output()).not.toContain("Platform not supported");
      const ca = fs.readFileSync(path.join(os.homedir(), ".office-addin-dev-certs", "ca.crt"));
      const response = await get(`https://localhost:${port}/functions.json`, ca);
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body).functions.map((f: { id: string }) => f.id)).toContain("VOL");
    } finally {
      run.child.kill("SIGTERM");
      await run.exited;
    }
  });

  it("exits non-zero when the port is already in use", async () => {
    const port = await freePort();
    const blocker = net.createServer().listen(port);
    try {
      const run = start(port);
      expect(await run.exited).not.toBe(0);
    } finally {
      blocker.close();
    }
  });
});
