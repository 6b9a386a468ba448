/**
 * WorkbookHost over Office.js: each method is one Excel.run around a helper that takes the
 * request context (./read.ts, ./write.ts, ./marks.ts), and every Office failure becomes a
 * HostError with a Chinese message (./errors.ts). Nothing is swallowed.
 */
import type { Finding } from "../checks/types";
import type { CellRef, SheetInput } from "../ledger/model";
import type { SummaryTable } from "../summaries/model";
import type { HostAction } from "../host/messages";
import type { CellBlock, CellWrite, PaneSettings, WorkbookHost } from "../host/types";
import { readCells, readSelection, recalculateAll, writeCells } from "./cells";
import { queueDateSystemProbe } from "./dateSystem";
import { translateOfficeError } from "./errors";
import { hostError } from "../host/messages";
import { detectCapabilities, FEATURE_SETS, officeIsSetSupported, unsupportedMessage, type ExcelCapabilities } from "./capabilities";
import { clearMarks, markFindings, selectCell, type AnnotationKind, type ClearResult, type MarkResult } from "./marks";
import { activeSheetName, listSheets, readSheet } from "./read";
import { loadSettings, officeDocumentSettings, saveSettings, type SettingsStore } from "./settings";
import { writeSummaries, type WrittenTab } from "./write";

/** Excel.run, as far as the host uses it. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeHostDependencies {
  /** Default: Excel.run. */
  readonly run?: ExcelRun;
  /** Default: Office.context.document.settings. */
  readonly settings?: SettingsStore;
  /** Default: notes with ExcelApi 1.18, comments with 1.10, else none. */
  readonly annotation?: AnnotationKind | "none";
  /** What this Excel supports above ExcelApi 1.1; default: asked with Office.context.requirements.isSetSupported. */
  readonly capabilities?: ExcelCapabilities;
}

/** How findings are annotated in this Excel: notes (ExcelApi 1.18), comments (1.10) or not at all. */
export function detectAnnotation(isSetSupported: (name: string, version: string) => boolean): AnnotationKind | "none" {
  if (isSetSupported("ExcelApi", FEATURE_SETS.notes)) return "note";
  if (isSetSupported("ExcelApi", FEATURE_SETS.comments)) return "comment";
  return "none";
}

export class OfficeWorkbookHost implements WorkbookHost {
  private readonly run: ExcelRun;
  private store: SettingsStore | undefined;
  private annotationKind: AnnotationKind | "none" | undefined;
  private capabilityTable: ExcelCapabilities | undefined;

  /** The last results in detail, for a pane that wants to say more than the counts. */
  lastWrite: readonly WrittenTab[] = [];
  lastMark: MarkResult | null = null;
  lastClear: ClearResult | null = null;

  constructor(dependencies: OfficeHostDependencies = {}) {
    this.run = dependencies.run ?? ((batch) => Excel.run(batch));
    this.store = dependencies.settings;
    this.annotationKind = dependencies.annotation;
    this.capabilityTable = dependencies.capabilities;
  }

  /** What this Excel supports above the manifest's minimum (ExcelApi 1.1). */
  capabilities(): ExcelCapabilities {
    this.capabilityTable ??= detectCapabilities(officeIsSetSupported);
    return this.capabilityTable;
  }

  listSheets(): Promise<string[]> {
    return this.excel("list", undefined, (context) => listSheets(context));
  }

  activeSheet(): Promise<string> {
    return this.excel("list", undefined, (context) => activeSheetName(context));
  }

  readSheet(name: string, onProgress?: (rowsRead: number, totalRows: number) => void): Promise<SheetInput> {
    const { usedRangeValuesOnly, mergedAreas, dateSystem } = this.capabilities();
    return this.excel("read", name, (context) => readSheet(context, name, { onProgress, usedRangeValuesOnly, mergedAreas, dateSystem }));
  }

  async writeSummaries(tables: readonly SummaryTable[]): Promise<string[]> {
    const { summaries, suspendCalculation, suspendScreenUpdating } = this.capabilities();
    if (!summaries) throw hostError("other", unsupportedMessage("生成汇总表", "summaries"));
    const written = await this.excel("write", undefined, (context) =>
      writeSummaries(context, tables, { suspendCalculation, suspendScreenUpdating }),
    );
    this.lastWrite = written;
    return written.map((tab) => tab.name);
  }

  selectCell(sheet: string, cell: CellRef): Promise<void> {
    return this.excel("select", sheet, (context) => selectCell(context, sheet, cell));
  }

  async markFindings(sheet: string, findings: readonly Finding[]): Promise<number> {
    const { marks, fillDetails } = this.capabilities();
    if (!marks) throw hostError("other", unsupportedMessage("标记问题单元格", "marks"));
    const annotation = this.annotation();
    const result = await this.excel("mark", sheet, (context) => markFindings(context, sheet, findings, { annotation, fillDetails }));
    this.lastMark = result;
    return result.marked;
  }

  async clearMarks(sheet: string): Promise<number> {
    const { marks, fillDetails } = this.capabilities();
    if (!marks) throw hostError("other", unsupportedMessage("清除标记", "marks"));
    const notes = this.annotation() === "note";
    const result = await this.excel("clear", sheet, (context) => clearMarks(context, sheet, { notes, fillDetails }));
    this.lastClear = result;
    return result.cleared;
  }

  readSelection(): Promise<CellBlock> {
    return this.excel("read", undefined, (context) => readSelection(context));
  }

  readCells(sheet: string, top: number, left: number, rows: number, columns: number): Promise<CellBlock> {
    return this.excel("read", sheet, (context) => readCells(context, sheet, top, left, rows, columns));
  }

  async writeCells(sheet: string, blocks: readonly CellWrite[]): Promise<void> {
    await this.excel("formulas", sheet, (context) => writeCells(context, sheet, blocks));
  }

  recalculate(): Promise<void> {
    return this.excel("recalculate", undefined, (context) => recalculateAll(context));
  }

  usesDate1904(): Promise<boolean> {
    const { dateSystem } = this.capabilities();
    return this.excel("read", undefined, async (context) => {
      const uses1904 = queueDateSystemProbe(context, dateSystem);
      await context.sync();
      return uses1904();
    });
  }

  async loadSettings(): Promise<PaneSettings> {
    try {
      return loadSettings(this.settingsStore());
    } catch (error) {
      throw translateOfficeError(error, "settings");
    }
  }

  async saveSettings(settings: PaneSettings): Promise<void> {
    try {
      await saveSettings(this.settingsStore(), settings);
    } catch (error) {
      throw translateOfficeError(error, "settings");
    }
  }

  private settingsStore(): SettingsStore {
    this.store ??= officeDocumentSettings();
    return this.store;
  }

  private annotation(): AnnotationKind | "none" {
    this.annotationKind ??= detectAnnotation(
      this.capabilityTable ? (_n, v) => isSupportedBy(this.capabilities(), v) : officeIsSetSupported,
    );
    return this.annotationKind;
  }

  private async excel<T>(action: HostAction, sheet: string | undefined, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.run(batch);
    } catch (error) {
      throw translateOfficeError(error, action, sheet);
    }
  }
}

/** Whether a table of capabilities includes the features of an ExcelApi version (for the annotation choice). */
function isSupportedBy(capabilities: ExcelCapabilities, version: string): boolean {
  if (version === FEATURE_SETS.notes) return capabilities.notes;
  if (version === FEATURE_SETS.comments) return capabilities.comments;
  return false;
}
