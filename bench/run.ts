/**
 * `npm run bench` (not a test: figures depend on the machine). For person-level sheets of 10k, 100k
 * and 1,048,576 rows × 34 columns (bench/ledgerFile.ts: 3 rows above the persons, so the largest
 * fills a sheet to Excel's last row), measures:
 *   inflate_s        bare decompression of the sheet and shared-strings parts (node's zlib): the floor
 *   inflate_fflate_s the same with fflate (JavaScript; what the reader uses in a browser without a raw-deflate DecompressionStream)
 *   touch_s          zlib inflating plus one JavaScript pass over every inflated byte
 *   startup_s        `bangfu help`: the command line starting and doing nothing
 *   least_ratio      (touch_s + startup_s) / inflate_s: below this no check written in JavaScript can go here
 *   fixed_ratio      (startup_s + inflate_s + rules alone) / inflate_s: three parts of every check, before reading or reporting
 *   check_s          `bangfu check --json` wall time, whole process (compiled CLI, start-up included)
 *   check_cpu_s      its CPU time (user + system): steadier than wall time on a shared machine
 *   check_ratio      check_s / inflate_s
 *   peak_rss_mb      peak resident memory of that check process
 *   check_inline_s   `bangfu check --json` of the same sheet with every string in its cell (<is>), as Java
 *                    exports written through Apache POI's streaming writer have them (up to 100,000 rows)
 *   engine_rows_per_s rules (checkLedger) on a ledger already read, rows per second
 *   summary_s        `bangfu summary` wall time, whole process
 *   tier_range_ms    =BANGFU.TIER over a 100,000-cell column
 *   filial_range_ms  =BANGFU.FILIAL_MATCH over 100,000 ID numbers
 *   office_syncs     context.sync() calls of the Office adapter reading 100k rows × 34 columns
 * Timed figures are the best of `runs` runs (3 up to 100,000 rows, 1 above; --runs N to change):
 * on a shared machine the fastest run is the one least disturbed by other work, and a ratio of two
 * figures each taken once moved by half between runs. Peak RSS is the largest over the runs.
 * Usage: npm run bench [-- --rows 10000[,100000]] [--runs N] [--json] [--no-summary] (--help: this line)
 */
import { spawnSync } from "node:child_process";
import { buildSync } from "esbuild";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { BenchLedgerOptions, writeBenchLedger } from "./ledgerFile";
import { nodeInflater } from "../src/xlsx/readWorkbook";
import { ByteSource, compressedChunks, fflateInflater, Inflater, readZipDirectory } from "../src/xlsx/zip";

const REPO = path.join(__dirname, "..");
const AS_OF = "2025-12-15";
const DEFAULT_ROWS = [10_000, 100_000, 1_048_576];
const TARGET_RATIO = 2.5;
const TARGET_RSS_MB = 300;

interface Row {
  rows: number;
  /** Each timed figure is the best of this many runs. */
  runs: number;
  file_mb: number;
  inflate_s: number;
  /** The same parts through fflate, the browser's inflater where DecompressionStream takes no raw deflate (for comparison). */
  inflate_fflate_s: number;
  /** Inflating with zlib and one JavaScript pass over every inflated byte: see touchSeconds. */
  touch_s: number;
  /** `bangfu help`: the command line's start-up. */
  startup_s: number;
  /** (touch_s + startup_s) / inflate_s: the least check_ratio any check in JavaScript could reach here. */
  least_ratio: number;
  /** (start-up + inflating + the rules on a read ledger) / inflate_s: what those three parts of a check take, in units of the floor. */
  fixed_ratio: number | null;
  check_s: number | null;
  /** CPU seconds (user + system) of the check process: steadier than wall time on a busy machine. */
  check_cpu_s: number | null;
  check_ratio: number | null;
  /** null when the process died without reporting (V8 out of memory). */
  peak_rss_mb: number | null;
  check_exit: number | null;
  check_message: string | null;
  /** The same sheet written with inline strings (null above 100,000 rows, or when that check failed). */
  check_inline_s: number | null;
  engine_rows_per_s: number | null;
  summary_s: number | null;
}

function fileSource(file: string): ByteSource & { close(): void } {
  const fd = fs.openSync(file, "r");
  return {
    size: fs.fstatSync(fd).size,
    read: async (offset, length) => {
      const buffer = Buffer.allocUnsafe(length);
      const n = fs.readSync(fd, buffer, 0, length, offset);
      return buffer.subarray(0, n);
    },
    close: () => fs.closeSync(fd),
  };
}

/**
 * Bare decompression of the sheet and shared strings, output discarded: with node's zlib (the
 * floor; the inflater the command line uses) or with fflate (the one older browsers use). The
 * inflater is fed the compressed bytes directly: the reader's entryBytes also checks each part's
 * CRC-32, which is the check's work, not the floor's.
 */
async function inflateSeconds(file: string, inflater: Inflater, visit: (chunk: Uint8Array) => void = () => {}): Promise<number> {
  const source = fileSource(file);
  try {
    const entries = await readZipDirectory(source);
    const started = process.hrtime.bigint();
    for (const name of ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"]) {
      const entry = entries.get(name);
      if (!entry) continue;
      if (entry.method !== 8) throw new Error(`bench: ${name} is not deflated`);
      for await (const chunk of inflater(compressedChunks(source, entry))) visit(chunk);
    }
    return Number(process.hrtime.bigint() - started) / 1e9;
  } finally {
    source.close();
  }
}

/**
 * The least a reader in JavaScript can do with the inflated bytes: read each of them once (here:
 * add them up, without a branch). Inflating with node's zlib and this one pass together bound from
 * below what any check written in JavaScript — the language Excel, WPS and the browser run — can take.
 */
async function touchSeconds(file: string): Promise<number> {
  let sum = 0;
  const seconds = await inflateSeconds(file, nodeInflater, (chunk) => {
    sum = (sum + byteSum(chunk)) | 0;
  });
  if (sum === 0) throw new Error("bench: the sheet inflated to nothing");
  return seconds;
}

function byteSum(bytes: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < bytes.length; i++) sum = (sum + bytes[i]) | 0;
  return sum;
}

/** Run a node process; wall time, and its own peak RSS and CPU time (bench/peak.cjs). */
function timed(args: string[]): {
  status: number | null;
  seconds: number;
  cpuSeconds: number;
  rssMb: number;
  stdout: string;
  stderr: string;
} {
  const statsFile = path.join(os.tmpdir(), `bangfu-bench-stats-${process.pid}.json`);
  fs.rmSync(statsFile, { force: true });
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ["--require", path.join(__dirname, "peak.cjs"), ...args], {
    cwd: REPO,
    encoding: "utf8",
    maxBuffer: 1 << 30,
    env: { ...process.env, BANGFU_BENCH_STATS: statsFile },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const stats = fs.existsSync(statsFile)
    ? (JSON.parse(fs.readFileSync(statsFile, "utf8")) as { peakKb: number; cpuSeconds: number })
    : null;
  fs.rmSync(statsFile, { force: true });
  return {
    status: run.status ?? (run.signal ? 128 : null),
    seconds,
    cpuSeconds: stats?.cpuSeconds ?? NaN,
    rssMb: (stats?.peakKb ?? NaN) / 1024,
    stdout: run.stdout,
    stderr: run.stderr,
  };
}

const STEPS_BUNDLE = path.join(REPO, "build", "bench", "steps.js");

/**
 * The steps are bundled by esbuild as the CLI is (and as webpack bundles the custom functions for
 * Excel and WPS): modules joined into one scope, so a call across modules is a plain call. Run
 * through tsx instead, every imported function is read through a getter of its module's exports,
 * which costs TIER and FILIAL_MATCH more than half of their time and is not what a user's Excel runs.
 */
function bundleSteps(): void {
  buildSync({
    entryPoints: [path.join(__dirname, "steps.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    packages: "external",
    outfile: STEPS_BUNDLE,
    logLevel: "warning",
  });
}

/** A helper step run in a child process (the bundle of bench/steps.ts), printing one JSON line. */
function step(name: string, ...args: string[]): Record<string, number> {
  const run = spawnSync(process.execPath, [STEPS_BUNDLE, name, ...args], {
    cwd: REPO,
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  if (run.status !== 0) return { error: 1 };
  return JSON.parse(run.stdout.trim().split("\n").pop() ?? "{}") as Record<string, number>;
}

/** The least of `runs` measurements (async ones run one after another). */
async function best(runs: number, measureOnce: () => Promise<number>): Promise<number> {
  let least = Infinity;
  for (let i = 0; i < runs; i++) least = Math.min(least, await measureOnce());
  return least;
}

/** The check process `runs` times: the fastest run, with the largest peak RSS of all of them. */
function bestCheck(runs: number, args: string[]): ReturnType<typeof timed> {
  let fastest: ReturnType<typeof timed> | null = null;
  let peak = NaN;
  for (let i = 0; i < runs; i++) {
    const run = timed(args);
    if (!Number.isNaN(run.rssMb)) peak = Number.isNaN(peak) ? run.rssMb : Math.max(peak, run.rssMb);
    if (fastest === null || run.seconds < fastest.seconds) fastest = run;
    if (run.status !== 0 && run.status !== 1) return { ...run, rssMb: peak };
  }
  return { ...(fastest as ReturnType<typeof timed>), rssMb: peak };
}

/** The bench's sheet of `rows` rows, written once into the temporary folder and reused. */
async function benchLedger(rows: number, options: BenchLedgerOptions = {}): Promise<string> {
  const file = path.join(os.tmpdir(), `bangfu-bench-sheet-${rows}${options.strings === "inline" ? "-inline" : ""}.xlsx`);
  if (!fs.existsSync(file)) {
    const started = Date.now();
    await writeBenchLedger(rows, `${file}.part`, options);
    fs.renameSync(`${file}.part`, file);
    process.stderr.write(`wrote a sheet of ${rows} rows × 34 columns to ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  return file;
}

async function measure(rows: number, withSummary: boolean, runs: number): Promise<Row> {
  const file = await benchLedger(rows);
  const inflate = await best(runs, () => inflateSeconds(file, nodeInflater));
  const inflateFflate = await best(runs, () => inflateSeconds(file, fflateInflater));
  const touch = await best(runs, () => touchSeconds(file));
  // `bangfu help`: the command line starting and doing nothing.
  const startup = await best(Math.max(runs, 3), async () => timed([path.join(REPO, "bin", "bangfu.js"), "help"]).seconds);
  const check = bestCheck(runs, [path.join(REPO, "bin", "bangfu.js"), "check", file, "--as-of", AS_OF, "--json"]);
  const checked = check.status === 0 || check.status === 1;
  let checkInline: number | null = null;
  if (rows <= 100_000) {
    const inline = bestCheck(runs, [
      path.join(REPO, "bin", "bangfu.js"),
      "check",
      await benchLedger(rows, { strings: "inline" }),
      "--as-of",
      AS_OF,
      "--json",
    ]);
    checkInline = inline.status === 0 || inline.status === 1 ? inline.seconds : null;
  }
  const engine = checked ? step("engine", file) : null;
  let summary: number | null = null;
  if (withSummary && checked) {
    const out = path.join(os.tmpdir(), `bangfu-bench-34c-${rows}-summary.xlsx`);
    const run = timed([path.join(REPO, "bin", "bangfu.js"), "summary", file, "-o", out, "--as-of", AS_OF]);
    summary = run.status === 0 ? run.seconds : null;
    fs.rmSync(out, { force: true });
  }
  return {
    rows,
    runs,
    file_mb: round(fs.statSync(file).size / 1e6, 1),
    inflate_s: round(inflate, 3),
    inflate_fflate_s: round(inflateFflate, 3),
    touch_s: round(touch, 3),
    startup_s: round(startup, 3),
    least_ratio: round((touch + startup) / inflate, 2),
    fixed_ratio: engine && engine.rowsPerSecond ? round((startup + inflate + rows / engine.rowsPerSecond) / inflate, 2) : null,
    check_s: checked ? round(check.seconds, 2) : null,
    check_cpu_s: checked && !Number.isNaN(check.cpuSeconds) ? round(check.cpuSeconds, 2) : null,
    check_ratio: checked ? round(check.seconds / inflate, 2) : null,
    peak_rss_mb: Number.isNaN(check.rssMb) ? null : Math.round(check.rssMb),
    check_exit: check.status,
    check_message: checked ? null : (check.stderr.trim().split("\n").slice(0, 3).join(" ") || `exit ${check.status}`).slice(0, 300),
    check_inline_s: checkInline === null ? null : round(checkInline, 2),
    engine_rows_per_s: engine && engine.rowsPerSecond ? Math.round(engine.rowsPerSecond) : null,
    summary_s: summary === null ? null : round(summary, 2),
  };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

const USAGE = "Usage: npm run bench [-- --rows 10000[,100000]] [--runs N] [--json] [--no-summary]";

class UsageError extends Error {}

/** The command line's options; an unknown option or a bad value is a UsageError (nothing is measured). */
function options(argv: string[]): { sizes: number[]; runs: number | null; json: boolean; withSummary: boolean; help: boolean } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        rows: { type: "string" },
        runs: { type: "string" },
        json: { type: "boolean" },
        "no-summary": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const sizes = values.rows !== undefined ? values.rows.split(",").map(Number) : DEFAULT_ROWS;
  if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 1_048_576))
    throw new UsageError("--rows: whole numbers from 1 to 1048576, comma-separated");
  const runs = values.runs !== undefined ? Number(values.runs) : null;
  if (runs !== null && !(Number.isInteger(runs) && runs >= 1 && runs <= 20)) throw new UsageError("--runs: a whole number from 1 to 20");
  return { sizes, runs, json: values.json === true, withSummary: values["no-summary"] !== true, help: values.help === true };
}

async function main(): Promise<void> {
  const { sizes, runs, json, withSummary, help } = options(process.argv.slice(2));
  if (help) {
    console.log(USAGE);
    return;
  }
  bundleSteps();
  const results: Row[] = [];
  for (const rows of sizes) {
    results.push(await measure(rows, withSummary && rows <= 100_000, runs ?? (rows <= 100_000 ? 3 : 1)));
    if (!json) process.stderr.write(`${JSON.stringify(results[results.length - 1])}\n`);
  }
  const functions = step("functions");
  const office = step("office", "100000");
  const at100k = results.find((r) => r.rows === 100_000);
  const targets = {
    check_ratio_at_100k: {
      target: `≤ ${TARGET_RATIO}`,
      value: at100k?.check_ratio ?? null,
      met: at100k?.check_ratio != null ? at100k.check_ratio <= TARGET_RATIO : null,
    },
    peak_rss_mb_at_100k: {
      target: `≤ ${TARGET_RSS_MB}`,
      value: at100k?.peak_rss_mb ?? null,
      met: at100k?.peak_rss_mb != null ? at100k.peak_rss_mb <= TARGET_RSS_MB : null,
    },
    tier_range_ms: { target: "≤ 50", value: functions.tierMs ?? null, met: functions.tierMs !== undefined ? functions.tierMs <= 50 : null },
    filial_range_ms: {
      target: "≤ 100",
      value: functions.filialMs ?? null,
      met: functions.filialMs !== undefined ? functions.filialMs <= 100 : null,
    },
  };
  const output = {
    node: process.version,
    cpus: os.cpus().length,
    results,
    tier_range_ms: functions.tierMs ?? null,
    filial_range_ms: functions.filialMs ?? null,
    office_syncs_100k: office.syncs ?? null,
    targets,
  };
  if (json) {
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return;
  }
  const head = [
    "sheet rows",
    "runs",
    "file MB",
    "inflate s",
    "fflate s",
    "touch s",
    "start-up s",
    "least ratio",
    "fixed ratio",
    "check s",
    "check CPU s",
    "check/inflate",
    "peak RSS MB",
    "check inline s",
    "engine rows/s",
    "summary s",
  ];
  const lines = results.map((r) => [
    String(r.rows),
    String(r.runs),
    String(r.file_mb),
    r.inflate_s.toFixed(3),
    r.inflate_fflate_s.toFixed(3),
    r.touch_s.toFixed(3),
    r.startup_s.toFixed(3),
    r.least_ratio.toFixed(2),
    r.fixed_ratio === null ? "—" : r.fixed_ratio.toFixed(2),
    r.check_s === null ? `refused/failed (exit ${r.check_exit})` : r.check_s.toFixed(2),
    r.check_cpu_s === null ? "—" : r.check_cpu_s.toFixed(2),
    r.check_ratio === null ? "—" : r.check_ratio.toFixed(2),
    r.peak_rss_mb === null ? "—" : String(r.peak_rss_mb),
    r.check_inline_s === null ? "—" : r.check_inline_s.toFixed(2),
    r.engine_rows_per_s === null ? "—" : String(r.engine_rows_per_s),
    r.summary_s === null ? "—" : r.summary_s.toFixed(2),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join("  ");
  console.log(fmt(head));
  for (const l of lines) console.log(fmt(l));
  for (const r of results) if (r.check_message) console.log(`${r.rows} rows: ${r.check_message}`);
  console.log(
    `TIER over 100,000 cells: ${functions.tierMs ?? "?"} ms (target ≤ 50); FILIAL_MATCH over ` +
      `100,000 IDs: ${functions.filialMs ?? "?"} ms (target ≤ 100)`,
  );
  console.log(`Office adapter reading 100,000 rows × 34 columns: ${office.syncs ?? "?"} syncs`);
  for (const [name, t] of Object.entries(targets))
    console.log(`target ${name} ${t.target}: ${t.value ?? "—"} ${t.met === null ? "" : t.met ? "met" : "NOT met"}`);
  if (at100k)
    console.log(
      `at 100k rows, start-up and one pass over the inflated bytes alone are ${at100k.least_ratio} × inflate ` +
        `(least_ratio: what no check in JavaScript can go below on this machine); start-up, inflating and the rules ` +
        `alone are ${at100k.fixed_ratio ?? "—"} × inflate (fixed_ratio), before any reading or reporting`,
    );
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  console.error(error);
  process.exitCode = 1;
});
