/** M02 低收入户近一个月内无走访或联系记录 */
import type { Finding, RuleDefinition } from "../types";
import { quotePlan } from "../../policy";
import { compareDates, formatDate, subtractMonths } from "../../values";
import { cellOf, finding, lowIncome } from "./shared";

export const M02: RuleDefinition = {
  id: "M02",
  clause: "二（一）3",
  plan: [quotePlan("二（一）3", "每月至少开展一次入户走访，长期不在家的要通过电话、微信等方式每月联系一次")],
  title: "低收入户近一个月内无走访或联系记录",
  titleEn: "Low-income household not visited or contacted in the last month",
  severities: ["error"],
  needs: ["lastContactDate", "income"],
  explanation:
    "低收入户每月至少入户走访一次；长期不在家的，每月电话、微信联系一次也可以。最近走访（联系）日期早于检查日前{visitIntervalMonths}，或没有填写日期的低收入户报告。",
  remedy: "入户走访，或电话、微信联系长期不在家的户，并在台账中填写日期。",
  run(context) {
    const months = context.policy.values.visitIntervalMonths;
    const since = subtractMonths(context.asOf, months);
    const out: Finding[] = [];
    for (const facts of lowIncome(context)) {
      const last = facts.household.values.lastContactDate;
      if (last && compareDates(last, since) >= 0) continue;
      const away = facts.household.values.absentLongTerm === true;
      const when = last ? `最近一次是${formatDate(last)}` : "台账中没有走访日期";
      const how = away ? "该户长期不在家，每月通过电话、微信联系一次即可，联系后请填写联系日期。" : "请入户走访（长期不在家的可每月电话、微信联系一次）并填写日期。";
      out.push(finding(this, "error", facts, cellOf(context, facts, "lastContactDate"), `${facts.label}是低收入户，${formatDate(since)}至${formatDate(context.asOf)}没有走访或联系记录（${when}）。${how}`));
    }
    return out;
  },
};
