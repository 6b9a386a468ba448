/**
 * Which households the plan's actions are for. The plan (二（一）) calls 脱贫户 both 脱贫享受政策户
 * and 未消除风险的监测帮扶对象 (monitored households whose risk is not removed): those are tiered,
 * checked against the plan's actions and ranked. Other households a national export lists
 * (一般农户 never monitored, or monitored and their risk removed) are reported apart; a user may
 * include every monitored household on purpose (--include-monitored, the pane's setting).
 * A ledger that says nothing of 户类型 or 监测对象类别 is taken as a ledger of 脱贫户 (hand-kept
 * street ledgers are).
 */
import type { FieldValues } from "../ledger/model";
import { compactText } from "../values";

export interface ScopeOptions {
  /** Count monitored households as the plan's 脱贫户 even when their risk was removed. */
  readonly includeMonitored?: boolean;
}

export type ScopeDecision = { readonly inScope: true } | { readonly inScope: false; readonly reason: string };

const IN: ScopeDecision = { inScope: true };

/** 户类型 / 脱贫属性 / 是否脱贫: a poverty household (脱贫户, 已脱贫（享受政策）, 未脱贫, 返贫, 是), a general one (一般农户, 否), or unknown. */
function typeOf(text: string | undefined): "poverty" | "general" | null {
  if (text === undefined) return null;
  const t = compactText(text);
  if (t === "") return null;
  if (/一般农户|非贫困|^否$|^非脱贫/.test(t)) return "general";
  if (/脱贫|贫困|返贫|^是$/.test(t)) return "poverty";
  return null;
}

/** 监测对象类别: blank, 无 or 否 means not monitored. */
function categoryOf(text: string | undefined): string | null {
  if (text === undefined) return null;
  const t = compactText(text);
  return t === "" || /^(无|否|非监测对象|不是)$/.test(t) ? null : t;
}

export function householdScope(values: FieldValues, options: ScopeOptions = {}): ScopeDecision {
  const type = typeOf(values.householdType);
  const category = categoryOf(values.monitoringCategory);
  if (type === "poverty") return IN;
  // 脱贫不稳定户 is a 脱贫户 by definition, whatever else is written.
  if (category !== null && category.includes("脱贫不稳定")) return IN;
  if (category !== null) {
    if (values.riskRemoved !== true || options.includeMonitored) return IN;
    return { inScope: false, reason: `${type === "general" ? "一般农户，" : ""}${category}，风险已消除` };
  }
  if (type === "general") return { inScope: false, reason: "一般农户，非监测对象" };
  return IN;
}
