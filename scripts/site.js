/**
 * Where the add-in is served from, and what the build writes for that address:
 * - dist/manifest.xml: manifest.xml with every URL at the address (without ADDIN_URL the dev manifest itself);
 * - dist/functions.json: the generated metadata, each function given the absolute helpUrl of its help page
 *   (Excel needs an absolute URL; a relative one, or one without https://, opens nothing);
 * - dist/help/: the help pages (scripts/help.js).
 * The address is ADDIN_URL (`npm run build -- --env ADDIN_URL=https://host/path`) for a firm's host, else the dev
 * server, https://localhost:<port>/.
 */
const fs = require("fs");
const path = require("path");
const { sources, WebpackError } = require("webpack");
const { helpFile } = require("./docs.js");
const { helpFiles, sources: helpSources } = require("./help.js");

const root = path.resolve(__dirname, "..");
/** The address manifest.xml is written for (the dev server of Microsoft's templates), and its URLs. */
const DEV_URLS = /https:\/\/localhost:3000(\/[^"<\s]*)?/g;

/** The add-in's address, ending in "/"; ADDIN_URL must be an https:// URL without query or fragment. */
function addinBase(addinUrl, port) {
  if (!addinUrl) return `https://localhost:${port}/`;
  let url;
  try {
    url = new URL(addinUrl);
  } catch {
    throw new Error(
      `ADDIN_URL: "${addinUrl}" is not a URL (e.g. https://addins.example.com/stack/)`
    );
  }
  if (url.protocol !== "https:")
    throw new Error(
      `ADDIN_URL: ${addinUrl} must start with https:// (Office loads add-ins over HTTPS only)`
    );
  if (url.search || url.hash || url.username)
    throw new Error(
      `ADDIN_URL: ${addinUrl} must be a plain address, without ?query, #fragment or user`
    );
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** manifest.xml for an add-in served at `base`: each dev URL moved there, the AppDomain to its origin. */
function rebaseManifest(xml, base) {
  const origin = new URL(base).origin;
  return xml.replace(DEV_URLS, (_, file) => (file ? new URL(file.slice(1), base).href : origin));
}

function helpUrl(base, file) {
  return new URL(`help/${file}`, base).href;
}

/** Writes manifest.xml, the help pages and the helpUrls into the build; after CustomFunctionsMetadataPlugin. */
class StackSitePlugin {
  constructor({ base }) {
    this.base = base;
  }

  apply(compiler) {
    const files = {
      manifest: path.join(root, "manifest.xml"),
      examples: path.join(root, "docs", "examples.json"),
      readme: path.join(root, "README.md"),
    };
    compiler.hooks.thisCompilation.tap("StackSitePlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "StackSitePlugin", stage: compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const file of [...Object.values(files), ...helpSources])
            compilation.fileDependencies.add(file);
          const manifest = fs.readFileSync(files.manifest, "utf8");
          compilation.emitAsset(
            "manifest.xml",
            new sources.RawSource(rebaseManifest(manifest, this.base))
          );
          const metadata = compilation.getAsset("functions.json");
          if (!metadata) return; // the metadata plugin reported its errors
          const functionsJson = JSON.parse(metadata.source.source().toString());
          for (const f of functionsJson.functions) f.helpUrl = helpUrl(this.base, helpFile(f.id));
          compilation.updateAsset(
            "functions.json",
            new sources.RawSource(JSON.stringify(functionsJson, null, 4))
          );
          try {
            const pages = helpFiles({
              functionsJson,
              examples: JSON.parse(fs.readFileSync(files.examples, "utf8")).examples,
              readme: fs.readFileSync(files.readme, "utf8"),
            });
            // Written as rendered (the test compares them), not minified by a production build.
            for (const [name, content] of pages)
              compilation.emitAsset(`help/${name}`, new sources.RawSource(content), {
                minimized: true,
              });
          } catch (error) {
            compilation.errors.push(new WebpackError(error.message));
          }
        }
      );
    });
  }
}

module.exports = { addinBase, rebaseManifest, StackSitePlugin };
