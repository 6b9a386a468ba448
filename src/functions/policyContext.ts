import { Policy, resolvePolicy } from "../policy";
import { today } from "../values";

// The policy the custom functions read. The task pane may replace it (a chosen year, a
// policy file); until then the current year's shipped parameters apply. In the shared
// runtime the pane and the functions are separate bundles on one page, each with its own
// copy of this module, so the value lives on the page's global object.
const KEY = Symbol.for("bangfu.functionPolicy");
type PolicyHolder = { [KEY]?: Policy | null };
const holder = globalThis as PolicyHolder;

export function functionPolicy(): Policy {
  const current = holder[KEY];
  if (current) return current;
  const policy = resolvePolicy(today().year);
  holder[KEY] = policy;
  return policy;
}

export function setFunctionPolicy(policy: Policy | null): void {
  holder[KEY] = policy;
}
