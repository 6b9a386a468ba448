/**
 * An .xlsx workbook opened for reading from any byte source, platform-neutral (the command line's
 * Node edge and the offline web page both use it): the package is found through its
 * relationships (absolute or relative targets, non-standard part names), sheets are listed in tab
 * order with their visibility, and a sheet's rows stream to a handler without the part or the
 * rows being held. Every refusal is a WorkbookFileError with a Chinese message that says what to do.
 */
import type { Checksum } from "./crc32";
import { booleanAttribute, decodeXml, parseAttributes, parseRelationships, relsPathOf, relType, resolveTarget } from "./ooxml";
import {
  EXCEL_MAX_COLUMNS,
  EXCEL_MAX_ROWS,
  RowHandler,
  scanSharedStrings,
  scanWorksheet,
  SheetXmlError,
  WorksheetScanResult,
} from "./sheetXml";
import { SharedStrings, sharedStringsOf } from "./sharedStrings";
import {
  ByteSource,
  entryBytes,
  entryText,
  Inflater,
  MAX_ZIP_ENTRIES,
  PartTooLargeError,
  readZipDirectory,
  ZipEntry,
  ZipFormatError,
} from "./zip";

/** A file the reader cannot use; the message (Chinese) says why and what to do. */
export class WorkbookFileError extends Error {
  override readonly cause?: unknown;
  constructor(message: string, cause?: unknown) {
    super(message);
    this.name = "WorkbookFileError";
    this.cause = cause;
  }
}

const MB = 1024 * 1024;

/** Rows between two memory checks while a sheet is read (a power of two: a mask tests it). */
export const MEMORY_CHECK_ROWS = 2048;

/** What the reader refuses, before reading it or as soon as it is exceeded. */
export interface ReadLimits {
  /** A worksheet part, uncompressed (streamed, never held: a limit on time more than memory). */
  readonly sheetPartBytes: number;
  /** The shared strings part, uncompressed (held as a table of strings while a sheet is read). */
  readonly sharedStringsBytes: number;
  /** Workbook, relationships, styles: small parts read whole. */
  readonly smallPartBytes: number;
}

export const DEFAULT_LIMITS: ReadLimits = { sheetPartBytes: 2048 * MB, sharedStringsBytes: 512 * MB, smallPartBytes: 64 * MB };

export interface OpenOptions {
  /** How the file is named in messages (its path, or the name of the file chosen in a browser). */
  readonly label: string;
  readonly inflater?: Inflater;
  /** CRC-32 of the parts read (JavaScript by default; the command line hands in node's). */
  readonly checksum?: Checksum;
  readonly limits?: Partial<ReadLimits>;
  /**
   * Called every 2,048 rows of a sheet and after each piece of the shared strings (which are held
   * while sheets are read); throws (a WorkbookFileError) when memory is running out.
   */
  readonly checkMemory?: (at: ReadPoint) => void;
}

/** Where the reader is when it checks memory: a sheet's row, or the count of shared strings read. */
export type ReadPoint = { readonly sheet: string; readonly row: number } | { readonly sharedStrings: number };

/** Where reading stopped for memory, after the file's label (Chinese): the memory guards of the command line and the page say it alike. */
export function readPointWhere(at: ReadPoint): string {
  return "sheet" in at
    ? `的工作表“${at.sheet}”太大：读到第 ${at.row.toLocaleString("en-US")} 行时`
    : `的共享字符串（工作簿中不同文字的列表）太多：读到第 ${at.sharedStrings.toLocaleString("en-US")} 个时`;
}

export interface SheetInfo {
  readonly name: string;
  /** The worksheet part, or null when the relationship is missing (a chart sheet, a broken package). */
  readonly part: string | null;
  readonly state: "visible" | "hidden" | "veryHidden";
  /** A chart sheet or dialog sheet: no cells. */
  readonly kind: "worksheet" | "other";
}

export interface XlsxWorkbook {
  readonly label: string;
  /** In tab order (workbook.xml order), hidden ones included. */
  readonly sheets: readonly SheetInfo[];
  readonly date1904: boolean;
  /**
   * Stream a sheet's rows to the handler. `wanted` (0-based column flags, or null for all) may be
   * replaced on the returned control object while rows arrive, e.g. once the header is known.
   */
  scan(sheet: SheetInfo, handler: RowHandler, control?: ScanControl): Promise<WorksheetScanResult>;
}

export interface ScanControl {
  wanted: Uint8Array | null;
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A size in messages: whole megabytes with thousands separators (2,048 MB). */
export function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / MB).toLocaleString("en-US")} MB`;
}

export async function openXlsx(source: ByteSource, options: OpenOptions): Promise<XlsxWorkbook> {
  const label = options.label;
  const limits: ReadLimits = { ...DEFAULT_LIMITS, ...options.limits };
  // How every part is inflated and checked; each read adds its own size limit.
  const reading = { inflater: options.inflater, checksum: options.checksum };
  const head = await source.read(0, 8);
  if (OLE_SIGNATURE.every((b, i) => head[i] === b)) throw new WorkbookFileError(await oleMessage(source, label));
  if (head.length < 4 || head[0] !== 0x50 || head[1] !== 0x4b) {
    throw new WorkbookFileError(
      source.size === 0
        ? `${label} 是空文件（0 字节），不是 .xlsx 工作簿：请确认选对了文件，或在 Excel / WPS 中重新保存`
        : WPS_ET_NAME.test(label)
          ? wpsEtMessage(label)
          : `${label} 不是 .xlsx 文件：请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）后再检查`,
    );
  }
  let entries: Map<string, ZipEntry>;
  try {
    entries = await readZipDirectory(source);
  } catch (error) {
    if (error instanceof ZipFormatError && error.kind === "tooManyEntries") {
      throw new WorkbookFileError(
        `${label} 的压缩包中有 ${error.count.toLocaleString("en-US")} 个部分，超过 BANGFU ` +
          `可读取的上限 ${MAX_ZIP_ENTRIES.toLocaleString("en-US")} 个：Excel 或 WPS ` +
          `保存的台账远没有这么多，文件可能已损坏或不是普通的台账。请在 Excel 或 WPS ` +
          `中打开后“另存为” .xlsx 再检查`,
        error,
      );
    }
    throw new WorkbookFileError(
      damaged(
        label,
        error instanceof ZipFormatError && error.kind === "truncated" ? "文件不完整（可能没有下载或复制完）" : "压缩包结构有误",
      ),
      error,
    );
  }
  const byLowerName = new Map<string, ZipEntry>();
  for (const [name, entry] of entries) byLowerName.set(name.toLowerCase(), entry);
  const find = (part: string) => entries.get(part) ?? byLowerName.get(part.toLowerCase()) ?? null;
  const read = async (part: string, limit: number): Promise<string | null> => {
    const entry = find(part);
    if (!entry) return null;
    try {
      return await entryText(source, entry, { ...reading, limit });
    } catch (error) {
      throw partError(label, part, error);
    }
  };

  const rootRels = parseRelationships((await read("_rels/.rels", limits.smallPartBytes)) ?? "");
  const main = rootRels.find((r) => relType(r) === "officeDocument" && !r.external);
  const workbookPart = main ? resolveTarget("", main.target) : "xl/workbook.xml";
  if (/\.bin$/i.test(workbookPart)) {
    throw new WorkbookFileError(
      `${label} 是 Excel 二进制工作簿（.xlsb），BANGFU 只读取 .xlsx：请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）后再检查`,
    );
  }
  const workbookXml = await read(workbookPart, limits.smallPartBytes);
  if (workbookXml === null) {
    const mimetype = (await read("mimetype", limits.smallPartBytes))?.trim() ?? "";
    throw new WorkbookFileError(
      otherZipDocument(label, mimetype, (part) => find(part) !== null) ??
        `${label} 中没有工作表：文件可能已损坏，或不是 Excel 工作簿。请在 Excel 或 WPS 中打开后“另存为” .xlsx 再检查`,
    );
  }
  const rels = parseRelationships((await read(relsPathOf(workbookPart), limits.smallPartBytes)) ?? "");
  const relById = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetInfo[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const a = parseAttributes(m[1]);
    let relId: string | undefined;
    for (const [key, value] of a) if (/^\w+:id$/.test(key)) relId = value;
    const rel = relId === undefined ? undefined : relById.get(relId);
    const state = a.get("state");
    const kind = rel === undefined || relType(rel) === "worksheet" ? "worksheet" : "other";
    sheets.push({
      name: a.get("name") ?? "",
      part: rel && !rel.external ? resolveTarget(workbookPart, rel.target) : null,
      state: state === "hidden" ? "hidden" : state === "veryHidden" ? "veryHidden" : "visible",
      kind,
    });
  }
  const date1904 = booleanAttribute(workbookXml, "workbookPr", "date1904");
  const fullCalcOnLoad = booleanAttribute(workbookXml, "calcPr", "fullCalcOnLoad");
  const sharedRel = rels.find((r) => relType(r) === "sharedStrings" && !r.external);
  const stylesRel = rels.find((r) => relType(r) === "styles" && !r.external);

  let sharedStrings: Promise<SharedStrings> | null = null;
  const loadSharedStrings = (): Promise<SharedStrings> => {
    if (!sharedRel) return Promise.resolve(sharedStringsOf([]));
    const part = resolveTarget(workbookPart, sharedRel.target);
    const entry = find(part);
    if (!entry) return Promise.resolve(sharedStringsOf([]));
    const check = options.checkMemory;
    const afterChunk = check && ((items: number) => check({ sharedStrings: items }));
    sharedStrings ??= scanSharedStrings(entryBytes(source, entry, { ...reading, limit: limits.sharedStringsBytes }), afterChunk).catch(
      (error: unknown) => {
        throw partError(label, part, error, "共享字符串");
      },
    );
    return sharedStrings;
  };
  let dateStyles: Promise<Set<number>> | null = null;
  const loadDateStyles = (): Promise<Set<number>> => {
    if (!date1904 || !stylesRel) return Promise.resolve(new Set());
    dateStyles ??= read(resolveTarget(workbookPart, stylesRel.target), limits.smallPartBytes).then((xml) => dateStyleIndexes(xml ?? ""));
    return dateStyles;
  };

  return {
    label,
    sheets,
    date1904,
    async scan(sheet, handler, control = { wanted: null }) {
      const entry = sheet.part === null ? null : find(sheet.part);
      if (!entry) {
        throw new WorkbookFileError(
          `${label} 中找不到工作表“${sheet.name}”的内容（${sheet.part ?? "没有对应的关系"}）：文件可能已损坏。请在 Excel 或 WPS 中打开后另存为 .xlsx 再检查`,
        );
      }
      if (entry.size > limits.sheetPartBytes) throw tooLarge(label, sheet.name, entry.size, limits.sheetPartBytes, source.size);
      const scanOptions = {
        sharedStrings: await loadSharedStrings(),
        date1904,
        dateStyles: await loadDateStyles(),
        fullCalcOnLoad,
        wanted: control.wanted,
      };
      let rows = 0;
      const counted: RowHandler = {
        row: (rowNumber, cells, width, formulas) => {
          rows += 1;
          if ((rows & (MEMORY_CHECK_ROWS - 1)) === 0) options.checkMemory?.({ sheet: sheet.name, row: rowNumber });
          const go = handler.row(rowNumber, cells, width, formulas);
          scanOptions.wanted = control.wanted;
          return go;
        },
      };
      try {
        return await scanWorksheet(entryBytes(source, entry, { ...reading, limit: limits.sheetPartBytes }), scanOptions, counted);
      } catch (error) {
        if (error instanceof WorkbookFileError) throw error;
        if (error instanceof PartTooLargeError) throw tooLarge(label, sheet.name, null, limits.sheetPartBytes, source.size);
        if (error instanceof SheetXmlError) {
          if (error.kind === "tooManyRows") {
            throw new WorkbookFileError(
              `${label} 的工作表“${sheet.name}”有第 ${error.row.toLocaleString("en-US")} 行，超过了 ` +
                `Excel 的上限 ${EXCEL_MAX_ROWS.toLocaleString("en-US")} 行：这不是 Excel 或 WPS ` +
                `能打开的工作簿。请检查生成它的程序`,
              error,
            );
          }
          if (error.kind === "tooManyColumns") {
            throw new WorkbookFileError(
              `${label} 的工作表“${sheet.name}”第 ${error.row.toLocaleString("en-US")} 行有超过 Excel 上限 ` +
                `${EXCEL_MAX_COLUMNS.toLocaleString("en-US")} 列的单元格：这不是 Excel 或 WPS ` +
                `能打开的工作簿。请检查生成它的程序`,
              error,
            );
          }
          throw new WorkbookFileError(
            `${label} 的工作表“${sheet.name}”内容有误${error.row > 0 ? `（第 ${error.row} 行附近）` : ""}，无法读取：请在 Excel 或 WPS 中打开后另存为 .xlsx 再检查`,
            error,
          );
        }
        throw partError(label, sheet.part ?? "", error, `工作表“${sheet.name}”`);
      }
    },
  };
}

function damaged(label: string, what: string): string {
  return `无法读取文件 ${label}：${what}，不是完好的 .xlsx 文件。请在 Excel 或 WPS 中打开后“另存为” .xlsx 再检查`;
}

function tooLarge(label: string, sheet: string, size: number | null, limit: number, fileSize: number): WorkbookFileError {
  const actual = size === null ? `解压后超过 ${formatMegabytes(limit)}` : `解压后有 ${formatMegabytes(size)}`;
  return new WorkbookFileError(
    `${label}（文件 ${formatMegabytes(fileSize)}）的工作表“${sheet}”${actual}，超过 BANGFU 可读取的上限 ` +
      `${formatMegabytes(limit)}（相当于远多于 Excel 上限 1,048,576 行的台账）。请确认文件没有问题；` +
      `台账确实这么大时，请按乡镇或村拆成几个文件分别检查`,
  );
}

/** A part that could not be read: too large, encrypted, damaged; as a Chinese message. */
function partError(label: string, part: string, error: unknown, what = part): WorkbookFileError {
  if (error instanceof WorkbookFileError) return error;
  if (error instanceof PartTooLargeError) {
    return new WorkbookFileError(
      `${label} 中的${what}部分解压后超过 ${formatMegabytes(error.limit)}，超过 BANGFU 可读取的上限：文件可能已损坏或不是普通的台账。请在 Excel 或 WPS 中打开后另存为 .xlsx 再检查`,
      error,
    );
  }
  if (error instanceof ZipFormatError && error.kind === "encrypted") return new WorkbookFileError(encryptedMessage(label), error);
  if (error instanceof ZipFormatError && error.kind === "unsupported") {
    return new WorkbookFileError(`${label} 使用了 BANGFU 不支持的压缩方式：请在 Excel 或 WPS 中打开后“另存为” .xlsx 再检查`, error);
  }
  return new WorkbookFileError(damaged(label, `${what}部分已损坏或不完整`), error);
}

function encryptedMessage(label: string): string {
  return (
    `${label} 设置了打开密码（文件已加密），BANGFU 无法读取。请在 Excel 中打开它（输入密码），点“文件 → 信息 → 保护工作簿 → 用密码进行加密”，清空密码后保存；` +
    `WPS 中点“文件 → 文档加密 → 密码加密”，清空“打开权限”密码后保存。然后再检查这个文件`
  );
}

/** WPS 表格's own format (.et, and .ett for its templates): a binary file, not a package. */
const WPS_ET_NAME = /\.ett?$/i;

function wpsEtMessage(label: string): string {
  return `${label} 是 WPS 表格格式（.et）的文件：请在 WPS 表格中点“文件 → 另存为”，文件类型选“Excel 工作簿（*.xlsx）”，再检查另存的文件`;
}

/** The end of the message about a document that is no workbook (a Word or PowerPoint file picked by mistake). */
const NOT_A_WORKBOOK = "不是工作簿：请选择台账所在的 Excel 工作簿（.xlsx）";

/** A package that is not a workbook but another document a user may pick by mistake, said as what it is; null when unknown. */
function otherZipDocument(label: string, mimetype: string, has: (part: string) => boolean): string | null {
  if (mimetype.startsWith("application/vnd.oasis.opendocument.spreadsheet")) {
    return `${label} 是 OpenDocument 表格（.ods），BANGFU 只读取 .xlsx：请在 WPS、LibreOffice 或 Excel 中打开，“另存为” Excel 工作簿（.xlsx）后再检查`;
  }
  if (mimetype.startsWith("application/vnd.oasis.opendocument.")) return `${label} 是 OpenDocument 文档，${NOT_A_WORKBOOK}`;
  if (has("word/document.xml")) return `${label} 是 Word 文档（.docx），${NOT_A_WORKBOOK}`;
  if (has("ppt/presentation.xml")) return `${label} 是 PowerPoint 演示文稿（.pptx），${NOT_A_WORKBOOK}`;
  return null;
}

/** Streams of an OLE compound file that tell what it holds, by their directory names (UTF-16LE). */
const OLE_STREAMS = {
  encrypted: "EncryptedPackage",
  workbook: "Workbook",
  word: "WordDocument",
  powerPoint: "PowerPoint Document",
} as const;

/**
 * An OLE compound file: an encrypted .xlsx (its streams are EncryptionInfo and EncryptedPackage),
 * a WPS .et, a Word or PowerPoint file of the binary formats, or an old binary .xls. The
 * directory may sit anywhere in the file: look for the stream names.
 */
async function oleMessage(source: ByteSource, label: string): Promise<string> {
  const needles = Object.entries(OLE_STREAMS).map(([kind, name]) => ({
    kind: kind as keyof typeof OLE_STREAMS,
    bytes: new Uint8Array([...name].flatMap((ch) => [ch.charCodeAt(0), 0])),
  }));
  const longest = Math.max(...needles.map((n) => n.bytes.length));
  const found = new Set<keyof typeof OLE_STREAMS>();
  const chunk = 4 * MB;
  for (let at = 0; at < source.size; at += chunk - longest) {
    const bytes = await source.read(at, chunk);
    for (const needle of needles) if (!found.has(needle.kind) && indexOfBytes(bytes, needle.bytes) >= 0) found.add(needle.kind);
    if (found.has("encrypted") || bytes.length < chunk) break;
  }
  if (found.has("encrypted")) return encryptedMessage(label);
  // A workbook may embed a Word or PowerPoint object (its streams then sit in a storage of the workbook): a Workbook stream decides.
  if (found.has("word") && !found.has("workbook")) return `${label} 是 Word 文档（.doc），${NOT_A_WORKBOOK}`;
  if (found.has("powerPoint") && !found.has("workbook")) return `${label} 是 PowerPoint 演示文稿（.ppt），${NOT_A_WORKBOOK}`;
  if (WPS_ET_NAME.test(label)) return wpsEtMessage(label);
  return `${label} 是旧版 Excel（.xls）文件：请在 Excel 或 WPS 中“另存为” .xlsx 后再检查`;
}

function indexOfBytes(bytes: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    if (bytes[i] !== needle[0]) continue;
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** Whether a number format shows a date or time: y, m, d, h or s outside quotes, brackets and escapes. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?:h+|m+|s+)\]/gi, "h")
    .replace(/\[[^\]]*\]/g, "")
    .split(";")[0];
  return /[ymdhs]/i.test(bare.replace(/General/gi, "")) && !/^[#0.,%\s]*$/.test(bare);
}

/** Indexes of cellXfs whose number format is a date. */
function dateStyleIndexes(stylesXml: string): Set<number> {
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<(?:\w+:)?numFmt\b([^>]*?)\/?>/g)) {
    const a = parseAttributes(m[1]);
    custom.set(Number(a.get("numFmtId")), decodeXml(a.get("formatCode") ?? ""));
  }
  const out = new Set<number>();
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(stylesXml);
  if (!xfs) return out;
  let index = 0;
  for (const m of xfs[1].matchAll(/<(?:\w+:)?xf\b([^>]*?)\/?>/g)) {
    const id = Number(parseAttributes(m[1]).get("numFmtId") ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMATS.has(id)) out.add(index);
    index += 1;
  }
  return out;
}
