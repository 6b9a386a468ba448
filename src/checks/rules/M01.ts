/** M01 低收入户未明确增收帮扶责任人 */
import { quotePlan } from "../../policy";
import { atHousehold, cellOf, defineRule, lowIncome } from "./shared";

type Data = { readonly kind: "noCadre"; readonly perCapita: number; readonly lowIncomeThreshold: number };

export const M01 = defineRule<Data>({
  id: "M01",
  clause: "二（一）3",
  plan: [quotePlan("二（一）3", "同时每户再明确一名街道级干部作为增收帮扶责任人")],
  title: "低收入户未明确增收帮扶责任人",
  titleEn: "Low-income household without a support cadre",
  kinds: {
    noCadre: { severity: "error", summary: "低收入户未填写增收帮扶责任人" },
  },
  needs: ["supportCadre", "income"],
  explanation: "每个低收入户应明确一名街道级干部作为增收帮扶责任人。“增收帮扶责任人”为空的低收入户报告。",
  remedy: "填写该户的增收帮扶责任人。",
  message(_data, subject) {
    return `${subject}是低收入户，未填写增收帮扶责任人。按方案二（一）3，每户应明确一名街道级干部作为增收帮扶责任人。`;
  },
  run(context, report) {
    const { lowIncomeThreshold } = context.policy.values;
    for (const facts of lowIncome(context)) {
      // A household with a tier has an income: the null test only narrows the type.
      if (facts.household.values.supportCadre || facts.perCapita === null) continue;
      report(
        { kind: "noCadre", perCapita: facts.perCapita, lowIncomeThreshold },
        atHousehold(facts, cellOf(context, facts, "supportCadre")),
      );
    }
  },
});
