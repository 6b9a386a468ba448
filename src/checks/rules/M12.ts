/** M12 无劳动能力的低收入户未纳入低保或特困供养 */
import { quotePlan } from "../../policy";
import { atHousehold, canWork, cellOf, defineRule, lowIncome } from "./shared";

type Data = { readonly kind: "notCovered" };

export const M12 = defineRule<Data>({
  id: "M12",
  clause: "二（九）18",
  plan: [quotePlan("二（九）18", "及时将符合条件的脱贫户纳入农村低保、特困供养和临时救助范围。")],
  title: "无劳动能力的低收入户未纳入低保或特困供养",
  titleEn: "Low-income household without able members not covered by dibao or tekun support",
  kinds: {
    notCovered: { severity: "warning", summary: "家中无劳动能力成员的低收入户未纳入低保或特困供养" },
  },
  needs: ["labor", ["dibao", "tekun"], "income"],
  explanation:
    "低收入户的成员劳动技能都已填写、且都没有劳动能力（弱劳动力或半劳动力、丧失劳动力、无劳动力），又未享受低保或特困供养的，给出警告，提请民政部门评估。",
  remedy: "对接民政部门评估，符合条件的及时纳入低保或特困供养，并更正台账。",
  message(_data, subject) {
    return `${subject}是低收入户，家中无劳动能力成员，未享受低保或特困供养。按方案二（九）18，请对接民政部门评估，符合条件的及时纳入。`;
  },
  run(context, report) {
    for (const facts of lowIncome(context)) {
      const members = facts.household.members;
      const known = members.filter((p) => p.values.labor !== undefined);
      if (known.length === 0 || known.length < members.length || known.some(canWork)) continue;
      const v = facts.household.values;
      if (v.dibao === true || v.tekun === true) continue;
      report({ kind: "notCovered" }, atHousehold(facts, cellOf(context, facts, context.has("dibao") ? "dibao" : "tekun")));
    }
  },
});
