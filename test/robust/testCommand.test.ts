/**
 * The README's test command is the one CI runs, and it does its own set-up: `npm test` first runs
 * scripts/test-prerequisites.js (npm's pretest), which installs the Debian packages the tests
 * need when they are missing, or stops with the command to run when it has no rights to.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { REPO } from "./fixtures";

const TEST_COMMAND = "npm ci && npm test";

interface Machine {
  platform: string;
  hasAptGet: boolean;
  isRoot: boolean;
  hasPasswordlessSudo: boolean;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script
const prerequisites = require(path.join(REPO, "scripts", "test-prerequisites.js")) as {
  installPlan(missing: readonly unknown[], machine: Machine): { how: string; reason?: string };
  aptCommands(packages: readonly string[]): string[][];
  REQUIREMENTS: readonly { pkg: string }[];
};

describe("README, package.json and .ci/run agree", () => {
  const readme = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
  const ci = fs.readFileSync(path.join(REPO, ".ci", "run"), "utf8");
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as { scripts: Record<string, string> };

  test("the README documents the test command, in both languages", () => {
    expect(readme.match(new RegExp(`^${TEST_COMMAND.replace(/[.*+?^${}()|[\]\\&]/g, "\\$&")}\\s+#`, "gm"))).toHaveLength(2);
  });

  test(".ci/run runs that very command, and installs nothing itself", () => {
    const commands = ci
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== "" && !l.startsWith("#"));
    expect(commands).toContain(TEST_COMMAND);
    expect(commands.some((l) => /apt-get/.test(l))).toBe(false);
  });

  test(".ci/run also runs the linter and the formatter's check", () => {
    const commands = ci
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== "" && !l.startsWith("#"));
    expect(commands).toContain("npm run lint");
    expect(pkg.scripts.lint).toMatch(/eslint/);
    expect(pkg.scripts.lint).toMatch(/prettier --check/);
  });

  test("npm test sets itself up: pretest runs the prerequisites script", () => {
    expect(pkg.scripts.pretest).toBe("node scripts/test-prerequisites.js");
    expect(pkg.scripts.test).toMatch(/jest/);
  });

  test("the script knows every Debian package the tests use", () => {
    expect(prerequisites.REQUIREMENTS.map((r) => r.pkg).sort()).toEqual([
      "chromium",
      "fonts-noto-cjk",
      "libreoffice-calc",
      "libxml2-utils",
      "poppler-utils",
      "python3-openpyxl",
      "python3-uno",
      "python3-xlsxwriter",
    ]);
    expect(prerequisites.aptCommands(["chromium"])).toEqual([
      ["apt-get", "update", "-qq"],
      ["apt-get", "install", "-y", "-qq", "chromium"],
    ]);
  });
});

describe("how missing packages are installed", () => {
  const linux: Machine = { platform: "linux", hasAptGet: true, isRoot: false, hasPasswordlessSudo: false };

  test("nothing missing: nothing to do", () => {
    expect(prerequisites.installPlan([], linux).how).toBe("none");
  });

  test("root (CI): apt-get directly; a user with password-free sudo: through sudo", () => {
    expect(prerequisites.installPlan(["x"], { ...linux, isRoot: true }).how).toBe("root");
    expect(prerequisites.installPlan(["x"], { ...linux, hasPasswordlessSudo: true }).how).toBe("sudo");
  });

  test("no rights, or no apt-get: stop before the tests and say why", () => {
    expect(prerequisites.installPlan(["x"], linux)).toEqual({ how: "manual", reason: "需要管理员权限（root 或免密码的 sudo）才能安装" });
    expect(prerequisites.installPlan(["x"], { ...linux, hasAptGet: false, isRoot: true }).how).toBe("manual");
    expect(prerequisites.installPlan(["x"], { ...linux, platform: "darwin", isRoot: true }).how).toBe("manual");
  });

  test("on this machine everything is in place: the script exits 0 and prints nothing", () => {
    const result = spawnSync(process.execPath, [path.join(REPO, "scripts", "test-prerequisites.js")], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});
