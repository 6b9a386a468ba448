/**
 * `bangfu rank FILE.xlsx... [-o OUT.xlsx]`: each file is a street (or, given one workbook
 * holding several ledger sheets, each ledger sheet is); streets are ranked by the per-capita
 * income growth of their 脱贫户, against the local farmers' growth (plan 一 and 三（三）).
 * Prints the ranking; with -o also writes it as a 街道排名 tab into a new workbook.
 *
 * Exit codes: 0 when the ranking was made (lagging streets are a result, not a failure);
 * 2 when a file cannot be read, holds no ledger, or the output cannot be written. One
 * unreadable street stops the ranking: a ranking without it would mislead.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { LedgerNotFoundError } from "../ledger";
import { resolvePolicy } from "../policy";
import { displayWidth } from "../summaries/common";
import {
  buildRankingTable,
  farmersGrowthText,
  LAGGING_MARK,
  noLaggingNote,
  PLAN_CLAUSE_NOTE,
  percentText,
  rankStreets,
  StreetInput,
  StreetRanking,
} from "../summaries/ranking";
import { formatDate, roundToPrecision } from "../values";
import { readLedgerFromFile, readLedgersFromFile, SheetScan } from "../xlsx/readWorkbook";
import { assertOutputIsNotInput, checkOutputPath, writeNewSummaryWorkbook } from "../xlsx/writeSummaries";
import { parseArgs, UsageError } from "./args";
import { EXIT_CLEAN, noWorksheetMessage, policyYearNotice, readAsOf, readPolicyOption } from "./check";
import { reportCannotProceed } from "./errors";
import { policyNotes } from "./format";
import type { Io } from "./io";
import { describeWrite, localTimestamp } from "./summary";

export const RANK_USAGE =
  `用法：bangfu rank 文件.xlsx [文件2.xlsx …] [-o 输出.xlsx] [--as-of YYYY-MM-DD] [--policy ` + `参数文件.json] [--include-monitored]`;

export async function runRank(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ["-o", "--output", "--as-of", "--policy"], ["--include-monitored"]);
  const files = args.positional;
  if (files.length === 0)
    throw new UsageError(`请给出各街道的台账 .xlsx 文件（每个文件一个街道；或一个文件、每个台账工作表一个街道）。\n${RANK_USAGE}`);
  const outputOption = args.options.get("-o") ?? args.options.get("--output");
  if (outputOption === true) throw new UsageError(`-o 后面需要输出文件名\n${RANK_USAGE}`);
  const asOf = readAsOf(args.options.get("--as-of"));
  const overrides = readPolicyOption(args.options.get("--policy"));
  try {
    if (outputOption !== undefined) {
      await checkOutputPath(outputOption);
      for (const file of files) await assertOutputIsNotInput(file, outputOption);
    }
    await assertDistinctFiles(files);
    const policy = resolvePolicy(asOf.year, overrides);
    const notice = policyYearNotice(overrides, policy.year);
    if (notice) io.stderr(`${notice}\n`);
    const streets = await readStreets(files, io);
    const ranking = rankStreets(streets, { policy, asOf, scope: { includeMonitored: args.options.has("--include-monitored") } });
    io.stdout(`${rankingToText(ranking)}\n`);
    for (const note of policyNotes(policy).filter((n) => !n.includes("尚未确认"))) io.stdout(`${note}\n`);
    if (outputOption !== undefined) {
      const sources = streets.map((s) => s.source);
      const table = buildRankingTable(ranking, {
        generatedAt: localTimestamp(),
        source: `${streets.length}个街道台账：${sources.join("、")}`,
      });
      const result = await writeNewSummaryWorkbook(outputOption, [table], files);
      io.stdout(`${describeWrite(result, null).join("\n")}\n`);
    }
    return EXIT_CLEAN;
  } catch (error: unknown) {
    return reportCannotProceed(error, io, { input: "无法排名", output: "无法写出排名" });
  }
}

/**
 * The same file given twice (by another path, a symbolic or a hard link) would count its
 * households twice and rank a street against itself: refused, naming both arguments.
 * Files that cannot be opened are left to the reader, which says why.
 */
async function assertDistinctFiles(files: readonly string[]): Promise<void> {
  const seen = new Map<string, string>();
  for (const file of files) {
    const stat = await fs.promises.stat(file).catch(() => null);
    if (!stat) continue;
    // Some network drives report no inode (0): the resolved path is the best there is.
    const key = stat.ino ? `${stat.dev}:${stat.ino}` : await fs.promises.realpath(file);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const how = earlier === file ? "给出了两次" : `与 ${earlier} 是同一个文件（另一个路径或链接）`;
      throw new UsageError(`${file} ${how}：每个街道的台账只能给一次，否则该街道会被重复计算。\n${RANK_USAGE}`);
    }
    seen.set(key, file);
  }
}

/** One street per file; or, for a single workbook with several ledger sheets, one per sheet. */
async function readStreets(files: readonly string[], io: Io): Promise<StreetInput[]> {
  const base = (file: string) => path.basename(file);
  const stem = (file: string) => path.basename(file, path.extname(file));
  // Hidden sheets are not streets: say which were left out.
  const noteHidden = (file: string, scanned: readonly SheetScan[]) => {
    const hidden = scanned.filter((s) => s.hidden && s.skipped !== null).map((s) => `“${s.name}”`);
    if (hidden.length > 0)
      io.stderr(`注意：${file} 中隐藏的工作表${hidden.join("、")}未计入排名（需要时请在 Excel 或 WPS 中取消隐藏）。\n`);
  };
  const notFound = (file: string, scanned: readonly SheetScan[]) =>
    new LedgerNotFoundError(
      "",
      scanned.length === 0
        ? noWorksheetMessage(file)
        : `文件 ${file} 中没有找到台账工作表。${scanned.map((s) => `\n- ${s.skipped ?? ""}`).join("")}`,
    );
  if (files.length === 1) {
    const [file] = files;
    const { ledgers, scanned } = await readLedgersFromFile(file, { all: true });
    if (ledgers.length === 0) throw notFound(file, scanned);
    noteHidden(file, scanned);
    return ledgers.map((ledger) => ({
      ledger,
      source: ledgers.length > 1 ? `${base(file)} / ${ledger.sheetName}` : base(file),
      fallbackName: ledgers.length > 1 ? ledger.sheetName : stem(file),
    }));
  }
  // Files of the same name in different folders are told apart by their path as given.
  const label = (file: string) => (files.filter((f) => base(f) === base(file)).length > 1 ? file : base(file));
  const streets: StreetInput[] = [];
  for (const file of files) {
    const { ledgers, scanned, unread } = await readLedgerFromFile(file);
    if (ledgers.length === 0) throw notFound(file, scanned);
    noteHidden(file, scanned);
    // A street's workbook with one sheet per village: only the first counts, which must be said.
    if (unread.length > 0)
      io.stderr(
        `注意：${file} 只有工作表“${ledgers[0].sheetName}”计入排名，其后的工作表${unread.map((n) => `“${n}”`).join("、")}未读取` +
          `（每个文件算一个街道，只取第一个台账工作表）。如这些工作表也是该街道的台账，请合并到一个工作表后再排名。\n`,
      );
    streets.push({ ledger: ledgers[0], source: label(file), fallbackName: stem(file) });
  }
  return streets;
}

// ---------------------------------------------------------------- the printed table

function yuan(value: number | null): string {
  return value === null ? "—" : value.toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function points(share: number | null): string {
  if (share === null) return "—";
  const value = roundToPrecision(share * 100).toFixed(1);
  return `${share >= 0 ? "+" : ""}${value}个百分点`;
}

function pad(text: string, width: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/** The ranking as a plain-text table (CJK characters count two columns), then the lagging streets. */
export function rankingToText(ranking: StreetRanking): string {
  const header = ["排名", "街道", "户数", "两年收入齐全户数", "上年人均纯收入", "本年人均纯收入", "增幅", "差距（增幅−农民）", ""];
  const rightAligned = [true, false, true, true, true, true, true, true, false];
  const body = ranking.streets.map((s) => [
    s.rank === null ? "—" : String(s.rank),
    s.name,
    String(s.households),
    String(s.comparable),
    yuan(s.lastYearMean),
    yuan(s.thisYearMean),
    s.growth === null ? "—" : percentText(s.growth),
    points(s.gap),
    s.lagging ? `← ${LAGGING_MARK}` : s.growth === null ? "无法计算" : "",
  ]);
  const d = ranking.district;
  const total = [
    "",
    "全区",
    String(d.households),
    String(d.comparable),
    yuan(d.lastYearMean),
    yuan(d.thisYearMean),
    d.growth === null ? "—" : percentText(d.growth),
    d.growth === null ? "—" : points(roundToPrecision(d.growth - ranking.farmersGrowth)),
    "",
  ];
  const rows = [header, ...body, total];
  const widths = header.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i]))));
  const line = (r: readonly string[]) =>
    r
      .map((cell, i) => pad(cell, widths[i], rightAligned[i]))
      .join("  ")
      .trimEnd();
  const lagging = ranking.streets.filter((s) => s.lagging).map((s) => s.name);
  const uncomputable = ranking.streets.filter((s) => s.growth === null).map((s) => s.name);
  const lines = [
    `街道脱贫户人均纯收入增幅排名（${ranking.streets.length}个街道；检查日期 ${formatDate(ranking.asOf)}，政策参数 ${ranking.policyYear}年）`,
    farmersGrowthText(ranking),
    "",
    line(header),
    ...body.map(line),
    line(total),
    "",
    lagging.length > 0
      ? `增速靠后的街道（增幅低于当地农民收入增幅 ${percentText(ranking.farmersGrowth)}）：${lagging.join("、")}。${PLAN_CLAUSE_NOTE}`
      : noLaggingNote(ranking),
  ];
  if (uncomputable.length > 0) lines.push(`无法计算增幅（没有两年收入齐全的户），未参加排名：${uncomputable.join("、")}。`);
  return lines.join("\n");
}
