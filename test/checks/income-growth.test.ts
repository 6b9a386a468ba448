/**
 * 一 总体目标: per-capita net income of 脱贫人口 grows faster than local farmers' income.
 */
import { check, findingsOf, located, onlyFinding, outcomeOf, POLICY, ranFindings, Row, yuanText } from "../support/ledgerFixtures";

describe("一 脱贫人口收入增幅高于当地农民", () => {
  const growth = POLICY.values.farmersIncomeGrowth;
  const header: Row = ["户编号", "户主姓名", "人均纯收入", "上年人均纯收入"];
  const last = 10000;

  describe("M13 人均纯收入下降或增幅低于当地农民", () => {
    test("income fell by one fen: error at the 人均纯收入 cell with both years' amounts", () => {
      const report = check([header, ["H001", "赵一", last - 0.01, last]]);
      const f = onlyFinding(report, "M13");
      expect(located(f)).toEqual({ rule: "M13", severity: "error", clause: "一", household: "H001", cell: { row: 2, column: "C" } });
      expect(f.message).toContain(`由上年${yuanText(last)}降至${yuanText(last - 0.01)}`);
    });

    test("income grew, but less than the farmers' growth: warning naming both rates", () => {
      const current = Math.round(last * (1 + growth) * 100) / 100 - 0.01;
      const report = check([header, ["H001", "赵一", current, last], ["H002", "孙三", last, last]]);
      const findings = ranFindings(report, "M13");
      expect(findings.map(located)).toEqual([
        { rule: "M13", severity: "warning", clause: "一", household: "H001", cell: { row: 2, column: "C" } },
        { rule: "M13", severity: "warning", clause: "一", household: "H002", cell: { row: 3, column: "C" } },
      ]);
      expect(findings[0].message).toContain(`低于当地农民收入增幅${Number((growth * 100).toFixed(2))}%`);
      expect(findings[1].message).toContain("增幅0%");
    });

    test("income grew more than the farmers' growth: no finding", () => {
      const report = check([header, ["H001", "赵一", Math.round(last * (1 + growth) * 100) / 100 + 100, last]]);
      expect(ranFindings(report, "M13")).toEqual([]);
    });

    test("growth of exactly the shipped 7% is not below it (10000 → 10700)", () => {
      expect(growth).toBe(0.07);
      expect(ranFindings(check([header, ["H001", "赵一", 10700, 10000]]), "M13")).toEqual([]);
    });

    test("no figure for last year: nothing to compare", () => {
      expect(ranFindings(check([header, ["H001", "赵一", 5000, ""]]), "M13")).toEqual([]);
    });

    test("without 上年人均纯收入 M13 is skipped, naming it", () => {
      const report = check([
        ["户编号", "户主姓名", "人均纯收入"],
        ["H001", "赵一", 5000],
      ]);
      expect(outcomeOf(report, "M13").status).toBe("skipped");
      expect(outcomeOf(report, "M13").reason).toContain("上年人均纯收入");
      expect(findingsOf(report, "M13")).toEqual([]);
    });
  });
});
