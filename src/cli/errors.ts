import { LedgerNotFoundError } from "../ledger";
import { PolicyFileError } from "../policy";
import { InputError } from "../values";
import { WorkbookFileError } from "../xlsx/readWorkbook";
import { SummaryWriteError } from "../xlsx/writeSummaries";
import type { Io } from "./io";

/** Exit status when the file cannot be checked or the output cannot be written. */
export const EXIT_CANNOT_CHECK = 2;

/**
 * The one place that turns an input the command cannot use (file, ledger, policy, value) or an
 * output it cannot write into exit status 2 with the Chinese reason; anything else is a fault
 * and propagates.
 */
export function reportCannotProceed(
  error: unknown,
  io: Io,
  prefixes: { readonly input: string; readonly output?: string; readonly json?: boolean },
): number {
  let prefix: string | null = null;
  if (
    error instanceof WorkbookFileError ||
    error instanceof LedgerNotFoundError ||
    error instanceof PolicyFileError ||
    error instanceof InputError
  )
    prefix = prefixes.input;
  else if (prefixes.output !== undefined && error instanceof SummaryWriteError) prefix = prefixes.output;
  if (prefix === null) throw error;
  const message = (error as Error).message;
  io.stderr(`${prefix}：${message}\n`);
  // --json: one JSON object on stdout as well, so a script reads every outcome the same way.
  if (prefixes.json) io.stdout(`${JSON.stringify(errorToJson(error as Error, prefix), null, 2)}\n`);
  return EXIT_CANNOT_CHECK;
}

/** The kind of a refusal, for scripts: which input could not be used. */
function errorKind(error: Error): string {
  if (error instanceof WorkbookFileError) return "file";
  if (error instanceof LedgerNotFoundError) return "ledgerNotFound";
  if (error instanceof PolicyFileError) return "policyFile";
  if (error instanceof SummaryWriteError) return "output";
  if (error instanceof InputError) return "value";
  return "usage";
}

/**
 * The JSON printed by `check --json` when the file cannot be checked (exit 2), in place of the
 * report: { "error": { "kind", "message", "exitCode" } }. Documented in the README.
 */
export function errorToJson(error: Error, prefix?: string): object {
  return {
    error: {
      kind: errorKind(error),
      message: prefix === undefined ? error.message : `${prefix}：${error.message}`,
      exitCode: EXIT_CANNOT_CHECK,
    },
  };
}
