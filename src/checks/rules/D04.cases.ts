import type { RuleCases } from "../cases";

export const D04_CASES: RuleCases<"D04"> = {
  rule: "D04",
  header: ["户编号", "户主姓名", "家庭人口数", "人均纯收入（元）", "最近走访日期"],
  cases: [
    {
      name: "人均纯收入写成“约9000”：不猜测，本次检查不用该值",
      rows: [["H001", "赵一", 3, "约9000", "2025-06-20"]],
      findings: [{ severity: "error", household: "H001", cell: "D2", data: { kind: "unreadable", column: "人均纯收入（元）", field: "perCapitaIncome", value: "约9000", problem: "无法把“约9000”识别为人均纯收入（应为数字，如 12000、1.2万、12,000.50）" } }],
    },
    {
      name: "走访日期为不存在的 13 月",
      rows: [["H001", "赵一", 3, 9000, "2025-13-05"]],
      findings: [{ severity: "error", household: "H001", cell: "E2", data: { kind: "unreadable", column: "最近走访日期", field: "lastContactDate", value: "2025-13-05", problem: "最近走访日期“2025-13-05”不是存在的日期" } }],
    },
    {
      name: "家庭人口数为 0",
      rows: [["H001", "赵一", 0, 9000, "2025-06-20"]],
      findings: [{ severity: "error", household: "H001", cell: "C2", data: { kind: "unreadable", column: "家庭人口数", field: "householdSize", value: "0", problem: "家庭人口数应大于0：“0”" } }],
    },
    {
      name: "有数据但户编号为空：该行按单独一户检查",
      rows: [[null, "赵一", 3, 9000, "2025-06-20"]],
      findings: [{ severity: "error", household: "", cell: "A2", data: { kind: "unreadable", column: "户编号", field: "householdId", value: null, problem: "第2行有数据，但户编号为空：该行按单独一户检查，请补填户编号" } }],
    },
    {
      name: "文本数字、千分位、全角数字、“1.2万”、中文日期和斜杠日期都能读：不报",
      rows: [
        ["H001", "赵一", "３", "12,000.50", "2025年5月6日"],
        ["H002", "钱二", "2", "1.2万", "2025/5/6"],
      ],
      findings: [],
    },
  ],
};
