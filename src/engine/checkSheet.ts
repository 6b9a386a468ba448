import { checkLedger, CheckReport } from "../checks";
import type { ScopeOptions } from "../checks/scope";
import { Ledger, readLedger } from "../ledger";
import type { ReadOptions, SheetInput } from "../ledger/model";
import { Policy, PolicyOverrides, resolvePolicy } from "../policy";
import type { CivilDate } from "../values";
import { joinLedgers, SideLedger } from "./join";

export type { SideLedger } from "./join";
export { joinLedgers } from "./join";

export interface SheetCheckOptions {
  readonly asOf: CivilDate;
  readonly overrides?: PolicyOverrides;
  /** The user's header → field mapping (设置), overriding detection. */
  readonly mapping?: ReadOptions["mapping"];
  /** The policy year (设置 → 政策年度); the check date's year when absent. */
  readonly policyYear?: number;
  /** Which households count as the plan's 脱贫户: monitored ones whose risk was removed too, when asked. */
  readonly scope?: ScopeOptions;
}

export interface SheetCheck {
  readonly ledger: Ledger;
  readonly report: CheckReport;
  readonly policy: Policy;
}

/** A side sheet to join: its cells, how the report names it, and its own column mapping. */
export interface SideSheet {
  readonly sheet: SheetInput;
  /** How the report names it; the sheet's name when absent. */
  readonly source?: string;
  readonly mapping?: ReadOptions["mapping"];
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

/**
 * The check of a ledger with side ledgers joined (engine/join.ts): the main sheet and each side
 * sheet are read, the sides' facts joined to the main ledger's households, and the rules run on
 * the result. A side sheet that holds no ledger throws LedgerNotFoundError naming it.
 */
export function checkSheets(main: SheetInput, sides: readonly SideSheet[], options: SheetCheckOptions): SheetCheck {
  const ledger = readLedger(main, { mapping: options.mapping });
  const sideLedgers = sides.map((side): SideLedger => ({
    ledger: readLedger(side.sheet, { mapping: side.mapping }),
    source: side.source ?? side.sheet.name,
  }));
  return checkReadLedger(ledger, options, sideLedgers);
}

/** The rest of the check for a ledger already read (the command line streams it out of the file), with side ledgers joined when given. */
export function checkReadLedger(
  ledger: Ledger,
  options: Omit<SheetCheckOptions, "mapping">,
  sides: readonly SideLedger[] = [],
): SheetCheck {
  const policy = resolvePolicy(options.policyYear ?? options.asOf.year, options.overrides);
  const joined = joinLedgers(ledger, sides, { year: policy.year });
  return { ledger: joined, report: checkLedger(joined, { asOf: options.asOf, policy, scope: options.scope }), policy };
}
