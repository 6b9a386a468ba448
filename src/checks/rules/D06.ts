/** D06 台账填写的收入分层与人均纯收入不符 */
import { TIER_LABELS } from "../../formulas";
import type { Finding, RuleDefinition } from "../types";
import { quotePlan } from "../../policy";
import { formatYuan } from "../../values";
import { cellOf, finding } from "./shared";

const yuan = formatYuan;

export const D06: RuleDefinition = {
  id: "D06",
  clause: "二（一）",
  plan: [quotePlan("二（一）", "高收入脱贫户：人均纯收入≥1.5万元；中等收入脱贫户：1.1万元≤人均纯收入<1.5万元；低收入脱贫户：人均纯收入<1.1万元。")],
  title: "台账填写的收入分层与人均纯收入不符",
  titleEn: "The income tier written does not match per-capita income",
  severities: ["error"],
  needs: ["tier", "income"],
  explanation:
    "人均纯收入低于{lowIncomeThreshold}为低收入户，不低于{lowIncomeThreshold}且低于{highIncomeThreshold}为中等收入户，不低于{highIncomeThreshold}为高收入户（标准每年可调整）。台账“收入分层”列填写的与按人均纯收入判定的不一致时报告。",
  remedy: "按人均纯收入更正“收入分层”；若人均纯收入有误，先更正收入。",
  run(context) {
    const out: Finding[] = [];
    for (const facts of context.households) {
      const written = facts.household.values.tier;
      if (written === undefined || facts.tier === null || facts.perCapita === null || written === facts.tier) continue;
      out.push(
        finding(this, "error", facts, cellOf(context, facts, "tier"), `${facts.label}：人均纯收入${yuan(facts.perCapita)}应属“${TIER_LABELS[facts.tier]}”，台账填写为“${TIER_LABELS[written]}”。请按方案二（一）标准更正分层。`),
      );
    }
    return out;
  },
};
