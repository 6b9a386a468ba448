import type { RuleCases } from "../cases";

export const D06_CASES: RuleCases<"D06"> = {
  rule: "D06",
  header: ["户编号", "户主姓名", "人均纯收入（元）", "收入分层"],
  cases: [
    {
      name: "10999.99 元填为中等收入：应属低收入",
      rows: [["H001", "赵一", 10999.99, "中等收入"]],
      findings: [
        {
          severity: "error",
          household: "H001",
          cell: "D2",
          data: {
            kind: "tierMismatch",
            perCapita: 10999.99,
            tier: "low",
            recordedTier: "middle",
            lowIncomeThreshold: 11000,
            highIncomeThreshold: 15000,
          },
        },
      ],
    },
    {
      name: "11000 元填为低收入、14999.99 元填为高收入：都应属中等收入",
      rows: [
        ["H001", "赵一", 11000, "低收入"],
        ["H002", "钱二", 14999.99, "高收入"],
      ],
      findings: [
        {
          severity: "error",
          household: "H001",
          cell: "D2",
          data: {
            kind: "tierMismatch",
            perCapita: 11000,
            tier: "middle",
            recordedTier: "low",
            lowIncomeThreshold: 11000,
            highIncomeThreshold: 15000,
          },
        },
        {
          severity: "error",
          household: "H002",
          cell: "D3",
          data: {
            kind: "tierMismatch",
            perCapita: 14999.99,
            tier: "middle",
            recordedTier: "high",
            lowIncomeThreshold: 11000,
            highIncomeThreshold: 15000,
          },
        },
      ],
    },
    {
      name: "11000 元中等收入、10999.99 元低收入、15000 元“高收入户”：都对，不报",
      rows: [
        ["H001", "赵一", 11000, "中等收入"],
        ["H002", "钱二", 10999.99, "低收入"],
        ["H003", "孙三", 15000, "高收入户"],
      ],
      findings: [],
    },
    {
      name: "低收入标准调到 12000 元：11000 元填为中等收入即不符",
      policy: { lowIncomeThreshold: 12000 },
      rows: [["H001", "赵一", 11000, "中等收入"]],
      findings: [
        {
          severity: "error",
          household: "H001",
          cell: "D2",
          data: {
            kind: "tierMismatch",
            perCapita: 11000,
            tier: "low",
            recordedTier: "middle",
            lowIncomeThreshold: 12000,
            highIncomeThreshold: 15000,
          },
        },
      ],
    },
  ],
};
