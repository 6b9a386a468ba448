/** M03 未落实任何增收措施（一户一策） */
import { quotePlan } from "../../policy";
import { atHousehold, defineRule, measureCell } from "./shared";

type Data = { readonly kind: "noMeasure" };

export const M03 = defineRule<Data>({
  id: "M03",
  clause: "二（一）",
  plan: [quotePlan("二（一）", "实行分类管理帮扶，落实一户一策“套餐式”增收措施。")],
  title: "未落实任何增收措施（一户一策）",
  titleEn: "No income-support measure (one plan per household)",
  kinds: {
    noMeasure: { severity: "error", summary: "没有登记任何增收措施" },
  },
  needs: ["measures"],
  explanation: "“一户一策”：每户都应落实增收措施。“帮扶措施”列和产业帮扶、就业帮扶等各措施列都没有内容的户报告。",
  remedy: "按该户情况落实增收措施，并在台账中登记。",
  message(_data, subject) {
    return `${subject}没有登记任何增收帮扶措施。按方案二（一）“一户一策”，请根据该户情况落实并登记措施。`;
  },
  run(context, report) {
    for (const facts of context.households) {
      if (facts.household.measures.length === 0) report({ kind: "noMeasure" }, atHousehold(facts, measureCell(context, facts)));
    }
  },
});
