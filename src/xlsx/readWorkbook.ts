/**
 * The command line's edge of the .xlsx reader (Node only): opens the file, refuses what is no
 * regular file (a folder, a pipe, a device) before reading, hands the reader random access to
 * the bytes and node's native inflater, and watches the heap; it also gives the summary writer
 * node's deflater. Everything below it (./workbook.ts, ./sheetXml.ts, ./zip.ts, ./readLedgers.ts)
 * runs in a browser as well.
 */
import * as fs from "node:fs";
import { pipeline, Readable } from "node:stream";
import * as v8 from "node:v8";
import * as zlib from "node:zlib";
import type { Ledger, SheetInput } from "../ledger/model";
import { LedgerReadOptions, LedgersRead, readLedgers, readSheetInput, SheetScan, sheetNamed } from "./readLedgers";
import { formatMegabytes, openXlsx, ReadLimits, ReadPoint, readPointWhere, WorkbookFileError, XlsxWorkbook } from "./workbook";
import type { Checksum } from "./crc32";
import type { ByteSource, Inflater } from "./zip";
import { DEFLATE_LEVEL, Deflater } from "./zipWriter";

export { WorkbookFileError };
export type { SheetScan };

/**
 * node's zlib, chunk by chunk: several times faster than a JavaScript inflater, and it inflates on
 * a worker thread while the rows of the previous chunk are read. 256 KB chunks: each chunk costs
 * the main thread a stream round trip, which with 64 KB chunks took half as long as inflating.
 */
export const nodeInflater: Inflater = (compressed) => {
  const inflate = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
  // Two compressed chunks in flight at most (the default would read 16 ahead). Errors reach the consumer through `inflate`.
  pipeline(Readable.from(compressed, { highWaterMark: 2 }), inflate, () => undefined);
  return inflate;
};

/**
 * node's zlib deflating a new part of a written package. Synchronous: the writer has nothing else to
 * do meanwhile, and the asynchronous form's 16 KB round trips to the thread pool took longer than
 * the deflating (a 100,000-row summary's 45 MB of new parts: 0.35 s deflating, ~0.9 s waited).
 */
export const nodeDeflater: Deflater = async (bytes) => zlib.deflateRawSync(bytes, { level: DEFLATE_LEVEL });

/** node's native CRC-32 (node 20.15 and later, 22.2 and later), else the reader's JavaScript one. */
export const nodeChecksum: Checksum | undefined =
  typeof (zlib as { crc32?: unknown }).crc32 === "function" ? (bytes, previous) => zlib.crc32(bytes, previous) : undefined;

/**
 * Share of the old generation's limit at which reading stops with a message instead of running
 * out of memory. Reading is not the end: the rules and the report need more (about half as much
 * again as the ledger), so reading stops well before the limit. Checked against heaps of 48 to
 * 4,096 MB: refused or completed, never a V8 abort.
 */
export const HEAP_SHARE = 0.6;
/**
 * The share for `bangfu summary`: after the check it builds the tables and renders the tabs. At
 * 1,048,576 rows the heap held 1.0 GB after the check and 1.5 GB with the tables, and the whole
 * summary completed in a 2 GB heap (reading stayed under this share). Reading stops at 0.3 of the
 * heap, so a ledger too large to summarise is refused in seconds, with a message, not after minutes.
 */
export const SUMMARY_HEAP_SHARE = 0.3;
/** node's heap limit counts the young generation too (3 × 16 MB semi-spaces by default); rows live in the old one. */
const YOUNG_GENERATION = 48 * 1024 * 1024;

const heapUsed = () => v8.getHeapStatistics().used_heap_size;

/**
 * node's heap in use and its limit, once the use has grown past `share` of what the old generation
 * had free at `baseline` (the use when the work began); else null. In a fresh command the baseline
 * is a few MB; where the process already held much (a test runner running the command in-process,
 * its heap partly garbage), what it held is not counted against the command.
 */
function heapAbove(share: number, baseline: number): { readonly used: number; readonly limit: number } | null {
  const { used_heap_size: used, heap_size_limit: limit } = v8.getHeapStatistics();
  return used < baseline + Math.max(0, limit - YOUNG_GENERATION - baseline) * share ? null : { used, limit };
}

function checkMemory(label: string, share: number) {
  const baseline = heapUsed();
  return (at: ReadPoint) => {
    const heap = heapAbove(share, baseline);
    if (heap === null) return;
    const { used, limit } = heap;
    throw new WorkbookFileError(
      `${label} ${readPointWhere(at)}已用去 ${formatMegabytes(used)} 内存，本机给 BANGFU 的上限是 ${formatMegabytes(limit)}，检查和写出结果还需要更多，因此停止读取以免崩溃。` +
        `请按乡镇或村把台账拆成几个文件分别检查；或给 BANGFU 更多内存后重试（命令前加 NODE_OPTIONS=--max-old-space-size=8192）`,
    );
  };
}

/**
 * Share of the heap at which rendering summary tabs stops with a message. Nothing big follows the
 * rendering, so it may go near the limit; the check runs every MEMORY_CHECK_ROWS rows of a tab.
 */
export const WRITING_HEAP_SHARE = 0.85;

/** The summary writer's memory check (./renderTabs.ts MemoryCheck): throws before V8 would abort. */
export function writingMemoryCheck(output: string): () => void {
  const baseline = heapUsed();
  return () => {
    const heap = heapAbove(WRITING_HEAP_SHARE, baseline);
    if (heap === null) return;
    const { used, limit } = heap;
    throw new WorkbookFileError(
      `写出汇总表时已用去 ${formatMegabytes(used)} 内存，接近本机给 BANGFU 的上限 ${formatMegabytes(limit)}，为免崩溃已停止，没有写出 ${output}。` +
        `请按乡镇或村把台账拆成几个文件分别汇总；或给 BANGFU 更多内存后重试（命令前加 NODE_OPTIONS=--max-old-space-size=8192）`,
    );
  };
}

export interface OpenedWorkbook extends XlsxWorkbook {
  close(): Promise<void>;
}

/** How much of node's heap reading may take (HEAP_SHARE unless what follows the reading needs more). */
export interface FileReadOptions {
  readonly heapShare?: number;
}

/** Open an .xlsx file for reading (only reading: the file is never written). */
export async function openWorkbookFile(path: string, limits?: Partial<ReadLimits>, options: FileReadOptions = {}): Promise<OpenedWorkbook> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(path);
  } catch (error) {
    throw openError(path, error);
  }
  if (stat.isDirectory()) throw new WorkbookFileError(`${path} 是文件夹，不是 .xlsx 文件：请给出文件夹中的某个 .xlsx 文件`);
  if (!stat.isFile()) throw new WorkbookFileError(`${path} 不是普通文件（可能是管道或设备），BANGFU 只读取 .xlsx 文件：请先把它保存为文件`);
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(path, "r");
  } catch (error) {
    throw openError(path, error);
  }
  const source: ByteSource = {
    size: stat.size,
    read: async (offset, length) => {
      const buffer = Buffer.allocUnsafe(Math.max(0, Math.min(length, stat.size - offset)));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
      return new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead);
    },
  };
  try {
    const workbook = await openXlsx(source, {
      label: path,
      inflater: nodeInflater,
      checksum: nodeChecksum,
      limits,
      checkMemory: checkMemory(path, options.heapShare ?? HEAP_SHARE),
    });
    return { ...workbook, scan: workbook.scan, close: () => handle.close() };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

function openError(path: string, error: unknown): WorkbookFileError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new WorkbookFileError(`找不到文件：${path}`, error);
  if (code === "EISDIR") return new WorkbookFileError(`${path} 是文件夹，不是 .xlsx 文件`, error);
  if (code === "EACCES" || code === "EPERM")
    return new WorkbookFileError(`没有权限读取文件 ${path}：请检查文件的权限，或把它复制到自己的文件夹后再试`, error);
  if (code === "ENAMETOOLONG") return new WorkbookFileError(`文件路径太长：${path}`, error);
  if (code === "ENOTDIR") return new WorkbookFileError(`找不到文件：${path}（路径中的某一部分不是文件夹）`, error);
  return new WorkbookFileError(`无法打开文件 ${path}（${code ?? "未知原因"}）`, error);
}

async function withWorkbook<T>(path: string, use: (workbook: OpenedWorkbook) => Promise<T>, options?: FileReadOptions): Promise<T> {
  const workbook = await openWorkbookFile(path, undefined, options);
  try {
    return await use(workbook);
  } finally {
    await workbook.close();
  }
}

/** Ledgers of an .xlsx file: the named sheet, or the first (with `all`, every) visible sheet that holds one. */
export function readLedgersFromFile(path: string, options: LedgerReadOptions = {}, fileOptions?: FileReadOptions): Promise<LedgersRead> {
  return withWorkbook(path, (workbook) => readLedgers(workbook, options), fileOptions);
}

export interface FileLedger {
  readonly ledger: Ledger;
  readonly scanned: readonly SheetScan[];
}

/** The one ledger of a file (see readLedgersFromFile); LedgerNotFoundError when there is none. */
export async function readLedgerFromFile(
  path: string,
  options: Omit<LedgerReadOptions, "all"> = {},
  fileOptions?: FileReadOptions,
): Promise<LedgersRead> {
  return readLedgersFromFile(path, { ...options, all: false }, fileOptions);
}

/** A sheet's cells, every row held (tests and small sheets); the first sheet when no name is given. */
export async function readLedgerSheetFromFile(path: string, options: { sheetName?: string } = {}): Promise<{ sheet: SheetInput | null }> {
  return withWorkbook(path, async (workbook) => {
    const info = options.sheetName !== undefined ? sheetNamed(workbook, options.sheetName) : workbook.sheets[0];
    return { sheet: info ? await readSheetInput(workbook, info) : null };
  });
}

/** A clear message for a missing file, a folder, or one that is not an .xlsx (zip) file. */
export async function assertXlsx(path: string): Promise<void> {
  await withWorkbook(path, async () => undefined);
}
