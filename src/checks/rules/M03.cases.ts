import type { RuleCases } from "../cases";

export const M03_CASES: RuleCases<"M03"> = {
  rule: "M03",
  header: ["户编号", "户主姓名", "人均纯收入（元）", "帮扶措施"],
  cases: [
    {
      name: "没有登记任何措施",
      rows: [["H001", "赵一", 16000, null]],
      findings: [{ severity: "error", household: "H001", cell: "D2", data: { kind: "noMeasure" } }],
    },
    {
      name: "登记了务工措施：不报",
      rows: [["H001", "赵一", 9000, "务工"]],
      findings: [],
    },
    {
      name: "措施记在产业帮扶、就业帮扶等列：打了“√”的户不报，两列都空的户报告",
      header: ["户编号", "户主姓名", "人均纯收入（元）", "产业帮扶", "就业帮扶"],
      rows: [
        ["H001", "赵一", 9000, null, "√"],
        ["H002", "钱二", 9000, null, null],
      ],
      findings: [{ severity: "error", household: "H002", cell: "D3", data: { kind: "noMeasure" } }],
    },
  ],
};
