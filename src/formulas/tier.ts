import type { Policy } from "../policy";
import { InputError, quote } from "../values/errors";
import { compactText } from "../values/text";

/** 收入分层, 二（一）. */
export type IncomeTier = "high" | "middle" | "low";

export const TIER_LABELS: Record<IncomeTier, string> = { high: "高收入", middle: "中等收入", low: "低收入" };

export interface TierThresholds {
  /** Per-capita net income below this is low-income. */
  readonly lowIncomeThreshold: number;
  /** Per-capita net income at or above this is high-income. */
  readonly highIncomeThreshold: number;
}

export function tierThresholds(policy: Policy): TierThresholds {
  return { lowIncomeThreshold: policy.values.lowIncomeThreshold, highIncomeThreshold: policy.values.highIncomeThreshold };
}

/**
 * The tier of a household by its per-capita net income (人均纯收入):
 * below the low threshold 低收入, from it up to (not including) the high threshold 中等收入, otherwise 高收入.
 * A negative income (a loss-making year) is low-income.
 */
export function incomeTier(perCapitaNetIncome: number, thresholds: TierThresholds): IncomeTier {
  const { lowIncomeThreshold, highIncomeThreshold } = assertThresholds(thresholds);
  if (perCapitaNetIncome < lowIncomeThreshold) return "low";
  if (perCapitaNetIncome < highIncomeThreshold) return "middle";
  return "high";
}

/** Thresholds must be ordered: low < high. */
export function assertThresholds(thresholds: TierThresholds): TierThresholds {
  const { lowIncomeThreshold, highIncomeThreshold } = thresholds;
  if (!(lowIncomeThreshold < highIncomeThreshold)) {
    throw new InputError(`分层标准有误：低收入标准（${lowIncomeThreshold}）应小于高收入标准（${highIncomeThreshold}）`);
  }
  return thresholds;
}

/** How a tier may be written: one of its stems, then optionally 脱贫, then optionally 户. */
const TIER_STEMS: Record<IncomeTier, readonly string[]> = {
  low: ["低收入", "低"],
  middle: ["中等收入", "中等", "中收入", "中"],
  high: ["高收入", "高"],
};

/** Every spelling of a tier that parseTierLabel reads (compacted): 低收入, 低收入户, 低收入脱贫户, 低 … */
export function tierSpellings(tier: IncomeTier): string[] {
  return TIER_STEMS[tier].flatMap((stem) => ["", "脱贫"].flatMap((middle) => ["", "户"].map((end) => stem + middle + end)));
}

const TIER_BY_SPELLING = new Map<string, IncomeTier>(
  (Object.keys(TIER_STEMS) as IncomeTier[]).flatMap((tier) => tierSpellings(tier).map((word): [string, IncomeTier] => [word, tier])),
);

/** Read a tier written in a ledger or passed to a function: 低收入, 中等收入户, 高收入脱贫户, 低 … */
export function parseTierLabel(text: string): IncomeTier | null {
  return TIER_BY_SPELLING.get(compactText(text)) ?? null;
}

export function requireTierLabel(text: string): IncomeTier {
  const tier = parseTierLabel(text);
  if (tier === null) throw new InputError(`无法识别的收入分层${quote(text)}（应为 低收入、中等收入 或 高收入）`);
  return tier;
}
