/**
 * Messages between the offline page and its worker. The page keeps the interface; the worker
 * reads the chosen file, checks, summarises and writes the workbook, so that a ledger of
 * 100,000 rows never holds up the page. Every request carries an id; the worker answers it once
 * (a result or a failure) after any number of progress messages.
 */
import type { PaneSettings } from "../host/types";
import type { SummaryKey } from "../summaries/model";
import type { CivilDate } from "../values";
import type { Finding } from "../checks/types";
import type { CheckResult, DetectedColumns, HouseholdLabel } from "../taskpane/model";
import type { SerializedError } from "./errors";
import type { MemoryBudget } from "./memoryBudget";

/**
 * Side ledgers of a check: other sheets of the file, other files chosen on the page (a File crosses to the worker as a handle, not a copy).
 */
interface Sides {
  readonly sides: readonly string[];
  readonly sideFiles: readonly File[];
}

/**
 * Every request carries the page's memory budget (null where the browser does not tell its heap
 * limit): the worker's reader stops at it instead of running out of memory.
 */
interface Budgeted {
  readonly memoryBudget: MemoryBudget | null;
}

export type WorkerRequest = Budgeted &
  (
    | { readonly kind: "open"; readonly id: number; readonly file: File }
    | { readonly kind: "probeSide"; readonly id: number; readonly file: File }
    | ({
        readonly kind: "check";
        readonly id: number;
        readonly sheet: string;
        readonly settings: PaneSettings;
        readonly asOf: CivilDate;
      } & Sides)
    | ({
        readonly kind: "generate";
        readonly id: number;
        readonly sheet: string;
        readonly settings: PaneSettings;
        /** The page's clock (ms since the epoch): check date and generation time, in the page's time zone. */
        readonly clock: number;
        readonly tabs: readonly SummaryKey[];
        readonly fullIds: boolean;
      } & Sides)
    | { readonly kind: "detect"; readonly id: number; readonly sheet: string }
  );

/** What the worker found in a file it opened. */
export interface OpenedWorkbook {
  readonly fileName: string;
  readonly bytes: number;
  /** Visible worksheets, in tab order. */
  readonly sheets: readonly string[];
  /** The first sheet whose first rows hold a ledger header; null when none does. */
  readonly ledgerSheet: string | null;
  /** Why each sheet that is not offered was passed over (hidden, a chart sheet). */
  readonly passedOver: readonly string[];
}

/** A side ledger file chosen on the page: the sheet of it that is joined. */
export interface SideFileInfo {
  readonly fileName: string;
  readonly bytes: number;
  readonly sheet: string;
}

export interface GeneratedWorkbook {
  readonly result: CheckResult;
  readonly written: readonly string[];
  readonly fileName: string;
  /** The written workbook (transferred, not copied). */
  readonly bytes: ArrayBuffer;
}

/**
 * A check's findings and household labels travel ahead of the result in parts: a page receiving
 * 50,000 findings in one message would spend over 100 ms unpacking it at once.
 */
export const PART_SIZE = 5000;

export type WorkerResponse =
  | { readonly kind: "progress"; readonly id: number; readonly read: number; readonly fraction: number }
  | { readonly kind: "part"; readonly id: number; readonly findings: readonly Finding[]; readonly households: readonly HouseholdLabel[] }
  | { readonly kind: "opened"; readonly id: number; readonly workbook: OpenedWorkbook }
  | { readonly kind: "sideProbed"; readonly id: number; readonly side: SideFileInfo }
  | { readonly kind: "checked"; readonly id: number; readonly result: CheckResult }
  | { readonly kind: "generated"; readonly id: number; readonly generated: GeneratedWorkbook }
  | { readonly kind: "detected"; readonly id: number; readonly columns: DetectedColumns }
  | { readonly kind: "failed"; readonly id: number; readonly error: SerializedError };
