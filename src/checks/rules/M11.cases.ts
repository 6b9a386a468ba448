import type { RuleCases } from "../cases";

export const M11_CASES: RuleCases<"M11"> = {
  rule: "M11",
  header: ["户编号", "户主姓名", "人均纯收入（元）", "齐鲁富民贷金额", "富民贷风险补偿"],
  cases: [
    {
      name: "单户贷款 100000 元，登记了风险补偿：只用于 10 万元以下（不含）",
      rows: [["H001", "赵一", 9000, 100000, 1000]],
      findings: [
        {
          severity: "error",
          household: "H001",
          cell: "E2",
          data: { kind: "loanAboveLimit", loan: 100000, recorded: 1000, fuminLoanRiskCompensationLimit: 100000 },
        },
      ],
    },
    {
      name: "单户贷款 99999.99 元有风险补偿；100000 元没有补偿：不报",
      rows: [
        ["H001", "赵一", 9000, 99999.99, 1000],
        ["H002", "钱二", 9000, 100000, 0],
      ],
      findings: [],
    },
    {
      name: "金额列以万元为单位：10（万元）即 100000 元",
      header: ["户编号", "户主姓名", "人均纯收入（元）", "齐鲁富民贷金额（万元）", "富民贷风险补偿"],
      rows: [["H001", "赵一", 9000, 10, 800]],
      findings: [
        {
          severity: "error",
          household: "H001",
          cell: "E2",
          data: { kind: "loanAboveLimit", loan: 100000, recorded: 800, fuminLoanRiskCompensationLimit: 100000 },
        },
      ],
    },
  ],
};
