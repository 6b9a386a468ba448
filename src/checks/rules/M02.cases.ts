import type { RuleCases } from "../cases";

export const M02_CASES: RuleCases<"M02"> = {
  rule: "M02",
  header: ["户编号", "户主姓名", "人均纯收入（元）", "最近走访日期", "是否长期外出"],
  cases: [
    {
      name: "6 月 30 日检查，最近走访是 5 月 29 日：一个月内没有走访",
      rows: [["H001", "赵一", 9000, "2025-05-29", "否"]],
      findings: [
        {
          severity: "error",
          household: "H001",
          cell: "D2",
          data: {
            kind: "noRecentContact",
            lastContact: "2025-05-29",
            since: "2025-05-30",
            asOf: "2025-06-30",
            absentLongTerm: false,
            visitIntervalMonths: 1,
          },
        },
      ],
    },
    {
      name: "5 月 30 日走访，恰在一个月内：不报",
      rows: [["H001", "赵一", 9000, "2025-05-30", "否"]],
      findings: [],
    },
    {
      name: "长期外出、没有填写联系日期：每月电话或微信联系一次即可",
      rows: [["H001", "赵一", 9000, null, "是"]],
      findings: [
        {
          severity: "error",
          household: "H001",
          cell: "D2",
          data: {
            kind: "noRecentContact",
            lastContact: null,
            since: "2025-05-30",
            asOf: "2025-06-30",
            absentLongTerm: true,
            visitIntervalMonths: 1,
          },
        },
      ],
    },
    {
      name: "中等收入户（11000 元）没有走访日期：不报",
      rows: [["H001", "赵一", 11000, null, "否"]],
      findings: [],
    },
    {
      name: "走访日期写成“6月1日”（没有年份，D04 报告无法识别）：不当作没有走访，不报；空白的仍报告",
      rows: [
        ["H001", "赵一", 9000, "6月1日", "否"],
        ["H002", "钱二", 9000, null, "否"],
      ],
      findings: [
        {
          severity: "error",
          household: "H002",
          cell: "D3",
          data: {
            kind: "noRecentContact",
            lastContact: null,
            since: "2025-05-30",
            asOf: "2025-06-30",
            absentLongTerm: false,
            visitIntervalMonths: 1,
          },
        },
      ],
    },
    {
      name: "3 月 31 日检查：一个月前是 2 月 28 日，2 月 27 日走访的报告，2 月 28 日的不报",
      asOf: "2025-03-31",
      rows: [
        ["H001", "赵一", 9000, "2025-02-27", "否"],
        ["H002", "钱二", 9000, "2025-02-28", "否"],
      ],
      findings: [
        {
          severity: "error",
          household: "H001",
          cell: "D2",
          data: {
            kind: "noRecentContact",
            lastContact: "2025-02-27",
            since: "2025-02-28",
            asOf: "2025-03-31",
            absentLongTerm: false,
            visitIntervalMonths: 1,
          },
        },
      ],
    },
  ],
};
