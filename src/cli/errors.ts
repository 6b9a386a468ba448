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
export function reportCannotProceed(error: unknown, io: Io, prefixes: { readonly input: string; readonly output?: string }): number {
  if (error instanceof WorkbookFileError || error instanceof LedgerNotFoundError || error instanceof PolicyFileError || error instanceof InputError) {
    io.stderr(`${prefixes.input}：${error.message}\n`);
    return EXIT_CANNOT_CHECK;
  }
  if (prefixes.output !== undefined && error instanceof SummaryWriteError) {
    io.stderr(`${prefixes.output}：${error.message}\n`);
    return EXIT_CANNOT_CHECK;
  }
  throw error;
}
