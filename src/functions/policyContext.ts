import { Policy, resolvePolicy } from "../policy";
import { today } from "../values";

// The policy the custom functions read. The task pane may replace it (a chosen year,
// a policy file); until then the current year's shipped parameters apply.
let current: Policy | null = null;

export function functionPolicy(): Policy {
  if (current === null) current = resolvePolicy(today().year);
  return current;
}

export function setFunctionPolicy(policy: Policy | null): void {
  current = policy;
}
