"use strict";
/**
 * The WPS 表格 add-in build: `npm run build:wps` writes
 *
 *   dist-wps/bangfu-wps-<version>/                 the offline package
 *     bangfu_<version>/                            the add-in folder, self-contained (no CDN):
 *       index.html + main.js                       ribbon callbacks and custom functions
 *       taskpane.html + taskpane.js                the task pane (the same React pane as in Excel)
 *       ribbon.xml, manifest.xml, assets/*.png
 *     publish.xml, jsplugins.xml, jsplugins.server.xml, bangfu.7z,
 *     install-windows.bat/.ps1, install-linux.sh, INSTALL.txt
 *   dist-wps/bangfu-wps-<version>.zip              the same, in one file
 *
 * The scripts are lowered to Chromium 64 (scripts/wpsAddin.js says why) and carry the polyfills
 * of src/wps/polyfills.ts. The custom functions' metadata is generated here, from the same JSDoc
 * and Chinese table as Excel's functions.zh-CN.json, and compiled into main.js.
 *
 * Environment: BANGFU_WPS_DIST  output root (default dist-wps/), e.g. for tests.
 * Excel's build (webpack.config.js) is separate and unchanged by this one.
 */
const fs = require("fs");
const path = require("path");
const { transpileTypeScript, TYPESCRIPT_EXTENSIONS } = require("./scripts/webpackTranspile");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
const { require: tsxRequire } = require("tsx/cjs/api");
const { BangfuWpsAddinPlugin, addinFolderName, packageFolderName } = require("./scripts/wpsAddin");
const { version } = require("./package.json");

const FUNCTIONS_SOURCE = "./src/functions/functions.ts";

/** Function id → WPS metadata: Excel's generated metadata, localised, converted (src/wps/functionsMetadata.ts). */
async function wpsMetadata() {
  const generated = await generateCustomFunctionsMetadata(path.resolve(__dirname, FUNCTIONS_SOURCE));
  if (generated.errors.length > 0) throw new Error(`custom functions metadata: ${generated.errors.join("; ")}`);
  const { localizeMetadata } = tsxRequire("./src/functions/localizeMetadata.ts", __filename);
  const { ZH_CN } = tsxRequire("./src/functions/zh-CN.ts", __filename);
  const { wpsFunctionsMetadata } = tsxRequire("./src/wps/functionsMetadata.ts", __filename);
  return wpsFunctionsMetadata(localizeMetadata(JSON.parse(generated.metadataJson), ZH_CN));
}

module.exports = async (_env, argv = {}) => {
  const mode = argv.mode || "production";
  const root = path.resolve(__dirname, process.env.BANGFU_WPS_DIST || "dist-wps");
  const packageDir = path.join(root, packageFolderName(version));
  const addinDir = path.join(packageDir, addinFolderName(version));
  fs.rmSync(packageDir, { recursive: true, force: true });
  fs.rmSync(`${packageDir}.zip`, { force: true });

  return {
    mode,
    context: __dirname,
    devtool: false,
    // webpack's own runtime code: ES2017, within Chromium 64.
    target: ["web", "es2017"],
    entry: {
      main: "./src/wps/main.ts",
      taskpane: ["./src/wps/polyfills.ts", "./src/taskpane/index.tsx"],
    },
    output: { path: addinDir, filename: "[name].js", clean: true },
    resolve: { extensions: TYPESCRIPT_EXTENSIONS },
    module: {
      rules: [transpileTypeScript],
    },
    // esbuild minifies while lowering (scripts/wpsAddin.js).
    optimization: { minimize: false },
    performance: { hints: false },
    plugins: [
      new webpack.DefinePlugin({ __BANGFU_WPS_FUNCTIONS__: JSON.stringify(await wpsMetadata()) }),
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/wps/index.html",
        chunks: ["main"],
        scriptLoading: "blocking",
        inject: "body",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/wps/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "blocking",
        inject: "body",
      }),
      new CopyWebpackPlugin({ patterns: [{ from: "assets/*.png", to: "assets/[name][ext]" }] }),
      new BangfuWpsAddinPlugin({ version, packageDir, addinDir, minify: mode === "production" }),
    ],
  };
};
