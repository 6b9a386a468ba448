import { checkLedger, CheckReport } from "../checks";
import { Ledger, readLedger } from "../ledger";
import type { ReadOptions, SheetInput } from "../ledger/model";
import { Policy, PolicyOverrides, resolvePolicy } from "../policy";
import type { CivilDate } from "../values";

export interface SheetCheckOptions {
  readonly asOf: CivilDate;
  readonly overrides?: PolicyOverrides;
  /** The user's header → field mapping (设置), overriding detection. */
  readonly mapping?: ReadOptions["mapping"];
  /** The policy year (设置 → 政策年度); the check date's year when absent. */
  readonly policyYear?: number;
}

export interface SheetCheck {
  readonly ledger: Ledger;
  readonly report: CheckReport;
  readonly policy: Policy;
}

/**
 * The one-click check, host-neutral: read the ledger from a sheet's cells, resolve the
 * policy of the check year, run the rule catalogue. The task pane, the command line and
 * the web page all call this. Throws LedgerNotFoundError / PolicyFileError / InputError
 * with Chinese messages when the sheet cannot be checked.
 */
export function checkSheet(sheet: SheetInput, options: SheetCheckOptions): SheetCheck {
  return checkReadLedger(readLedger(sheet, { mapping: options.mapping }), options);
}

/** The rest of the check for a ledger already read (the command line streams it out of the file). */
export function checkReadLedger(ledger: Ledger, options: Omit<SheetCheckOptions, "mapping">): SheetCheck {
  const policy = resolvePolicy(options.policyYear ?? options.asOf.year, options.overrides);
  return { ledger, report: checkLedger(ledger, { asOf: options.asOf, policy }), policy };
}
