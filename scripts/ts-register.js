/**
 * Lets plain Node `require` the TypeScript sources (for `npm run bench`): each .ts file is transpiled
 * to CommonJS with the project's own TypeScript compiler, no type-checking (`npm run lint` does that).
 */
const fs = require("fs");
const ts = require("typescript");

require.extensions[".ts"] = function compile(module, filename) {
  const source = fs.readFileSync(filename, "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2020,
      esModuleInterop: true,
    },
    fileName: filename,
  });
  module._compile(outputText, filename);
};
