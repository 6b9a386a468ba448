import type { RuleCases } from "../cases";

export const M13_CASES: RuleCases<"M13"> = {
  rule: "M13",
  header: ["户编号", "户主姓名", "上年人均纯收入", "人均纯收入（元）"],
  cases: [
    {
      name: "人均纯收入由 9000 元降至 8999 元",
      rows: [["H001", "赵一", 9000, 8999]],
      findings: [
        {
          severity: "error",
          household: "H001",
          cell: "D2",
          data: { kind: "fell", lastYearPerCapita: 9000, perCapita: 8999, growth: (8999 - 9000) / 9000 },
        },
      ],
    },
    {
      name: "增幅 6.99%，低于当地农民 7%",
      rows: [["H001", "赵一", 10000, 10699]],
      findings: [
        {
          severity: "warning",
          household: "H001",
          cell: "D2",
          data: {
            kind: "belowFarmers",
            lastYearPerCapita: 10000,
            perCapita: 10699,
            growth: (10699 - 10000) / 10000,
            farmersIncomeGrowth: 0.07,
          },
        },
      ],
    },
    {
      name: "增幅恰好 7%；上年为 0 或空白（无从比较）：不报",
      rows: [
        ["H001", "赵一", 10000, 10700],
        ["H002", "钱二", 0, 9000],
        ["H003", "孙三", null, 9000],
      ],
      findings: [],
    },
    {
      name: "当地农民增幅确认为 8%：增幅 7% 即低于农民",
      policy: { farmersIncomeGrowth: 0.08 },
      rows: [["H001", "赵一", 10000, 10700]],
      findings: [
        {
          severity: "warning",
          household: "H001",
          cell: "D2",
          data: {
            kind: "belowFarmers",
            lastYearPerCapita: 10000,
            perCapita: 10700,
            growth: (10700 - 10000) / 10000,
            farmersIncomeGrowth: 0.08,
          },
        },
      ],
    },
  ],
};
