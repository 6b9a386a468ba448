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
}

/** Saved in the workbook so that the next check uses them. */
export interface PaneSettings {
  /** Policy year to use; null: the check date's year. */
  readonly policyYear: number | null;
  /** A policy file's JSON text (parameters set or confirmed locally); null when none. */
  readonly policyJson: string | null;
  /** Header → field mapping per sheet name, overriding detection (null ignores a column). */
  readonly mappings: Readonly<Record<string, Readonly<Record<string, FieldKey | null>>>>;
}

export const EMPTY_SETTINGS: PaneSettings = { policyYear: null, policyJson: null, mappings: {} };

/** A failure the user can act on, with a Chinese message and what to do. */
export class HostError extends Error {
  constructor(
    readonly kind: "cellEditMode" | "protectedSheet" | "sheetMissing" | "payloadTooLarge" | "other",
    message: string,
  ) {
    super(message);
    this.name = "HostError";
  }
}
