/**
 * `npm run bench` is a measurement, not a test; only its command line is tested here: asked for
 * help, or given an option it does not know, it says how to call it and measures nothing (a
 * mistyped option once ran the whole benchmark, a quarter of an hour at 1,048,576 rows).
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const REPO = path.join(__dirname, "..");
const SLOW = 60_000;

function bench(...args: string[]) {
  return spawnSync(process.execPath, [path.join(REPO, "node_modules", "tsx", "dist", "cli.mjs"), "bench/run.ts", ...args], {
    cwd: REPO,
    encoding: "utf8",
  });
}

describe("npm run bench: its options", () => {
  test(
    "--help prints the usage and measures nothing",
    () => {
      const run = bench("--help");
      expect(run.status).toBe(0);
      expect(run.stdout).toContain("Usage: npm run bench");
      expect(run.stderr).not.toContain("wrote a sheet");
    },
    SLOW,
  );

  test.each(["--bogus", "--rows 0", "--runs many", "--rows"])(
    "%s: refused with the usage, exit 2, nothing measured",
    (line) => {
      const run = bench(...line.split(" "));
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("Usage: npm run bench");
      expect(run.stderr).not.toContain("wrote a sheet");
    },
    SLOW,
  );
});
