import type { RuleCases } from "../cases";

export const D05_CASES: RuleCases<"D05"> = {
  rule: "D05",
  // (15000 + 5000 + 0 + 1000 − 1000) ÷ 2 = 10000 per person.
  header: ["户编号", "户主姓名", "家庭人口数", "工资性收入", "生产经营性收入", "财产性收入", "转移性收入", "生产经营性支出", "人均纯收入（元）"],
  cases: [
    {
      name: "各项算出 10000 元，台账填 10001.01 元：相差超过 1 元",
      rows: [["H001", "赵一", 2, 15000, 5000, 0, 1000, 1000, 10001.01]],
      findings: [{ severity: "error", household: "H001", cell: "I2", data: { kind: "mismatch", recorded: 10001.01, computed: 10000, perCapitaTolerance: 1 } }],
    },
    {
      name: "台账填 10001 元，恰好相差 1 元（四舍五入的余地）：不报",
      rows: [["H001", "赵一", 2, 15000, 5000, 0, 1000, 1000, 10001]],
      findings: [],
    },
    {
      name: "允许误差设为 0.5 元：相差 0.6 元即报告",
      policy: { perCapitaTolerance: 0.5 },
      rows: [["H001", "赵一", 2, 15000, 5000, 0, 1000, 1000, 10000.6]],
      findings: [{ severity: "error", household: "H001", cell: "I2", data: { kind: "mismatch", recorded: 10000.6, computed: 10000, perCapitaTolerance: 0.5 } }],
    },
    {
      name: "没有人均纯收入列：无从核对，跳过",
      header: ["户编号", "户主姓名", "家庭人口数", "工资性收入", "生产经营性收入", "财产性收入", "转移性收入", "生产经营性支出"],
      rows: [["H001", "赵一", 2, 15000, 5000, 0, 1000, 1000]],
      skipped: ["人均纯收入"],
    },
  ],
};
