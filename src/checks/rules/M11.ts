/** M11 齐鲁富民贷风险补偿用于限额（fuminLoanRiskCompensationLimit）及以上的单户贷款 */
import { quotePlan } from "../../policy";
import { formatYuan as yuan } from "../../values";
import { atHousehold, cellOf, defineRule } from "./shared";

type Data = {
  readonly kind: "loanAboveLimit";
  readonly loan: number;
  readonly recorded: number;
  readonly fuminLoanRiskCompensationLimit: number;
};

export const M11 = defineRule<Data>({
  id: "M11",
  clause: "二（七）14",
  plan: [quotePlan("二（七）14", "可用于“齐鲁富民贷”单户贷款额度10万元以下（不含）出现本金逾期贷款的风险补偿。")],
  title: "齐鲁富民贷风险补偿用于{fuminLoanRiskCompensationLimit}及以上的单户贷款",
  titleEn: "Fumin-loan risk compensation on a loan of {fuminLoanRiskCompensationLimit} or more",
  kinds: {
    loanAboveLimit: { severity: "error", summary: "单户{fuminLoanRiskCompensationLimit}及以上的齐鲁富民贷登记了风险补偿" },
  },
  needs: ["fuminRiskCompensation", "fuminLoanAmount"],
  explanation:
    "齐鲁富民贷风险补偿只用于单户贷款额度{fuminLoanRiskCompensationLimit}以下（不含）的贷款。登记了风险补偿、单户贷款不低于该额度的户报告。",
  remedy: "核对贷款金额和风险补偿，收回不应发放的补偿。",
  message(data, subject) {
    const limit = yuan(data.fuminLoanRiskCompensationLimit);
    return `${subject}：齐鲁富民贷单户贷款${yuan(data.loan)}，不低于${limit}，却登记了风险补偿${yuan(data.recorded)}。方案二（七）14：风险补偿只用于单户贷款${limit}以下（不含）的贷款。`;
  },
  run(context, report) {
    const limit = context.policy.values.fuminLoanRiskCompensationLimit;
    for (const facts of context.households) {
      const recorded = facts.household.values.fuminRiskCompensation ?? 0;
      const loan = facts.household.values.fuminLoanAmount ?? 0;
      if (recorded > 0 && loan >= limit) {
        report(
          { kind: "loanAboveLimit", loan, recorded, fuminLoanRiskCompensationLimit: limit },
          atHousehold(facts, cellOf(context, facts, "fuminRiskCompensation")),
        );
      }
    }
  },
});
