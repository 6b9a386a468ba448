/**
 * Benchmark: `bangfu summary` on a synthetic person-level sheet of N rows × 34 columns
 * (default 100,000; bench/ledgerFile.ts writes it), reporting wall time and peak RSS of the
 * whole command, and separately of the writing step alone (src/xlsx/writeSummaries.ts: the
 * ledger is read and the tables built first, then the peak-RSS counter is reset and only
 * writeSummaryWorkbook is measured).
 * Usage: npx tsx bench/summaryLarge.ts [rows] [ledger.xlsx]
 * Not a test: timings depend on the machine.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { checkFile } from "../src/cli/check";
import { localTimestamp } from "../src/cli/summary";
import { buildSummaries } from "../src/summaries";
import { parseDate } from "../src/values";
import { writeSummaryWorkbook } from "../src/xlsx/writeSummaries";
import { writeBenchLedger } from "./ledgerFile";

const REPO = path.join(__dirname, "..");
const AS_OF = "2025-12-15";

/** Peak and current resident set size of this process, in MB (Linux). */
function memory(): { peak: number; now: number } {
  const status = fs.readFileSync("/proc/self/status", "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { peak: kb("VmHWM") / 1024, now: kb("VmRSS") / 1024 };
}

/** In a child process: read and check the ledger, build the tables, then measure the write alone. */
async function writerOnly(input: string, output: string): Promise<void> {
  const asOf = parseDate(AS_OF, "检查日期")!;
  const checked = await checkFile(input, { asOf });
  const tables = buildSummaries(checked.ledger, checked.report, {
    policy: checked.policy,
    asOf,
    generatedAt: localTimestamp(),
    fullIds: false,
  });
  const rows = tables.reduce((n, t) => n + t.rows.length, 0);
  (globalThis as { gc?: () => void }).gc?.();
  const readPeak = memory().peak;
  const before = memory();
  fs.writeFileSync("/proc/self/clear_refs", "5"); // reset VmHWM to the current RSS
  const started = process.hrtime.bigint();
  await writeSummaryWorkbook(input, output, tables);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const after = memory();
  process.stdout.write(
    JSON.stringify({ tableRows: rows, peakBeforeWrite: readPeak, rssBeforeWrite: before.now, peakDuringWrite: after.peak, ms }) + "\n",
  );
}

function timed(args: string[]): { status: number | null; wall: string; rssMb: number; stdout: string; stderr: string } {
  const run = spawnSync("/usr/bin/time", ["-v", ...args], { cwd: REPO, encoding: "utf8", maxBuffer: 1 << 30 });
  const wall = /Elapsed \(wall clock\) time.*: (.+)/.exec(run.stderr)?.[1] ?? "?";
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1] ?? NaN);
  return { status: run.status, wall, rssMb: rss / 1024, stdout: run.stdout, stderr: run.stderr };
}

async function main(): Promise<void> {
  if (process.argv[2] === "--writer-only") return writerOnly(process.argv[3], process.argv[4]);
  const rows = Number(process.argv[2] ?? 100_000);
  const file = process.argv[3] ?? path.join(os.tmpdir(), `bangfu-bench-sheet-${rows}.xlsx`);
  if (!fs.existsSync(file)) {
    const started = Date.now();
    await writeBenchLedger(rows, file);
    console.log(`wrote a sheet of ${rows} rows × 34 columns to ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  console.log(`ledger ${file}: ${(fs.statSync(file).size / 1e6).toFixed(1)} MB`);
  const out = path.join(os.tmpdir(), `bangfu-bench-${rows}-summary.xlsx`);

  const summary = timed([process.execPath, path.join(REPO, "bin", "bangfu.js"), "summary", file, "-o", out, "--as-of", AS_OF]);
  if (summary.status !== 0) throw new Error(`bangfu summary failed (${summary.status}):\n${summary.stdout}\n${summary.stderr}`);
  console.log(
    `bangfu summary: wall ${summary.wall}, peak RSS ${summary.rssMb.toFixed(0)} MB; output ${(fs.statSync(out).size / 1e6).toFixed(1)} MB`,
  );

  const writer = spawnSync(process.execPath, ["--expose-gc", "--require", "tsx/cjs", __filename, "--writer-only", file, out], {
    cwd: REPO,
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  if (writer.status !== 0) throw new Error(`writer-only run failed:\n${writer.stderr}`);
  const w = JSON.parse(writer.stdout.trim().split("\n").pop() ?? "{}") as {
    tableRows: number;
    peakBeforeWrite: number;
    rssBeforeWrite: number;
    peakDuringWrite: number;
    ms: number;
  };
  console.log(`reading and checking the ledger, building the tables (before the write): peak RSS ${w.peakBeforeWrite.toFixed(0)} MB`);
  console.log(
    `writeSummaryWorkbook alone (${w.tableRows} table rows): ${(w.ms / 1000).toFixed(2)} s; ` +
      `RSS before the write ${w.rssBeforeWrite.toFixed(0)} MB, peak during it ` +
      `${w.peakDuringWrite.toFixed(0)} MB (+${(w.peakDuringWrite - w.rssBeforeWrite).toFixed(0)} ` +
      `MB)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
