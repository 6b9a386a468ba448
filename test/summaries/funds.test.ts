/** 汇总-资金: recorded against allowed, per village, the way rules M05, M06, M07 and M10 judge each case. */
import { idOfAge } from "../support/ledgerFixtures";
import { build, headers, HOUSEHOLD_ROWS, PERSON_ROWS, table, values } from "./fixtures";

const MONEY_HEADERS = [
  "庭院经济奖补（登记）",
  "庭院经济奖补（应得）",
  "庭院经济奖补差额",
  "孝善养老奖补（登记）",
  "孝善养老奖补（应得）",
  "孝善养老奖补差额",
  "公益岗月工资（登记）",
  "公益岗月工资（最低标准）",
  "公益岗月工资差额",
  "小额信贷贴息（登记）",
  "小额信贷贴息（应得）",
  "小额信贷贴息差额",
];

describe("汇总-资金, person layout with every money column", () => {
  const t = table(build(PERSON_ROWS), "funds");

  test("columns: village, households, then recorded / allowed / difference for each of the four funds, in yuan", () => {
    expect(t.title).toBe("汇总-资金");
    expect(headers(t)).toEqual(["村", "户数", ...MONEY_HEADERS]);
    expect(t.columns.slice(2).every((c) => c.format === "yuan")).toBe(true);
  });

  test("东村 (H01–H04)", () => {
    expect(values(t.rows[0])).toEqual([
      "东村",
      4,
      // courtyard: H01 2500 recorded, allowed 4000 × 50% = 2000; H02 (middle) 300 recorded, allowed 0;
      // H04 (income unknown) 1000 recorded, not judged → allowed 1000. 2500+300+1000 = 3800; 2000+0+1000 = 3000
      3800,
      3000,
      800,
      // filial: H01 spouse (62) 1080 of 3600 paid → 0.3 × 3600 = 1080; H02 father (70) 1440 of 4800 → 0.3 × min(4800, 300×12) = 1080
      2520,
      2160,
      360, // 1080 + 1440; 1080 + 1080
      // post: H01 head 1400 for 80 hours, minimum 19 × 80 = 1520
      1400,
      1520,
      -120,
      // loan: H01 repaid, 300 allowed; H02 not repaid, 200 recorded, allowed 0
      500,
      300,
      200,
    ]);
  });

  test("西村 (H05–H08)", () => {
    expect(values(t.rows[1])).toEqual([
      "西村",
      4,
      5000,
      5000,
      0, // H05: 12000 × 50% = 6000, capped at 5000
      // H06 head (58, not an elder) 1080 recorded, allowed 0; H08 (65) paid 1200, nothing recorded, allowed 0.3 × 1200 = 360
      1080,
      360,
      720,
      // H08 1000 for 50 hours: 19 × 50 = 950; H07 member 800 without hours: not judged, minimum = 800. 1000+800; 950+800
      1800,
      1750,
      50,
      150,
      150,
      0, // H06 150 with repayment blank: not judged, allowed = recorded
    ]);
  });

  test("（未填村）: H09 invested 3000, nothing recorded: allowed 1500, a negative difference", () => {
    expect(values(t.rows[2])).toEqual(["（未填村）", 1, 0, 1500, -1500, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  test("total row", () => {
    expect(values(t.totalRow)).toEqual([
      "合计",
      9,
      8800,
      9500,
      -700, // 3800 + 5000 + 0; 3000 + 5000 + 1500
      3600,
      2520,
      1080, // 2520 + 1080; 2160 + 360
      3200,
      3270,
      -70, // 1400 + 1800; 1520 + 1750
      650,
      450,
      200, // 500 + 150; 300 + 150
    ]);
  });

  test("notes: the difference's sign, the monthly comparison of posts, the allowed amounts, cases not judged, the unconfirmed wage", () => {
    expect(t.notes).toEqual([
      "差额 = 登记 − 应得（公益岗为登记 − 最低标准）：奖补、贴息的差额为正表示多发，公益岗的差额为负表示低于最低标准。各户相加，正负可相互抵消，逐户问题见“检查结果”。",
      "公益性岗位按月比较（与检查规则M05一致）：登记的月工资合计与最低标准合计比较，最低标准 = 当地小时最低工资19元 × 月工时，逐人计算。",
      "孝善养老应得（与检查规则M07一致）：符合条件的老人按子女全年缴纳金额（每月最多计300元，12个月）的30%计；庭院经济应得：低收入户投资额的50%，每户最高5,000元；小额信贷未还清的，应得贴息为0。",
      "庭院经济奖补：1户收入不详或投资额未填、无法识别，应得按登记金额计。", // H04
      "公益性岗位：1个岗位月工时未填或无法识别，最低标准按登记月工资计。", // H07's member
      "小额信贷贴息：1笔贷款是否还清未填或无法识别，应得按登记金额计。", // H06
      "注意：“当地小时最低工资标准”使用内置默认值19元/小时，尚未确认（默认值仅供参考，请按本地人社部门公布的标准确认或修改）。",
    ]);
  });
});

describe("汇总-资金, household layout with only 庭院经济奖补", () => {
  const t = table(build(HOUSEHOLD_ROWS), "funds");

  test("recorded courtyard subsidies are summed; everything that needs an absent column is —", () => {
    expect(headers(t)).toEqual(["乡镇", "村", "户数", ...MONEY_HEADERS]);
    const dashes = Array(11).fill("—");
    expect(t.rows.map(values)).toEqual([
      ["甲镇", "北村", 1, 1000, ...dashes], // K4
      ["甲镇", "南村", 2, 0, ...dashes],
      ["乙镇", "北村", 1, 500, ...dashes], // K1
      ["乙镇", "（未填村）", 1, 0, ...dashes],
      ["（未填乡镇）", "东村", 1, 0, ...dashes],
    ]);
    expect(values(t.totalRow)).toEqual(["合计", null, 6, 1500, ...dashes]); // 1000 + 500
    expect(t.rows[0][4]).toEqual({ value: "—", format: "text" });
  });

  test("a note names every missing column once", () => {
    expect(t.notes).toContain(
      "台账缺少列：庭院经济投资额、孝善养老奖补、孝善养老缴纳金额、公益性岗位月工资、公益性岗位月工时、小额信贷贴息、小额信贷是否还清或贷款余额或偿还贷款金额或还款时间，相应金额显示为“—”。",
    );
  });
});

describe("汇总-资金 money to the fen", () => {
  test("sums are rounded to the fen without floating-point noise", () => {
    const t = table(
      build([
        ["户编号", "户主姓名", "人均纯收入", "庭院经济投资额", "庭院经济奖补"],
        ["A1", "甲", 9000, 333.33, 166.67], // allowed 333.33 × 0.5 = 166.665 → 166.67
        ["A2", "乙", 9000, 0.3, 0.1], // allowed 0.15
        ["A3", "丙", 9000, 0.2, 0.2], // allowed 0.1
      ]),
      "funds",
    );
    // recorded 166.67 + 0.1 + 0.2 = 166.97; allowed 166.67 + 0.15 + 0.1 = 166.92; difference 0.05
    expect(t.totalRow?.slice(2, 5).map((c) => c.value)).toEqual([166.97, 166.92, 0.05]);
  });
});

describe("汇总-资金: a value written but unreadable (D03/D04) is unknown, as M07 takes it", () => {
  const built = build([
    ["户编号", "证件号码", "姓名", "与户主关系", "人均纯收入", "孝善养老缴纳金额", "孝善养老奖补", "公益性岗位月工资", "公益性岗位月工时"],
    ["A1", idOfAge(65, "101"), "甲", "户主", 9000, "三千六", 1080, null, null], // contribution unreadable: not judged, allowed = 1080
    ["A2", "370402195501011900", "乙", "户主", 9000, 3600, 1080, null, null], // age only from an ID with a wrong check digit: not judged
    ["A3", idOfAge(70, "103"), "丙", "户主", 9000, 3600, "一千零八十", null, null], // reward unreadable: left out of both
    ["A4", idOfAge(66, "104"), "丁", "户主", 9000, 2400, 720, "一千五", 80], // 0.3 × 2400 = 720; pay unreadable: left out
  ]);
  const t = table(built, "funds");
  const filial = (row: readonly unknown[]) => row.slice(5, 8);

  test("the rule agrees: M07 reports none of these members", () => {
    expect(built.report.findings.filter((f) => f.rule === "M07")).toEqual([]);
  });

  test("an unreadable contribution or age counts at the recorded reward, not as overpaid; an unreadable reward is left out", () => {
    // recorded 1080 + 1080 + 720 = 2880; allowed 1080 (A1, not judged) + 1080 (A2, not judged) + 720 (A4) = 2880
    expect(filial(values(t.totalRow))).toEqual([2880, 2880, 0]);
    // post: A4's pay unreadable, nothing else: 0 and 0
    expect(values(t.totalRow).slice(8, 11)).toEqual([0, 0, 0]);
  });

  test("notes say how many cases were not judged and how many amounts could not be read", () => {
    expect(t.notes).toContain("孝善养老奖补：2人的年龄或子女缴纳金额无法识别，或有残疾而未登记等级，无法判断，应得按登记金额计。");
    expect(t.notes).toContain("孝善养老奖补：1人的奖补金额无法识别（见“检查结果”D04），未计入登记和应得。");
    expect(t.notes).toContain("公益性岗位：1个岗位的月工资无法识别（见“检查结果”D04），未计入登记和最低标准。");
  });
});
