/** M11 齐鲁富民贷风险补偿用于10万元及以上的单户贷款 */
import type { RuleDefinition } from "../types";
import { quotePlan } from "../../policy";
import { formatYuan } from "../../values";
import { cellOf, finding } from "./shared";

const yuan = formatYuan;

export const M11: RuleDefinition = {
  id: "M11",
  clause: "二（七）14",
  plan: [quotePlan("二（七）14", "可用于“齐鲁富民贷”单户贷款额度10万元以下（不含）出现本金逾期贷款的风险补偿。")],
  title: "齐鲁富民贷风险补偿用于10万元及以上的单户贷款",
  titleEn: "Fumin-loan risk compensation on a loan of 100,000 yuan or more",
  severities: ["error"],
  needs: ["fuminRiskCompensation", "fuminLoanAmount"],
  explanation:
    "齐鲁富民贷风险补偿只用于单户贷款额度{fuminLoanRiskCompensationLimit}以下（不含）的贷款。登记了风险补偿、单户贷款不低于该额度的户报告。",
  remedy: "核对贷款金额和风险补偿，收回不应发放的补偿。",
  run(context) {
    const limit = context.policy.values.fuminLoanRiskCompensationLimit;
    return context.households
      .filter((facts) => (facts.household.values.fuminRiskCompensation ?? 0) > 0 && (facts.household.values.fuminLoanAmount ?? 0) >= limit)
      .map((facts) =>
        finding(this, "error", facts, cellOf(context, facts, "fuminRiskCompensation"), `${facts.label}：齐鲁富民贷单户贷款${yuan(facts.household.values.fuminLoanAmount ?? 0)}，不低于${yuan(limit)}，却登记了风险补偿${yuan(facts.household.values.fuminRiskCompensation ?? 0)}。方案二（七）14：风险补偿只用于单户贷款${yuan(limit)}以下（不含）的贷款。`),
      );
  },
};
