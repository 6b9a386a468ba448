import type { RuleCases } from "../cases";

export const M09_CASES: RuleCases<"M09"> = {
  rule: "M09",
  header: ["户编号", "证件号码", "姓名", "与户主关系", "是否参加城乡居民基本医疗保险", "意外伤害保险", "人均纯收入（元）"],
  cases: [
    {
      name: "配偶未参加基本医疗保险（错误）；户未购买意外伤害保险（警告）",
      rows: [
        ["H001", "370402197103011918", "赵一", "户主", "是", "否", 9000],
        ["H001", "370402197303011920", "孙二", "配偶", "否", null, 9000],
      ],
      findings: [
        { severity: "warning", household: "H001", cell: "F2", data: { kind: "noAccidentInsurance" } },
        { severity: "error", household: "H001", cell: "E3", data: { kind: "noMedicalInsurance" } },
      ],
    },
    {
      name: "都已参保、已购买；参保情况空白（不详）：不报",
      rows: [
        ["H001", "370402197103011934", "赵一", "户主", "是", "是", 9000],
        ["H002", "370402197103011942", "钱二", "户主", null, null, 9000],
      ],
      findings: [],
    },
    {
      name: "只有医保一列也能检查",
      header: ["户编号", "证件号码", "姓名", "与户主关系", "是否参加城乡居民基本医疗保险", "人均纯收入（元）"],
      rows: [["H001", "370402197103011950", "赵一", "户主", "×", 9000]],
      findings: [{ severity: "error", household: "H001", cell: "E2", data: { kind: "noMedicalInsurance" } }],
    },
    {
      name: "户主参加城镇职工基本医疗保险（城乡居民医保为否）：已参保，不报；配偶两种医保都为否：报",
      header: [
        "户编号",
        "证件号码",
        "姓名",
        "与户主关系",
        "是否参加城乡居民基本医疗保险",
        "是否参加城镇职工基本医疗保险",
        "人均纯收入（元）",
      ],
      rows: [
        ["H001", "370402198005201915", "赵一", "户主", "否", "是", 14400],
        ["H001", "370402198211071920", "孙二", "配偶", "否", "否", 14400],
      ],
      findings: [{ severity: "error", household: "H001", cell: "E3", data: { kind: "noMedicalInsurance" } }],
    },
    {
      name: "旧版人口导出的表头“是否参加新型农村合作医疗（城乡居民基本医疗保险）”",
      header: ["户编号", "证件号码", "姓名", "与户主关系", "是否参加新型农村合作医疗（城乡居民基本医疗保险）", "人均纯收入（元）"],
      rows: [["H001", "370402197807261931", "赵一", "户主", "否", 9000]],
      findings: [{ severity: "error", household: "H001", cell: "E2", data: { kind: "noMedicalInsurance" } }],
    },
  ],
};
