/**
 * A workbook in memory behind the WorkbookHost interface: sheets as 2-D values with fills and
 * notes, generated tabs recognised by workbook-level names exactly as in Excel. The task pane's
 * component tests and the headless-browser harness run on it; it knows nothing of Office.
 *
 * Semantics it shares with the Excel adapter (src/office/):
 * - writeSummaries replaces only tabs that a marker name (markerName(key)) points at; a user's
 *   sheet with the same name is kept and the new tab is called 汇总-分层(2); the ledger itself
 *   is never deleted even if a marker points at it.
 * - markFindings remembers each marked cell's previous fill (undefined: no fill) and adds a note
 *   only where the cell has none; clearMarks restores the fill where it is still BANGFU's colour
 *   and deletes only BANGFU's notes. Values are never written.
 */
import type { Finding } from "../checks/types";
import { columnLetter, columnNumber } from "../ledger/cellRef";
import type { CellRef, MergedRange, SheetInput } from "../ledger/model";
import { markerName, type SummaryTable } from "../summaries/model";
import { planMarks, textFingerprint } from "./marks";
import { hostError, protectedSheetMessage, sheetMissingMessage } from "./messages";
import { freeSheetName, layoutSummary, type SummaryLayout } from "./summaryLayout";
import { EMPTY_SETTINGS, HostError, type CellBlock, type CellWrite, type PaneSettings, type WorkbookHost } from "./types";

export interface MemorySheetInit {
  readonly name: string;
  /** cells[0][0] is the sheet cell at origin (default A1). */
  readonly cells: readonly (readonly unknown[])[];
  readonly origin?: { readonly row: number; readonly column: number };
  readonly merges?: readonly MergedRange[];
  /** Fill colours by cell address ("H12" → "#FFFF00"); a cell not listed has no fill. */
  readonly fills?: Readonly<Record<string, string>>;
  /** Notes by cell address. */
  readonly notes?: Readonly<Record<string, string>>;
  /** Formulas by cell address (kept to show that nothing rewrites them). */
  readonly formulas?: Readonly<Record<string, string>>;
  /** A protected sheet: marking and clearing fail as in Excel. */
  readonly protected?: boolean;
  readonly hidden?: boolean;
}

export interface MemorySheet {
  name: string;
  cells: unknown[][];
  origin: { row: number; column: number };
  merges: MergedRange[];
  fills: Map<string, string>;
  notes: Map<string, string>;
  formulas: Map<string, string>;
  protected: boolean;
  hidden: boolean;
  /** For a generated tab: what was written (grid, formats, links, chart, filter). */
  summary?: { readonly layout: SummaryLayout; readonly frozenRows: number };
}

interface MemoryMark {
  readonly address: string;
  /** The fill before marking; undefined: none. */
  readonly previous: string | undefined;
  readonly fill: string;
  /** Fingerprint of the note BANGFU added, or null when the cell already had a note. */
  readonly note: string | null;
}

export interface MemoryHostOptions {
  /** The active sheet at the start; the first visible one when absent. */
  readonly activeSheet?: string;
  readonly settings?: PaneSettings;
  /** Rows per progress report of readSheet (default 1000). */
  readonly progressRows?: number;
  /** Milliseconds to wait between progress reports (lets a browser paint the progress; default 0). */
  readonly delayMs?: number;
  /** The workbook counts dates from 1904: its cells hold that system's serials (SheetInput.date1904). */
  readonly date1904?: boolean;
}

type Method = keyof WorkbookHost;

export class MemoryWorkbookHost implements WorkbookHost {
  readonly sheets: MemorySheet[];
  /** Workbook-level defined names: name → sheet it refers to (A1 of that sheet). */
  readonly names = new Map<string, string>();
  /** Every call, in order, as "method(arg)"; for tests. */
  readonly calls: string[] = [];
  selection: { sheet: string; cell: CellRef } | null = null;
  settingsSaved = 0;

  private active: string;
  private settings: PaneSettings;
  private readonly marks = new Map<MemorySheet, MemoryMark[]>();
  private readonly failures = new Map<Method, Error[]>();

  constructor(
    sheets: readonly MemorySheetInit[],
    private readonly options: MemoryHostOptions = {},
  ) {
    this.sheets = sheets.map(toMemorySheet);
    const names = new Set<string>();
    for (const s of this.sheets) {
      if (names.has(s.name.toLowerCase())) throw new Error(`duplicate sheet name ${s.name}`);
      names.add(s.name.toLowerCase());
    }
    this.active = options.activeSheet ?? this.sheets.find((s) => !s.hidden)?.name ?? "";
    this.settings = options.settings ?? EMPTY_SETTINGS;
  }

  /** Make the next call of `method` fail with `error` (e.g. a HostError of kind cellEditMode). */
  failNext(method: Method, error: Error): void {
    const queue = this.failures.get(method) ?? [];
    queue.push(error);
    this.failures.set(method, queue);
  }

  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** A cell's value by address on a sheet (undefined outside the stored cells). */
  valueAt(sheet: string, address: string): unknown {
    const s = this.sheetOrFail(sheet);
    const { row, column } = parseAddress(address);
    return s.cells[row - s.origin.row]?.[column - s.origin.column];
  }

  async listSheets(): Promise<string[]> {
    this.enter("listSheets");
    return this.sheets.filter((s) => !s.hidden).map((s) => s.name);
  }

  async activeSheet(): Promise<string> {
    this.enter("activeSheet");
    return this.active;
  }

  async readSheet(name: string, onProgress?: (rowsRead: number, totalRows: number) => void): Promise<SheetInput> {
    this.enter("readSheet", name);
    const sheet = this.sheetOrFail(name);
    const total = sheet.cells.length;
    const step = Math.max(1, this.options.progressRows ?? 1000);
    const cells: unknown[][] = [];
    for (let start = 0; start < total || (start === 0 && total === 0); start += step) {
      for (let r = start; r < Math.min(total, start + step); r++) cells.push([...sheet.cells[r]]);
      onProgress?.(Math.min(total, start + step), total);
      await this.pause();
      if (total === 0) break;
    }
    // Every merged area, as the Excel adapter reads them: the header's and those down data rows.
    const merges = sheet.merges.map((m) => ({ ...m }));
    return { name: sheet.name, cells, origin: { ...sheet.origin }, merges, ...(this.options.date1904 ? { date1904: true } : {}) };
  }

  async writeSummaries(tables: readonly SummaryTable[]): Promise<string[]> {
    this.enter("writeSummaries", tables.map((t) => t.key).join(","));
    const written: string[] = [];
    for (const table of tables) {
      const marker = markerName(table.key);
      const target = this.names.get(marker);
      const old = target === undefined ? undefined : this.sheet(target);
      this.names.delete(marker);
      if (old && old.name.toLowerCase() !== table.meta.sourceSheet.toLowerCase()) {
        this.sheets.splice(this.sheets.indexOf(old), 1);
        this.marks.delete(old);
      }
      const layout = layoutSummary(table);
      const name = freeSheetName(
        table.title,
        this.sheets.map((s) => s.name),
      );
      this.sheets.push({
        name,
        cells: layout.values.map((row) => [...row]),
        origin: { row: 1, column: 1 },
        merges: [],
        fills: new Map(),
        notes: new Map(),
        formulas: new Map(),
        protected: false,
        hidden: false,
        summary: { layout, frozenRows: layout.headerRow },
      });
      this.names.set(marker, name);
      written.push(name);
    }
    if (written.length > 0) this.active = written[0];
    return written;
  }

  async selectCell(sheet: string, cell: CellRef): Promise<void> {
    this.enter("selectCell", `${sheet}!${cell.column}${cell.row}`);
    const s = this.sheetOrFail(sheet);
    this.active = s.name;
    this.selection = { sheet: s.name, cell: { row: cell.row, column: cell.column.toUpperCase() } };
  }

  async markFindings(sheet: string, findings: readonly Finding[]): Promise<number> {
    this.enter("markFindings", sheet);
    const s = this.sheetOrFail(sheet);
    if (s.protected) throw hostError("protectedSheet", protectedSheetMessage("mark", s.name));
    // Marking again starts from the sheet as the user left it: earlier marks are cleared first.
    this.clearSheetMarks(s);
    const records: MemoryMark[] = [];
    for (const mark of planMarks(findings)) {
      const previous = s.fills.get(mark.address);
      s.fills.set(mark.address, mark.fill);
      let note: string | null = null;
      if (!s.notes.has(mark.address)) {
        s.notes.set(mark.address, mark.note);
        note = textFingerprint(mark.note);
      }
      records.push({ address: mark.address, previous, fill: mark.fill, note });
    }
    if (records.length > 0) this.marks.set(s, records);
    return records.length;
  }

  async clearMarks(sheet: string): Promise<number> {
    this.enter("clearMarks", sheet);
    const s = this.sheetOrFail(sheet);
    if (s.protected && (this.marks.get(s)?.length ?? 0) > 0) throw hostError("protectedSheet", protectedSheetMessage("clear", s.name));
    return this.clearSheetMarks(s);
  }

  async loadSettings(): Promise<PaneSettings> {
    this.enter("loadSettings");
    return this.settings;
  }

  async saveSettings(settings: PaneSettings): Promise<void> {
    this.enter("saveSettings");
    this.settings = settings;
    this.settingsSaved++;
  }

  /** Recalculations asked for (the pane asks after a policy change). */
  recalculations = 0;
  /** Selected block (top-left cell and size); selectCell sets a one-cell selection. */
  selectionSize: { rows: number; columns: number } = { rows: 1, columns: 1 };

  async readSelection(): Promise<CellBlock> {
    this.enter("readSelection");
    const sheet = this.selection?.sheet ?? this.active;
    const cell = this.selection?.cell ?? { row: 1, column: "A" };
    return this.block(sheet, cell.row, columnNumber(cell.column), this.selectionSize.rows, this.selectionSize.columns);
  }

  async readCells(sheet: string, top: number, left: number, rows: number, columns: number): Promise<CellBlock> {
    this.enter("readCells", `${sheet}!${columnLetter(left)}${top}`);
    return this.block(sheet, top, left, rows, columns);
  }

  async writeCells(sheet: string, blocks: readonly CellWrite[]): Promise<void> {
    this.enter("writeCells", sheet);
    const s = this.sheetOrFail(sheet);
    if (s.protected) throw hostError("protectedSheet", protectedSheetMessage("formulas", s.name));
    for (const block of blocks) {
      block.cells.forEach((row, r) =>
        row.forEach((value, c) => {
          const address = `${columnLetter(block.left + c)}${block.top + r}`;
          if (block.kind === "formulas" && typeof value === "string" && value.startsWith("=")) s.formulas.set(address, value);
          else {
            s.formulas.delete(address);
            this.setValue(s, block.top + r, block.left + c, value);
          }
        }),
      );
    }
  }

  async recalculate(): Promise<void> {
    this.enter("recalculate");
    this.recalculations++;
  }

  async usesDate1904(): Promise<boolean> {
    this.enter("usesDate1904");
    return this.options.date1904 === true;
  }

  // ---------------------------------------------------------------- internals

  private block(sheetName: string, top: number, left: number, rows: number, columns: number): CellBlock {
    const s = this.sheetOrFail(sheetName);
    const values: unknown[][] = [];
    const formulas: unknown[][] = [];
    for (let r = 0; r < rows; r++) {
      values.push([]);
      formulas.push([]);
      for (let c = 0; c < columns; c++) {
        const value = s.cells[top + r - s.origin.row]?.[left + c - s.origin.column] ?? "";
        values[r].push(value);
        formulas[r].push(s.formulas.get(`${columnLetter(left + c)}${top + r}`) ?? value);
      }
    }
    return { sheet: s.name, top, left, formulas, values };
  }

  private setValue(s: MemorySheet, row: number, column: number, value: unknown): void {
    const r = row - s.origin.row;
    const c = column - s.origin.column;
    if (r < 0 || c < 0) return;
    while (s.cells.length <= r) s.cells.push([]);
    const line = s.cells[r];
    while (line.length <= c) line.push("");
    line[c] = value;
  }

  private clearSheetMarks(s: MemorySheet): number {
    const records = this.marks.get(s) ?? [];
    for (const record of records) {
      if (s.fills.get(record.address)?.toUpperCase() === record.fill.toUpperCase()) {
        if (record.previous === undefined) s.fills.delete(record.address);
        else s.fills.set(record.address, record.previous);
      }
      const note = s.notes.get(record.address);
      if (record.note !== null && note !== undefined && textFingerprint(note) === record.note) s.notes.delete(record.address);
    }
    this.marks.delete(s);
    return records.length;
  }

  private enter(method: Method, arg?: string): void {
    this.calls.push(arg === undefined ? `${method}()` : `${method}(${arg})`);
    const queue = this.failures.get(method);
    const error = queue?.shift();
    if (error) throw error;
  }

  private sheetOrFail(name: string): MemorySheet {
    const sheet = this.sheet(name);
    if (!sheet) throw new HostError("sheetMissing", sheetMissingMessage(name));
    return sheet;
  }

  private async pause(): Promise<void> {
    const ms = this.options.delayMs ?? 0;
    await new Promise<void>((resolve) => (ms > 0 ? setTimeout(resolve, ms) : resolve()));
  }
}

function toMemorySheet(init: MemorySheetInit): MemorySheet {
  const normalise = (record: Readonly<Record<string, string>> | undefined) =>
    new Map(Object.entries(record ?? {}).map(([address, value]) => [normaliseAddress(address), value]));
  return {
    name: init.name,
    cells: init.cells.map((row) => [...row]),
    origin: { row: init.origin?.row ?? 1, column: init.origin?.column ?? 1 },
    merges: [...(init.merges ?? [])],
    fills: normalise(init.fills),
    notes: normalise(init.notes),
    formulas: normalise(init.formulas),
    protected: init.protected === true,
    hidden: init.hidden === true,
  };
}

function parseAddress(address: string): { row: number; column: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new RangeError(`不是单元格地址：${address}`);
  return { row: Number(m[2]), column: columnNumber(m[1]) };
}

function normaliseAddress(address: string): string {
  return address.replace(/\$/g, "").toUpperCase();
}
