/**
 * 二（一） 收入监测帮扶: the three tiers, the responsible cadre, the monthly visit, 一户一策.
 */
import { parsePolicyFile, resolvePolicy } from "../../src/policy";
import { check, findingsOf, located, onlyFinding, outcomeOf, POLICY, ranFindings, Row, yuanText } from "../support/ledgerFixtures";

const LOW = POLICY.values.lowIncomeThreshold;
const HIGH = POLICY.values.highIncomeThreshold;

describe("二（一） 收入分层", () => {
  test("the plan's thresholds for 2025: low below 11000, high from 15000", () => {
    expect(LOW).toBe(11000);
    expect(HIGH).toBe(15000);
  });

  describe("D06 台账填写的收入分层与人均纯收入不符", () => {
    const header: Row = ["户编号", "户主姓名", "人均纯收入", "收入分层"];

    test("10999.99 written 中等收入: error at the 收入分层 cell, saying it is 低收入", () => {
      const report = check([header, ["H001", "赵一", LOW - 0.01, "中等收入"]]);
      const f = onlyFinding(report, "D06");
      expect(located(f)).toEqual({ rule: "D06", severity: "error", clause: "二（一）", household: "H001", cell: { row: 2, column: "D" } });
      expect(f.message).toContain(yuanText(10999.99));
      expect(f.message).toContain("应属“低收入”");
      expect(f.message).toContain("填写为“中等收入”");
    });

    test("11000 written 中等收入 and 10999.99 written 低收入: no finding", () => {
      const report = check([
        header,
        ["H001", "赵一", LOW, "中等收入"],
        ["H002", "孙三", LOW - 0.01, "低收入"],
        ["H003", "李四", HIGH, "高收入户"],
      ]);
      expect(ranFindings(report, "D06")).toEqual([]);
    });

    test("11000 written 低收入 and 14999.99 written 高收入: an error for each", () => {
      const report = check([header, ["H001", "赵一", LOW, "低收入"], ["H002", "孙三", HIGH - 0.01, "高收入"]]);
      const findings = ranFindings(report, "D06");
      expect(findings.map(located)).toEqual([
        { rule: "D06", severity: "error", clause: "二（一）", household: "H001", cell: { row: 2, column: "D" } },
        { rule: "D06", severity: "error", clause: "二（一）", household: "H002", cell: { row: 3, column: "D" } },
      ]);
      expect(findings[0].message).toContain("应属“中等收入”");
      expect(findings[1].message).toContain(yuanText(14999.99));
    });

    test("thresholds are parameters: raising the low threshold to 12000 makes 11000 低收入", () => {
      const raised = resolvePolicy(2025, parsePolicyFile({ years: { "2025": { lowIncomeThreshold: 12000 } } }, "test.json"));
      const rows = [header, ["H001", "赵一", 11000, "中等收入"]];
      expect(ranFindings(check(rows), "D06")).toEqual([]);
      const f = onlyFinding(check(rows, { policy: raised }), "D06");
      expect(f.message).toContain("应属“低收入”");
    });
  });
});

describe("二（一）3 增收帮扶责任人", () => {
  describe("M01 低收入户未明确增收帮扶责任人", () => {
    const header: Row = ["户编号", "户主姓名", "人均纯收入", "增收帮扶责任人"];

    test("low-income household with no cadre: error at the blank 增收帮扶责任人 cell", () => {
      const report = check([["2025年脱贫户增收帮扶台账"], ["填报单位：某某街道"], header, ["H001", "赵一", LOW - 0.01, ""]]);
      const f = onlyFinding(report, "M01");
      expect(located(f)).toEqual({ rule: "M01", severity: "error", clause: "二（一）3", household: "H001", cell: { row: 4, column: "D" } });
      expect(f.message).toContain("户编号 H001（户主 赵一）");
      expect(f.message).toContain("增收帮扶责任人");
      expect(f.message).toContain("低收入户");
    });

    test("low-income with a cadre, or 中等收入 (11000) without one: no finding", () => {
      const report = check([header, ["H001", "赵一", LOW - 0.01, "钱干部"], ["H002", "孙三", LOW, ""]]);
      expect(ranFindings(report, "M01")).toEqual([]);
    });

    test("without the 增收帮扶责任人 column M01 is skipped, naming it", () => {
      const report = check([
        ["户编号", "户主姓名", "人均纯收入"],
        ["H001", "赵一", 5000],
      ]);
      expect(outcomeOf(report, "M01").status).toBe("skipped");
      expect(outcomeOf(report, "M01").reason).toContain("增收帮扶责任人");
      expect(findingsOf(report, "M01")).toEqual([]);
    });
  });

  describe("M02 低收入户近一个月内无走访或联系记录", () => {
    const asOf = { year: 2025, month: 6, day: 15 };
    const header: Row = ["户编号", "户主姓名", "人均纯收入", "最近走访日期", "是否长期外出"];

    test("the plan's interval is one month", () => {
      expect(POLICY.values.visitIntervalMonths).toBe(1);
    });

    test("contact exactly one month before the check date (2025-05-15 for 2025-06-15): no finding", () => {
      const report = check([header, ["H001", "赵一", LOW - 0.01, "2025-05-15", "否"]], { asOf });
      expect(ranFindings(report, "M02")).toEqual([]);
    });

    test("one day earlier (2025-05-14): error at the date cell naming the last contact and the period", () => {
      const report = check([header, ["H001", "赵一", LOW - 0.01, "2025-05-15", "否"], ["H002", "孙三", LOW - 0.01, "2025-05-14", "否"]], {
        asOf,
      });
      const f = onlyFinding(report, "M02");
      expect(located(f)).toEqual({ rule: "M02", severity: "error", clause: "二（一）3", household: "H002", cell: { row: 3, column: "D" } });
      expect(f.message).toContain("最近一次是2025-05-14");
      expect(f.message).toContain("2025-05-15至2025-06-15");
      expect(f.message).toContain("请入户走访");
    });

    test("a household long away from home: the message says a phone call or WeChat each month is enough", () => {
      const report = check([header, ["H001", "赵一", LOW - 0.01, "", "是"]], { asOf });
      const f = onlyFinding(report, "M02");
      expect(f.cell).toEqual({ row: 2, column: "D" });
      expect(f.message).toContain("台账中没有走访日期");
      expect(f.message).toContain("长期不在家，每月通过电话、微信联系一次即可");
      expect(f.message).not.toContain("请入户走访");
    });

    test("a local interval of two months: the messages say 每2个月, not 每月", () => {
      const twoMonths = resolvePolicy(2025, parsePolicyFile({ years: { "2025": { visitIntervalMonths: 2 } } }, "本地.json"));
      const rows = [header, ["H001", "赵一", LOW - 0.01, "", "是"], ["H002", "孙三", LOW - 0.01, "", "否"]];
      const [away, home] = findingsOf(check(rows, { asOf, policy: twoMonths }), "M02");
      expect(away.message).toContain("长期不在家，每2个月通过电话、微信联系一次即可");
      expect(home.message).toContain("长期不在家的可每2个月电话、微信联系一次");
      expect(`${away.message}${home.message}`).not.toContain("每月");
    });

    test("a 中等收入 household is not held to the monthly visit", () => {
      const report = check([header, ["H001", "赵一", LOW, "2024-01-01", "否"]], { asOf });
      expect(ranFindings(report, "M02")).toEqual([]);
    });

    test("the check date decides: the same contact is fine on 2025-06-14", () => {
      const rows = [header, ["H001", "赵一", LOW - 0.01, "2025-05-14", "否"]];
      expect(ranFindings(check(rows, { asOf: { year: 2025, month: 6, day: 14 } }), "M02")).toEqual([]);
      expect(ranFindings(check(rows, { asOf }), "M02")).toHaveLength(1);
    });

    test("month ends clamp: for 2025-03-31 the month starts 2025-02-28", () => {
      const march31 = { year: 2025, month: 3, day: 31 };
      const report = check([header, ["H001", "赵一", 5000, "2025-02-28", ""], ["H002", "孙三", 5000, "2025-02-27", ""]], { asOf: march31 });
      expect(ranFindings(report, "M02").map((f) => f.household)).toEqual(["H002"]);
    });

    test("without the date column M02 is skipped, naming 最近走访日期", () => {
      const report = check(
        [
          ["户编号", "户主姓名", "人均纯收入"],
          ["H001", "赵一", 5000],
        ],
        { asOf },
      );
      expect(outcomeOf(report, "M02").status).toBe("skipped");
      expect(outcomeOf(report, "M02").reason).toContain("最近走访日期");
      expect(findingsOf(report, "M02")).toEqual([]);
    });
  });
});

describe("二（一） 一户一策", () => {
  describe("M03 未落实任何增收措施", () => {
    test("blank or 无 in 帮扶措施: error at that cell; a household with measures is fine", () => {
      const report = check([
        ["户编号", "户主姓名", "人均纯收入", "帮扶措施"],
        ["H001", "赵一", 12000, ""],
        ["H002", "孙三", 16000, "无"],
        ["H003", "李四", 9000, "产业帮扶、公益性岗位"],
      ]);
      const findings = ranFindings(report, "M03");
      expect(findings.map(located)).toEqual([
        { rule: "M03", severity: "error", clause: "二（一）", household: "H001", cell: { row: 2, column: "D" } },
        { rule: "M03", severity: "error", clause: "二（一）", household: "H002", cell: { row: 3, column: "D" } },
      ]);
      expect(findings[0].message).toContain("户编号 H001");
      expect(findings[0].message).toContain("一户一策");
    });

    test("measure-kind columns count: √ applied, 否 or blank not", () => {
      const report = check([
        ["户编号", "户主姓名", "人均纯收入", "产业帮扶", "就业帮扶"],
        ["H001", "赵一", 12000, "否", ""],
        ["H002", "孙三", 12000, "", "√"],
      ]);
      const f = onlyFinding(report, "M03");
      expect(located(f)).toEqual({ rule: "M03", severity: "error", clause: "二（一）", household: "H001", cell: { row: 2, column: "D" } });
    });

    test("no measures column at all: M03 is skipped, naming 帮扶措施", () => {
      const report = check([
        ["户编号", "户主姓名", "人均纯收入"],
        ["H001", "赵一", 12000],
      ]);
      expect(outcomeOf(report, "M03").status).toBe("skipped");
      expect(outcomeOf(report, "M03").reason).toContain("帮扶措施");
      expect(findingsOf(report, "M03")).toEqual([]);
    });
  });
});
