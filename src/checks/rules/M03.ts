/** M03 未落实任何增收措施（一户一策） */
import type { RuleDefinition } from "../types";
import { quotePlan } from "../../policy";
import { finding, measureCell } from "./shared";

export const M03: RuleDefinition = {
  id: "M03",
  clause: "二（一）",
  plan: [quotePlan("二（一）", "实行分类管理帮扶，落实一户一策“套餐式”增收措施。")],
  title: "未落实任何增收措施（一户一策）",
  titleEn: "No income-support measure (one plan per household)",
  severities: ["error"],
  needs: ["measures"],
  explanation:
    "“一户一策”：每户都应落实增收措施。“帮扶措施”列和产业帮扶、就业帮扶等各措施列都没有内容的户报告。",
  remedy: "按该户情况落实增收措施，并在台账中登记。",
  run(context) {
    return context.households
      .filter((facts) => facts.household.measures.length === 0)
      .map((facts) => finding(this, "error", facts, measureCell(context, facts), `${facts.label}没有登记任何增收帮扶措施。按方案二（一）“一户一策”，请根据该户情况落实并登记措施。`));
  },
};
