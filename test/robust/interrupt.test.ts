/**
 * Ctrl+C while `bangfu summary` writes its output leaves neither the output nor the hidden
 * temporary file (.NAME.PID.tmp) beside it, and the process still dies of the signal (exit
 * status 130 in a shell). The write is held open by a preloaded script, so the signal always
 * arrives while the temporary file exists: nothing here depends on timing.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { useTempDir } from "../support/cli";
import { REPO, writeLedger } from "./fixtures";

const dir = useTempDir("bangfu-interrupt-");

/** Run `bangfu summary` with the write held, send `signal` once the temporary file is written, and report how it ended. */
function interruptedSummary(
  input: string,
  output: string,
  signal: NodeJS.Signals,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; sawTemp: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--require",
        path.join(__dirname, "holdTempWrite.js"),
        path.join(REPO, "bin", "bangfu.js"),
        "summary",
        input,
        "-o",
        output,
        "--as-of",
        "2025-06-30",
      ],
      {
        cwd: REPO,
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    let stderr = "";
    let sawTemp = false;
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (text: string) => {
      stderr += text;
      if (!sawTemp && stderr.includes("BANGFU-TEST: temp file written")) {
        sawTemp = fs.readdirSync(path.dirname(output)).some((f) => f.endsWith(".tmp"));
        child.kill(signal);
      }
    });
    child.on("error", reject);
    child.on("exit", (code, exitSignal) => resolve({ code, signal: exitSignal, sawTemp, stderr }));
  });
}

describe("an interrupted summary leaves no temporary file", () => {
  test.each<[NodeJS.Signals]>([["SIGINT"], ["SIGTERM"]])(
    "%s during the write: no .tmp, no output, the process ends by that signal",
    async (signal) => {
      const input = await writeLedger(path.join(dir(), `台账-${signal}.xlsx`));
      const output = path.join(dir(), `汇总-${signal}.xlsx`);
      const result = await interruptedSummary(input, output, signal);
      expect(result.sawTemp).toBe(true);
      expect(result.signal).toBe(signal);
      expect(fs.readdirSync(dir()).filter((f) => f.endsWith(".tmp"))).toEqual([]);
      expect(fs.existsSync(output)).toBe(false);
    },
    90_000,
  );
});
