/** M02 低收入户在走访间隔（visitIntervalMonths）内无走访或联系记录 */
import { quotePlan } from "../../policy";
import { compareDates, formatDate, subtractMonths } from "../../values";
import { atHousehold, cellOf, defineRule, lowIncome } from "./shared";

type Data = {
  readonly kind: "noRecentContact";
  readonly lastContact: string | null;
  readonly since: string;
  readonly asOf: string;
  readonly absentLongTerm: boolean;
  readonly visitIntervalMonths: number;
};

export const M02 = defineRule<Data>({
  id: "M02",
  clause: "二（一）3",
  plan: [quotePlan("二（一）3", "每月至少开展一次入户走访，长期不在家的要通过电话、微信等方式每月联系一次")],
  title: "低收入户近{visitIntervalMonths}内无走访或联系记录",
  titleEn: "Low-income household not visited or contacted in the last {visitIntervalMonths}",
  kinds: {
    noRecentContact: {
      severity: "error",
      summary: "低收入户检查日前{visitIntervalMonths}内无走访或联系记录（长期不在家的电话、微信联系即可）",
    },
  },
  needs: ["lastContactDate", "income"],
  explanation:
    "方案要求低收入户每月至少入户走访一次，长期不在家的每月电话、微信联系一次也可以；" +
    "间隔按参数“低收入户走访（联系）间隔”（{visitIntervalMonths}）计。最近走访（联系）日期早于检查日前{visitIntervalMonths}，或没有填写日期的低收入户报告；" +
    "日期写了但无法识别的（如没有年份），由 D04 报告，本条不当作没有走访。",
  remedy: "入户走访，或电话、微信联系长期不在家的户，并在台账中填写日期。",
  message(data, subject) {
    const when = data.lastContact ? `最近一次是${data.lastContact}` : "台账中没有走访日期";
    const every = everyInterval(data.visitIntervalMonths);
    const how = data.absentLongTerm
      ? `该户长期不在家，${every}通过电话、微信联系一次即可，联系后请填写联系日期。`
      : `请入户走访（长期不在家的可${every}电话、微信联系一次）并填写日期。`;
    return `${subject}是低收入户，${data.since}至${data.asOf}没有走访或联系记录（${when}）。${how}`;
  },
  run(context, report) {
    const months = context.policy.values.visitIntervalMonths;
    const since = subtractMonths(context.asOf, months);
    for (const facts of lowIncome(context)) {
      const last = facts.household.values.lastContactDate;
      if (last && compareDates(last, since) >= 0) continue;
      // A date written so that it cannot be read is D04's finding, not "no visit".
      if (context.unreadable(facts.household.rows, "lastContactDate")) continue;
      const data: Data = {
        kind: "noRecentContact",
        lastContact: last ? formatDate(last) : null,
        since: formatDate(since),
        asOf: formatDate(context.asOf),
        absentLongTerm: facts.household.values.absentLongTerm === true,
        visitIntervalMonths: months,
      };
      report(data, atHousehold(facts, cellOf(context, facts, "lastContactDate")));
    }
  },
});

/** The plan's rhythm as the policy in force sets it: 每月 for one month (the plan's words), 每2个月 for two. */
function everyInterval(months: number): string {
  return months === 1 ? "每月" : `每${months}个月`;
}
