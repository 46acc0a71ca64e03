const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const devCerts = require("office-addin-dev-certs");
const { addinBase, StackSitePlugin } = require("./scripts/site.js");
const certDefaults = require("office-addin-dev-certs/lib/defaults");

/** Every file whose JSDoc declares =STACK.* functions; the metadata plugin reads these and adds the associate calls. */
const functionFiles = [
  "./src/functions/cma.ts",
  "./src/functions/letf.ts",
  "./src/functions/series.ts",
  "./src/functions/funds.ts",
  "./src/functions/analytics.ts",
  "./src/functions/planning.ts",
];
const port = Number(
  process.env.STACK_DEV_PORT || process.env.npm_package_config_dev_server_port || 3000
);

/**
 * HTTPS for the dev server. On Windows and Mac, office-addin-dev-certs installs and trusts its CA (as in
 * Microsoft's templates). On Linux, where trusting needs sudo, `npm start` generates the certificates
 * without installing them and the server uses the files.
 */
async function httpsOptions() {
  if (process.platform !== "linux") return devCerts.getHttpsServerOptions();
  const {
    localhostCertificatePath: cert,
    localhostKeyPath: key,
    caCertificatePath: ca,
  } = certDefaults;
  if (![cert, key, ca].every((file) => fs.existsSync(file))) {
    throw new Error(
      `dev certificates not found in ${path.dirname(cert)}: start the add-in with "npm start"`
    );
  }
  return { cert: fs.readFileSync(cert), key: fs.readFileSync(key), ca: fs.readFileSync(ca) };
}

/** The add-in's address: ADDIN_URL (`npm run build -- --env ADDIN_URL=https://host/path`) or the dev server. */
function siteBase(env) {
  const base = addinBase(env.ADDIN_URL, port);
  if (env.ADDIN_URL)
    console.log(`stack: building for ${base}: manifest.xml, functions.json and help/ point there`);
  return base;
}

module.exports = async (env) => ({
  devtool: "source-map",
  entry: {
    functions: functionFiles,
    taskpane: "./src/taskpane/index.tsx",
  },
  output: { path: path.resolve(__dirname, "dist"), clean: true },
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: { loader: "ts-loader", options: { transpileOnly: true } },
      },
    ],
  },
  plugins: [
    new CustomFunctionsMetadataPlugin({ output: "functions.json", input: functionFiles }),
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: "./src/taskpane/taskpane.html",
      chunks: ["functions", "taskpane"],
    }),
    new CopyWebpackPlugin({ patterns: [{ from: "assets/*.png", to: "assets/[name][ext]" }] }),
    new StackSitePlugin({ base: siteBase(env) }),
  ],
  performance: { hints: false },
  devServer: {
    port,
    headers: { "Access-Control-Allow-Origin": "*" },
    server: env.WEBPACK_SERVE ? { type: "https", options: await httpsOptions() } : undefined,
  },
});

module.exports.functionFiles = functionFiles;
