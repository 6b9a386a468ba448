import type { Finding } from "../checks";
import type { FieldKey } from "../ledger/fields";
import type { CellRef, SheetInput } from "../ledger/model";
import type { SummaryTable } from "../summaries/model";

/**
 * What the task pane needs from a workbook. Office.js implements it (src/office/), and so
 * does an in-memory workbook (tests, the browser harness). The pane receives a host as a
 * prop and never calls Office itself.
 */
export interface WorkbookHost {
  /** False where cells cannot be marked (the offline page never changes the file): the pane offers no marks. */
  readonly canMark?: boolean;
  /** Names of the worksheets, in tab order. */
  listSheets(): Promise<string[]>;
  activeSheet(): Promise<string>;
  /** A sheet's used range as plain values (and merged header areas), read in row blocks. */
  readSheet(name: string, onProgress?: (rowsRead: number, totalRows: number) => void): Promise<SheetInput>;
  /** Replace previously generated tabs (recognised by their marker) and write these; returns the tab names written. */
  writeSummaries(tables: readonly SummaryTable[]): Promise<string[]>;
  /** Activate the sheet and select the cell. */
  selectCell(sheet: string, cell: CellRef): Promise<void>;
  /** Fill and note each finding's cell, remembering the previous fill; returns the cells marked. */
  markFindings(sheet: string, findings: readonly Finding[]): Promise<number>;
  /** Remove exactly the marks BANGFU made on the sheet, restoring previous fills; returns the cells cleared. */
  clearMarks(sheet: string): Promise<number>;
  loadSettings(): Promise<PaneSettings>;
  saveSettings(settings: PaneSettings): Promise<void>;
  /** The selected cells (the first area): formulas (constants as themselves) and values. */
  readSelection(): Promise<CellBlock>;
  /** Formulas and values of a block of a sheet (top/left 1-based). */
  readCells(sheet: string, top: number, left: number, rows: number, columns: number): Promise<CellBlock>;
  /** Write formulas or values into rectangular blocks of a sheet (the pane's 公式 tab, on request only). */
  writeCells(sheet: string, blocks: readonly CellWrite[]): Promise<void>;
  /** Recalculate every formula, the BANGFU functions too (after a policy change). */
  recalculate(): Promise<void>;
  /**
   * Whether the workbook counts dates from 1904, for the custom functions that run on the pane's
   * page (Excel's shared runtime). Absent where they learn it themselves (WPS: per call) or none run.
   */
  usesDate1904?(): Promise<boolean>;
}

/** A rectangle of cells as read: formulas[r][c] is "=…" for a formula, else the constant. */
export interface CellBlock {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly formulas: readonly (readonly unknown[])[];
  readonly values: readonly (readonly unknown[])[];
}

export interface CellWrite {
  readonly top: number;
  readonly left: number;
  readonly kind: "formulas" | "values";
  readonly cells: readonly (readonly (string | number | boolean)[])[];
}

/** Saved in the workbook so that the next check uses them. */
export interface PaneSettings {
  /** Policy year to use; null: the check date's year. */
  readonly policyYear: number | null;
  /** A policy file's JSON text (parameters set or confirmed locally); null when none. */
  readonly policyJson: string | null;
  /** Header → field mapping per sheet name, overriding detection (null ignores a column). */
  readonly mappings: Readonly<Record<string, Readonly<Record<string, FieldKey | null>>>>;
  /** Count monitored households whose risk was removed as the plan's 脱贫户 (absent: no, as the plan says). */
  readonly includeMonitored?: boolean;
}

export const EMPTY_SETTINGS: PaneSettings = { policyYear: null, policyJson: null, mappings: {} };

/** A failure the user can act on, with a Chinese message and what to do. */
export class HostError extends Error {
  constructor(
    readonly kind: "cellEditMode" | "protectedSheet" | "sheetMissing" | "payloadTooLarge" | "unreadableFile" | "other",
    message: string,
  ) {
    super(message);
    this.name = "HostError";
  }
}
