/**
 * 二（九）18 兜底保障, 二（十）20 孝善养老, 二（十）21 居民养老保险.
 */
import {
  birthForAge,
  check,
  findingsOf,
  idOfAge,
  located,
  onlyFinding,
  outcomeOf,
  POLICY,
  ranFindings,
  residentId,
  Row,
  yuanText,
} from "../support/ledgerFixtures";

const LOW = POLICY.values.lowIncomeThreshold;
const poor = LOW - 0.01;

describe("二（九）18 无劳动能力的低收入户纳入低保、特困供养", () => {
  describe("M12 无劳动能力的低收入户未纳入低保或特困供养", () => {
    const header: Row = ["户编号", "证件号码", "姓名", "与户主关系", "劳动技能", "人均纯收入", "享受低保政策情况", "享受特困供养政策情况"];

    test("every member 丧失劳动力/无劳动力, neither 低保 nor 特困: warning at the 低保 cell", () => {
      const report = check([
        header,
        ["H001", idOfAge(78, "111"), "赵一", "户主", "丧失劳动力", poor, "否", "否"],
        ["H001", idOfAge(76, "222"), "钱二", "配偶", "无劳动力", "", "", ""],
      ]);
      const f = onlyFinding(report, "M12");
      expect(located(f)).toEqual({
        rule: "M12",
        severity: "warning",
        clause: "二（九）18",
        household: "H001",
        cell: { row: 2, column: "G" },
      });
      expect(f.message).toContain("户编号 H001");
      expect(f.message).toContain("低保");
      expect(f.message).toContain("特困");
    });

    test("one member able to work, or already in 低保 (农村低保) or 特困: no finding", () => {
      const report = check([
        header,
        ["H001", idOfAge(78, "111"), "赵一", "户主", "丧失劳动力", poor, "否", "否"],
        ["H001", idOfAge(45, "222"), "赵二", "之子", "普通劳动力", "", "", ""],
        ["H002", idOfAge(80, "333"), "孙三", "户主", "无劳动力", poor, "农村低保", ""],
        ["H003", idOfAge(82, "444"), "李四", "户主", "丧失劳动力", poor, "否", "是"],
      ]);
      expect(ranFindings(report, "M12")).toEqual([]);
    });

    test("a 中等收入 household, or a member whose labour ability is not recorded: no finding", () => {
      const report = check([
        header,
        ["H001", idOfAge(78, "111"), "赵一", "户主", "丧失劳动力", LOW, "否", "否"],
        ["H002", idOfAge(80, "333"), "孙三", "户主", "丧失劳动力", poor, "否", "否"],
        ["H002", idOfAge(50, "444"), "孙四", "之子", "", "", "", ""],
      ]);
      expect(ranFindings(report, "M12")).toEqual([]);
    });

    test("only the 特困 column: it runs and points there", () => {
      const report = check([
        ["户编号", "户主姓名", "劳动技能", "人均纯收入", "特困供养"],
        ["H001", "赵一", "丧失劳动力", poor, "否"],
      ]);
      expect(ranFindings(report, "M12").map(located)).toEqual([
        { rule: "M12", severity: "warning", clause: "二（九）18", household: "H001", cell: { row: 2, column: "E" } },
      ]);
    });

    test("neither 低保 nor 特困 column: skipped, naming both", () => {
      const report = check([
        ["户编号", "户主姓名", "劳动技能", "人均纯收入"],
        ["H001", "赵一", "丧失劳动力", poor],
      ]);
      const outcome = outcomeOf(report, "M12");
      expect(outcome.status).toBe("skipped");
      expect(outcome.reason).toContain("享受低保政策情况");
      expect(outcome.reason).toContain("享受特困供养政策情况");
      expect(findingsOf(report, "M12")).toEqual([]);
    });
  });
});

describe("二（十）20 孝善养老", () => {
  const { filialMinAge, filialMinAgeSevereDisability, filialRewardRateCap: rate, filialMonthlyContribution: monthly } = POLICY.values;
  const yearBase = monthly * 12;
  const maxReward = (paid: number) => Math.round(rate * Math.min(paid, yearBase) * 100) / 100;
  const header: Row = ["户编号", "证件号码", "姓名", "与户主关系", "年龄", "残疾等级", "孝善养老缴纳金额", "孝善养老奖补", "人均纯收入"];
  const elder = (key: string, seq: string, name: string, age: number, grade: unknown, paid: unknown, reward: unknown): Row => [
    key,
    idOfAge(age, seq),
    name,
    "户主",
    age,
    grade,
    paid,
    reward,
    12000,
  ];

  test("the plan's numbers: 60 (55 for grade 1–2), 300 yuan a month, at most 30%", () => {
    expect([filialMinAge, filialMinAgeSevereDisability, POLICY.values.filialSevereDisabilityMaxGrade, monthly, rate]).toEqual([
      60, 55, 2, 300, 0.3,
    ]);
  });

  describe("M07 孝善养老奖补超标（错误）", () => {
    test("exactly 30% of min(paid, 300×12): no finding", () => {
      const report = check([
        header,
        elder("H001", "111", "赵一", 65, "", yearBase, maxReward(yearBase)),
        elder("H002", "222", "孙三", 70, "", yearBase + 400, maxReward(yearBase + 400)),
      ]);
      expect(maxReward(yearBase + 400)).toBe(maxReward(yearBase));
      expect(ranFindings(report, "M07")).toEqual([]);
    });

    test("one fen above: error at the reward cell naming the reward and the maximum", () => {
      const report = check([header, elder("H001", "111", "赵一", 65, "", yearBase, maxReward(yearBase) + 0.01)]);
      const f = onlyFinding(report, "M07");
      expect(located(f)).toEqual({
        rule: "M07",
        severity: "error",
        clause: "二（十）20",
        household: "H001",
        cell: { row: 2, column: "H" },
      });
      expect(f.message).toContain(`登记${yuanText(maxReward(yearBase) + 0.01)}`);
      expect(f.message).toContain(`最多${yuanText(maxReward(yearBase))}`);
      expect(f.message).toContain("30%");
    });

    test("the base counts at most 300 a month: 30% of a larger payment is too much", () => {
      const paid = yearBase + 400;
      const report = check([header, elder("H001", "111", "赵一", 65, "", paid, Math.round(rate * paid * 100) / 100)]);
      const f = onlyFinding(report, "M07");
      expect(f.severity).toBe("error");
      expect(f.message).toContain(`按子女缴纳${yuanText(paid)}计算最多${yuanText(maxReward(paid))}`);
    });

    test("a reward to a member who is not an eligible elder: error saying why", () => {
      const report = check([header, elder("H001", "111", "赵一", 50, "", 1200, 100)]);
      const f = onlyFinding(report, "M07");
      expect(located(f)).toEqual({
        rule: "M07",
        severity: "error",
        clause: "二（十）20",
        household: "H001",
        cell: { row: 2, column: "H" },
      });
      expect(f.message).toContain("50周岁");
      expect(f.message).toContain("不符合孝善养老条件");
    });
  });

  describe("M07 符合条件的老人未登记孝善养老（提示）", () => {
    test("an elder of exactly 60 with nothing paid: info at the 缴纳金额 cell", () => {
      const report = check([header, elder("H001", "111", "赵一", filialMinAge, "", "", "")]);
      const f = onlyFinding(report, "M07");
      expect(located(f)).toEqual({ rule: "M07", severity: "info", clause: "二（十）20", household: "H001", cell: { row: 2, column: "G" } });
      expect(f.message).toContain(`${filialMinAge}周岁`);
      expect(f.message).toContain("赵一");
    });

    test("59, or 60 with support already paid: nothing", () => {
      const report = check([
        header,
        elder("H001", "111", "赵一", filialMinAge - 1, "", "", ""),
        elder("H002", "222", "孙三", filialMinAge, "", yearBase, ""),
      ]);
      expect(ranFindings(report, "M07")).toEqual([]);
    });

    test("55 with a grade-2 disability is eligible; grade 3, or 54 with grade 1, is not", () => {
      const report = check([
        header,
        elder("H001", "111", "赵一", filialMinAgeSevereDisability, "肢体二级", "", ""),
        elder("H002", "222", "孙三", filialMinAgeSevereDisability, "三级", "", ""),
        elder("H003", "333", "李四", filialMinAgeSevereDisability - 1, 1, "", ""),
      ]);
      const f = onlyFinding(report, "M07");
      expect(located(f)).toEqual({ rule: "M07", severity: "info", clause: "二（十）20", household: "H001", cell: { row: 2, column: "G" } });
      expect(f.message).toContain(`${filialMinAgeSevereDisability}周岁`);
    });

    test("age from the ID number on the check date: 60 today is eligible, 60 tomorrow is not", () => {
      const report = check([
        ["户编号", "证件号码", "姓名", "与户主关系", "孝善养老缴纳金额", "人均纯收入"],
        ["H001", residentId(birthForAge(filialMinAge), "111"), "赵一", "户主", "", 12000],
        ["H002", residentId(birthForAge(filialMinAge, undefined, 1), "222"), "孙三", "户主", "", 12000],
      ]);
      const findings = ranFindings(report, "M07");
      expect(findings.map(located)).toEqual([
        { rule: "M07", severity: "info", clause: "二（十）20", household: "H001", cell: { row: 2, column: "E" } },
      ]);
    });

    test("without 孝善养老 columns M07 is skipped, naming them", () => {
      const report = check([
        ["户编号", "证件号码", "姓名", "与户主关系", "人均纯收入"],
        ["H001", idOfAge(70), "赵一", "户主", 12000],
      ]);
      const outcome = outcomeOf(report, "M07");
      expect(outcome.status).toBe("skipped");
      expect(outcome.reason).toContain("孝善养老奖补");
      expect(outcome.reason).toContain("孝善养老缴纳金额");
      expect(findingsOf(report, "M07")).toEqual([]);
    });
  });
});

describe("二（十）21 缴费年龄段成员参加城乡居民基本养老保险", () => {
  describe("M08 缴费年龄段成员未参加城乡居民基本养老保险", () => {
    const { pensionContributionMinAge: minAge, pensionContributionMaxAge: maxAge } = POLICY.values;
    const header: Row = ["户编号", "证件号码", "姓名", "与户主关系", "在校生状况", "是否参加城乡居民基本养老保险", "人均纯收入"];

    test("contribution ages are 16 to 59", () => {
      expect([minAge, maxAge]).toEqual([16, 59]);
    });

    test("members aged 16 and 59, not students, not insured: a warning at each one's cell", () => {
      const report = check([
        header,
        ["H001", idOfAge(maxAge, "111"), "赵一", "户主", "非在校生", "否", 12000],
        ["H001", idOfAge(minAge, "222"), "赵二", "之子", "非在校生", "否", ""],
      ]);
      const findings = ranFindings(report, "M08");
      expect(findings.map(located)).toEqual([
        { rule: "M08", severity: "warning", clause: "二（十）21", household: "H001", cell: { row: 2, column: "F" } },
        { rule: "M08", severity: "warning", clause: "二（十）21", household: "H001", cell: { row: 3, column: "F" } },
      ]);
      expect(findings[0].message).toContain(`${maxAge}周岁`);
      expect(findings[1].message).toContain(`${minAge}周岁`);
      expect(findings[1].message).toContain("赵二");
    });

    test("15 and 60 are outside the contribution ages; a 16-year-old student is excluded; insured or blank is fine", () => {
      const report = check([
        header,
        ["H001", idOfAge(maxAge + 1, "111"), "赵一", "户主", "非在校生", "否", 12000],
        ["H001", idOfAge(minAge - 1, "222"), "赵二", "之子", "非在校生", "否", ""],
        ["H001", idOfAge(minAge, "333"), "赵三", "之女", "在校生", "否", ""],
        ["H002", idOfAge(minAge, "444"), "孙四", "户主", "高中", "否", 12000],
        ["H002", idOfAge(40, "555"), "孙五", "配偶", "非在校生", "是", ""],
        ["H002", idOfAge(40, "666"), "孙六", "之子", "非在校生", "", ""],
      ]);
      expect(ranFindings(report, "M08")).toEqual([]);
    });

    test("the day before the 16th birthday is not yet contribution age", () => {
      const report = check([
        header,
        ["H001", residentId(birthForAge(minAge, undefined, 1), "111"), "赵一", "户主", "非在校生", "否", 12000],
      ]);
      expect(ranFindings(report, "M08")).toEqual([]);
    });

    test("without the pension column M08 is skipped, naming it", () => {
      const report = check([
        ["户编号", "证件号码", "姓名", "与户主关系", "人均纯收入"],
        ["H001", idOfAge(30), "赵一", "户主", 12000],
      ]);
      expect(outcomeOf(report, "M08").status).toBe("skipped");
      expect(outcomeOf(report, "M08").reason).toContain("是否参加城乡居民基本养老保险");
      expect(findingsOf(report, "M08")).toEqual([]);
    });
  });
});
