/**
 * The offline page's memory guard. A browser gives a worker no way to read its own heap, so the
 * page's thread reads the heap limit the browser set (`performance.memory.jsHeapSizeLimit`,
 * Chromium-based browsers only; elsewhere there is no guard) and turns it into a number of ledger
 * rows, from the heap a row costs the worker when it is read and checked (measured in headless
 * Chromium: docs/performance.md). The worker's reader stops at that row (./rowBudget.ts) before
 * V8 runs out of heap and the tab crashes. Imports nothing: the page's thread loads it.
 *
 * The worker's heap limit is taken to be the page's: both are V8 isolates of the same process,
 * configured from the same flags and the machine's memory (checked in Chromium: with the default
 * limit of about 3,760 MB, a worker could allocate about 3,840 MB before the tab crashed).
 */
const MB = 1024 * 1024;

/**
 * Heap the limit counts that ledger rows cannot use: V8's young generation (jsHeapSizeLimit was
 * 111–176 MB above the old generation's size set by --max-old-space-size) and the worker's start.
 */
export const PAGE_HEAP_RESERVE = 128 * MB;
/**
 * Heap one row of a person-level ledger (34 columns) costs the worker, read, checked and its
 * findings sent: the tab crashed at 0.45–0.74 KB a row (of the limit less the reserve); 1 KB
 * leaves room for ledgers with more findings than the benchmark's.
 */
export const PAGE_ROW_BYTES = 1024;
/**
 * Heap one shared string costs while the table is held (a slot, and a string for escaped or rich
 * items): counted only while the shared strings are read, since a ledger's own (about three a row)
 * are within the row's cost.
 */
export const PAGE_SHARED_STRING_BYTES = 64;

/**
 * Generating the summary workbook holds more: the check's ledger and findings, the summary tables
 * and the written parts. Measured (tab crashes, docs/performance.md), its cost grows with the
 * findings more than with the rows (about 0.5 KB a row and 4–5 KB a finding); these leave room.
 */
export const PAGE_SUMMARY_ROW_BYTES = 1024;
export const PAGE_SUMMARY_FINDING_BYTES = 5 * 1024;

/** Heap a summary of a check is estimated to need (the reserve included). */
export function summaryBytes(rows: number, findings: number): number {
  return PAGE_HEAP_RESERVE + rows * PAGE_SUMMARY_ROW_BYTES + findings * PAGE_SUMMARY_FINDING_BYTES;
}

/** What the page's thread tells the worker. */
export interface MemoryBudget {
  /** The browser's heap limit for the page's script, in bytes (jsHeapSizeLimit). */
  readonly heapLimit: number;
  /** Rows of ledgers the worker may hold at once. */
  readonly rows: number;
  /** Shared strings the worker may hold. */
  readonly sharedStrings: number;
}

/** The budget for a heap limit; null where the browser does not tell it (no guard). */
export function memoryBudgetOf(heapLimit: unknown): MemoryBudget | null {
  if (typeof heapLimit !== "number" || !Number.isFinite(heapLimit) || heapLimit <= 0) return null;
  const usable = Math.max(0, heapLimit - PAGE_HEAP_RESERVE);
  return {
    heapLimit,
    rows: Math.floor(usable / PAGE_ROW_BYTES),
    sharedStrings: Math.floor(usable / PAGE_SHARED_STRING_BYTES),
  };
}

/** The page's thread: the budget from this browser's heap limit, where it has one (Chromium-based browsers). */
export function pageMemoryBudget(): MemoryBudget | null {
  const memory = (globalThis.performance as { memory?: { jsHeapSizeLimit?: unknown } } | undefined)?.memory;
  return memoryBudgetOf(memory?.jsHeapSizeLimit);
}
