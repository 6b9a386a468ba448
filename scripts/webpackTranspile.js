/**
 * What the harness, offline-page and WPS builds share: TypeScript only transpiled by ts-loader
 * (with tsconfig.build.json, which emits ES modules for webpack); `npm run typecheck` checks the
 * same files. The Excel build (webpack.config.js) type-checks what it bundles and has its own rule.
 */
const path = require("path");

const TYPESCRIPT_EXTENSIONS = [".ts", ".tsx", ".js"];

const transpileTypeScript = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: "ts-loader",
    options: { configFile: path.resolve(__dirname, "..", "tsconfig.build.json"), transpileOnly: true },
  },
};

module.exports = { transpileTypeScript, TYPESCRIPT_EXTENSIONS };
