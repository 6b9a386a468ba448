import { Policy, resolvePolicy } from "../policy";
import { today } from "../values";

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
