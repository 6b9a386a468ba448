/**
 * Data-quality rules D01–D05 (issue 3 §2): what must be fixed in the sheet before the
 * plan's rules can be trusted. Every ledger goes through the real reader.
 */
import {
  check,
  findingsOf,
  located,
  onlyFinding,
  outcomeOf,
  POLICY,
  ranFindings,
  residentId,
  Row,
  withBadCheck,
  yuanText,
} from "../support/ledgerFixtures";

describe("D01 缺少检查必需的列（户编号、人均纯收入或其构成）", () => {
  // A street ledger with a key but no income at all.
  const noIncome: Row[] = [
    ["户编号", "户主姓名", "家庭人口数", "增收帮扶责任人"],
    ["H001", "赵一", 3, ""],
  ];

  test("the column is there but a household's income is blank: an error at that household's cell, and the tier rules pass it over", () => {
    const report = check([
      ["户编号", "户主姓名", "人均纯收入", "增收帮扶责任人"],
      ["H001", "赵一", 9000, "钱干部"],
      ["H002", "孙三", "", ""],
    ]);
    const f = onlyFinding(report, "D01");
    expect(located(f)).toEqual({ rule: "D01", severity: "error", clause: "—", household: "H002", cell: { row: 3, column: "C" } });
    expect(f.message).toContain("无法判定收入分层");
    // Without a tier, M01 (no cadre for a low-income household) cannot judge H002: D01 is what tells the user.
    expect(findingsOf(report, "M01")).toEqual([]);
  });

  test("neither 人均纯收入 nor its components: one sheet-level error naming the missing columns", () => {
    const report = check(noIncome);
    const f = onlyFinding(report, "D01");
    expect(located(f)).toEqual({ rule: "D01", severity: "error", clause: "—", household: null, cell: null });
    expect(f.message).toContain("人均纯收入");
    expect(f.message).toContain("家庭人口数");
    expect(f.message).toContain("生产经营性支出");
  });

  test("without income, every rule that needs the tier is skipped and says 人均纯收入 is missing", () => {
    const report = check(noIncome);
    for (const id of ["D06", "M01", "M02", "M04", "M06", "M12", "M13"] as const) {
      const outcome = outcomeOf(report, id);
      expect({ id, status: outcome.status }).toEqual({ id, status: "skipped" });
      expect(outcome.reason).toContain("人均纯收入");
      expect(findingsOf(report, id)).toEqual([]);
    }
  });

  test("some components but not all (工资性收入 and 家庭人口数 only) still lack per-capita income", () => {
    const report = check([
      ["户编号", "户主姓名", "家庭人口数", "工资性收入"],
      ["H001", "赵一", 3, 20000],
    ]);
    expect(ranFindings(report, "D01").map(located)).toEqual([{ rule: "D01", severity: "error", clause: "—", household: null, cell: null }]);
  });

  test("all components and 家庭人口数 without 人均纯收入: no D01, and the tier is computed from them", () => {
    // (24000 + 6000 + 0 + 3000 − 3000) ÷ 3 = 10000: low-income under the 2025 policy.
    const report = check([
      ["户编号", "户主姓名", "家庭人口数", "工资性收入", "生产经营性收入", "财产性收入", "转移性收入", "生产经营性支出", "增收帮扶责任人"],
      ["H001", "赵一", 3, 24000, 6000, 0, 3000, 3000, ""],
    ]);
    expect(10000).toBeLessThan(POLICY.values.lowIncomeThreshold);
    expect(ranFindings(report, "D01")).toEqual([]);
    // The computed tier drives the tier rules: M01 fires for this low-income household.
    expect(ranFindings(report, "M01").map((f) => f.household)).toEqual(["H001"]);
  });

  test("家庭纯收入 and 家庭人口数 are enough too", () => {
    const report = check([
      ["户编号", "户主姓名", "家庭人口数", "纯收入", "增收帮扶责任人"],
      ["H001", "赵一", 2, 40000, "钱干部"],
    ]);
    expect(ranFindings(report, "D01")).toEqual([]);
    expect(outcomeOf(report, "M01").status).toBe("ran");
  });

  test("no 户编号 (households keyed by 户主姓名): a sheet-level error asking for 户编号", () => {
    const report = check([
      ["户主姓名", "家庭人口数", "人均纯收入"],
      ["赵一", 3, 12000],
    ]);
    const f = onlyFinding(report, "D01");
    expect(located(f)).toEqual({ rule: "D01", severity: "error", clause: "—", household: null, cell: null });
    expect(f.message).toContain("户编号");
    expect(f.message).toContain("户主姓名");
  });

  test("households keyed by 户主姓名 are named so in messages, not as a 户编号", () => {
    const report = check([
      ["户主姓名", "家庭人口数", "人均纯收入", "增收帮扶责任人"],
      ["赵一", 3, 5000, ""],
    ]);
    const f = onlyFinding(report, "M01");
    expect(f.household).toBe("赵一");
    expect(f.message).toContain("户主姓名 赵一是低收入户");
    expect(f.message).not.toContain("户编号 赵一");
  });

  test("户编号 and 人均纯收入 present: D01 is silent", () => {
    const report = check([
      ["户编号", "户主姓名", "人均纯收入"],
      ["H001", "赵一", 12000],
    ]);
    expect(ranFindings(report, "D01")).toEqual([]);
  });
});

describe("D02 同一人或同一户重复登记", () => {
  const a = residentId("19700101", "111");
  const b = residentId("19720202", "222");
  const c = residentId("19950303", "333");

  test("the same 证件号码 on two person rows: error at the second occurrence, in that row's household", () => {
    const report = check([
      ["户编号", "证件号码", "姓名", "与户主关系", "人均纯收入"],
      ["H001", a, "赵一", "户主", 12000],
      ["H001", b, "钱二", "配偶", ""],
      ["H002", c, "孙三", "户主", 13000],
      ["H002", b, "钱二", "妻子", ""],
    ]);
    const f = onlyFinding(report, "D02");
    expect(located(f)).toEqual({ rule: "D02", severity: "error", clause: "—", household: "H002", cell: { row: 5, column: "B" } });
    expect(f.message).toContain(b);
    expect(f.message).toContain("2次");
    expect(f.message).toContain("第3行、第5行");
  });

  test("the same 户编号 on two household-level rows: error naming the household", () => {
    const report = check([
      ["户编号", "户主姓名", "人均纯收入"],
      ["H001", "赵一", 12000],
      ["H002", "孙三", 13000],
      ["H001", "赵一", 12000],
    ]);
    const f = onlyFinding(report, "D02");
    expect(located(f)).toEqual({ rule: "D02", severity: "error", clause: "—", household: "H001", cell: { row: 4, column: "A" } });
    expect(f.message).toContain("户编号 H001");
    expect(f.message).toContain("第2行、第4行");
  });

  test("members sharing 户编号 with distinct ID numbers are not duplicates", () => {
    const report = check([
      ["户编号", "证件号码", "姓名", "与户主关系", "人均纯收入"],
      ["H001", a, "赵一", "户主", 12000],
      ["H001", b, "钱二", "配偶", ""],
      ["H001", c, "赵三", "之子", ""],
    ]);
    expect(ranFindings(report, "D02")).toEqual([]);
  });
});

describe("D03 证件号码有误（位数、出生日期或校验位）", () => {
  const head = residentId("19700101", "111");
  const rows = (member: string): Row[] => [
    ["说明：2025年脱贫户台账（按人）"],
    ["户编号", "证件号码", "姓名", "与户主关系", "人均纯收入"],
    ["H001", head, "赵一", "户主", 12000],
    ["H001", member, "钱二", "配偶", ""],
  ];

  test("wrong check character: error at the ID cell, naming the number and the check character", () => {
    const good = residentId("19720202", "222");
    const bad = withBadCheck(good);
    const report = check(rows(bad));
    const f = onlyFinding(report, "D03");
    expect(located(f)).toEqual({ rule: "D03", severity: "error", clause: "—", household: "H001", cell: { row: 4, column: "B" } });
    expect(f.message).toContain(bad);
    expect(f.message).toContain("校验位");
    expect(f.message).toContain(`“${good[17]}”`);
    expect(f.message).toContain("户编号 H001（户主 赵一），成员 钱二（第4行）");
  });

  test("wrong length (17 characters): error saying 18位", () => {
    const short = residentId("19720202", "222").slice(0, 17);
    const f = onlyFinding(check(rows(short)), "D03");
    expect(f.cell).toEqual({ row: 4, column: "B" });
    expect(f.message).toContain("18位");
    expect(f.message).toContain("17位");
  });

  test("impossible birth date (19900230): error naming the date", () => {
    const first17 = "37040219900230222";
    const f = onlyFinding(check(rows(first17 + "0")), "D03");
    expect(f.household).toBe("H001");
    expect(f.message).toContain("19900230");
    expect(f.message).toContain("不存在");
  });

  test("a valid ID (also with a lower-case x check character) is no finding", () => {
    let withX = "";
    for (let n = 0; n < 1000 && !withX; n++) {
      const id = residentId("19720202", String(n).padStart(3, "0"));
      if (id.endsWith("X")) withX = id.toLowerCase();
    }
    expect(withX).toMatch(/x$/);
    expect(ranFindings(check(rows(withX)), "D03")).toEqual([]);
    expect(ranFindings(check(rows(residentId("19720202", "222"))), "D03")).toEqual([]);
  });

  test("without a 证件号码 column D03 is skipped, naming the column", () => {
    const report = check([
      ["户编号", "户主姓名", "人均纯收入"],
      ["H001", "赵一", 12000],
    ]);
    expect(outcomeOf(report, "D03")).toMatchObject({ status: "skipped" });
    expect(outcomeOf(report, "D03").reason).toContain("证件号码");
  });
});

describe("D04 数值或日期无法识别", () => {
  test("an amount that is not a number: error at that cell naming the column and the value", () => {
    const report = check([
      ["户编号", "户主姓名", "人均纯收入", "最近走访日期"],
      ["H001", "赵一", 12000, "2025-06-01"],
      ["H002", "孙三", "九千多", "2025-06-01"],
    ]);
    const f = onlyFinding(report, "D04");
    expect(located(f)).toEqual({ rule: "D04", severity: "error", clause: "—", household: "H002", cell: { row: 3, column: "C" } });
    expect(f.message).toContain("“人均纯收入”列");
    expect(f.message).toContain("九千多");
  });

  test("the column is named as its header is written (最近走访时间), not by the field's canonical name", () => {
    const report = check([
      ["户编号", "户主姓名", "人均纯收入", "最近走访时间"],
      ["H001", "赵一", 12000, "11月20日"],
    ]);
    expect(onlyFinding(report, "D04").message).toContain("“最近走访时间”列");
  });

  test("a date that does not exist: error at the date cell", () => {
    const report = check([
      ["户编号", "户主姓名", "人均纯收入", "最近走访日期"],
      ["H001", "赵一", 12000, "2025-13-01"],
    ]);
    const f = onlyFinding(report, "D04");
    expect(located(f)).toEqual({ rule: "D04", severity: "error", clause: "—", household: "H001", cell: { row: 2, column: "D" } });
    expect(f.message).toContain("最近走访日期");
    expect(f.message).toContain("2025-13-01");
  });

  test("a household row with a blank 户编号: error at the key cell asking to fill it in, and messages name the row", () => {
    const report = check([
      ["户编号", "户主姓名", "人均纯收入", "增收帮扶责任人"],
      ["H001", "赵一", 12000, "钱干部"],
      ["", "孙三", POLICY.values.lowIncomeThreshold - 1, ""],
    ]);
    const f = onlyFinding(report, "D04");
    expect(located(f)).toEqual({ rule: "D04", severity: "error", clause: "—", household: "", cell: { row: 3, column: "A" } });
    expect(f.message).toContain("户编号为空");
    expect(f.message).toContain("请补填户编号");
    expect(f.message).not.toContain("请改为可识别的写法");
    // The household is still checked, and named by its row rather than by an empty key.
    expect(onlyFinding(report, "M01").message).toContain("第3行的户（户编号为空）（户主 孙三）");
  });

  test("messy but readable values (text numbers, separators, full-width digits, 2025年6月1日) are no finding", () => {
    const report = check([
      ["户编号", "户主姓名", "人均纯收入", "最近走访日期"],
      ["H001", "赵一", "12,000.50", "2025年6月1日"],
      ["H002", "孙三", "１２０００", "2025/6/1"],
      ["H003", "李四", " 9800 ", 45809],
    ]);
    expect(ranFindings(report, "D04")).toEqual([]);
  });
});

describe("D05 人均纯收入与各项收入不符", () => {
  // (20000 + 8000 + 1000 + 2000 − 1000) ÷ 3 = 10000.
  const header: Row = [
    "户编号",
    "户主姓名",
    "家庭人口数",
    "工资性收入",
    "生产经营性收入",
    "财产性收入",
    "转移性收入",
    "生产经营性支出",
    "人均纯收入",
  ];
  const household = (key: string, written: number): Row => [key, "赵一", 3, 20000, 8000, 1000, 2000, 1000, written];

  test("the tolerance is the plan data rule's 1 yuan", () => {
    expect(POLICY.values.perCapitaTolerance).toBe(1);
  });

  test("differs by exactly 1 yuan either way: no finding", () => {
    const report = check([header, household("H001", 10001), household("H002", 9999), household("H003", 10000)]);
    expect(ranFindings(report, "D05")).toEqual([]);
  });

  test("differs by 1.01 yuan: error at the 人均纯收入 cell with both amounts", () => {
    const report = check([header, household("H001", 10001), household("H002", 10001.01)]);
    const f = onlyFinding(report, "D05");
    expect(located(f)).toEqual({ rule: "D05", severity: "error", clause: "—", household: "H002", cell: { row: 3, column: "I" } });
    expect(f.message).toContain(yuanText(10001.01));
    expect(f.message).toContain(yuanText(10000));
    expect(f.message).toContain("家庭人口数");
  });

  test("1.01 yuan below is also an error", () => {
    const report = check([header, household("H001", 9998.99)]);
    expect(ranFindings(report, "D05").map(located)).toEqual([
      { rule: "D05", severity: "error", clause: "—", household: "H001", cell: { row: 2, column: "I" } },
    ]);
  });

  test("without 生产经营性支出 the comparison cannot be made: D05 skipped naming it", () => {
    const report = check([
      ["户编号", "户主姓名", "家庭人口数", "工资性收入", "生产经营性收入", "财产性收入", "转移性收入", "人均纯收入"],
      ["H001", "赵一", 3, 20000, 8000, 1000, 2000, 99999],
    ]);
    const outcome = outcomeOf(report, "D05");
    expect(outcome.status).toBe("skipped");
    expect(outcome.reason).toContain("生产经营性支出");
    expect(findingsOf(report, "D05")).toEqual([]);
  });
});
