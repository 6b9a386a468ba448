/** M10 小额信贷未还清即贴息 */
import { quotePlan } from "../../policy";
import { formatYuan as yuan } from "../../values";
import { atHousehold, cellOf, defineRule } from "./shared";

type Data = { readonly kind: "subsidyBeforeRepaid"; readonly recorded: number };

export const M10 = defineRule<Data>({
  id: "M10",
  clause: "二（七）13",
  plan: [quotePlan("二（七）13", "脱贫户还清小额信贷贷款本息后及时给予贴息。")],
  title: "小额信贷未还清即贴息",
  titleEn: "Small-loan interest subsidy before the loan is repaid",
  kinds: {
    subsidyBeforeRepaid: { severity: "error", summary: "小额信贷未还清即登记贴息" },
  },
  needs: ["smallLoanInterestSubsidy", "smallLoanRepaid"],
  explanation:
    "小额信贷贴息应在还清贷款本息后发放。登记了贴息、但“小额信贷是否还清”为否的户报告。",
  remedy: "待贷款本息还清后再给予贴息；若已还清，更正“小额信贷是否还清”。",
  message(data, subject) {
    return `${subject}：小额信贷尚未还清，已登记贴息${yuan(data.recorded)}。按方案二（七）13，应在还清贷款本息后再给予贴息。`;
  },
  run(context, report) {
    for (const facts of context.households) {
      const recorded = facts.household.values.smallLoanInterestSubsidy ?? 0;
      if (recorded > 0 && facts.household.values.smallLoanRepaid === false) {
        report({ kind: "subsidyBeforeRepaid", recorded }, atHousehold(facts, cellOf(context, facts, "smallLoanInterestSubsidy")));
      }
    }
  },
});
