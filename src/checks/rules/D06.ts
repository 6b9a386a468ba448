/** D06 台账填写的收入分层与人均纯收入不符 */
import { IncomeTier, TIER_LABELS } from "../../formulas";
import { quotePlan } from "../../policy";
import { formatYuan as yuan } from "../../values";
import { atHousehold, cellOf, defineRule } from "./shared";

type Data = {
  readonly kind: "tierMismatch";
  readonly perCapita: number;
  readonly tier: IncomeTier;
  readonly recordedTier: IncomeTier;
  readonly lowIncomeThreshold: number;
  readonly highIncomeThreshold: number;
};

export const D06 = defineRule<Data>({
  id: "D06",
  clause: "二（一）",
  plan: [
    quotePlan(
      "二（一）",
      "高收入脱贫户：人均纯收入≥1.5万元；中等收入脱贫户：1.1万元≤人均纯收入<1.5万元；低收入脱贫户：人均纯收入<1.1万元。",
    ),
  ],
  title: "台账填写的收入分层与人均纯收入不符",
  titleEn: "The income tier written does not match per-capita income",
  kinds: {
    tierMismatch: { severity: "error", summary: "台账填写的收入分层与按人均纯收入判定的不符" },
  },
  needs: ["tier", "income"],
  explanation:
    "人均纯收入低于{lowIncomeThreshold}为低收入户，" +
    "不低于{lowIncomeThreshold}且低于{highIncomeThreshold}为中等收入户，" +
    "不低于{highIncomeThreshold}为高收入户（标准每年可调整）。" +
    "台账“收入分层”列填写的与按人均纯收入判定的不一致时报告。",
  remedy: "按人均纯收入更正“收入分层”；若人均纯收入有误，先更正收入。",
  message(data, subject) {
    return `${subject}：人均纯收入${yuan(data.perCapita)}应属“${TIER_LABELS[data.tier]}”，台账填写为“${TIER_LABELS[data.recordedTier]}”。请按方案二（一）标准更正分层。`;
  },
  run(context, report) {
    const { lowIncomeThreshold, highIncomeThreshold } = context.policy.values;
    for (const facts of context.households) {
      const recordedTier = facts.household.values.tier;
      if (recordedTier === undefined || facts.tier === null || facts.perCapita === null || recordedTier === facts.tier) continue;
      const data: Data = {
        kind: "tierMismatch",
        perCapita: facts.perCapita,
        tier: facts.tier,
        recordedTier,
        lowIncomeThreshold,
        highIncomeThreshold,
      };
      report(data, atHousehold(facts, cellOf(context, facts, "tier")));
    }
  },
});
