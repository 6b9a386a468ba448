/**
 * 二（六）12 庭院经济 and 二（七）13–15 金融保险: subsidies within the plan's rate and cap,
 * interest subsidies after repayment, risk compensation under 100000 yuan, insurance for everyone.
 */
import { check, findingsOf, idOfAge, located, onlyFinding, outcomeOf, POLICY, ranFindings, Row, yuanText } from "../support/ledgerFixtures";

const LOW = POLICY.values.lowIncomeThreshold;
const poor = LOW - 0.01;

describe("二（六）12 庭院经济奖补", () => {
  const { courtyardSubsidyRate: rate, courtyardSubsidyCap: cap } = POLICY.values;
  const header: Row = ["户编号", "户主姓名", "人均纯收入", "庭院经济投资额", "庭院经济奖补"];

  test("the plan's rate and cap: 50% of the investment, at most 5000 yuan", () => {
    expect(rate).toBe(0.5);
    expect(cap).toBe(5000);
  });

  describe("M06 庭院经济奖补超标或发给非低收入户", () => {
    const underCap = 8000; // 50% of it is below the cap
    const overCap = 12000; // 50% of it is above the cap

    test("exactly 50% of the investment, and exactly the cap: no finding", () => {
      const report = check([header, ["H001", "赵一", poor, underCap, underCap * rate], ["H002", "孙三", poor, overCap, cap]]);
      expect(ranFindings(report, "M06")).toEqual([]);
    });

    test("one fen above 50%: error at the subsidy cell naming what was recorded and what is due", () => {
      const report = check([header, ["H001", "赵一", poor, underCap, underCap * rate + 0.01]]);
      const f = onlyFinding(report, "M06");
      expect(located(f)).toEqual({
        rule: "M06",
        severity: "error",
        clause: "二（六）12",
        household: "H001",
        cell: { row: 2, column: "E" },
      });
      expect(f.message).toContain(`登记${yuanText(underCap * rate + 0.01)}`);
      expect(f.message).toContain(`应得${yuanText(underCap * rate)}`);
      expect(f.message).toContain(yuanText(underCap));
      expect(f.message).toContain("50%");
    });

    test("one fen above the cap: error naming the cap", () => {
      const report = check([header, ["H001", "赵一", poor, overCap, cap], ["H002", "孙三", poor, overCap, cap + 0.01]]);
      const f = onlyFinding(report, "M06");
      expect(located(f)).toEqual({
        rule: "M06",
        severity: "error",
        clause: "二（六）12",
        household: "H002",
        cell: { row: 3, column: "E" },
      });
      expect(f.message).toContain(`每户最高${yuanText(cap)}`);
      expect(f.message).toContain(`应得${yuanText(cap)}`);
    });

    test("any subsidy to a 中等收入 household is an error, however small", () => {
      const report = check([header, ["H001", "赵一", LOW, 1000, 100], ["H002", "孙三", LOW, 1000, 0], ["H003", "李四", LOW, 1000, ""]]);
      const f = onlyFinding(report, "M06");
      expect(located(f)).toEqual({
        rule: "M06",
        severity: "error",
        clause: "二（六）12",
        household: "H001",
        cell: { row: 2, column: "E" },
      });
      expect(f.message).toContain("中等收入户");
      expect(f.message).toContain(yuanText(100));
      expect(f.message).toContain("只发给低收入");
    });

    test("without 庭院经济投资额 the tier rule still runs: a subsidy to a 高收入 household is an error", () => {
      const report = check([
        ["户编号", "户主姓名", "人均纯收入", "庭院经济奖补"],
        ["H001", "赵一", POLICY.values.highIncomeThreshold, 3000],
        ["H002", "孙三", poor, 3000],
      ]);
      const f = onlyFinding(report, "M06");
      expect(f.household).toBe("H001");
      expect(f.message).toContain("高收入户");
    });

    test("without 庭院经济奖补 M06 is skipped, naming it", () => {
      const report = check([
        ["户编号", "户主姓名", "人均纯收入", "庭院经济投资额"],
        ["H001", "赵一", LOW, 8000],
      ]);
      expect(outcomeOf(report, "M06").status).toBe("skipped");
      expect(outcomeOf(report, "M06").reason).toContain("庭院经济奖补");
      expect(findingsOf(report, "M06")).toEqual([]);
    });
  });
});

describe("二（七）13 小额信贷贴息", () => {
  describe("M10 小额信贷未还清即贴息", () => {
    const header: Row = ["户编号", "户主姓名", "人均纯收入", "小额信贷贴息", "小额信贷是否还清"];

    test("an interest subsidy while the loan is not repaid: error at the subsidy cell with the amount", () => {
      const report = check([header, ["H001", "赵一", 12000, 500, "否"]]);
      const f = onlyFinding(report, "M10");
      expect(located(f)).toEqual({
        rule: "M10",
        severity: "error",
        clause: "二（七）13",
        household: "H001",
        cell: { row: 2, column: "D" },
      });
      expect(f.message).toContain(yuanText(500));
      expect(f.message).toContain("尚未还清");
    });

    test("repaid (是 or 已结清), or no subsidy: no finding", () => {
      const report = check([
        header,
        ["H001", "赵一", 12000, 500, "是"],
        ["H002", "孙三", 12000, 500, "已结清"],
        ["H003", "李四", 12000, 0, "否"],
      ]);
      expect(ranFindings(report, "M10")).toEqual([]);
    });

    test("repayment not recorded (blank): not reported, the status is unknown", () => {
      const report = check([header, ["H001", "赵一", 12000, 500, ""]]);
      expect(ranFindings(report, "M10")).toEqual([]);
    });

    test("without 小额信贷是否还清 M10 is skipped", () => {
      const report = check([
        ["户编号", "户主姓名", "人均纯收入", "小额信贷贴息"],
        ["H001", "赵一", 12000, 500],
      ]);
      expect(outcomeOf(report, "M10").status).toBe("skipped");
      expect(outcomeOf(report, "M10").reason).toContain("小额信贷是否还清");
      expect(findingsOf(report, "M10")).toEqual([]);
    });
  });
});

describe("二（七）14 齐鲁富民贷风险补偿", () => {
  describe("M11 风险补偿用于10万元及以上的单户贷款", () => {
    const header: Row = ["户编号", "户主姓名", "人均纯收入", "齐鲁富民贷金额", "富民贷风险补偿"];

    test("the plan's limit: single loans under 100000 yuan, exclusive", () => {
      expect(POLICY.values.fuminLoanRiskCompensationLimit).toBe(100000);
    });

    test("a loan of 100000 with risk compensation: error at the compensation cell naming the loan", () => {
      const report = check([header, ["H001", "赵一", 12000, 100000, 2000]]);
      const f = onlyFinding(report, "M11");
      expect(located(f)).toEqual({
        rule: "M11",
        severity: "error",
        clause: "二（七）14",
        household: "H001",
        cell: { row: 2, column: "E" },
      });
      expect(f.message).toContain(yuanText(100000));
      expect(f.message).toContain(yuanText(2000));
    });

    test("99999.99 with compensation, or 150000 without: no finding", () => {
      const report = check([header, ["H001", "赵一", 12000, 99999.99, 2000], ["H002", "孙三", 12000, 150000, 0]]);
      expect(ranFindings(report, "M11")).toEqual([]);
    });
  });
});

describe("二（七）15 基本医疗保险全员参保、购买意外伤害保险", () => {
  describe("M09 成员未参加基本医疗保险；户未购买意外伤害保险", () => {
    const header: Row = ["户编号", "证件号码", "姓名", "与户主关系", "人均纯收入", "是否参加城乡居民基本医疗保险", "意外伤害保险"];

    test("a member with 否 for medical insurance: error at that member's cell", () => {
      const report = check([
        header,
        ["H001", idOfAge(50, "111"), "赵一", "户主", 12000, "是", "是"],
        ["H001", idOfAge(48, "222"), "钱二", "配偶", "", "否", ""],
      ]);
      const f = onlyFinding(report, "M09");
      expect(located(f)).toEqual({
        rule: "M09",
        severity: "error",
        clause: "二（七）15",
        household: "H001",
        cell: { row: 3, column: "F" },
      });
      expect(f.message).toContain("钱二");
      expect(f.message).toContain("基本医疗保险");
    });

    test("a household with 否 for accident insurance: warning at the household's accident-insurance cell", () => {
      const report = check([
        header,
        ["H001", idOfAge(50, "111"), "赵一", "户主", 12000, "是", "否"],
        ["H001", idOfAge(48, "222"), "钱二", "配偶", "", "是", ""],
      ]);
      const f = onlyFinding(report, "M09");
      expect(located(f)).toEqual({
        rule: "M09",
        severity: "warning",
        clause: "二（七）15",
        household: "H001",
        cell: { row: 2, column: "G" },
      });
      expect(f.message).toContain("意外伤害");
    });

    test("是 (or √) everywhere, or blanks: no finding", () => {
      const report = check([
        header,
        ["H001", idOfAge(50, "111"), "赵一", "户主", 12000, "是", "√"],
        ["H001", idOfAge(48, "222"), "钱二", "配偶", "", "√", ""],
        ["H002", idOfAge(30, "333"), "孙三", "户主", 12000, "", ""],
      ]);
      expect(ranFindings(report, "M09")).toEqual([]);
    });

    test("either column is enough to run: only 意外伤害保险 present", () => {
      const report = check([
        ["户编号", "户主姓名", "人均纯收入", "意外伤害保险"],
        ["H001", "赵一", 12000, "否"],
      ]);
      expect(ranFindings(report, "M09").map(located)).toEqual([
        { rule: "M09", severity: "warning", clause: "二（七）15", household: "H001", cell: { row: 2, column: "D" } },
      ]);
    });

    test("neither column: skipped, naming both", () => {
      const report = check([
        ["户编号", "户主姓名", "人均纯收入"],
        ["H001", "赵一", 12000],
      ]);
      expect(outcomeOf(report, "M09").status).toBe("skipped");
      expect(outcomeOf(report, "M09").reason).toContain("是否参加城乡居民基本医疗保险");
      expect(outcomeOf(report, "M09").reason).toContain("意外伤害保险");
    });
  });
});
