/** M10 小额信贷未还清即贴息 */
import type { RuleDefinition } from "../types";
import { quotePlan } from "../../policy";
import { formatYuan } from "../../values";
import { cellOf, finding } from "./shared";

const yuan = formatYuan;

export const M10: RuleDefinition = {
  id: "M10",
  clause: "二（七）13",
  plan: [quotePlan("二（七）13", "脱贫户还清小额信贷贷款本息后及时给予贴息。")],
  title: "小额信贷未还清即贴息",
  titleEn: "Small-loan interest subsidy before the loan is repaid",
  severities: ["error"],
  needs: ["smallLoanInterestSubsidy", "smallLoanRepaid"],
  explanation:
    "小额信贷贴息应在还清贷款本息后发放。登记了贴息、但“小额信贷是否还清”为否的户报告。",
  remedy: "待贷款本息还清后再给予贴息；若已还清，更正“小额信贷是否还清”。",
  run(context) {
    return context.households
      .filter((facts) => (facts.household.values.smallLoanInterestSubsidy ?? 0) > 0 && facts.household.values.smallLoanRepaid === false)
      .map((facts) =>
        finding(this, "error", facts, cellOf(context, facts, "smallLoanInterestSubsidy"), `${facts.label}：小额信贷尚未还清，已登记贴息${yuan(facts.household.values.smallLoanInterestSubsidy ?? 0)}。按方案二（七）13，应在还清贷款本息后再给予贴息。`),
      );
  },
};
