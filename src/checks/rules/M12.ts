/** M12 无劳动能力的低收入户未纳入低保或特困供养 */
import { quotePlan } from "../../policy";
import { isNoMarker } from "../../ledger/values";
import type { FieldValues } from "../../ledger/model";
import { atHousehold, canWork, cellOf, defineRule, laborOf, lowIncome } from "./shared";

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
  needs: [["labor", "laborFlag"], ["dibao", "tekun", "securityType"], "income"],
  explanation:
    "低收入户的成员劳动技能都已填写、且都没有劳动能力，又未享受低保或特困供养的，给出警告，" +
    "提请民政部门评估。“没有劳动能力”按全国防返贫监测信息系统的口径：" +
    "家中成员都是“丧失劳动力”或“无劳动力”才算整户无劳动力，" +
    "“弱劳动力或半劳动力”仍是劳动力（见公开的全国系统数据核查脚本 Gzuwkj/fuping " +
    "rules/5_19_003.py、5_12_007.py）。" +
    "是否享受按“享受低保政策情况”“享受特困供养政策情况”（任一成员享受即算全户享受；" +
    "“未享受”“不享受”为否），或“兜底保障类型”（低保金、五保金为享受）。",
  remedy: "对接民政部门评估，符合条件的及时纳入低保或特困供养，并更正台账。",
  message(_data, subject) {
    return `${subject}是低收入户，家中无劳动能力成员，未享受低保或特困供养。按方案二（九）18，请对接民政部门评估，符合条件的及时纳入。`;
  },
  run(context, report) {
    for (const facts of lowIncome(context)) {
      const members = facts.household.members;
      const known = members.filter((p) => laborOf(p) !== undefined);
      if (known.length === 0 || known.length < members.length || known.some(canWork)) continue;
      if (covered(facts.household.values)) continue;
      report(
        { kind: "notCovered" },
        atHousehold(facts, cellOf(context, facts, context.has("dibao") ? "dibao" : context.has("tekun") ? "tekun" : "securityType")),
      );
    }
  },
});

/** 低保 or 特困供养 enjoyed: the coverage columns, or a 兜底保障类型 naming 低保 or 五保 / 特困. */
function covered(v: FieldValues): boolean {
  if (v.dibao === true || v.tekun === true) return true;
  const type = v.securityType;
  return type !== undefined && !isNoMarker(type) && /低保|五保|特困|供养/.test(type);
}
