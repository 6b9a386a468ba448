/**
 * The workbook host of the offline page: a file chosen from disk, read (by the worker) and never
 * written. The pane's engine does the reading and writing (./workerClient.ts); this host answers
 * what the pane asks of a workbook itself: the sheets, the one to start on (the first that looks
 * like a ledger), where a finding's cell is, and the settings, which the page keeps in the
 * browser (the file is never changed) — the policy for every file, a column mapping per file.
 */
import type { Finding } from "../checks/types";
import type { CellRef, SheetInput } from "../ledger/model";
import { CellBlock, CellWrite, EMPTY_SETTINGS, HostError, PaneSettings, WorkbookHost } from "../host/types";
import type { SummaryTable } from "../summaries/model";
import type { OpenedWorkbook } from "./protocol";

/** What the page keeps between visits (one browser profile; nothing leaves the machine). */
interface StoredSettings {
  readonly policyYear: number | null;
  readonly policyJson: string | null;
  /** File name → sheet name → header → field. */
  readonly mappings: Readonly<Record<string, PaneSettings["mappings"]>>;
  /** 检查范围: monitored households whose risk was removed checked as 脱贫户 too (for every file, as the policy). */
  readonly includeMonitored?: boolean;
}

export const SETTINGS_KEY = "bangfu.page.settings.v1";

/** Where settings live: the browser's local storage, or only this page's memory where storage is refused. */
export interface SettingsStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function stored(storage: SettingsStorage | null): StoredSettings {
  return readStored(storage).settings;
}

/** The saved settings; `unreadable` when something was saved that cannot be read (the defaults are used then). */
function readStored(storage: SettingsStorage | null): { readonly settings: StoredSettings; readonly unreadable: boolean } {
  const empty: StoredSettings = { policyYear: null, policyJson: null, mappings: {} };
  const text = storage?.getItem(SETTINGS_KEY);
  if (!text) return { settings: empty, unreadable: false };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  // Damaged, or written by another version: start afresh rather than fail every visit (the page says so).
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return { settings: empty, unreadable: true };
  const saved = parsed as { readonly [K in keyof StoredSettings]?: unknown };
  const settings: StoredSettings = {
    policyYear: typeof saved.policyYear === "number" ? saved.policyYear : null,
    policyJson: typeof saved.policyJson === "string" ? saved.policyJson : null,
    mappings:
      saved.mappings && typeof saved.mappings === "object" && !Array.isArray(saved.mappings)
        ? (saved.mappings as StoredSettings["mappings"])
        : {},
    ...(saved.includeMonitored === true ? { includeMonitored: true } : {}),
  };
  const dropped =
    (saved.policyYear !== undefined && saved.policyYear !== null && settings.policyYear === null) ||
    (saved.policyJson !== undefined && saved.policyJson !== null && settings.policyJson === null) ||
    (saved.mappings !== undefined && settings.mappings !== saved.mappings) ||
    (saved.includeMonitored !== undefined && typeof saved.includeMonitored !== "boolean");
  return { settings, unreadable: dropped };
}

/**
 * Whether the settings saved in the browser could not be read (in part or whole): the page tells the user, once, that defaults are used.
 */
export function savedSettingsUnreadable(storage: SettingsStorage | null): boolean {
  return readStored(storage).unreadable;
}

/** The browser's local storage, or null where the browser refuses it (some locked-down setups). */
export function browserStorage(): SettingsStorage | null {
  try {
    const storage = window.localStorage;
    storage.getItem(SETTINGS_KEY);
    return storage;
  } catch {
    return null;
  }
}

/** Why the browser did not keep the settings, in Chinese (the browser's own message is English). */
export function storageRefusal(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  const why = name === "QuotaExceededError" ? "浏览器的本地存储已满" : "浏览器不允许本页面保存数据（可能设置了不保存网站数据）";
  return `${why}，设置没有保存到浏览器中：本次打开页面期间仍按新的设置检查，关闭页面后需要重新设置。可清理浏览器数据或允许本地存储后再试。`;
}

const NOT_HERE = "网页版不修改文件：这项操作只在 Excel / WPS 加载项中可用。";

export class FileWorkbookHost implements WorkbookHost {
  readonly canMark = false;
  private memory: StoredSettings;

  constructor(
    private readonly file: OpenedWorkbook,
    private readonly storage: SettingsStorage | null,
    /** A finding's cell was chosen: the page shows (and copies) its address. */
    private readonly onSelect: (sheet: string, cell: CellRef) => void,
  ) {
    this.memory = stored(storage);
  }

  async listSheets(): Promise<string[]> {
    return [...this.file.sheets];
  }

  async activeSheet(): Promise<string> {
    return this.file.ledgerSheet ?? this.file.sheets[0] ?? "";
  }

  /** The worker reads the file (the page's engine); the page itself never holds its cells. */
  async readSheet(_name: string): Promise<SheetInput> {
    throw new HostError("other", "internal: the page reads sheets in its worker");
  }

  async writeSummaries(_tables: readonly SummaryTable[]): Promise<string[]> {
    throw new HostError("other", "internal: the page writes summaries in its worker");
  }

  async selectCell(sheet: string, cell: CellRef): Promise<void> {
    this.onSelect(sheet, cell);
  }

  async markFindings(_sheet: string, _findings: readonly Finding[]): Promise<number> {
    throw new HostError("other", NOT_HERE);
  }

  async clearMarks(_sheet: string): Promise<number> {
    throw new HostError("other", NOT_HERE);
  }

  // The 公式 tab's cell tools are not offered on the page (it has no custom functions, and never writes).
  async readSelection(): Promise<CellBlock> {
    throw new HostError("other", NOT_HERE);
  }

  async readCells(_sheet: string, _top: number, _left: number, _rows: number, _columns: number): Promise<CellBlock> {
    throw new HostError("other", NOT_HERE);
  }

  async writeCells(_sheet: string, _blocks: readonly CellWrite[]): Promise<void> {
    throw new HostError("other", NOT_HERE);
  }

  /** Nothing to recalculate: the page holds no formulas. */
  async recalculate(): Promise<void> {}

  async loadSettings(): Promise<PaneSettings> {
    const { policyYear, policyJson, mappings, includeMonitored } = this.memory;
    const settings: PaneSettings = { ...EMPTY_SETTINGS, policyYear, policyJson, mappings: mappings[this.file.fileName] ?? {} };
    return includeMonitored ? { ...settings, includeMonitored } : settings;
  }

  /**
   * Kept in the browser (read afresh first: a page open on another file may have saved meanwhile), or for this page only where the browser
   * keeps nothing.
   */
  async saveSettings(settings: PaneSettings): Promise<void> {
    const base = this.storage === null ? this.memory : stored(this.storage);
    const mappings = { ...base.mappings, [this.file.fileName]: settings.mappings };
    if (Object.keys(settings.mappings).length === 0) delete mappings[this.file.fileName];
    const next: StoredSettings = {
      policyYear: settings.policyYear,
      policyJson: settings.policyJson,
      mappings,
      ...(settings.includeMonitored ? { includeMonitored: true } : {}),
    };
    // Used from now on even when the browser refuses to keep them: the user is told they last only while the page is open.
    this.memory = next;
    if (this.storage !== null) {
      try {
        this.storage.setItem(SETTINGS_KEY, JSON.stringify(next));
      } catch (error) {
        throw new HostError("other", storageRefusal(error));
      }
    }
  }
}
