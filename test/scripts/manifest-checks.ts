/**
 * The project's manifest checks, run on every manifest a build writes (the development one in dist/, and one built
 * for a firm's host): Microsoft's own reader (office-addin-manifest, which `npm start` on Windows and Mac uses to
 * sideload) parses it; every URL is HTTPS at the add-in's address and names a file the build wrote; every
 * resource id the manifest uses is defined; the requirement sets custom functions need are declared.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import path from "path";

const root = path.resolve(__dirname, "../..");

export interface ManifestInfo {
  id: string;
  version: string;
  appDomains: string[];
  supportUrl: string;
  defaultSettings: { sourceLocation: string };
}

/** office-addin-manifest's reader, in a child process (under Jest the package is stubbed: its imports are ESM). */
export function readWithOfficeAddinManifest(file: string): ManifestInfo {
  const script = `require("office-addin-manifest").OfficeAddinManifest.readManifestFile(${JSON.stringify(file)})
    .then((info) => process.stdout.write(JSON.stringify(info)))
    .catch((error) => { console.error(error.message); process.exit(1); });`;
  return JSON.parse(
    execFileSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8" })
  );
}

/** Every URL the manifest gives Office (its DefaultValue attributes; the XML namespaces are not addresses). */
export function urlsIn(xml: string): string[] {
  return [...xml.matchAll(/DefaultValue="([a-z]+:\/\/[^"]+)"/g)].map((m) => m[1]);
}

/** The DefaultValue of the bt:Url with this id. */
export function resourceUrl(xml: string, id: string): string | undefined {
  return new RegExp(`<bt:Url id="${id.replace(/\./g, "\\.")}" DefaultValue="([^"]+)"`).exec(
    xml
  )?.[1];
}

/** Runs the checks on `file`, written into `outDir` for an add-in served at `base` (ending in "/"). */
export function checkManifest(file: string, outDir: string, base: string): void {
  const xml = fs.readFileSync(file, "utf8");
  const info = readWithOfficeAddinManifest(file);
  expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(info.defaultSettings.sourceLocation).toBe(`${base}taskpane.html`);
  expect(info.appDomains).toEqual([new URL(base).origin]);

  for (const url of urlsIn(xml)) {
    const file = url.startsWith(base) ? url.slice(base.length) : "(not under the add-in's address)";
    expect({ url, file, exists: fs.existsSync(path.join(outDir, file)) }).toEqual({
      url,
      file,
      exists: true,
    });
  }

  const defined = new Set(
    [...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1])
  );
  const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
  expect(used.filter((id) => !defined.has(id))).toEqual([]);

  expect(xml).toContain('<Set Name="SharedRuntime" MinVersion="1.1"/>');
  expect(xml).toContain('<Set Name="CustomFunctionsRuntime" MinVersion="1.3"/>');
}
