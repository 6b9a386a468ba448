/**
 * `bangfu summary FILE.xlsx -o OUT.xlsx`: check the ledger, build the summary tabs and write a
 * copy of the workbook with them added. The input file is never written.
 *
 * Exit codes as for `check`, except that findings do not matter: 0 when the copy was written
 * (whatever the check found: the findings are in the 检查结果 tab), 2 when the file cannot be
 * checked or the copy cannot be written.
 */
import { countBySeverity } from "../checks";
import { buildSummaries } from "../summaries";
import type { SummaryTable } from "../summaries/model";
import { formatDate } from "../values";
import { SUMMARY_HEAP_SHARE } from "../xlsx/readWorkbook";
import { assertOutputIsNotInput, checkOutputPath, WriteResult, writeSummaryWorkbook } from "../xlsx/writeSummaries";
import { oneFileProblem, parseArgs, UsageError } from "./args";
import { CheckFileOptions, checkFile, describePassedOver, EXIT_CLEAN, policyYearNotice, readAsOf, readPolicyOption } from "./check";
import { reportCannotProceed } from "./errors";
import { policyNotes } from "./format";
import { Io, terminalProgress } from "./io";

export const SUMMARY_USAGE =
  `用法：bangfu summary 文件.xlsx -o 输出.xlsx [--with 附表.xlsx …] [--sheet 工作表名] ` +
  `[--as-of YYYY-MM-DD] [--policy 参数文件.json] [--include-monitored] [--full-ids]`;

/** Now as an ISO timestamp in the machine's local time with its offset (2025-12-15T09:30:00+08:00): the meta line shows local time. */
export function localTimestamp(date: Date = new Date()): string {
  const offset = -date.getTimezoneOffset();
  const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset >= 0 ? "+" : "-";
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, "0");
  return `${local}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

export function outputOption(option: string | true | undefined, example: string): string {
  if (option === undefined || option === true) throw new UsageError(`请用 -o 指定输出文件，例如 -o ${example}`);
  return option;
}

export async function runSummary(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ["-o", "--output", "--sheet", "--as-of", "--policy"], ["--full-ids", "--include-monitored"], ["--with"]);
  if (args.positional.length !== 1)
    throw new UsageError(`${oneFileProblem(args.positional, "请给出一个台账 .xlsx 文件。", "汇总")}\n${SUMMARY_USAGE}`);
  const [file] = args.positional;
  const output = outputOption(args.options.get("-o") ?? args.options.get("--output"), "台账-汇总.xlsx");
  const asOf = readAsOf(args.options.get("--as-of"));
  const overrides = readPolicyOption(args.options.get("--policy"));
  const sheetOption = args.options.get("--sheet");
  const progress = terminalProgress(io);
  try {
    await checkOutputPath(output);
    await assertOutputIsNotInput(file, output);
    const summary = await checkAndSummarise(
      file,
      {
        sheetName: typeof sheetOption === "string" ? sheetOption : undefined,
        asOf,
        overrides,
        onProgress: progress.onProgress,
        sides: args.lists.get("--with") ?? [],
        scope: { includeMonitored: args.options.has("--include-monitored") },
        heapShare: SUMMARY_HEAP_SHARE,
      },
      { fullIds: args.options.has("--full-ids"), sheetChosen: sheetOption !== undefined, done: progress.done },
      io,
    );
    const result = await writeSummaryWorkbook(file, output, summary.tables);
    io.stdout([summary.reportLine, ...describeWrite(result, file), ...summary.policyLines].join("\n") + "\n");
    return EXIT_CLEAN;
  } catch (error: unknown) {
    return reportCannotProceed(error, io, { input: "无法检查", output: "无法写出汇总" });
  }
}

interface CheckedSummary {
  readonly tables: SummaryTable[];
  /** The check's account, for the line printed after writing. */
  readonly reportLine: string;
  readonly policyLines: readonly string[];
}

/**
 * Check the file and build its summary tables. Only the tables and two lines of text leave this
 * function: the ledger and the findings (at 1,048,576 rows about 1 GB of heap) are garbage by the
 * time the tabs are rendered, which needs as much again.
 */
async function checkAndSummarise(
  file: string,
  options: CheckFileOptions,
  summary: { readonly fullIds: boolean; readonly sheetChosen: boolean; readonly done: () => void },
  io: Io,
): Promise<CheckedSummary> {
  const checked = await checkFile(file, options);
  summary.done();
  const notice = policyYearNotice(options.overrides, checked.policy.year);
  if (notice) io.stderr(`${notice}\n`);
  if (!summary.sheetChosen) io.stderr(`汇总工作表“${checked.report.sheet}”${describePassedOver(checked.passedOver, checked.unread)}\n`);
  const tables = buildSummaries(checked.ledger, checked.report, {
    policy: checked.policy,
    asOf: options.asOf,
    generatedAt: localTimestamp(),
    fullIds: summary.fullIds,
  });
  const counts = countBySeverity(checked.report.findings);
  const report = checked.report;
  const reportLine =
    `台账“${report.sheet}”：${report.households}户、${report.persons}人；检查日期 ` +
    `${formatDate(report.asOf)}，政策参数 ${report.policyYear}年；检查发现错误 ${counts.error} ` +
    `条，警告 ${counts.warning} 条，提示 ${counts.info} 条（见“检查结果”工作表）。`;
  return { tables, reportLine, policyLines: policyNotes(checked.policy) };
}

/** What was written where, one line per tab. */
export function describeWrite(result: WriteResult, inputLabel: string | null): string[] {
  const lines = [inputLabel === null ? `已写出 ${result.outputPath}：` : `已写出 ${result.outputPath}（输入文件 ${inputLabel} 未修改）：`];
  for (const tab of result.tabs) {
    lines.push(
      tab.renamed ? `  + ${tab.name}（工作簿中已有用户自己的“${tab.title}”工作表，保留未动，新表改名为“${tab.name}”）` : `  + ${tab.name}`,
    );
  }
  if (result.replaced.length > 0) lines.push(`替换了上次由 BANGFU 生成的工作表：${result.replaced.map((n) => `“${n}”`).join("、")}。`);
  if (result.macros === "kept") lines.push(`输入文件含宏（VBA），输出文件 ${result.outputPath} 保留了宏。`);
  if (result.macros === "dropped") {
    lines.push(`说明：输入文件含宏（VBA）；输出为 .xlsx，不含宏（与 Excel“另存为 .xlsx”相同）。如需保留宏，请用 -o 指定 .xlsm 文件名。`);
  }
  if (result.ignoredMarkers.length > 0)
    lines.push(`注意：生成标记指向台账本身，已忽略该标记，台账未动（${result.ignoredMarkers.join("；")}）。`);
  return lines;
}
