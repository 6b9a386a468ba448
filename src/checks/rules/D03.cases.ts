import type { RuleCases } from "../cases";

export const D03_CASES: RuleCases<"D03"> = {
  rule: "D03",
  header: ["户编号", "证件号码", "姓名", "与户主关系", "人均纯收入（元）"],
  cases: [
    {
      name: "校验位错误（应为 8，录成 7）",
      rows: [["H001", "370402196506301017", "赵一", "户主", 9000]],
      findings: [
        {
          severity: "error",
          household: "H001",
          cell: "B2",
          data: {
            kind: "invalidIdNumber",
            value: "370402196506301017",
            problem: "身份证号“370402196506301017”校验位错误：最后一位应为“8”，请核对号码是否录错",
          },
        },
      ],
    },
    {
      name: "出生日期不存在（2 月 30 日）",
      rows: [["H001", "370402196502301015", "赵一", "户主", 9000]],
      findings: [
        {
          severity: "error",
          household: "H001",
          cell: "B2",
          data: { kind: "invalidIdNumber", value: "370402196502301015", problem: "身份证号“370402196502301015”中的出生日期19650230不存在" },
        },
      ],
    },
    {
      name: "只有 17 位",
      rows: [["H001", "37040219650630101", "赵一", "户主", 9000]],
      findings: [
        {
          severity: "error",
          household: "H001",
          cell: "B2",
          data: {
            kind: "invalidIdNumber",
            value: "37040219650630101",
            problem: "身份证号“37040219650630101”应为18位（或旧的15位），实际为17位",
          },
        },
      ],
    },
    {
      name: "正确的号码，包括校验位为 X（小写 x 也可以）：不报",
      rows: [
        ["H001", "370402196506301018", "赵一", "户主", 9000],
        ["H001", "37040219800101109x", "孙二", "配偶", 9000],
      ],
      findings: [],
    },
  ],
};
