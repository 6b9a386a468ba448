import type { RuleCases } from "../cases";

export const D01_CASES: RuleCases<"D01"> = {
  rule: "D01",
  header: ["户编号", "户主姓名", "人均纯收入（元）"],
  cases: [
    {
      name: "每户都有户编号和人均纯收入：不报",
      rows: [["H001", "赵一", 9000]],
      findings: [],
    },
    {
      name: "有人均纯收入列，但一户的收入为空：该户无法分层",
      rows: [
        ["H001", "赵一", 9000],
        ["H002", "钱二", null],
      ],
      findings: [{ severity: "error", household: "H002", cell: "C3", data: { kind: "blankIncome" } }],
    },
    {
      name: "一户的人均纯收入写成“九千”无法识别（D04 也报告）：不说成没有收入，而说无法识别、该户无法分层",
      rows: [
        ["H001", "赵一", 9000],
        ["H002", "钱二", "九千"],
      ],
      findings: [
        { severity: "error", household: "H002", cell: "C3", data: { kind: "unreadableIncome", column: "人均纯收入（元）", value: "九千" } },
      ],
    },
    {
      name: "没有人均纯收入列，由家庭纯收入和家庭人口数计算，一户的家庭人口数写成“三口”无法识别：该户无法分层",
      header: ["户编号", "户主姓名", "家庭纯收入", "家庭人口数"],
      rows: [
        ["H001", "赵一", 24000, 3],
        ["H002", "钱二", 24000, "三口"],
      ],
      findings: [
        { severity: "error", household: "H002", cell: "D3", data: { kind: "unreadableIncome", column: "家庭人口数", value: "三口" } },
      ],
    },
    {
      name: "没有户编号列：整表问题，各户暂以户主姓名区分",
      header: ["户主姓名", "村", "人均纯收入"],
      rows: [["赵一", "东村", 9000]],
      findings: [{ severity: "error", household: null, cell: null, data: { kind: "noHouseholdIdColumn", keyColumn: "户主姓名" } }],
    },
    {
      name: "没有人均纯收入，也没有可计算它的各项收入：整表问题",
      header: ["户编号", "户主姓名", "家庭人口数", "增收帮扶责任人"],
      rows: [["H001", "赵一", 3, "钱干部"]],
      findings: [{ severity: "error", household: null, cell: null, data: { kind: "noIncomeColumns" } }],
    },
    {
      name: "没有人均纯收入列，但各项收入、生产经营性支出和家庭人口数齐全：可以计算，不报",
      header: ["户编号", "户主姓名", "家庭人口数", "工资性收入", "生产经营性收入", "财产性收入", "转移性收入", "生产经营性支出"],
      rows: [["H001", "赵一", 2, 15000, 5000, 0, 1000, 1000]],
      findings: [],
    },
    {
      name: "只有家庭纯收入和家庭人口数：也可以计算，不报",
      header: ["户编号", "户主姓名", "家庭纯收入", "家庭人口数"],
      rows: [["H001", "赵一", 24000, 3]],
      findings: [],
    },
  ],
};
