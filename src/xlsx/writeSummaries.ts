/**
 * The command line's edge of the summary writer: file I/O only. The workbook itself is built
 * host-neutrally (./summaryWorkbook.ts, the same code the offline page runs): this reads the
 * input file, refuses to write over it, and streams the output next to its place before renaming
 * it there, so a failed write never leaves half a file.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type JSZip from "jszip";
import { assertXlsx, WorkbookFileError } from "./readWorkbook";
import type { TabTable, WrittenTab } from "./renderTabs";
import { addSummaryTabs, GENERATE_OPTIONS, newSummaryPackage, SummaryPackage, UnreadablePackageError, unreadableMessage } from "./summaryWorkbook";

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

export interface WriteResult {
  readonly outputPath: string;
  readonly tabs: readonly WrittenTab[];
  /** Names of previously generated tabs that were removed (and replaced). */
  readonly replaced: readonly string[];
  /** Markers found pointing at a sheet that was kept anyway (the ledger itself); the marker was dropped. */
  readonly ignoredMarkers: readonly string[];
}

/**
 * Copy the workbook at `inputPath` to `outputPath` with the tables as tabs; the input file is
 * never written. Tabs generated before (by marker) for the same keys are replaced.
 */
export async function writeSummaryWorkbook(inputPath: string, outputPath: string, tables: readonly TabTable[]): Promise<WriteResult> {
  await assertXlsx(inputPath);
  await assertOutputIsNotInput(inputPath, outputPath);
  let built: SummaryPackage;
  try {
    built = await addSummaryTabs(await fs.promises.readFile(inputPath), tables);
  } catch (error) {
    if (error instanceof UnreadablePackageError) throw new WorkbookFileError(unreadableMessage(inputPath, error), error.cause);
    throw error;
  }
  await savePackage(built.zip, outputPath);
  return { outputPath, tabs: built.tabs, replaced: built.replaced, ignoredMarkers: built.ignoredMarkers };
}

/** Write the tables into a new workbook (e.g. the street ranking, which has no source workbook). */
export async function writeNewSummaryWorkbook(outputPath: string, tables: readonly TabTable[], refuse: readonly string[] = []): Promise<WriteResult> {
  for (const input of refuse) await assertOutputIsNotInput(input, outputPath);
  const built = await newSummaryPackage(tables);
  await savePackage(built.zip, outputPath);
  return { outputPath, tabs: built.tabs, replaced: [], ignoredMarkers: [] };
}

// ---------------------------------------------------------------- the output file

export async function assertOutputIsNotInput(inputPath: string, outputPath: string): Promise<void> {
  const same = path.resolve(inputPath) === path.resolve(outputPath) || (await sameInode(inputPath, outputPath));
  if (same) {
    throw new SummaryWriteError(`输出文件不能与输入文件相同（${outputPath}）：BANGFU 从不修改输入文件，请用 -o 指定另一个文件名，例如 ${suggestedOutput(inputPath)}`);
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
  try {
    await writePackage(zip, temp);
    await fs.promises.rename(temp, outputPath);
  } catch (error) {
    await fs.promises.rm(temp, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? `文件夹 ${dir} 不存在`
        : code === "EACCES" || code === "EPERM"
          ? "没有写入权限"
          : code === "EBUSY"
            ? "文件正被其他程序（如 Excel）打开，请先关闭"
            : code === "EISDIR"
              ? "这是一个文件夹"
              : (error as Error).message;
    throw new SummaryWriteError(`无法写出 ${outputPath}：${reason}`);
  }
}

/** Stream a package to a file (each part is compressed, or copied, one at a time). */
function writePackage(zip: JSZip, file: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const out = fs.createWriteStream(file);
    const source = zip.generateNodeStream({ ...GENERATE_OPTIONS, type: "nodebuffer", streamFiles: false });
    source.on("error", (error: Error) => {
      out.destroy();
      reject(error);
    });
    out.on("error", reject);
    out.on("finish", () => resolve());
    source.pipe(out);
  });
}
