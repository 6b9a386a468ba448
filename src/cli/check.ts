import type { CheckReport } from "../checks";
import type { ScopeOptions } from "../checks/scope";
import { checkReadLedger, SideLedger } from "../engine/checkSheet";
import { Ledger, LedgerNotFoundError } from "../ledger";
import {
  ACCEPTED_YEARS,
  parsePolicyFile,
  Policy,
  POLICY_FILE_MAX_BYTES,
  PolicyFileError,
  policyFileText,
  PolicyOverrides,
} from "../policy";
import { CivilDate, compactText, formatDate, InputError, parseDate, today } from "../values";
import { noWorksheetMessage, sideLedgerOf } from "../xlsx/readLedgers";
import { readLedgerFromFile } from "../xlsx/readWorkbook";
import { oneFileProblem, parseArgs, UsageError } from "./args";
import { errorToJson, EXIT_CANNOT_CHECK, reportCannotProceed } from "./errors";
import { reportToText, writeReportJson } from "./format";
import { Io, terminalProgress } from "./io";
import { readSmallFile, TextFileError } from "./textFile";

export { EXIT_CANNOT_CHECK, noWorksheetMessage };

export const EXIT_CLEAN = 0;
export const EXIT_ERRORS_FOUND = 1;

export interface CheckedFile {
  /** The ledger as read, for what is built from it after the check (summary tabs). */
  readonly ledger: Ledger;
  readonly report: CheckReport;
  readonly policy: Policy;
  /** Sheets passed over before the ledger was found, with the reason. */
  readonly passedOver: readonly { name: string; reason: string; hidden: boolean }[];
  /** Visible worksheets after the ledger, not opened (the first ledger is the one checked). */
  readonly unread: readonly string[];
}

export interface CheckFileOptions {
  readonly sheetName?: string;
  readonly asOf: CivilDate;
  readonly overrides?: PolicyOverrides;
  readonly onProgress?: (rows: number) => void;
  /** Side ledgers to join (--with): .xlsx files, each read at its first ledger sheet. */
  readonly sides?: readonly string[];
  /** Which households count as the plan's 脱贫户 (--include-monitored). */
  readonly scope?: ScopeOptions;
  /** How much of node's heap reading may take: less when a summary is written after the check. */
  readonly heapShare?: number;
}

/** Read the ledger sheet of an .xlsx file (and its side ledgers) and check it. Throws a Chinese-message error when it cannot. */
export async function checkFile(path: string, options: CheckFileOptions): Promise<CheckedFile> {
  const { ledgers, scanned, unread } = await readLedgerFromFile(
    path,
    { sheetName: options.sheetName, onProgress: options.onProgress },
    { heapShare: options.heapShare },
  );
  const passedOver = scanned.filter((s) => s.skipped !== null).map((s) => ({ name: s.name, reason: s.skipped ?? "", hidden: s.hidden }));
  const ledger = ledgers[0];
  if (!ledger) {
    if (scanned.length === 0) throw new LedgerNotFoundError("", noWorksheetMessage(path));
    const reasons = passedOver.map((s) => `\n- ${s.reason}`).join("");
    throw new LedgerNotFoundError("", `文件中没有找到台账工作表。${reasons}`);
  }
  const sides = await readSideLedgers(options.sides ?? [], options.onProgress);
  const checked = checkReadLedger(ledger, { asOf: options.asOf, overrides: options.overrides, scope: options.scope }, sides);
  return { ...checked, passedOver, unread };
}

/**
 * Each side ledger file (--with) at its first ledger sheet, named by its file name (its path when
 * two share a name). A file without a ledger is refused, naming it.
 */
export async function readSideLedgers(files: readonly string[], onProgress?: (rows: number) => void): Promise<SideLedger[]> {
  const sides: SideLedger[] = [];
  const base = (file: string) => file.replace(/^.*[\\/]/, "");
  for (const file of files) {
    const label = files.filter((f) => base(f) === base(file)).length > 1 ? file : base(file);
    sides.push({ ledger: sideLedgerOf(await readLedgerFromFile(file, { onProgress }), file), source: label });
  }
  return sides;
}

export const CHECK_USAGE =
  `用法：bangfu check 文件.xlsx [--with 附表.xlsx …] [--sheet 工作表名] [--as-of YYYY-MM-DD] ` +
  `[--policy 参数文件.json] [--include-monitored] [--json]`;

export async function runCheck(argv: readonly string[], io: Io): Promise<number> {
  // With --json every outcome is JSON on stdout, a refusal too (exit 2): scripts read one format.
  const json = argv.includes("--json");
  try {
    return await check(argv, io, json);
  } catch (error: unknown) {
    if (json && (error instanceof UsageError || error instanceof PolicyFileError || error instanceof InputError)) {
      io.stdout(`${JSON.stringify(errorToJson(error), null, 2)}\n`);
      io.stderr(`${error.message}\n`);
      return EXIT_CANNOT_CHECK;
    }
    throw error;
  }
}

async function check(argv: readonly string[], io: Io, json: boolean): Promise<number> {
  const args = parseArgs(argv, ["--sheet", "--as-of", "--policy"], ["--json", "--include-monitored"], ["--with"]);
  if (args.positional.length !== 1)
    throw new UsageError(`${oneFileProblem(args.positional, "请给出一个要检查的 .xlsx 文件。", "检查")}\n${CHECK_USAGE}`);
  const [file] = args.positional;
  const asOf = readAsOf(args.options.get("--as-of"));
  const overrides = readPolicyOption(args.options.get("--policy"));
  const sheetOption = args.options.get("--sheet");
  const sides = args.lists.get("--with") ?? [];
  const scope: ScopeOptions = { includeMonitored: args.options.has("--include-monitored") };
  const progress = terminalProgress(io);
  try {
    const checked = await checkFile(file, {
      sheetName: typeof sheetOption === "string" ? sheetOption : undefined,
      asOf,
      overrides,
      onProgress: progress.onProgress,
      sides,
      scope,
    });
    progress.done();
    const notice = policyYearNotice(overrides, checked.policy.year);
    if (notice) io.stderr(`${notice}\n`);
    if (sheetOption === undefined)
      io.stderr(`检查工作表“${checked.report.sheet}”${describePassedOver(checked.passedOver, checked.unread)}\n`);
    if (json) await writeReportJson(checked.report, checked.policy, io.stdoutPiece ?? io.stdout);
    else io.stdout(`${reportToText(checked.report, checked.policy, file)}\n`);
    return checked.report.findings.some((f) => f.severity === "error") ? EXIT_ERRORS_FOUND : EXIT_CLEAN;
  } catch (error: unknown) {
    progress.done();
    return reportCannotProceed(error, io, { input: "无法检查", json });
  }
}

/** A policy file without an entry for the year used: the shipped parameters apply, say so. */
export function policyYearNotice(overrides: PolicyOverrides | undefined, year: number): string | null {
  if (!overrides || overrides.years[year] !== undefined) return null;
  const years = Object.keys(overrides.years).join("、");
  return `注意：参数文件 ${overrides.source} 中没有${year}年的参数（只有${years || "无"}年），本次使用内置参数。可用 --as-of 指定检查日期。`;
}

export function describePassedOver(passedOver: CheckedFile["passedOver"], unread: CheckedFile["unread"] = []): string {
  const hidden = passedOver.filter((s) => s.hidden).map((s) => `“${s.name}”`);
  const other = passedOver.filter((s) => !s.hidden).map((s) => `“${s.name}”`);
  const parts = [
    ...(other.length > 0 ? [`${other.join("、")}，不像台账`] : []),
    ...(hidden.length > 0 ? [`隐藏的工作表${hidden.join("、")}（可用 --sheet 指定）`] : []),
  ];
  const skipped = parts.length === 0 ? "" : `（已跳过：${parts.join("；")}）`;
  // Only the first ledger sheet is checked: a workbook with one sheet per village must not look checked whole.
  const later = unread.map((name) => `“${name}”`);
  return later.length === 0 ? skipped : `${skipped}；其后的工作表${later.join("、")}未检查（每次只检查一个工作表，可用 --sheet 指定）`;
}

/**
 * The check date: written out as a date (2025-12-31, 2025/12/31, 2025年12月31日, 20251231),
 * never a bare number taken as an Excel serial (--as-of 1 is not 1900-01-01), and within
 * ACCEPTED_YEARS, so a typo cannot check against a century no ledger belongs to.
 */
export function readAsOf(option: string | true | undefined): CivilDate {
  if (option === undefined) return today();
  const range = `${ACCEPTED_YEARS.first}-01-01 至 ${ACCEPTED_YEARS.last}-12-31`;
  const usage = `--as-of 需要一个${range}之间的日期，写作 YYYY-MM-DD，如 2025-12-31`;
  if (option === true) throw new UsageError(usage);
  const text = compactText(option);
  // A bare number (1, 45000, 45000.5) would be read as an Excel serial; 20251231 is a date written out.
  if (/^\d+(\.\d+)?$/.test(text) && !/^\d{8}$/.test(text)) throw new UsageError(`${usage}（收到“${option}”，不是日期）`);
  let date: CivilDate | null;
  try {
    date = parseDate(option, "检查日期");
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(`${error.message}。${usage}`);
    throw error;
  }
  if (!date) throw new UsageError(usage);
  if (date.year < ACCEPTED_YEARS.first || date.year > ACCEPTED_YEARS.last) throw new UsageError(`${usage}（收到 ${formatDate(date)}）`);
  return date;
}

export function readPolicyOption(option: string | true | undefined): PolicyOverrides | undefined {
  if (option === undefined) return undefined;
  if (option === true) throw new UsageError("--policy 需要一个参数文件路径");
  let bytes: Uint8Array;
  try {
    // Size and kind are checked before reading: --policy /dev/zero or a FIFO is refused at once.
    bytes = readSmallFile(option, POLICY_FILE_MAX_BYTES, "请给出参数文件（.json，见 README“政策参数”）");
  } catch (error) {
    if (error instanceof TextFileError) throw new PolicyFileError(option, [error.message]);
    throw error;
  }
  return parsePolicyFile(policyFileText(bytes, option), option);
}
