/**
 * LibreOffice Calc as a second spreadsheet engine that nobody here wrote: Debian's libreoffice-calc-nogui
 * (installed by .ci/run), driven headless with `soffice --convert-to`. A fresh user profile sets
 * OOXMLRecalcMode to 0 ("always recalculate" .xlsx files on load, DESIGN.md §6), so every formula of a
 * file written without cached results is computed by Calc itself; converting to .xlsx writes the results
 * back, and converting to PDF prints the print area as Calc lays it out.
 *
 * Tests run under {@link describeWithSoffice}: skipped with a warning only on a developer machine without
 * soffice; under CI (CI=true) a missing soffice fails the suite instead of skipping it.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import JSZip from "jszip";
import path from "path";
import { cellName } from "../../src/io/a1";
import { Cell } from "../../src/sheets/layout";

const SOFFICE = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => fs.existsSync(p));
const inCi = process.env.CI === "true";
if (!SOFFICE && !inCi)
  console.warn(
    "Skipping the LibreOffice tests: soffice not found (apt-get install libreoffice-calc-nogui)."
  );
/** `describe` when soffice is installed (or under CI, where its absence must fail), `describe.skip` otherwise. */
export const describeWithSoffice = SOFFICE || inCi ? describe : describe.skip;

/** Recalculate-on-load for .xlsx files (Tools > Options > Calc > Formula > "Recalculation on file load": Always). */
const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A scratch folder for one test file's conversions. */
export function scratchFolder(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `stack-${name}-`));
}

/**
 * Convert `files` with soffice to `format` ("xlsx" recalculated, "pdf") into `outDir`, in one soffice
 * run (each start costs seconds). Returns the converted files' paths, in the order given.
 */
export function convert(
  files: readonly string[],
  format: "xlsx" | "pdf",
  outDir: string
): string[] {
  if (!SOFFICE) throw new Error("soffice is not installed: apt-get install libreoffice-calc-nogui");
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "stack-lo-profile-"));
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), PROFILE);
  try {
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        format,
        "--outdir",
        outDir,
        ...files,
      ],
      { stdio: "pipe", timeout: 180_000 }
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return files.map((file) => {
    const out = path.join(outDir, `${path.basename(file, path.extname(file))}.${format}`);
    if (!fs.existsSync(out)) throw new Error(`soffice did not write ${out}`);
    return out;
  });
}

/** A cell's value as Calc computed it: a number, text, a boolean, an error code such as "#DIV/0!", or null. */
export type CalcValue = number | string | boolean | null;

const unescape = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/**
 * The first sheet of a recalculated .xlsx file, read back by position (0-based): each cell's stored value
 * (`<v>`) by its type (ECMA-376 §18.3.1.4: n number, s shared string, str formula text, b boolean, e
 * error), read from the XML itself — a reader library may drop a formula's result when it is 0.
 */
export async function readCalculated(file: string): Promise<{ value(cell: Cell): CalcValue }> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const text = async (part: string) => (await zip.file(part)?.async("string")) ?? "";
  const shared = [...(await text("xl/sharedStrings.xml")).matchAll(/<si>([\s\S]*?)<\/si>/g)].map(
    (m) => unescape([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(""))
  );
  const values = new Map<string, CalcValue>();
  const sheet = await text("xl/worksheets/sheet1.xml");
  for (const m of sheet.matchAll(/<c r="([A-Z]+[0-9]+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const [, address, attributes, inner = ""] = m;
    const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
    const inline = /<is>[\s\S]*?<t[^>]*>([\s\S]*?)<\/t>/.exec(inner)?.[1];
    const type = /\bt="(\w+)"/.exec(attributes)?.[1] ?? "n";
    let value: CalcValue = null;
    if (type === "inlineStr") value = unescape(inline ?? "");
    else if (v === undefined) value = null;
    else if (type === "s") value = shared[Number(v)];
    else if (type === "str" || type === "e") value = unescape(v);
    else if (type === "b") value = v === "1";
    else value = Number(v);
    values.set(address, value);
  }
  return { value: (cell) => values.get(cellName(cell.row, cell.column)) ?? null };
}
