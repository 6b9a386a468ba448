import type { RuleCases } from "../cases";

const POLICY = { courtyardSubsidyRate: 0.5, courtyardSubsidyCap: 5000 } as const;

export const M06_CASES: RuleCases<"M06"> = {
  rule: "M06",
  header: ["户编号", "户主姓名", "人均纯收入（元）", "庭院经济投资额", "庭院经济奖补"],
  cases: [
    {
      name: "低收入户投资 4000 元，奖补 2000.01 元：超过 50%",
      rows: [["H001", "赵一", 9000, 4000, 2000.01]],
      findings: [
        {
          severity: "error",
          household: "H001",
          cell: "E2",
          data: { kind: "aboveAllowed", recorded: 2000.01, allowed: 2000, investment: 4000, ...POLICY },
        },
      ],
    },
    {
      name: "投资 4000 元奖补 2000 元；投资 12000 元奖补 5000 元：不报",
      rows: [
        ["H001", "赵一", 9000, 4000, 2000],
        ["H002", "钱二", 9000, 12000, 5000],
      ],
      findings: [],
    },
    {
      name: "投资 12000 元，奖补 6000 元：每户最高 5000 元",
      rows: [["H001", "赵一", 9000, 12000, 6000]],
      findings: [
        {
          severity: "error",
          household: "H001",
          cell: "E2",
          data: { kind: "aboveAllowed", recorded: 6000, allowed: 5000, investment: 12000, ...POLICY },
        },
      ],
    },
    {
      name: "中等收入户（11000 元）登记了奖补 1000 元：只发给低收入户",
      rows: [["H001", "赵一", 11000, 2000, 1000]],
      findings: [{ severity: "error", household: "H001", cell: "E2", data: { kind: "notLowIncome", tier: "middle", recorded: 1000 } }],
    },
    {
      name: "中等收入户奖补为 0；低收入户没有填写投资额（无从核对）：不报",
      rows: [
        ["H001", "赵一", 11000, 2000, 0],
        ["H002", "钱二", 9000, null, 3000],
      ],
      findings: [],
    },
  ],
};
