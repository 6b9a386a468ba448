#!/usr/bin/env node
// Runs the command line compiled to JavaScript (build/, made by `npm run build:cli`, which
// `npm ci` / `npm install` run through "prepare"): no TypeScript compiler at each start.
const path = require("node:path");
let main;
try {
  ({ main } = require(path.join(__dirname, "..", "build", "cli", "main.js")));
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND" && /build[\\/]cli[\\/]main\.js/.test(String(error.message))) {
    process.stderr.write("BANGFU 命令行还没有构建：请在 BANGFU 的文件夹中运行 npm ci（或 npm run build:cli）后再试。\n");
    process.exit(3);
  }
  throw error;
}
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`BANGFU 内部错误（请把以下信息发给维护人员）：\n${error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = 3;
  },
);
