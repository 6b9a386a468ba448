import type { RuleCases } from "../cases";

export const D04_CASES: RuleCases<"D04"> = {
  rule: "D04",
  header: ["户编号", "户主姓名", "家庭人口数", "人均纯收入（元）", "最近走访日期"],
  cases: [
    {
      name: "人均纯收入写成“约9000”：不猜测，本次检查不用该值",
      rows: [["H001", "赵一", 3, "约9000", "2025-06-20"]],
      findings: [
        {
          severity: "error",
          household: "H001",
          cell: "D2",
          data: {
            kind: "unreadable",
            column: "人均纯收入（元）",
            field: "perCapitaIncome",
            value: "约9000",
            problem: "无法把“约9000”识别为人均纯收入（应为数字，如 12000、1.2万、12,000.50）",
          },
        },
      ],
    },
    {
      name: "走访日期为不存在的 13 月",
      rows: [["H001", "赵一", 3, 9000, "2025-13-05"]],
      findings: [
        {
          severity: "error",
          household: "H001",
          cell: "E2",
          data: {
            kind: "unreadable",
            column: "最近走访日期",
            field: "lastContactDate",
            value: "2025-13-05",
            problem: "最近走访日期“2025-13-05”不是存在的日期",
          },
        },
      ],
    },
    {
      name: "家庭人口数为 0",
      rows: [["H001", "赵一", 0, 9000, "2025-06-20"]],
      findings: [
        {
          severity: "error",
          household: "H001",
          cell: "C2",
          data: { kind: "unreadable", column: "家庭人口数", field: "householdSize", value: "0", problem: "家庭人口数应大于0：“0”" },
        },
      ],
    },
    {
      name: "有数据但户编号为空：该行按单独一户检查",
      rows: [[null, "赵一", 3, 9000, "2025-06-20"]],
      findings: [
        {
          severity: "error",
          household: "",
          cell: "A2",
          data: {
            kind: "unreadable",
            column: "户编号",
            field: "householdId",
            value: null,
            problem: "第2行有数据，但户编号为空：该行按单独一户检查，请补填户编号",
          },
        },
      ],
    },
    {
      name: "人均纯收入写作大写“玖仟”：读作 9000，提示改写",
      rows: [["H001", "赵一", 3, "玖仟", "2025-06-20"]],
      findings: [
        {
          severity: "info",
          household: "H001",
          cell: "D2",
          data: {
            kind: "readWithNote",
            column: "人均纯收入（元）",
            field: "perCapitaIncome",
            value: "玖仟",
            problem: "人均纯收入“玖仟”是大写数字，按9,000元读取；请改写为阿拉伯数字",
          },
        },
      ],
    },
    {
      name: "劳动技能写作模板自己的笔误“若劳动力或半劳动力”：按“弱劳动力或半劳动力”读取，提示更正",
      header: ["户编号", "户主姓名", "劳动技能", "人均纯收入（元）"],
      rows: [["H001", "赵一", "若劳动力或半劳动力", 9000]],
      findings: [
        {
          severity: "info",
          household: "H001",
          cell: "C2",
          data: {
            kind: "readWithNote",
            column: "劳动技能",
            field: "labor",
            value: "若劳动力或半劳动力",
            problem: "劳动技能“若劳动力或半劳动力”按“弱劳动力或半劳动力”读取（疑为笔误），请更正",
          },
        },
      ],
    },
    {
      name: "导出的空值“null ”和尾随空格：读作空白、去掉空格，不报",
      rows: [
        ["H001", "赵一 ", "3 ", "9000.0 ", "null "],
        ["H002", "钱二", "null", "null ", " "],
      ],
      findings: [],
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
