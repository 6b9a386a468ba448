/** M04 低收入户有劳动能力成员，但无就业、公益岗或以工代赈措施 */
import { quotePlan } from "../../policy";
import { atHousehold, canWork, defineRule, hasAnyAction, lowIncome, measureCell } from "./shared";

type Data = { readonly kind: "ableWithoutJob"; readonly ableMembers: readonly string[] };

export const M04 = defineRule<Data>({
  id: "M04",
  clause: "二（二）5, 二（四）8",
  plan: [
    quotePlan("二（二）5", "优先安置低收入脱贫户中有劳动能力、有就业意愿的脱贫户，在家门口实现就业、创业。"),
    quotePlan("二（四）8", "规范乡村公益性岗位开发和管理，优先安置低收入脱贫人口就业。"),
  ],
  title: "低收入户有劳动能力成员，但无就业、公益岗或以工代赈措施",
  titleEn: "Low-income household with able members but no employment, public-welfare post or work-relief measure",
  kinds: {
    ableWithoutJob: { severity: "warning", summary: "低收入户有劳动能力成员，但无就业、公益性岗位或以工代赈措施" },
  },
  needs: [["labor", "laborFlag"], "measures", "income"],
  explanation:
    "低收入户中有劳动能力的成员，应优先安置就业或公益性岗位。" +
    "劳动能力按全国防返贫监测信息系统的口径：技能劳动力、" +
    "普通劳动力和弱劳动力或半劳动力都算有劳动力（其规则写作“家中有劳动力（含弱半）”，" +
    "见公开的全国系统数据核查脚本 Gzuwkj/fuping rules/5_12_007.py），丧失劳动力、无劳动力不算；" +
    "没有劳动技能列时用“是否劳动力”。这样的户，措施中没有就业创业、" +
    "以工代赈或公益性岗位类措施（按措施的关键词判断；成员登记的公益性岗位也算）时给出警告。",
  remedy: "对接就业岗位、公益性岗位或以工代赈项目，并登记措施。",
  message(data, subject) {
    return `${subject}是低收入户，有劳动能力的成员（${data.ableMembers.join("、")}）没有就业、公益性岗位或以工代赈措施。方案二（二）5、二（四）8要求优先安置，请对接就业岗位或公益性岗位。`;
  },
  run(context, report) {
    for (const facts of lowIncome(context)) {
      const able = facts.household.members.filter(canWork);
      // 二 就业创业, 三 以工代赈, 四 公益岗位.
      if (able.length === 0 || hasAnyAction(facts.household, ["二", "三", "四"])) continue;
      report(
        { kind: "ableWithoutJob", ableMembers: able.map((p) => p.values.name ?? `第${p.row}行`) },
        atHousehold(facts, measureCell(context, facts)),
      );
    }
  },
});
