/**
 * Failures cross from the worker to the page as plain data (structured cloning keeps only an
 * Error's message) and become the pane's error classes again, so that its ErrorBar gives each
 * its own title and remedy.
 */
import { HostError } from "../host/types";
import { LedgerNotFoundError } from "../ledger/model";
import { PolicyFileError } from "../policy";
import { InputError } from "../values";

export type SerializedError =
  | { readonly name: "LedgerNotFoundError"; readonly sheetName: string; readonly message: string }
  | { readonly name: "PolicyFileError"; readonly source: string; readonly problems: readonly string[] }
  | { readonly name: "InputError"; readonly message: string }
  | { readonly name: "HostError"; readonly kind: HostError["kind"]; readonly message: string }
  /** A file that cannot be read (the reader's Chinese message says why and what to do). */
  | { readonly name: "FileError"; readonly message: string }
  | { readonly name: "Error"; readonly message: string; readonly stack?: string };

/** The page cannot use the chosen file; the message (Chinese) says why and what to do, so the pane shows it under its own title. */
export class PageFileError extends HostError {
  constructor(message: string) {
    super("unreadableFile", message);
    this.name = "PageFileError";
  }
}

/** `fileErrors` are the reader's own error classes: their messages are meant for the user. */
export function serializeError(error: unknown, isFileError: (error: unknown) => boolean): SerializedError {
  if (error instanceof LedgerNotFoundError) return { name: "LedgerNotFoundError", sheetName: error.sheetName, message: error.message };
  if (error instanceof PolicyFileError) return { name: "PolicyFileError", source: error.source, problems: error.problems };
  if (error instanceof InputError) return { name: "InputError", message: error.message };
  if (error instanceof PageFileError || isFileError(error)) return { name: "FileError", message: (error as Error).message };
  if (error instanceof HostError) return { name: "HostError", kind: error.kind, message: error.message };
  if (error instanceof Error) return { name: "Error", message: error.message, stack: error.stack };
  return { name: "Error", message: String(error) };
}

export function deserializeError(error: SerializedError): Error {
  switch (error.name) {
    case "LedgerNotFoundError":
      return new LedgerNotFoundError(error.sheetName, error.message);
    case "PolicyFileError":
      return new PolicyFileError(error.source, error.problems);
    case "InputError":
      return new InputError(error.message);
    case "HostError":
      return new HostError(error.kind, error.message);
    case "FileError":
      return new PageFileError(error.message);
    default: {
      const plain = new Error(error.message);
      if (error.stack) plain.stack = error.stack;
      return plain;
    }
  }
}
