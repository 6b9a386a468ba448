#!/usr/bin/env node
// Runs the TypeScript command line directly (tsx), so the CLI is always the checked-out source.
require("tsx/cjs");
const { main } = require("../src/cli/main.ts");
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`BANGFU 内部错误（请把以下信息发给维护人员）：\n${error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = 3;
  },
);
