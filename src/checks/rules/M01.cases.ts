import type { RuleCases } from "../cases";

export const M01_CASES: RuleCases<"M01"> = {
  rule: "M01",
  header: ["户编号", "户主姓名", "人均纯收入（元）", "增收帮扶责任人"],
  cases: [
    {
      name: "低收入户（10999.99 元）没有增收帮扶责任人",
      rows: [["H001", "赵一", 10999.99, null]],
      findings: [
        { severity: "error", household: "H001", cell: "D2", data: { kind: "noCadre", perCapita: 10999.99, lowIncomeThreshold: 11000 } },
      ],
    },
    {
      name: "低收入户有责任人；11000 元的中等收入户没有责任人：不报",
      rows: [
        ["H001", "赵一", 10999.99, "钱干部"],
        ["H002", "孙三", 11000, null],
      ],
      findings: [],
    },
    {
      name: "责任人一栏写“无”或“/”：等于没有填写，照样报",
      rows: [
        ["H001", "赵一", 9000, "无"],
        ["H002", "钱二", 9000, "/"],
      ],
      findings: [
        { severity: "error", household: "H001", cell: "D2", data: { kind: "noCadre", perCapita: 9000, lowIncomeThreshold: 11000 } },
        { severity: "error", household: "H002", cell: "D3", data: { kind: "noCadre", perCapita: 9000, lowIncomeThreshold: 11000 } },
      ],
    },
    {
      name: "表头上方有两行标题：问题单元格按工作表的行号",
      above: [["2025年脱贫户增收帮扶台账"], ["填报单位：某某街道"]],
      rows: [["H001", "赵一", 8000, ""]],
      findings: [
        { severity: "error", household: "H001", cell: "D4", data: { kind: "noCadre", perCapita: 8000, lowIncomeThreshold: 11000 } },
      ],
    },
    {
      name: "没有增收帮扶责任人列：跳过",
      header: ["户编号", "户主姓名", "人均纯收入（元）"],
      rows: [["H001", "赵一", 8000]],
      skipped: ["增收帮扶责任人"],
    },
  ],
};
