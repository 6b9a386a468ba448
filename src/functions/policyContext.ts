import { Policy, resolvePolicy } from "../policy";
import { today } from "../values";

// What the custom functions know of the workbook they compute for: its policy and its date system.
//
// The policy the custom functions read. The task pane may set one (the workbook's policy year
// and file); until then the current year's shipped parameters apply, re-resolved when the year
// turns (a workbook left open over New Year). In the shared runtime the pane and the functions
// are separate bundles on one page, each with its own copy of this module, so the value lives
// on the page's global object.
const KEY = Symbol.for("bangfu.functionPolicy");
type PolicyHolder = { [KEY]?: { readonly policy: Policy; readonly chosen: boolean } | null };
const holder = globalThis as PolicyHolder;

export function functionPolicy(): Policy {
  const current = holder[KEY];
  const year = today().year;
  if (current && (current.chosen || current.policy.year === year)) return current.policy;
  const policy = resolvePolicy(year);
  holder[KEY] = { policy, chosen: false };
  return policy;
}

/** The policy chosen in the task pane, or null to go back to the current year's shipped parameters. */
export function setFunctionPolicy(policy: Policy | null): void {
  holder[KEY] = policy ? { policy, chosen: true } : null;
}

// The workbook's date system: a date argument (asOf) arrives as a serial number of the workbook's
// system, 1,462 days lower in a 1904 workbook. In Excel the pane asks the workbook when it starts
// (WorkbookHost.usesDate1904) and recalculates if the answer is 1904; in WPS each call follows
// the workbook its formula is in (src/wps/functionSettings.ts). Until told, the 1900 system,
// every Windows workbook's default.
const DATE_SYSTEM_KEY = Symbol.for("bangfu.functionDate1904");
type DateSystemHolder = { [DATE_SYSTEM_KEY]?: boolean };
const dateSystemHolder = globalThis as DateSystemHolder;

/** Whether the functions read date serials in the 1904 system. */
export function functionDate1904(): boolean {
  return dateSystemHolder[DATE_SYSTEM_KEY] === true;
}

export function setFunctionDate1904(date1904: boolean): void {
  dateSystemHolder[DATE_SYSTEM_KEY] = date1904;
}
