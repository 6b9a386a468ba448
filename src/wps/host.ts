/**
 * WorkbookHost over WPS 表格's object model. ET is synchronous; the methods stay async for the
 * interface, and reading yields between blocks so that the pane can paint its progress. Every
 * failure becomes a HostError with a Chinese message (./workbook.ts); nothing is swallowed.
 *
 * The 公式 tab's cell reads and writes, and recalculation, are in ./cells.ts.
 *
 * The pane's settings are kept in the workbook's very hidden data sheet (./store.ts) under
 * SETTINGS_KEY, in the same stored form as Excel's document settings. Whenever they are loaded
 * or saved they are also handed to the add-in's other page (where the ribbon and the custom
 * functions run) through PluginStorage, so that =BANGFU.TIER() follows the policy chosen here.
 */
import type { Finding } from "../checks/types";
import type { CellRef, SheetInput } from "../ledger/model";
import type { SummaryTable } from "../summaries/model";
import type { HostAction } from "../host/messages";
import { parseStoredSettings, SETTINGS_KEY, toStoredSettings } from "../host/settings";
import type { CellBlock, CellWrite, PaneSettings, WorkbookHost } from "../host/types";
import { readCells, readSelection, recalculate, writeCells } from "./cells";
import type { WpsApplication } from "./et";
import { clearMarks, markFindings, selectCell, type WpsClearResult, type WpsMarkResult } from "./marks";
import { activeSheetName, listSheets, readSheet, type WpsReadOptions } from "./read";
import { publishFunctionSettings } from "./functionSettings";
import { readStore, writeStore } from "./store";
import { translateWpsError } from "./workbook";
import { writeSummaries, type WpsWrittenTab } from "./write";

export interface WpsHostOptions {
  /** Rows per read block and the pause between blocks (tests). */
  readonly read?: Pick<WpsReadOptions, "blockRows" | "pause">;
}

export class WpsWorkbookHost implements WorkbookHost {
  lastWrite: readonly WpsWrittenTab[] = [];
  lastMark: WpsMarkResult | null = null;
  lastClear: WpsClearResult | null = null;

  constructor(
    private readonly app: WpsApplication,
    private readonly options: WpsHostOptions = {},
  ) {}

  listSheets(): Promise<string[]> {
    return this.run("list", undefined, () => listSheets(this.app));
  }

  activeSheet(): Promise<string> {
    return this.run("list", undefined, () => activeSheetName(this.app));
  }

  async readSheet(name: string, onProgress?: (rowsRead: number, totalRows: number) => void): Promise<SheetInput> {
    try {
      return await readSheet(this.app, name, { ...this.options.read, onProgress });
    } catch (error) {
      throw translateWpsError(error, "read", name);
    }
  }

  async writeSummaries(tables: readonly SummaryTable[]): Promise<string[]> {
    const written = await this.run("write", undefined, () => writeSummaries(this.app, tables));
    this.lastWrite = written;
    return written.map((tab) => tab.name);
  }

  selectCell(sheet: string, cell: CellRef): Promise<void> {
    return this.run("select", sheet, () => selectCell(this.app, sheet, cell));
  }

  async markFindings(sheet: string, findings: readonly Finding[]): Promise<number> {
    const result = await this.run("mark", sheet, () => markFindings(this.app, sheet, findings));
    this.lastMark = result;
    return result.marked;
  }

  async clearMarks(sheet: string): Promise<number> {
    const result = await this.run("clear", sheet, () => clearMarks(this.app, sheet));
    this.lastClear = result;
    return result.cleared;
  }

  readSelection(): Promise<CellBlock> {
    return this.run("read", undefined, () => readSelection(this.app));
  }

  readCells(sheet: string, top: number, left: number, rows: number, columns: number): Promise<CellBlock> {
    return this.run("read", sheet, () => readCells(this.app, sheet, top, left, rows, columns));
  }

  async writeCells(sheet: string, blocks: readonly CellWrite[]): Promise<void> {
    await this.run("formulas", sheet, () => writeCells(this.app, sheet, blocks));
  }

  recalculate(): Promise<void> {
    return this.run("recalculate", undefined, () => recalculate(this.app));
  }

  loadSettings(): Promise<PaneSettings> {
    return this.run("settings", undefined, () => {
      const settings = parseStoredSettings(readStore(this.app).get(SETTINGS_KEY));
      publishFunctionSettings(this.app, settings);
      return settings;
    });
  }

  saveSettings(settings: PaneSettings): Promise<void> {
    return this.run("settings", undefined, () => {
      writeStore(this.app, { [SETTINGS_KEY]: JSON.stringify(toStoredSettings(settings)) });
      publishFunctionSettings(this.app, settings);
    });
  }

  private async run<T>(action: HostAction, sheet: string | undefined, work: () => T): Promise<T> {
    try {
      return work();
    } catch (error) {
      throw translateWpsError(error, action, sheet);
    }
  }
}
