/**
 * Office errors → HostError, with a Chinese message saying what to do. Nothing is swallowed:
 * every failure becomes a HostError whose `cause` is the original error.
 *
 * Office.js rejects context.sync() with an OfficeExtension.Error: `code` is one of
 * Excel.ErrorCodes ("InvalidOperationInCellEditMode", "AccessDenied", "ItemNotFound",
 * "ResponsePayloadSizeLimitExceeded" …) or of OfficeExtension.ErrorCodes; `debugInfo.code`
 * sometimes holds a more precise inner code.
 */
import {
  CELL_EDIT_MODE_MESSAGE,
  hostError,
  otherErrorMessage,
  payloadTooLargeMessage,
  protectedSheetMessage,
  sheetMissingMessage,
  type HostAction,
} from "../host/messages";
import { HostError } from "../host/types";

/** The parts of an OfficeExtension.Error the translation reads. */
export interface OfficeErrorLike {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly debugInfo?: { readonly code?: unknown; readonly message?: unknown; readonly innerError?: unknown };
}

const PAYLOAD_CODES = new Set([
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "PayloadTooLarge",
  "RangeExceedsLimit",
  "OperationCellsExceedLimit",
]);

function asErrorLike(error: unknown): OfficeErrorLike {
  return typeof error === "object" && error !== null ? (error as OfficeErrorLike) : {};
}

/** The error codes on an Office error (its own and its debugInfo's). */
export function officeErrorCodes(error: unknown): string[] {
  const e = asErrorLike(error);
  return [e.code, e.debugInfo?.code].filter((c): c is string => typeof c === "string" && c !== "");
}

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  const e = asErrorLike(error);
  if (typeof e.message === "string" && e.message) return e.message;
  if (typeof e.debugInfo?.message === "string") return e.debugInfo.message;
  return String(error);
}

export function isPayloadTooLarge(error: unknown): boolean {
  return officeErrorCodes(error).some((c) => PAYLOAD_CODES.has(c));
}

/**
 * The HostError for an Office failure while doing `action` (on `sheet`, when one is concerned).
 * A HostError passes through unchanged.
 */
export function translateOfficeError(error: unknown, action: HostAction, sheet?: string): HostError {
  if (error instanceof HostError) return error;
  const codes = officeErrorCodes(error);
  const message = messageOf(error);
  if (codes.includes("InvalidOperationInCellEditMode")) return hostError("cellEditMode", CELL_EDIT_MODE_MESSAGE, error);
  if (codes.includes("AccessDenied") || /protected|受保护|保护/i.test(message)) {
    return hostError("protectedSheet", protectedSheetMessage(action, sheet), error);
  }
  if (codes.includes("ItemNotFound")) return hostError("sheetMissing", sheetMissingMessage(sheet), error);
  if (codes.some((c) => PAYLOAD_CODES.has(c))) return hostError("payloadTooLarge", payloadTooLargeMessage(action), error);
  const code = codes[0];
  return hostError("other", otherErrorMessage(action, code && !message.includes(code) ? `${message}（${code}）` : message), error);
}
