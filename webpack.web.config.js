"use strict";
/**
 * The offline page: `npm run build:web` writes ONE self-contained file, dist-web/bangfu.html, that
 * works opened from disk (file://), from a shared folder or served (`npm run web`).
 *
 * Two builds: the worker (src/web/worker.ts: reading the .xlsx, the checks, the summaries and the
 * writer) and the page (src/web/index.tsx: the frame and the task pane); the page's build then
 * inlines both scripts, the styles and the icon into the HTML (scripts/webPage.js), lowered to
 * ES2020 syntax for Chromium 86. Classic scripts only: no module script, no file fetched, no WASM.
 *
 * Environment: BANGFU_WEB_DIST  output folder (default dist-web/), e.g. for tests.
 * Only transpiles (ts-loader transpileOnly): `npm run typecheck` checks the same files.
 */
const path = require("path");
const { transpileTypeScript, TYPESCRIPT_EXTENSIONS } = require("./scripts/webpackTranspile");
const { SinglePagePlugin } = require("./scripts/webPage");

module.exports = (_env, argv = {}) => {
  const mode = argv.mode || "production";
  const out = path.resolve(__dirname, process.env.BANGFU_WEB_DIST || "dist-web");
  const parts = path.join(out, ".parts");
  const common = {
    mode,
    context: __dirname,
    devtool: false,
    resolve: { extensions: TYPESCRIPT_EXTENSIONS },
    module: {
      rules: [transpileTypeScript],
    },
    // esbuild minifies while lowering (scripts/webPage.js).
    optimization: { minimize: false },
    performance: { hints: false },
  };
  return [
    {
      ...common,
      name: "worker",
      target: ["webworker", "es2020"],
      entry: { worker: "./src/web/worker.ts" },
      output: { path: parts, filename: "worker.js" },
    },
    {
      ...common,
      name: "page",
      dependencies: ["worker"],
      target: ["web", "es2020"],
      entry: { page: "./src/web/index.tsx" },
      output: { path: out, filename: ".parts/page.js" },
      plugins: [
        new SinglePagePlugin({
          template: path.resolve(__dirname, "src/web/page.html"),
          icon: path.resolve(__dirname, "assets/icon-32.png"),
          workerFile: path.join(parts, "worker.js"),
          pageAsset: ".parts/page.js",
          output: "bangfu.html",
          minify: mode === "production",
          parts,
        }),
      ],
    },
  ];
};
