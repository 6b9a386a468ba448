#!/usr/bin/env node
/**
 * Run by npm before `npm test` (the "pretest" script): the tests open the generated workbooks in
 * LibreOffice, drive the task pane in Debian's Chromium (with CJK fonts) and check the manifest
 * with xmllint. On a fresh Debian/Ubuntu machine these are installed with apt-get — as root
 * directly (as CI runs), or through sudo when it needs no password. Otherwise the script stops
 * before the tests, saying exactly what to install. No browser is ever downloaded.
 *
 * BANGFU_SOFFICE names LibreOffice's program when it is somewhere else (as test/libreoffice.test.ts reads it).
 */
"use strict";
const fs = require("node:fs");
const { spawnSync } = require("node:child_process");

/** What the tests need: a Debian package, and how to tell it is there. */
const REQUIREMENTS = [
  { pkg: "libreoffice-calc", what: "LibreOffice Calc（test/libreoffice.test.ts）", present: () => findSoffice() !== null },
  { pkg: "chromium", what: "Chromium（test/browser.test.ts）", present: () => fs.existsSync("/usr/bin/chromium") },
  { pkg: "fonts-noto-cjk", what: "中文字体（截图与 LibreOffice 渲染）", present: () => fs.existsSync("/usr/share/fonts/opentype/noto") },
  { pkg: "libxml2-utils", what: "xmllint（清单检查）", present: () => onPath("xmllint") },
  { pkg: "poppler-utils", what: "pdftoppm（汇总表图表的渲染检查）", present: () => onPath("pdftoppm") },
  {
    pkg: "python3-openpyxl",
    what: "openpyxl（由另一程序写出的测试工作簿）",
    present: () => spawnSync("/usr/bin/python3", ["-c", "import openpyxl"], { stdio: "ignore" }).status === 0,
  },
  {
    pkg: "python3-xlsxwriter",
    what: "XlsxWriter（写出不计算公式的工作簿，检验读取时的判断）",
    present: () => spawnSync("/usr/bin/python3", ["-c", "import xlsxwriter"], { stdio: "ignore" }).status === 0,
  },
  {
    pkg: "python3-uno",
    what: "LibreOffice 的 Python 接口（网页版测试用它生成加密的工作簿）",
    present: () => spawnSync("/usr/bin/python3", ["-c", "import uno"], { stdio: "ignore" }).status === 0,
  },
];

function onPath(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

function findSoffice() {
  const named = process.env.BANGFU_SOFFICE;
  if (named !== undefined) return fs.existsSync(named) ? named : null;
  for (const candidate of [
    "/usr/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
  ]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return onPath("soffice") || onPath("libreoffice") ? "soffice" : null;
}

/**
 * How to install the missing packages: "root" (apt-get directly), "sudo" (sudo -n apt-get), or
 * "manual" with the reason. Pure, so the test can check every branch.
 */
function installPlan(missing, machine) {
  if (missing.length === 0) return { how: "none" };
  if (machine.platform !== "linux" || !machine.hasAptGet) return { how: "manual", reason: "这台电脑没有 apt-get（不是 Debian/Ubuntu）" };
  if (machine.isRoot) return { how: "root" };
  if (machine.hasPasswordlessSudo) return { how: "sudo" };
  return { how: "manual", reason: "需要管理员权限（root 或免密码的 sudo）才能安装" };
}

function aptCommands(packages) {
  return [
    ["apt-get", "update", "-qq"],
    ["apt-get", "install", "-y", "-qq", ...packages],
  ];
}

function main() {
  const missing = REQUIREMENTS.filter((r) => !r.present());
  const machine = {
    platform: process.platform,
    hasAptGet: process.platform === "linux" && onPath("apt-get"),
    isRoot: typeof process.getuid === "function" && process.getuid() === 0,
    hasPasswordlessSudo:
      process.platform === "linux" && onPath("sudo") && spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0,
  };
  const plan = installPlan(missing, machine);
  if (plan.how === "none") return 0;
  const packages = missing.map((r) => r.pkg);
  process.stderr.write(`测试需要、但本机还没有：${missing.map((r) => `${r.what} [${r.pkg}]`).join("、")}\n`);
  if (plan.how === "manual") {
    process.stderr.write(
      `无法自动安装：${plan.reason}。请先安装后再运行 npm test：\n` +
        `  sudo apt-get update && sudo apt-get install -y ${packages.join(" ")}\n` +
        "（不是 Debian/Ubuntu 时，请安装 LibreOffice、Chromium（/usr/bin/chromium）、Noto CJK " +
        "字体和 xmllint；LibreOffice 在别处时用 BANGFU_SOFFICE 指明 soffice 的路径。）\n",
    );
    return 1;
  }
  process.stderr.write(`正在用 apt-get 安装：${packages.join(" ")}（约 1 分钟）…\n`);
  for (const command of aptCommands(packages)) {
    const [program, ...args] = plan.how === "sudo" ? ["sudo", "-n", ...command] : command;
    const result = spawnSync(program, args, {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (result.status !== 0) {
      process.stderr.write(
        `安装失败：${[program, ...args].join(" ")} 退出码 ${result.status ?? result.signal}。请检查网络或软件源后重试。\n`,
      );
      return 1;
    }
  }
  const still = REQUIREMENTS.filter((r) => !r.present());
  if (still.length > 0) {
    process.stderr.write(`安装后仍然缺少：${still.map((r) => r.what).join("、")}\n`);
    return 1;
  }
  return 0;
}

module.exports = { installPlan, aptCommands, REQUIREMENTS };

if (require.main === module) process.exitCode = main();
