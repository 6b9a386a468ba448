import type { RuleCases } from "../cases";

export const M10_CASES: RuleCases<"M10"> = {
  rule: "M10",
  header: ["户编号", "户主姓名", "人均纯收入（元）", "小额信贷是否还清", "小额信贷贴息"],
  cases: [
    {
      name: "小额信贷未还清，已登记贴息 300 元",
      rows: [["H001", "赵一", 9000, "否", 300]],
      findings: [{ severity: "error", household: "H001", cell: "E2", data: { kind: "subsidyBeforeRepaid", recorded: 300 } }],
    },
    {
      name: "已还清后贴息；未还清、贴息为 0；是否还清空白：不报",
      rows: [
        ["H001", "赵一", 9000, "是", 300],
        ["H002", "钱二", 9000, "否", 0],
        ["H003", "孙三", 9000, null, 300],
      ],
      findings: [],
    },
  ],
};
