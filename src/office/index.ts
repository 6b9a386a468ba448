/**
 * The Office.js adapter: the only code that talks to Excel. Helpers take the request context
 * (so they run under office-addin-mock or a fake); OfficeWorkbookHost wraps them in Excel.run.
 */
export { OfficeWorkbookHost, detectAnnotation, type ExcelRun, type OfficeHostDependencies } from "./host";
export {
  readSheet,
  listSheets,
  activeSheetName,
  blockRowsFor,
  PAYLOAD_LIMIT_BYTES,
  READ_BLOCK_BUDGET_BYTES,
  ASSUMED_BYTES_PER_CELL,
  MAX_BLOCK_ROWS,
  type ReadSheetOptions,
} from "./read";
export { writeSummaries, characterWidthToPoints, NUMBER_FORMAT_CODES, type WrittenTab, type WriteSummariesOptions } from "./write";
export {
  markFindings,
  clearMarks,
  selectCell,
  MARKS_NAMESPACE,
  type AnnotationKind,
  type MarkOptions,
  type ClearOptions,
  type MarkResult,
  type ClearResult,
} from "./marks";
export { translateOfficeError, isPayloadTooLarge } from "./errors";
export { officeDocumentSettings, loadSettings, saveSettings, type SettingsStore } from "./settings";
