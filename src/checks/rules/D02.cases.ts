import type { RuleCases } from "../cases";

export const D02_CASES: RuleCases<"D02"> = {
  rule: "D02",
  header: ["户编号", "证件号码", "姓名", "与户主关系", "人均纯收入（元）"],
  cases: [
    {
      name: "同一证件号码登记在两户：指向第二次出现的单元格",
      rows: [
        ["H001", "370402196506301018", "赵一", "户主", 9000],
        ["H001", "370402196507011020", "孙二", "配偶", 9000],
        ["H002", "370402196506301018", "赵一", "户主", 12000],
      ],
      findings: [
        {
          severity: "error",
          household: "H002",
          cell: "B4",
          data: { kind: "duplicatePerson", keyColumn: "证件号码", key: "370402196506301018", rows: [2, 4] },
        },
      ],
    },
    {
      name: "同一户的两名成员，证件号码不同：不报",
      rows: [
        ["H001", "370402196506301018", "赵一", "户主", 9000],
        ["H001", "370402196507011020", "孙二", "配偶", 9000],
      ],
      findings: [],
    },
    {
      name: "按户登记的台账中同一户编号登记了两行",
      header: ["户编号", "户主姓名", "家庭人口数", "人均纯收入（元）"],
      rows: [
        ["H001", "赵一", 3, 9000],
        ["H002", "钱二", 2, 12000],
        ["H001", "赵一", 3, 9000],
      ],
      findings: [
        {
          severity: "error",
          household: "H001",
          cell: "A4",
          data: { kind: "duplicateHousehold", keyColumn: "户编号", key: "H001", rows: [2, 4] },
        },
      ],
    },
  ],
};
