/**
 * `npm run demo`: check the two sample ledgers of examples/ with `bangfu check --as-of 2025-12-15`
 * and print their reports, then one summary line per file; then write each sample's summary
 * workbook (`bangfu summary`) into out/ and say where.
 *
 * The samples hold planted defects, so `bangfu check` exits 1 on them; the demo's job is to show
 * those findings, so it exits 0 then. It exits with the check's status when a file cannot be
 * checked (2) and non-zero on a crash. It regenerates nothing: the samples are committed files
 * (regenerate them with `npm run examples`).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { EXIT_CANNOT_CHECK, EXIT_CLEAN, EXIT_ERRORS_FOUND } from "../src/cli/check";
import type { Io } from "../src/cli/io";
import { main } from "../src/cli/main";
import { EXAMPLE_FILES, EXAMPLES_AS_OF } from "./make-examples";

const EXAMPLES_DIR = path.join(__dirname, "..", "examples");
const OUT_DIR = path.join(__dirname, "..", "out");

export async function runDemo(io: Io, outDir: string = OUT_DIR): Promise<number> {
  const summary: string[] = [];
  let status = 0;
  for (const name of Object.values(EXAMPLE_FILES)) {
    const file = path.relative(process.cwd(), path.join(EXAMPLES_DIR, name)) || name;
    io.stdout(`\n$ npx bangfu check ${file} --as-of ${EXAMPLES_AS_OF}\n\n`);
    let text = "";
    const tee: Io = {
      stdout: (chunk) => {
        text += chunk;
        io.stdout(chunk);
      },
      stderr: (chunk) => io.stderr(chunk),
      stderrIsTTY: io.stderrIsTTY,
    };
    const code = await main(["check", file, "--as-of", EXAMPLES_AS_OF], tee);
    // The report's own lines: where the ledger was found and how many findings of each severity.
    const where = /^工作表.*$/m.exec(text)?.[0] ?? "";
    const counts = /^结果：(.*)$/m.exec(text)?.[1] ?? "";
    summary.push(`  ${name}：${code === EXIT_CANNOT_CHECK ? "无法检查" : `${where.replace(/；.*$/, "")}；${counts}`}（退出码 ${code}）`);
    if (code !== EXIT_CLEAN && code !== EXIT_ERRORS_FOUND) status = status || code;
  }
  io.stdout(`\n示例台账检查小结（检查日期 ${EXAMPLES_AS_OF}）：\n${summary.join("\n")}\n`);
  // The summary workbook of each sample: a copy with the summary tabs, written into out/ (git-ignored).
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const name of Object.values(EXAMPLE_FILES)) {
    const file = path.relative(process.cwd(), path.join(EXAMPLES_DIR, name)) || name;
    const output = path.relative(process.cwd(), path.join(outDir, `${path.basename(name, ".xlsx")}-汇总.xlsx`));
    io.stdout(`\n$ npx bangfu summary ${file} -o ${output} --as-of ${EXAMPLES_AS_OF}\n\n`);
    const code = await main(["summary", file, "-o", output, "--as-of", EXAMPLES_AS_OF], io);
    if (code === EXIT_CLEAN) written.push(`  ${output}`);
    else status = status || code;
  }
  if (written.length > 0)
    io.stdout(`\n汇总工作簿（台账副本加汇总表，可用 Excel、WPS 或 LibreOffice 打开）已写出：\n${written.join("\n")}\n`);
  if (status === 0) io.stdout("示例台账中的问题是有意放入的（见 scripts/make-examples.ts），演示正常结束。\n");
  return status;
}

if (require.main === module) {
  runDemo({
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`演示出错：\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 3;
    },
  );
}
