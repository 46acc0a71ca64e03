/**
 * The pane in a real browser, for the taskpane tests: the built pane (dist/) served locally, Debian's
 * headless Chromium at a taskpane's width (340 px), Office.js replaced by the recording fake
 * (fake-office.ts) and every other request refused (the machine has no internet, and the pane needs none).
 * Tests run under {@link describeInChromium}, skipped with a warning when /usr/bin/chromium is absent.
 */
import fs from "fs";
import http from "http";
import { AddressInfo } from "net";
import path from "path";
import { Browser, chromium, Locator, Page } from "playwright-core";
import type { Recorded } from "../excel/recorder";
import { FakeExcelState, fakeOfficeScript } from "./fake-office";

const CHROMIUM = "/usr/bin/chromium";
const dist = path.resolve(__dirname, "../../dist");
/** Where screenshots are kept (gitignored). */
export const artifacts = path.resolve(__dirname, "../../test-artifacts");

const present = fs.existsSync(CHROMIUM);
if (!present)
  console.warn(
    `Skipping the taskpane tests in a browser: ${CHROMIUM} not found (apt-get install chromium).`
  );
/** `describe` when Chromium is installed, `describe.skip` otherwise. */
export const describeInChromium = present ? describe : describe.skip;
/** What the suite is called, with the browser it needs. */
export const CHROMIUM_SUITE = `in headless Chromium (${CHROMIUM})`;

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".json": "application/json",
  ".png": "image/png",
  ".map": "application/json",
};

export interface PaneSession {
  readonly page: Page;
  /** The fake Excel's records so far. */
  excel(): Promise<FakeExcelState>;
  /** Change the fake Excel's state in the page (e.g. protect the workbook, set the selection). */
  setExcel(changes: Partial<FakeExcelState>): Promise<void>;
  /** A full-page screenshot in test-artifacts/. */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Serve dist/, start Chromium and open the pane; resolves once the pane has rendered. */
export async function openPane(): Promise<PaneSession> {
  const server = http.createServer((req, res) => {
    const file = path.join(
      dist,
      path.normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname))
    );
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await new Promise((resolve) => server.close(resolve));
  };
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
    const context = await browser.newContext({ viewport: { width: 340, height: 900 } });
    const office = fakeOfficeScript();
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("https://appsforoffice.microsoft.com/"))
        return route.fulfill({ contentType: "text/javascript", body: office });
      if (url.startsWith(origin)) return route.continue();
      return route.abort();
    });
    const page = await context.newPage();
    page.on("pageerror", (error) => {
      throw error;
    });
    await page.goto(`${origin}/taskpane.html`);
    await page.getByRole("tab", { name: "Stacked portfolio" }).waitFor();
    fs.mkdirSync(artifacts, { recursive: true });
    return {
      page,
      excel: () => page.evaluate(() => (window as unknown as { __excel: FakeExcelState }).__excel),
      setExcel: (changes) =>
        page.evaluate((c) => {
          Object.assign((window as unknown as { __excel: FakeExcelState }).__excel, c);
        }, changes),
      screenshot: async (name) => {
        await page.screenshot({
          path: path.join(artifacts, name),
          fullPage: true,
          animations: "disabled",
        });
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * An element's text as the user reads it: each drop-down as its chosen option only (innerText would
 * list every option), whitespace collapsed.
 */
export function shownText(locator: Locator): Promise<string> {
  return locator.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    const originals = element.querySelectorAll("select");
    copy.querySelectorAll("select").forEach((select, k) => {
      const chosen = originals[k].selectedOptions[0]?.textContent ?? "";
      select.replaceWith(document.createTextNode(` [${chosen}] `));
    });
    copy.querySelectorAll("li, h3, div, span").forEach((el) => el.append(" "));
    return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
  });
}

/** Every formula string the pane wrote to a range, in the order written. */
export const formulasOf = (log: readonly Recorded[]) =>
  log
    .filter((r) => r.kind === "set" && r.path.endsWith(".formulas"))
    .flatMap((r) =>
      (r.value as unknown[][])
        .flat()
        .filter((v): v is string => typeof v === "string" && v.startsWith("="))
    );
