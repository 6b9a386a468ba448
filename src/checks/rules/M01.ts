/** M01 低收入户未明确增收帮扶责任人 */
import type { RuleDefinition } from "../types";
import { quotePlan } from "../../policy";
import { cellOf, finding, lowIncome } from "./shared";

export const M01: RuleDefinition = {
  id: "M01",
  clause: "二（一）3",
  plan: [quotePlan("二（一）3", "同时每户再明确一名街道级干部作为增收帮扶责任人")],
  title: "低收入户未明确增收帮扶责任人",
  titleEn: "Low-income household without a support cadre",
  severities: ["error"],
  needs: ["supportCadre", "income"],
  explanation:
    "每个低收入户应明确一名街道级干部作为增收帮扶责任人。“增收帮扶责任人”为空的低收入户报告。",
  remedy: "填写该户的增收帮扶责任人。",
  run(context) {
    return lowIncome(context)
      .filter((facts) => !facts.household.values.supportCadre)
      .map((facts) => finding(this, "error", facts, cellOf(context, facts, "supportCadre"), `${facts.label}是低收入户，未填写增收帮扶责任人。按方案二（一）3，每户应明确一名街道级干部作为增收帮扶责任人。`));
  },
};
