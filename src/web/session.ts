/**
 * What the offline page's worker does with the chosen file, without the messaging: open it,
 * check a sheet, generate the summary workbook, read a sheet's header. The same steps as
 * `bangfu check` and `bangfu summary` — the streaming reader over the file's bytes, the rule
 * catalogue, the summary tables and the host-neutral writer — so the page gives the same
 * findings and writes the same workbook as the command line.
 *
 * Runs wherever Blob is (a worker, Node 20): nothing here touches the DOM or Node's APIs.
 */
import { checkReadLedger, SheetCheck, SideLedger } from "../engine/checkSheet";
import type { PaneSettings } from "../host/types";
import { findHeader, LedgerNotFoundError } from "../ledger";
import { buildSummaries } from "../summaries";
import {
  CheckRequest,
  CheckResult,
  civilDateOf,
  DetectedColumns,
  detectColumns,
  GenerateRequest,
  householdLabels,
  localTimestamp,
  overridesOf,
  policyYearOf,
  sideSheetSource,
} from "../taskpane/model";
import {
  blobSource,
  ByteSource,
  openXlsx,
  ReadLimits,
  readLedgers,
  readSheetInput,
  sheetNamed,
  SheetInfo,
  sideLedgerOf,
  WorkbookFileError,
  XlsxWorkbook,
} from "../xlsx/core";
import { ledgerSheetsAmong, PROBE_ROWS } from "../xlsx/readLedgers";
import { MacroSheetsError, outputKindOf } from "../xlsx/macros";
import { addSummaryTabs, packageBytes, UnreadablePackageError, unreadableMessage } from "../xlsx/summaryWorkbook";
import { TOO_LARGE_FOR_XLSX, ZipTooLargeError } from "../xlsx/zipWriter";
import { readZipDirectory, ZipEntry } from "../xlsx/zip";
import { PageFileError } from "./errors";
import type { MemoryBudget } from "./memoryBudget";
import { asHostError, MemoryBudgetError, RowBudget } from "./rowBudget";
import type { GeneratedWorkbook, OpenedWorkbook, SideFileInfo } from "./protocol";

/** A chosen file: a browser File, or any Blob with a name. */
export type NamedBlob = Blob & { readonly name: string };

/** Rows read so far and the part of the sheet's compressed bytes read. */
export type ProgressListener = (read: number, fraction: number) => void;

/**
 * Side ledger files chosen on the page, joined as `bangfu check --with` joins them (each at its first ledger sheet, named by its file
 * name).
 */
interface WithSideFiles {
  readonly sideFiles?: readonly NamedBlob[];
}

export type PageCheckRequest = CheckRequest & WithSideFiles;
export type PageGenerateRequest = GenerateRequest & WithSideFiles;

/** The copy's name, as `bangfu summary` suggests it: 台账.xlsx → 台账-汇总.xlsx; a macro workbook stays one (台账.xlsm → 台账-汇总.xlsm). */
export function outputName(fileName: string): string {
  const kind = outputKindOf(fileName) ?? "xlsx";
  return `${fileName.replace(/\.(xlsx|xlsm)$/i, "")}-汇总.${kind}`;
}

/** Whether an error is one the reader or the writer words for the user (Chinese, with what to do). */
export function isFileError(error: unknown): boolean {
  return error instanceof WorkbookFileError || error instanceof PageFileError;
}

interface Checked extends SheetCheck {
  readonly key: string;
  readonly columns: DetectedColumns;
  /** Rows held by the ledger and its side ledgers (as the memory budget counts them). */
  readonly rows: number;
  /** The file's other ledger sheets, not checked in this run. */
  readonly otherLedgerSheets: readonly string[];
}

export class PageSession {
  /** The reader's limits (rows, part sizes): the command line's (DEFAULT_LIMITS) unless a test lowers them. */
  constructor(private readonly limits?: Partial<ReadLimits>) {}

  /** Rows held by the current check, against the budget the page sends (./memoryBudget.ts). */
  private readonly rowBudget = new RowBudget();

  private file: NamedBlob | null = null;
  private workbook: XlsxWorkbook | null = null;
  private source: WatchedSource | null = null;
  /** The last check, kept so that generating right after it does not read the file again. */
  private last: Checked | null = null;

  /** The page's memory budget (null: none, where the browser does not tell its heap limit); kept for the files read after. */
  useMemoryBudget(budget: MemoryBudget | null): void {
    this.rowBudget.budget = budget;
  }

  async open(file: NamedBlob): Promise<OpenedWorkbook> {
    this.file = null;
    this.workbook = null;
    this.last = null;
    const source = new WatchedSource(blobSource(file));
    const workbook = await guarded(file.name, () =>
      openXlsx(source, { label: file.name, limits: this.limits, checkMemory: this.rowBudget.check(file.name) }),
    );
    source.entries = await guarded(file.name, () => readZipDirectory(source));
    const sheets: string[] = [];
    const passedOver: string[] = [];
    let ledgerSheet: string | null = null;
    for (const sheet of workbook.sheets) {
      if (sheet.state !== "visible") {
        passedOver.push(`“${sheet.name}”（${sheet.state === "veryHidden" ? "深度隐藏" : "隐藏"}）`);
        continue;
      }
      if (sheet.kind !== "worksheet" || sheet.part === null) {
        passedOver.push(`“${sheet.name}”（图表或对话框工作表）`);
        continue;
      }
      sheets.push(sheet.name);
      if (ledgerSheet === null && (await looksLikeLedger(workbook, sheet))) ledgerSheet = sheet.name;
    }
    this.file = file;
    this.workbook = workbook;
    this.source = source;
    return { fileName: file.name, bytes: file.size, sheets, ledgerSheet, passedOver };
  }

  async check(request: PageCheckRequest, onProgress?: ProgressListener): Promise<CheckResult> {
    const checked = await this.checked(request, onProgress);
    return resultOf(request, checked);
  }

  async generate(request: PageGenerateRequest, onProgress?: ProgressListener): Promise<GeneratedWorkbook> {
    const { file } = this.opened();
    const asOf = civilDateOf(request.clock);
    const checked = await this.checked(
      { sheet: request.sheet, settings: request.settings, asOf, sides: request.sides, sideFiles: request.sideFiles },
      onProgress,
    );
    const withSides = (request.sides ?? []).some((name) => name !== request.sheet) || (request.sideFiles ?? []).length > 0;
    this.rowBudget.assertSummary(file.name, request.sheet, checked.rows, checked.report.findings.length, withSides);
    const tables = buildSummaries(checked.ledger, checked.report, {
      policy: checked.policy,
      asOf,
      generatedAt: localTimestamp(request.clock),
      tabs: request.tabs,
      fullIds: request.fullIds,
    });
    let built;
    try {
      // The copy is of the input's kind: a macro workbook keeps its macros, as `bangfu summary -o 台账-汇总.xlsm` does.
      built = await addSummaryTabs(await readAll(file), tables, outputKindOf(file.name) ?? "xlsx");
    } catch (error) {
      if (error instanceof UnreadablePackageError) throw new PageFileError(unreadableMessage(file.name, error));
      if (error instanceof MacroSheetsError) {
        throw new PageFileError(
          `“${file.name}”含 ${error.sheets} 张 Excel 4.0 宏表，.xlsx 文件放不下：请在 Excel 中另存为“启用宏的工作簿（.xlsm）”后再生成汇总。`,
        );
      }
      throw error;
    }
    let bytes: Uint8Array;
    try {
      bytes = await packageBytes(built.zip);
    } catch (error) {
      if (error instanceof ZipTooLargeError) throw new PageFileError(`无法生成“${outputName(file.name)}”：${TOO_LARGE_FOR_XLSX}。`);
      throw error;
    }
    const buffer =
      bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
        ? (bytes.buffer as ArrayBuffer)
        : (bytes.slice().buffer as ArrayBuffer);
    return {
      result: resultOf({ sheet: request.sheet, settings: request.settings, asOf }, checked),
      written: built.tabs.map((t) => t.name),
      fileName: outputName(file.name),
      bytes: buffer,
    };
  }

  /** The sheet's columns as detection alone sees them (its first rows only). */
  async detect(sheet: string): Promise<DetectedColumns> {
    const { file, workbook } = this.opened();
    return detectColumns(await guarded(file.name, () => readSheetInput(workbook, sheetNamed(workbook, sheet), PROBE_ROWS)));
  }

  private opened(): { file: NamedBlob; workbook: XlsxWorkbook; source: WatchedSource } {
    if (!this.file || !this.workbook || !this.source) throw new Error("internal: no file is open");
    return { file: this.file, workbook: this.workbook, source: this.source };
  }

  /** Read and check the sheet, unless the last check was of the same sheet with the same settings, date and side ledgers. */
  private async checked(request: PageCheckRequest, onProgress?: ProgressListener): Promise<Checked> {
    const { file, workbook, source } = this.opened();
    const { sheet, settings, asOf } = request;
    const sides = (request.sides ?? []).filter((name) => name !== sheet);
    const sideFiles = request.sideFiles ?? [];
    const key = JSON.stringify([
      sheet,
      settings.mappings[sheet] ?? null,
      settings.policyJson,
      settings.policyYear,
      settings.includeMonitored === true,
      asOf,
      sides.map((name) => [name, settings.mappings[name] ?? null]),
      sideFiles.map((f) => [f.name, f.size, (f as Partial<File>).lastModified ?? null]),
    ]);
    if (this.last?.key === key) return this.last;
    this.last = null; // let the previous ledger go before reading the next
    this.rowBudget.start();
    const overrides = overridesOf(settings); // before reading: a bad policy file fails fast
    const info = sheetNamed(workbook, sheet);
    const columns = await this.detect(sheet);
    let rows = 0;
    const stop = source.watch(info.part, (fraction) => onProgress?.(rows, fraction));
    let ledgers;
    try {
      ({ ledgers } = await guarded(file.name, () =>
        readLedgers(workbook, {
          sheetName: sheet,
          mapping: settings.mappings[sheet],
          onProgress: (read) => {
            rows = read;
            onProgress?.(read, source.fraction);
          },
        }),
      ));
    } finally {
      stop();
    }
    const ledger = ledgers[0];
    if (!ledger) throw new LedgerNotFoundError(sheet, `工作表“${sheet}”中没有找到台账`);
    this.rowBudget.keep();
    onProgress?.(rows, 1); // read: the side ledgers (small) are read, then the rules run
    const sideLedgers = await this.readSides(sides, sideFiles, settings);
    // A workbook with one sheet per village must not look checked whole: the page names the other ledger sheets, as `bangfu check` does.
    const taken = new Set([info, ...sides.map((name) => sheetNamed(workbook, name))]);
    const others = workbook.sheets.filter((s) => !taken.has(s) && s.part !== null); // those the page offers (./protocol.ts OpenedWorkbook)
    const otherLedgerSheets = await guarded(file.name, () => ledgerSheetsAmong(workbook, others, (s) => settings.mappings[s.name]));
    const checked: Checked = {
      key,
      columns,
      rows: this.rowBudget.rows,
      otherLedgerSheets,
      ...checkReadLedger(
        ledger,
        { asOf, overrides, policyYear: policyYearOf(settings, asOf), scope: { includeMonitored: settings.includeMonitored === true } },
        sideLedgers,
      ),
    };
    this.last = checked;
    return checked;
  }

  /**
   * The side ledgers: other sheets of this workbook (each with its own column mapping, named as
   * the pane names them) and other files chosen on the page (as `--with` reads them).
   */
  private async readSides(sheets: readonly string[], files: readonly NamedBlob[], settings: PaneSettings): Promise<SideLedger[]> {
    const { file, workbook } = this.opened();
    const sides: SideLedger[] = [];
    for (const name of sheets) {
      const { ledgers } = await guarded(file.name, () => readLedgers(workbook, { sheetName: name, mapping: settings.mappings[name] }));
      if (!ledgers[0]) throw new LedgerNotFoundError(name, `工作表“${name}”中没有找到台账`);
      this.rowBudget.keep();
      sides.push({ ledger: ledgers[0], source: sideSheetSource(name) });
    }
    for (let i = 0; i < files.length; i++) {
      const side = files[i];
      const label = files.filter((f) => f.name === side.name).length > 1 ? `${side.name}（第 ${i + 1} 个附表）` : side.name;
      const opened = await guarded(side.name, () =>
        openXlsx(blobSource(side), { label: side.name, limits: this.limits, checkMemory: this.rowBudget.check(side.name) }),
      );
      sides.push({ ledger: sideLedgerOf(await guarded(side.name, () => readLedgers(opened)), side.name), source: label });
      this.rowBudget.keep();
    }
    return sides;
  }
}

/**
 * A side ledger file chosen on the page, looked at before it is used: its name and the sheet that
 * will be joined (its first visible sheet whose first rows hold a ledger header, as `--with`
 * takes it). A file that cannot be opened, or has no such sheet, throws with the reason.
 */
export async function probeSideFile(side: NamedBlob, budget: MemoryBudget | null = null): Promise<SideFileInfo> {
  const guard = new RowBudget();
  guard.budget = budget;
  const workbook = await guarded(side.name, () => openXlsx(blobSource(side), { label: side.name, checkMemory: guard.check(side.name) }));
  for (const sheet of workbook.sheets) {
    if (sheet.state === "visible" && sheet.kind === "worksheet" && sheet.part !== null && (await looksLikeLedger(workbook, sheet)))
      return { fileName: side.name, bytes: side.size, sheet: sheet.name };
  }
  throw new LedgerNotFoundError("", `附表 ${side.name} 中没有找到可并入的台账工作表：各工作表的前几行中没有识别出台账表头。`);
}

function resultOf(request: CheckRequest, checked: Checked): CheckResult {
  return {
    sheet: request.sheet,
    asOf: request.asOf,
    report: checked.report,
    policy: checked.policy,
    columns: checked.columns,
    households: householdLabels(checked.ledger, checked.report.findings),
    otherLedgerSheets: checked.otherLedgerSheets,
  };
}

/** Whether a sheet's first rows hold a ledger header (the sheet the page starts on). */
async function looksLikeLedger(workbook: XlsxWorkbook, sheet: SheetInfo): Promise<boolean> {
  try {
    findHeader(await readSheetInput(workbook, sheet, PROBE_ROWS));
    return true;
  } catch (error) {
    if (error instanceof MemoryBudgetError) throw asHostError(error); // more than the browser's memory holds: said at once
    if (error instanceof LedgerNotFoundError || error instanceof WorkbookFileError) return false; // not offered first; checking it says why
    throw error;
  }
}

/** The whole file, for the writer (which copies the user's parts as they are). */
async function readAll(file: NamedBlob): Promise<ArrayBuffer> {
  return guarded(file.name, () => file.arrayBuffer());
}

/**
 * A browser refuses to read a chosen file that was changed or moved since (NotReadableError,
 * NotFoundError): say so in words the user can act on. A stop at the memory budget becomes the
 * host's "too much data" failure.
 */
async function guarded<T>(name: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    const domName = (error as { name?: unknown } | null)?.name;
    if (domName === "NotReadableError" || domName === "NotFoundError") {
      throw new PageFileError(`无法再读取“${name}”：文件在选择之后被修改、移动或删除了。请重新选择这个文件。`);
    }
    throw asHostError(error);
  }
}

/**
 * The file's bytes, with a watch on how much of one part (a sheet) has been read: the reader
 * streams a sheet in order, so the share of its compressed bytes read is the share of the sheet.
 */
class WatchedSource implements ByteSource {
  readonly size: number;
  fraction = 0;
  /** Where each part's bytes lie in the file (read once the file is open). */
  entries: ReadonlyMap<string, ZipEntry> = new Map();
  private range: { start: number; end: number; seen: number; listener: (fraction: number) => void } | null = null;

  constructor(private readonly inner: ByteSource) {
    this.size = inner.size;
  }

  async read(offset: number, length: number): Promise<Uint8Array> {
    const bytes = await this.inner.read(offset, length);
    const range = this.range;
    if (range && offset < range.end && offset + bytes.length > range.start) {
      range.seen = Math.max(range.seen, Math.min(range.end, offset + bytes.length));
      const fraction = Math.min(1, (range.seen - range.start) / Math.max(1, range.end - range.start));
      if (fraction > this.fraction) {
        this.fraction = fraction;
        range.listener(fraction);
      }
    }
    return bytes;
  }

  /** Report the share read of `part` until the returned function is called. */
  watch(part: string | null, listener: (fraction: number) => void): () => void {
    this.fraction = 0;
    const lower = part?.toLowerCase();
    const entry =
      part === null ? undefined : (this.entries.get(part) ?? [...this.entries.values()].find((e) => e.name.toLowerCase() === lower));
    if (entry)
      this.range = {
        start: entry.localHeaderOffset,
        end: entry.localHeaderOffset + entry.compressedSize,
        seen: entry.localHeaderOffset,
        listener,
      };
    return () => {
      this.range = null;
    };
  }
}
