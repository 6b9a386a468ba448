"use strict";
/**
 * The task pane's browser harness (src/taskpane/harness/): the real pane wired to an
 * in-memory workbook seeded with a synthetic ledger, without office.js, for headless
 * Chromium (test/browser.test.ts) and the README screenshots.
 *
 *   npm run build:harness            → dist-harness/index.html
 *   BANGFU_DIST=/tmp/x npm run build:harness
 *
 * Only transpiles (ts-loader transpileOnly): `npm run typecheck` checks the same files.
 */
const path = require("path");
const { transpileTypeScript, TYPESCRIPT_EXTENSIONS } = require("./scripts/webpackTranspile");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

module.exports = (_env, argv = {}) => ({
  mode: argv.mode || "development",
  context: __dirname,
  devtool: false,
  entry: { harness: "./src/taskpane/harness/harness.tsx" },
  output: {
    path: path.resolve(__dirname, process.env.BANGFU_DIST || "dist-harness"),
    filename: "[name].js",
    clean: true,
  },
  resolve: { extensions: TYPESCRIPT_EXTENSIONS },
  module: {
    rules: [transpileTypeScript],
  },
  performance: { hints: false },
  plugins: [
    new HtmlWebpackPlugin({ filename: "index.html", template: "./src/taskpane/harness/harness.html" }),
    new CopyWebpackPlugin({ patterns: [{ from: "assets/*", to: "assets/[name][ext]" }] }),
  ],
});
