"use strict";
/**
 * BANGFU add-in build, after Microsoft's Excel shared-runtime custom-functions template.
 * One page (taskpane.html) hosts the task pane, the ribbon commands and the custom
 * functions. `npm run build` writes dist/; `npm run dev-server` serves it on
 * https://localhost:3000 for sideloading.
 *
 * Environment:
 *   BANGFU_PUBLIC_URL  where dist/ is served in production (https, e.g.
 *                      https://addins.example.org/bangfu/). Every https://localhost:3000/ in
 *                      manifest.xml is replaced by it. The default is a placeholder: it MUST
 *                      be set for a real deployment (the build warns when it is not).
 *   BANGFU_DIST        output folder (default dist/), e.g. for tests.
 *   BANGFU_DEV_HTTP=1  serve over plain http (no dev certificates), for local browser tests.
 *   BANGFU_OFFICE_JS   local (default): office.js and its companion files are served from dist/office/,
 *                      so the add-in needs no internet; cdn: Microsoft's CDN (Marketplace builds);
 *                      cn: the CDN of Office 365 operated by 21Vianet. See scripts/officeJs.js.
 */
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const LocalizedMetadataPlugin = require("./scripts/localizedMetadataPlugin");
const MetadataOptionsPlugin = require("./scripts/metadataOptionsPlugin");
const { taskpaneOnlyManifest } = require("./scripts/manifestVariants");
const { DEFAULT_PUBLIC_URL, normalizePublicUrl, rewriteManifestUrls } = require("./scripts/rewriteManifestUrls");
const { officeJsMode, officeJsUrl, officeJsCopyPatterns } = require("./scripts/officeJs");

// The port office-addin-debugging waits for (package.json config.dev_server_port, as in Microsoft's templates).
const DEV_PORT = Number(process.env.npm_package_config_dev_server_port || require("./package.json").config.dev_server_port);
const FUNCTIONS_SOURCE = "./src/functions/functions.ts";

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || "production";
  const production = mode === "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  // In watch mode ts-loader re-applies the loaders after it (here the metadata plugin's, which
  // appends CustomFunctions.associate calls) to every changed file, so rebuilds fail. Watching
  // therefore only transpiles; `npm run typecheck` and the production build check types.
  const watching = serving || Boolean(env.WEBPACK_WATCH);
  const publicUrl = normalizePublicUrl(process.env.BANGFU_PUBLIC_URL || DEFAULT_PUBLIC_URL);
  const officeJs = officeJsMode(process.env.BANGFU_OFFICE_JS);

  return {
    mode,
    context: __dirname,
    devtool: "source-map",
    entry: {
      functions: FUNCTIONS_SOURCE,
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, process.env.BANGFU_DIST || "dist"),
      // Fixed names: the manifest refers to functions.js and taskpane.html by URL.
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // The root tsconfig targets Node (module node16) for Jest and tsc; webpack wants ES modules.
              configFile: path.resolve(__dirname, "tsconfig.build.json"),
              // Type-check what is bundled; `npm run typecheck` covers the whole tree.
              onlyCompileBundledFiles: true,
              transpileOnly: watching,
            },
          },
        },
      ],
    },
    performance: {
      // Fluent UI makes the task pane large; warn only well above its current size.
      maxAssetSize: 1_500_000,
      maxEntrypointSize: 1_500_000,
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_SOURCE, output: "functions.json" }),
      new MetadataOptionsPlugin(),
      new LocalizedMetadataPlugin({
        locale: "zh-CN",
        table: "src/functions/zh-CN.ts",
        exportName: "ZH_CN",
        localizer: "src/functions/localizeMetadata.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: this page also runs the commands and the custom functions.
        chunks: ["taskpane", "commands", "functions"],
        chunksSortMode: "manual",
        officeJsUrl: officeJsUrl(officeJs),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]", info: copiedAssetInfo },
          ...officeJsCopyPatterns(officeJs),
          {
            // A file, not a glob: a glob at the root would watch the whole tree (dist/ too) and rebuild forever.
            from: "manifest.xml",
            to: "[name][ext]",
            info: copiedAssetInfo,
            ...(production && { transform: (content) => rewriteManifestUrls(content.toString(), publicUrl) }),
          },
          {
            // For SharePoint add-in catalogs, which do not take VersionOverrides (scripts/manifestVariants.js).
            from: "manifest.xml",
            to: "manifest-taskpane.xml",
            info: copiedAssetInfo,
            transform: (content) => {
              const taskpane = taskpaneOnlyManifest(content.toString());
              return production ? rewriteManifestUrls(taskpane, publicUrl) : taskpane;
            },
          },
          // The help page the manifest's SupportUrl and LearnMoreUrl point at, shipped with the add-in.
          { from: "src/help/help.html", to: "help.html", info: copiedAssetInfo },
        ],
      }),
      production && !process.env.BANGFU_PUBLIC_URL && new PlaceholderUrlWarning(publicUrl),
    ].filter(Boolean),
    devServer: serving ? await devServer() : undefined,
  };
};

/** Copied .js must not be minified again (office.js breaks, and it is slow). */
function copiedAssetInfo(file) {
  return /\.js$/i.test(file.absoluteFilename) ? { minimized: true } : {};
}

async function devServer() {
  const http = process.env.BANGFU_DEV_HTTP === "1";
  if (!http && process.platform === "linux") {
    // office-addin-dev-certs installs its certificate authority with sudo on Linux, which it does not
    // support (and it reports success regardless): say so instead of serving with no certificate.
    const refusal = new Error(
      "npm run dev-server：开发证书（office-addin-dev-certs）只能在 Windows 和 macOS 上自动安装，Linux 上需要 sudo 且不受支持。" +
        "在 Linux 上请用 BANGFU_DEV_HTTP=1 npm run dev-server（纯 http，只供浏览器测试；Office 只从 https 加载加载项），旁加载请在 Windows 或 macOS 上进行。\n" +
        "npm run dev-server: development certificates install on Windows and macOS only; on Linux " +
        "use BANGFU_DEV_HTTP=1 for plain http (browser tests only).",
    );
    // webpack-cli prints a configuration error's stack: this refusal is an answer, not a fault, so its message is all it shows.
    refusal.stack = refusal.message;
    throw refusal;
  }
  return {
    // This machine only: the files are for sideloading and browser tests here, not for the office network.
    host: "localhost",
    port: DEV_PORT,
    headers: { "Access-Control-Allow-Origin": "*" },
    // Required lazily: only `webpack serve` needs (and may create) the dev certificates.
    server: http ? { type: "http" } : { type: "https", options: await require("office-addin-dev-certs").getHttpsServerOptions() },
  };
}

class PlaceholderUrlWarning {
  constructor(url) {
    this.url = url;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("PlaceholderUrlWarning", (compilation) => {
      compilation.warnings.push(
        new webpack.WebpackError(
          `BANGFU_PUBLIC_URL is not set: manifest.xml points at the placeholder ${this.url}. Set it for a real deployment.`,
        ),
      );
    });
  }
}
