/** The manifests the build writes pass the project's manifest checks (test/scripts/manifest-checks.ts). */
import fs from "fs";
import path from "path";
import { checkManifest } from "./manifest-checks";

const root = path.resolve(__dirname, "../..");
const dist = path.join(root, "dist");

describe("the development manifest (npm run build without ADDIN_URL)", () => {
  it("is manifest.xml itself, unchanged", () => {
    expect(fs.readFileSync(path.join(dist, "manifest.xml"), "utf8")).toBe(
      fs.readFileSync(path.join(root, "manifest.xml"), "utf8")
    );
  });

  it("passes the manifest checks for https://localhost:3000/", () => {
    checkManifest(path.join(dist, "manifest.xml"), dist, "https://localhost:3000/");
  });
});
