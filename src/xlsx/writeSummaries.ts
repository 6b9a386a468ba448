/**
 * The command line's edge of the summary writer: file I/O only. The workbook itself is built
 * host-neutrally (./summaryWorkbook.ts, the same code the offline page runs): this checks the
 * output path, reads the input file, refuses to write over it, and streams the output next to
 * its place before renaming it there, so a failed or interrupted write never leaves half a file.
 */
import { once } from "node:events";
import * as fs from "node:fs";
import * as path from "node:path";
import { finished } from "node:stream/promises";
import type JSZip from "jszip";
import { describeFileError } from "./fileErrors";
import { MacroSheetsError, OutputKind, outputKindOf } from "./macros";
import { packageEntries } from "./package";
import { crc32 } from "./crc32";
import { assertXlsx, nodeChecksum, nodeDeflater, WorkbookFileError, writingMemoryCheck } from "./readWorkbook";
import type { TabTable } from "./renderTabs";
import { TOO_LARGE_FOR_XLSX, writeZip, ZipTooLargeError } from "./zipWriter";
import type * as Core from "./summaryWorkbook";

// The writer's core (with JSZip) takes a while to load: only the commands that write load it
// (`bangfu check` starts without it).
function core(): typeof Core {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, not at start-up
  return require("./summaryWorkbook") as typeof Core;
}

// Re-exported for the tests and callers that knew them here.
export { quoteSheet, sheetOfReference } from "../ledger/cellRef";
export type { RawDefinedName } from "./mergePackage";
export { NUMBER_FORMATS } from "./numberFormats";
export { generatedMarker } from "./renderTabs";
export type { TabTable, WrittenTab } from "./renderTabs";

export class SummaryWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SummaryWriteError";
  }
}

/** What was written where: the package's account of its tabs, without the package. */
export interface WriteResult extends Omit<Core.SummaryPackage, "zip"> {
  readonly outputPath: string;
}

/**
 * Copy the workbook at `inputPath` to `outputPath` with the tables as tabs; the input file is
 * never written. Tabs generated before (by marker) for the same keys are replaced.
 */
export async function writeSummaryWorkbook(inputPath: string, outputPath: string, tables: readonly TabTable[]): Promise<WriteResult> {
  const kind = await checkOutputPath(outputPath);
  await assertXlsx(inputPath);
  await assertOutputIsNotInput(inputPath, outputPath);
  const { addSummaryTabs, UnreadablePackageError, unreadableMessage } = core();
  let built: Core.SummaryPackage;
  try {
    built = await addSummaryTabs(await fs.promises.readFile(inputPath), tables, kind, writingMemoryCheck(outputPath));
  } catch (error) {
    if (error instanceof UnreadablePackageError) throw new WorkbookFileError(unreadableMessage(inputPath, error), error.cause);
    if (error instanceof MacroSheetsError) {
      throw new SummaryWriteError(
        `${inputPath} 含 ${error.sheets} 张 Excel 4.0 宏表，写成 .xlsx 会丢失这些表：请用 -o 指定 .xlsm 输出文件，例如 ${suggestedOutput(inputPath)}`,
      );
    }
    throw error;
  }
  await savePackage(built.zip, outputPath);
  return { outputPath, tabs: built.tabs, replaced: built.replaced, ignoredMarkers: built.ignoredMarkers, macros: built.macros };
}

/** Write the tables into a new workbook (e.g. the street ranking, which has no source workbook). */
export async function writeNewSummaryWorkbook(
  outputPath: string,
  tables: readonly TabTable[],
  refuse: readonly string[] = [],
): Promise<WriteResult> {
  const kind = await checkOutputPath(outputPath);
  for (const input of refuse) await assertOutputIsNotInput(input, outputPath);
  const built = await core().newSummaryPackage(tables, kind, writingMemoryCheck(outputPath));
  await savePackage(built.zip, outputPath);
  return { outputPath, tabs: built.tabs, replaced: [], ignoredMarkers: [], macros: "none" };
}

// ---------------------------------------------------------------- the output file

/**
 * Check an output path before any work is done: it must end in .xlsx or .xlsm (the output is
 * a workbook, whatever the name says), its folder must exist, and it must not be a folder or
 * anything but a regular file. Returns the output kind.
 */
export async function checkOutputPath(outputPath: string): Promise<OutputKind> {
  const kind = outputKindOf(outputPath);
  if (kind === null) {
    throw new SummaryWriteError(
      `输出文件名 ${outputPath} 应以 .xlsx 结尾（台账含宏时也可用 .xlsm）：BANGFU 写出的是 Excel 工作簿。如需 CSV 等格式，请在 Excel 或 WPS 中打开后另存为`,
    );
  }
  const dir = path.dirname(path.resolve(outputPath));
  const stat = await fs.promises.stat(outputPath).catch(() => null);
  if (stat?.isDirectory())
    throw new SummaryWriteError(`无法写出 ${outputPath}：这是一个文件夹。请给出文件名，例如 ${path.join(outputPath, `汇总.${kind}`)}`);
  if (stat && !stat.isFile()) throw new SummaryWriteError(`无法写出 ${outputPath}：它不是普通文件（可能是设备或管道），请换一个文件名`);
  const dirStat = await fs.promises.stat(dir).catch(() => null);
  if (!dirStat?.isDirectory()) throw new SummaryWriteError(`无法写出 ${outputPath}：文件夹 ${dir} 不存在`);
  return kind;
}

export async function assertOutputIsNotInput(inputPath: string, outputPath: string): Promise<void> {
  const same = path.resolve(inputPath) === path.resolve(outputPath) || (await sameInode(inputPath, outputPath));
  if (same) {
    throw new SummaryWriteError(
      `输出文件不能与输入文件相同（${outputPath}）：BANGFU 从不修改输入文件，请用 -o 指定另一个文件名，例如 ${suggestedOutput(inputPath)}`,
    );
  }
}

async function sameInode(a: string, b: string): Promise<boolean> {
  try {
    const [sa, sb] = await Promise.all([fs.promises.stat(a), fs.promises.stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false; // the output does not exist yet
  }
}

/** 台账.xlsx → 台账-汇总.xlsx, next to the input. */
export function suggestedOutput(inputPath: string): string {
  const ext = path.extname(inputPath);
  return path.join(path.dirname(inputPath), `${path.basename(inputPath, ext)}-汇总${ext || ".xlsx"}`);
}

/** Write next to the output first and rename, so a failed write never leaves half a file. */
async function savePackage(zip: JSZip, outputPath: string): Promise<void> {
  const dir = path.dirname(path.resolve(outputPath));
  const temp = path.join(dir, `.${path.basename(outputPath)}.${process.pid}.tmp`);
  const release = removeOnSignal(temp);
  try {
    await writePackage(zip, temp);
    await fs.promises.rename(temp, outputPath);
  } catch (error) {
    await fs.promises.rm(temp, { force: true }).catch(() => undefined);
    if (error instanceof ZipTooLargeError) {
      throw new SummaryWriteError(`无法写出 ${outputPath}：${TOO_LARGE_FOR_XLSX}`);
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== "string") {
      // Not the file system: JSZip inflating a damaged part of the input. The detail stays for whoever maintains BANGFU.
      throw new SummaryWriteError(
        `无法写出 ${outputPath}：复制输入文件的内容时出错，输入文件可能已损坏。请在 Excel 或 WPS 中打开后另存为 .xlsx 再试（技术信息：${(error as Error).message}）`,
      );
    }
    throw new SummaryWriteError(`无法写出 ${outputPath}：${code === "ENOENT" ? `文件夹 ${dir} 不存在` : describeFileError(error)}`);
  } finally {
    release();
  }
}

// Temporary files being written. Ctrl+C (SIGINT), a closed terminal (SIGHUP) or SIGTERM would
// otherwise leave a hidden half-written .tmp beside the output: remove them, then die of the
// same signal as the process would have without this handler.
const pendingTemps = new Set<string>();
const STOP_SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

function onStopSignal(signal: NodeJS.Signals): void {
  for (const temp of pendingTemps) fs.rmSync(temp, { force: true });
  pendingTemps.clear();
  for (const s of STOP_SIGNALS) process.removeListener(s, onStopSignal);
  process.kill(process.pid, signal);
}

function removeOnSignal(temp: string): () => void {
  if (pendingTemps.size === 0) for (const s of STOP_SIGNALS) process.on(s, onStopSignal);
  pendingTemps.add(temp);
  return () => {
    pendingTemps.delete(temp);
    if (pendingTemps.size === 0) for (const s of STOP_SIGNALS) process.removeListener(s, onStopSignal);
  };
}

/** Stream a package to a file, one part at a time: new parts deflated by node's zlib, the user's copied as they were. */
async function writePackage(zip: JSZip, file: string): Promise<void> {
  const out = fs.createWriteStream(file);
  // The stream's failure (the disk full, no permission) ends the writing at the next wait for it.
  const failed = new Promise<never>((_, reject) => out.once("error", reject));
  failed.catch(() => undefined);
  const write = (bytes: Uint8Array) => (out.write(bytes) ? undefined : Promise.race([once(out, "drain"), failed]).then(() => undefined));
  try {
    await writeZip(packageEntries(zip), write, { deflater: nodeDeflater, checksum: nodeChecksum ?? crc32 });
    out.end();
    await Promise.race([finished(out), failed]);
  } catch (error) {
    // The file may not even be open yet: wait until it is closed, so that the caller's removal of
    // it comes after its creation and no temporary file is left.
    out.destroy();
    await finished(out).catch(() => undefined);
    throw error;
  }
}
