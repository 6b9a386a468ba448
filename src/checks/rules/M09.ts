/** M09 成员未参加基本医疗保险；户未购买意外伤害保险 */
import { quotePlan } from "../../policy";
import { atHousehold, atMember, cellOf, defineRule } from "./shared";

type Data = { readonly kind: "noMedicalInsurance" } | { readonly kind: "noAccidentInsurance" };

export const M09 = defineRule<Data>({
  id: "M09",
  clause: "二（七）15",
  plan: [
    quotePlan(
      "二（七）15",
      "持续加大脱贫户参加城乡居民基本医疗保险工作力度，为参保困难的脱贫户提供资金支持，确保全员参保。继续为脱贫户购买意外伤害商业补充保险",
    ),
  ],
  title: "成员未参加基本医疗保险；户未购买意外伤害保险",
  titleEn: "Members without basic medical insurance; household without accident insurance",
  kinds: {
    noMedicalInsurance: { severity: "error", summary: "成员未参加城乡居民基本医疗保险" },
    noAccidentInsurance: { severity: "warning", summary: "户未购买意外伤害商业补充保险" },
  },
  needs: [["medicalInsurance", "accidentInsurance"]],
  explanation:
    "成员“是否参加城乡居民基本医疗保险”为否、又未参加城镇职工基本医疗保险的，报告为错误（全员参保；全国系统的核查把两种医保视为二者居其一）；户“意外伤害保险”为否的给出警告。两列有其一即可检查；空白视为不详，不报告。",
  remedy: "为未参保成员办理参保（参保困难的给予资金支持）；为该户购买意外伤害商业补充保险。",
  message(data, subject) {
    return data.kind === "noMedicalInsurance"
      ? `${subject}未参加城乡居民基本医疗保险。方案二（七）15要求脱贫户全员参保，参保困难的给予资金支持。`
      : `${subject}未购买意外伤害商业补充保险。方案二（七）15要求继续为脱贫户购买。`;
  },
  run(context, report) {
    for (const facts of context.households) {
      for (const person of facts.household.members) {
        // Insured as an employee (城镇职工基本医疗保险) is insured: the national checks take the two as either/or.
        if (person.values.medicalInsurance === false && person.values.employeeMedicalInsurance !== true)
          report({ kind: "noMedicalInsurance" }, atMember(context, facts, person, "medicalInsurance"));
      }
      if (facts.household.values.accidentInsurance === false)
        report({ kind: "noAccidentInsurance" }, atHousehold(facts, cellOf(context, facts, "accidentInsurance")));
    }
  },
});
