import type { RuleCases } from "../cases";

export const M05_CASES: RuleCases<"M05"> = {
  rule: "M05",
  header: ["户编号", "证件号码", "姓名", "与户主关系", "人均纯收入（元）", "公益性岗位月工资", "公益性岗位月工时"],
  cases: [
    {
      name: "月工时 80 小时、小时最低工资 19 元：月补贴 1519.99 元低于 1520 元",
      rows: [["H001", "370402197103011512", "赵一", "户主", 9000, 1519.99, 80]],
      findings: [
        {
          severity: "error",
          household: "H001",
          cell: "F2",
          data: { kind: "belowMinimumWage", recorded: 1519.99, hours: 80, hourlyMinimumWage: 19, minimum: 1520 },
        },
      ],
    },
    {
      name: "月补贴恰好 1520 元；没有填写月工时：不报",
      rows: [
        ["H001", "370402197103011520", "赵一", "户主", 9000, 1520, 80],
        ["H002", "370402197103011539", "钱二", "户主", 9000, 800, null],
      ],
      findings: [],
    },
    {
      name: "当地小时最低工资确认为 21 元：1520 元低于 80 × 21 = 1680 元",
      policy: { hourlyMinimumWage: 21 },
      rows: [["H001", "370402197103011547", "赵一", "户主", 9000, 1520, 80]],
      findings: [
        {
          severity: "error",
          household: "H001",
          cell: "F2",
          data: { kind: "belowMinimumWage", recorded: 1520, hours: 80, hourlyMinimumWage: 21, minimum: 1680 },
        },
      ],
    },
    {
      name: "没有月工时列：跳过",
      header: ["户编号", "证件号码", "姓名", "与户主关系", "人均纯收入（元）", "公益性岗位月工资"],
      rows: [["H001", "370402197103011555", "赵一", "户主", 9000, 500]],
      skipped: ["公益性岗位月工时"],
    },
  ],
};
