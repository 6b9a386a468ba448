/** M10 小额信贷未还清即贴息 */
import { quotePlan } from "../../policy";
import { formatYuan as yuan } from "../../values";
import { atHousehold, cellOf, defineRule, loanRecords, loanRepaid } from "./shared";

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
  needs: ["smallLoanInterestSubsidy", ["smallLoanRepaid", "smallLoanBalance", "smallLoanRepaidAmount", "smallLoanRepaidDate"]],
  explanation:
    "小额信贷贴息应在还清贷款本息后发放。逐笔贷款检查：登记了贴息、但尚未还清的报告。" +
    "是否还清按“小额信贷是否还清”；没有这一列时看“贷款余额”（为0即还清，" +
    "表头注明万元的按万元换算），再看“偿还贷款金额”是否达到贷款金额、是否有“还款时间”。" +
    "小额信贷台账（如金融扶贫小额信贷导出，每行一笔贷款）可用 --with 并入主台账，" +
    "按户主身份证号归户；一户几笔贷款逐笔检查，不算重复登记。",
  remedy: "待贷款本息还清后再给予贴息；若已还清，更正还款情况。",
  message(data, subject) {
    return `${subject}：小额信贷尚未还清，已登记贴息${yuan(data.recorded)}。按方案二（七）13，应在还清贷款本息后再给予贴息。`;
  },
  run(context, report) {
    for (const facts of context.households) {
      for (const loan of loanRecords(facts.household)) {
        const recorded = loan.values.smallLoanInterestSubsidy ?? 0;
        if (recorded <= 0 || loanRepaid(loan) !== false) continue;
        // A loan joined from a side ledger has no cell in this sheet: the household's cell, and the message names the ledger.
        const cell =
          "source" in loan ? facts.anchor : (loan.cells.smallLoanInterestSubsidy ?? cellOf(context, facts, "smallLoanInterestSubsidy"));
        report({ kind: "subsidyBeforeRepaid", recorded }, atHousehold(facts, cell));
      }
    }
  },
});
