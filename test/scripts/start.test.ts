/**
 * `npm start` and `npm stop` on Linux: the add-in served over HTTPS with certificates made without sudo, the
 * sideload steps of Chromium and Edge as they are (DESIGN.md §6), certificates renewed and said so, a busy port
 * named in one line, Microsoft's start arguments honoured or refused, and `npm stop` stopping what was started.
 */
import { ChildProcess, execFileSync, spawn } from "child_process";
import fs from "fs";
import https from "https";
import net from "net";
import os from "os";
import path from "path";

const root = path.resolve(__dirname, "../..");
const onLinux = process.platform === "linux" ? describe : describe.skip;
const manifestId = /<Id>([^<]+)<\/Id>/.exec(
  fs.readFileSync(path.join(root, "manifest.xml"), "utf8")
)![1];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
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

interface Run {
  child: ChildProcess;
  exited: Promise<number | null>;
  until(pattern: RegExp): Promise<void>;
  output(): string;
  stderr(): string;
}

/** Runs a script of scripts/ with the dev server on `port`; `home` stands for the user's home (certificates). */
function script(name: string, port: number, args: string[] = [], home = os.homedir()): Run {
  const child = spawn(process.execPath, [path.join(root, "scripts", name), ...args], {
    cwd: root,
    env: { ...process.env, STACK_DEV_PORT: String(port), HOME: home },
  });
  let output = "";
  let stderr = "";
  child.stdout!.on("data", (c) => (output += c));
  child.stderr!.on("data", (c) => {
    output += c;
    stderr += c;
  });
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
        if (pattern.test(output)) resolve();
        else reject(new Error(`exited before ${pattern}:\n${output}`));
      });
    });
  return { child, exited, until, output: () => output, stderr: () => stderr };
}

async function stopped(run: Run) {
  if (run.child.exitCode === null) run.child.kill("SIGTERM");
  await run.exited;
}

onLinux("npm start on Linux", () => {
  jest.setTimeout(180_000);
  const ca = () => fs.readFileSync(path.join(os.homedir(), ".office-addin-dev-certs", "ca.crt"));

  // Two servers, started together (a build is mostly one core's work): without arguments, and for a workbook.
  const workbook = "https://contoso.sharepoint.com/:x:/g/EZGxP7ksiE5Du?e=F4QM1R";
  let port: number;
  let run: Run;
  let webPort: number;
  let web: Run;
  beforeAll(async () => {
    port = await freePort();
    do webPort = await freePort();
    while (webPort === port);
    run = script("start.mjs", port);
    web = script("start.mjs", webPort, ["web", "--document", workbook]);
    await Promise.all([run.until(/Press Ctrl\+C/), web.until(/Press Ctrl\+C/)]);
  });
  afterAll(() => Promise.all([stopped(run), stopped(web)]));

  describe("started without arguments", () => {
    it("prints the Chromium / Edge sideload steps as they are today", () => {
      const out = run.output();
      expect(out).toContain(
        "chrome://certificate-manager (Edge: edge://certificate-manager) > Local certificates > Installed by you >\n" +
          "     Trusted Certificates > Import"
      );
      expect(out).toMatch(/local network\s+access/);
      expect(out).toContain("choose Allow");
      expect(out).toContain("Open a workbook in Excel on the web");
      expect(out).toContain("Home > Add-ins > More Settings > Upload My Add-in");
      expect(out).toMatch(/valid until \d{4}-\d\d-\d\d; npm start then makes a new one/);
      expect(out).not.toContain("Platform not supported");
      expect(out).not.toContain("Authorities"); // Chromium's old certificate dialog
    });

    it("serves the add-in over HTTPS trusted by the CA, with the help its functions link to", async () => {
      const functionsJson = await get(`https://localhost:${port}/functions.json`, ca());
      expect(functionsJson.status).toBe(200);
      const { functions } = JSON.parse(functionsJson.body) as {
        functions: { id: string; helpUrl: string }[];
      };
      const vol = functions.find((f) => f.id === "VOL")!;
      // Served on another port than 3000, the manifest and the help follow the server.
      expect(vol.helpUrl).toBe(`https://localhost:${port}/help/vol.html`);
      const page = await get(vol.helpUrl, ca());
      expect(page.status).toBe(200);
      expect(page.body).toContain("<h1>STACK.VOL</h1>");
      const manifest = await get(`https://localhost:${port}/manifest.xml`, ca());
      expect(manifest.body).toContain(
        `<SourceLocation DefaultValue="https://localhost:${port}/taskpane.html"/>`
      );
    });

    it("refuses a second npm start on its port, naming Stack's own server", async () => {
      const again = script("start.mjs", port);
      expect(await again.exited).toBe(1);
      expect(again.stderr()).toMatch(
        new RegExp(
          `^stack: port ${port} is in use by Stack's own server, started by npm start at \\d\\d:\\d\\d \\(pid ${run.child.pid}\\); stop it with \`npm stop\`\\n$`
        )
      );
    });

    it("is stopped by npm stop, which says so, and then says that nothing runs", async () => {
      const stop = script("stop.mjs", port);
      expect(await stop.exited).toBe(0);
      expect(stop.output()).toMatch(
        new RegExp(
          `^stack: stopped the Stack server on https://localhost:${port}/ \\(pid ${run.child.pid}, started at \\d\\d:\\d\\d\\)\\n$`
        )
      );
      expect(await run.exited).toBe(0);
      expect(run.output()).toContain("stack: the server has stopped");
      expect(await portIsFree(port)).toBe(true);

      const nothing = script("stop.mjs", port);
      expect(await nothing.exited).toBe(0);
      expect(nothing.output()).toBe(
        `stack: no Stack server is running on https://localhost:${port}/ (nothing started by npm start in ${root})\n`
      );
    });
  });

  it("with `web --document <url>`, prints the link that sideloads into that workbook", () => {
    const link = new URL(/Open this link in the same browser.*\n\s+(\S+)/.exec(web.output())![1]);
    expect(link.origin + link.pathname).toBe("https://contoso.sharepoint.com/:x:/g/EZGxP7ksiE5Du");
    expect(Object.fromEntries(link.searchParams)).toEqual({
      e: "F4QM1R",
      wdaddindevserverport: String(webPort),
      wdaddinmanifestfile: "manifest.xml",
      wdaddinmanifestguid: manifestId,
    });
    expect(web.output()).toContain("Home > Add-ins > More Settings > Upload My Add-in");
  });

  it("answers the arguments it cannot honour on Linux with one clear line, exit 1", async () => {
    const port = await freePort();
    const cases: [string[], string][] = [
      [["desktop"], "stack: Excel desktop does not run on Linux: use Excel on the web"],
      [["web", "--document", "http://example.com/book"], "is not an https:// link to a workbook"],
      [["web", "--document"], "stack: --document needs the workbook's URL after it"],
      [["--debug"], 'stack: npm start does not know "--debug"'],
    ];
    for (const [args, message] of cases) {
      const run = script("start.mjs", port, args);
      expect({ args, code: await run.exited }).toEqual({ args, code: 1 });
      expect(run.stderr()).toContain(message);
      expect(run.stderr().trim().split("\n")).toHaveLength(1);
    }
  });

  it("turns a busy port into one line naming the process and how to stop it, exit 1", async () => {
    const port = await freePort();
    const blocker = net.createServer().listen(port);
    try {
      const run = script("start.mjs", port);
      expect(await run.exited).toBe(1);
      expect(run.stderr()).toMatch(
        new RegExp(
          `^stack: port ${port} is in use by pid ${process.pid} \\(.*node.*, in ${root}\\); stop it with \`kill ${process.pid}\`, then run npm start again\\n$`
        )
      );
    } finally {
      blocker.close();
    }
  });

  it("says when the certificates were created, and when renewed with a new authority that must be imported again", async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "stack-home-"));
    const certs = path.join(home, ".office-addin-dev-certs");
    const port = await freePort();
    try {
      const first = script("start.mjs", port, [], home);
      await first.until(/stack: created development certificates in /);
      await stopped(first);
      const ca = fs.readFileSync(path.join(certs, "ca.crt"), "utf8");

      // Another authority on disk than the one that signed localhost's certificate: the browser's trust is lost.
      const other = path.join(home, "other");
      fs.mkdirSync(other);
      const files = ["ca.crt", "localhost.crt", "localhost.key"].map((f) => path.join(other, f));
      execFileSync(
        process.execPath,
        [
          "-e",
          `require("office-addin-dev-certs").generateCertificates(...${JSON.stringify(files)})`,
        ],
        { cwd: root }
      );
      fs.copyFileSync(files[0], path.join(certs, "ca.crt"));
      const second = script("start.mjs", port, [], home);
      await second.until(/import .*ca\.crt into the browser again/);
      await stopped(second);
      expect(second.output()).toContain(
        `stack: the development certificates were renewed (expired, or not valid any more), with a new certificate authority: import ${path.join(certs, "ca.crt")} into the browser again`
      );
      expect(fs.readFileSync(path.join(certs, "ca.crt"), "utf8")).not.toBe(ca);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
