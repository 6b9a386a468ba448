/**
 * 二（二）5、二（四）8 就业与公益性岗位: low-income households able to work get jobs or posts,
 * and a post pays at least the local hourly minimum wage.
 */
import { parsePolicyFile, resolvePolicy } from "../../src/policy";
import { check, findingsOf, idOfAge, located, onlyFinding, outcomeOf, POLICY, ranFindings, Row, yuanText } from "../support/ledgerFixtures";

const LOW = POLICY.values.lowIncomeThreshold;

describe("二（二）5、二（四）8 有劳动能力的低收入户优先就业、上公益性岗位", () => {
  describe("M04 低收入户有劳动能力成员，但无就业、公益岗或以工代赈措施", () => {
    const header: Row = ["户编号", "证件号码", "姓名", "与户主关系", "劳动技能", "人均纯收入", "帮扶措施"];
    const poor = LOW - 0.01;

    test("an able member and only an industry measure: warning at the measures cell naming the member", () => {
      const report = check([
        header,
        ["H001", idOfAge(45, "111"), "赵一", "户主", "普通劳动力", poor, "产业帮扶"],
        ["H001", idOfAge(70, "222"), "钱二", "配偶", "丧失劳动力", "", ""],
      ]);
      const f = onlyFinding(report, "M04");
      expect(located(f)).toEqual({
        rule: "M04",
        severity: "warning",
        clause: "二（二）5, 二（四）8",
        household: "H001",
        cell: { row: 2, column: "G" },
      });
      expect(f.message).toContain("赵一");
      expect(f.message).not.toContain("钱二");
      expect(f.message).toContain("公益性岗位");
    });

    test("employment, a public-welfare post or 以工代赈 satisfies the rule", () => {
      const report = check([
        header,
        ["H001", idOfAge(45, "111"), "赵一", "户主", "技能劳动力", poor, "公益性岗位"],
        ["H002", idOfAge(40, "222"), "孙三", "户主", "普通劳动力", poor, "外出务工"],
        ["H003", idOfAge(35, "333"), "李四", "户主", "普通劳动力", poor, "以工代赈"],
      ]);
      expect(ranFindings(report, "M04")).toEqual([]);
    });

    test("nobody able to work, or a 中等收入 household: no finding", () => {
      const report = check([
        header,
        ["H001", idOfAge(75, "111"), "赵一", "户主", "丧失劳动力", poor, "产业帮扶"],
        ["H001", idOfAge(72, "222"), "钱二", "配偶", "无劳动力", "", ""],
        ["H002", idOfAge(40, "333"), "孙三", "户主", "普通劳动力", LOW, "产业帮扶"],
      ]);
      expect(ranFindings(report, "M04")).toEqual([]);
    });

    test("a 就业帮扶 measure column marked √ counts as employment", () => {
      const report = check([
        ["户编号", "证件号码", "姓名", "与户主关系", "劳动技能", "人均纯收入", "产业帮扶", "就业帮扶"],
        ["H001", idOfAge(45, "111"), "赵一", "户主", "普通劳动力", poor, "√", "√"],
        ["H002", idOfAge(40, "222"), "孙三", "户主", "普通劳动力", poor, "√", ""],
      ]);
      const f = onlyFinding(report, "M04");
      expect(located(f)).toEqual({
        rule: "M04",
        severity: "warning",
        clause: "二（二）5, 二（四）8",
        household: "H002",
        cell: { row: 3, column: "G" },
      });
    });

    test("without 劳动技能 M04 is skipped, naming it", () => {
      const report = check([
        ["户编号", "户主姓名", "人均纯收入", "帮扶措施"],
        ["H001", "赵一", poor, "产业帮扶"],
      ]);
      expect(outcomeOf(report, "M04").status).toBe("skipped");
      expect(outcomeOf(report, "M04").reason).toContain("劳动技能");
      expect(findingsOf(report, "M04")).toEqual([]);
    });
  });
});

describe("二（四）8 公益性岗位补贴不低于小时最低工资", () => {
  describe("M05 公益性岗位补贴低于当地小时最低工资标准", () => {
    const wage = POLICY.values.hourlyMinimumWage;
    const hours = 80;
    const minimum = Math.round(wage * hours * 100) / 100;
    const header: Row = ["户编号", "证件号码", "姓名", "与户主关系", "人均纯收入", "公益性岗位月工资", "公益性岗位月工时"];

    test("pay exactly wage × hours: no finding", () => {
      const report = check([header, ["H001", idOfAge(50, "111"), "赵一", "户主", 9000, minimum, hours]]);
      expect(ranFindings(report, "M05")).toEqual([]);
    });

    test("one fen below wage × hours: error at the member's pay cell naming the wage, the hours and the minimum", () => {
      const report = check([
        header,
        ["H001", idOfAge(50, "111"), "赵一", "户主", 9000, minimum, hours],
        ["H002", idOfAge(48, "222"), "孙三", "户主", 16000, "", ""],
        ["H002", idOfAge(46, "333"), "周四", "配偶", "", minimum - 0.01, hours],
      ]);
      const f = onlyFinding(report, "M05");
      expect(located(f)).toEqual({ rule: "M05", severity: "error", clause: "二（四）8", household: "H002", cell: { row: 4, column: "F" } });
      expect(f.message).toContain("周四");
      expect(f.message).toContain(yuanText(minimum - 0.01));
      expect(f.message).toContain(`${yuanText(wage)}×${hours}小时=${yuanText(minimum)}`);
    });

    test("no hours recorded: nothing to compare, no finding", () => {
      const report = check([header, ["H001", idOfAge(50, "111"), "赵一", "户主", 9000, 100, ""]]);
      expect(ranFindings(report, "M05")).toEqual([]);
    });

    test("the wage is a parameter: a policy file raising it turns the same pay into a finding", () => {
      const raised = resolvePolicy(2025, parsePolicyFile({ years: { "2025": { hourlyMinimumWage: wage + 1 } } }, "test.json"));
      const rows = [header, ["H001", idOfAge(50, "111"), "赵一", "户主", 9000, minimum, hours]];
      expect(ranFindings(check(rows), "M05")).toEqual([]);
      expect(ranFindings(check(rows, { policy: raised }), "M05")).toHaveLength(1);
    });

    test("a ledger without 公益性岗位月工资: M05 skipped, the reason names the column, and no M05 finding", () => {
      const report = check([
        ["户编号", "证件号码", "姓名", "与户主关系", "人均纯收入", "公益性岗位月工时"],
        ["H001", idOfAge(50, "111"), "赵一", "户主", 9000, hours],
      ]);
      const outcome = outcomeOf(report, "M05");
      expect(outcome).toMatchObject({ id: "M05", status: "skipped", findings: 0 });
      expect(outcome.reason).toContain("公益性岗位月工资");
      expect(outcome.reason).not.toContain("公益性岗位月工时");
      expect(findingsOf(report, "M05")).toEqual([]);
    });

    test("neither column: the reason names both", () => {
      const report = check([
        ["户编号", "户主姓名", "人均纯收入"],
        ["H001", "赵一", 9000],
      ]);
      expect(outcomeOf(report, "M05").reason).toContain("公益性岗位月工资");
      expect(outcomeOf(report, "M05").reason).toContain("公益性岗位月工时");
    });
  });
});
