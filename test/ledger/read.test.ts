import { findLedgerSheet, Ledger, LedgerNotFoundError, readLedger } from "../../src/ledger";
import { InputError, parseResidentId } from "../../src/values";
import { range, sheetOf, syntheticId, wrongCheckId } from "./helpers";

const TITLE = ["全国防止返贫监测和衔接推进乡村振兴信息系统 脱贫户信息"];
const SUBTITLE = ["导出时间：2024-06-30"];

/** A national-export style person-level sheet: two title rows, 户编号 repeating on each member's row. */
function personSheet() {
  const header = [
    "序号",
    "户编号",
    "证件号码",
    "姓名",
    "与户主关系",
    "家庭人口数",
    "劳动技能",
    "在校生状况",
    "残疾等级",
    "人均纯收入（元）",
    "帮扶责任人",
    "最近走访日期",
    "帮扶措施",
    "产业帮扶",
    "就业帮扶",
    "是否参加城乡居民基本医疗保险",
  ];
  const ids = {
    a1: syntheticId("19700312", 11),
    a2: syntheticId("19720101", 22),
    a3: syntheticId("20100520", 31),
    b1: syntheticId("19550707", 41),
    b2: syntheticId("19580909", 52),
    c1: syntheticId("19400101", 61),
  };
  const cells: unknown[][] = [
    TITLE,
    SUBTITLE,
    header,
    [
      1,
      "3704020010001",
      ids.a1,
      "甲一",
      "户主",
      3,
      "普通劳动力",
      "非在校生",
      null,
      "9,800.50",
      "干部甲",
      "2024-06-01",
      "就业帮扶、小额信贷；公益岗",
      "√",
      "是",
      "是",
    ],
    [
      2,
      "3704020010001",
      ids.a2,
      "甲二",
      "配偶",
      3,
      "技能劳动力",
      "非在校生",
      "肢体二级",
      "9,800.50",
      "干部甲",
      "2024-06-01",
      "就业帮扶, 养殖",
      "√",
      "否",
      "是",
    ],
    [3, null, ids.a3, "甲三", "之子", null, "无劳动力", "小学", null, null, null, null, null, null, null, "否"],
    [],
    [4, "3704020010002", ids.b2, "乙二", "配偶", 2, "弱劳动力或半劳动力", "非在校生", "二级", null, null, null, "无", "×", "", "1"],
    [
      5,
      "3704020010002",
      ids.b1,
      "乙一",
      "户主",
      2,
      "丧失劳动力",
      "非在校生",
      2,
      "12000",
      "干部乙",
      "2024年5月6日",
      "产业帮扶",
      "",
      "",
      "√",
    ],
    [6, "3704020010003", ids.c1, "丙一", "户主", 1, "无劳动力", "非在校生", null, 16000, "干部乙", 45413, null, "否", "/", "是"],
    ["合计", null, null, null, null, 6, null, null, null, 37800.5, null, null, null, null, null, null],
    ["填表人：某某", null, null, null, null, null, "审核人：某某"],
  ];
  return { cells, ids };
}

describe("person-level export", () => {
  const { cells, ids } = personSheet();
  const ledger = readLedger(sheetOf("脱贫户", cells));

  it("finds the header under the title rows and tells the layout", () => {
    expect(ledger).toMatchObject({ sheetName: "脱贫户", headerRow: 3, headerLastRow: 3, layout: "person", keyField: "householdId" });
    expect(ledger.columns).toHaveLength(16);
    expect(ledger.fieldColumns.personId?.letter).toBe("C");
    expect(ledger.columns[0]).toMatchObject({ header: "序号", field: null });
  });

  it("groups members into households by the repeating 户编号; a member row with a blank key joins the household above", () => {
    expect(ledger.households.map((h) => [h.key, h.rows])).toEqual([
      ["3704020010001", [4, 5, 6]],
      ["3704020010002", [8, 9]],
      ["3704020010003", [10]],
    ]);
    expect(ledger.personCount).toBe(6);
    expect(ledger.households[0].members.map((m) => m.values.name)).toEqual(["甲一", "甲二", "甲三"]);
  });

  it("skips the blank row, the 合计 row and the signature line", () => {
    const rows = ledger.households.flatMap((h) => h.rows);
    expect(rows).not.toContain(7);
    expect(rows).not.toContain(11);
    expect(rows).not.toContain(12);
    expect(ledger.problems).toEqual([]);
  });

  it("takes household values from the head's row first", () => {
    const b = ledger.households[1];
    expect(b.values).toMatchObject({
      householdId: "3704020010002",
      householdSize: 2,
      perCapitaIncome: 12000,
      supportCadre: "干部乙",
      lastContactDate: { year: 2024, month: 5, day: 6 },
    });
    expect(b.cells.perCapitaIncome).toEqual({ row: 9, column: "J" });
    expect(b.cells.householdSize).toEqual({ row: 9, column: "F" });
    // Person fields stay with the persons.
    expect(b.values.name).toBeUndefined();
    expect(b.values.labor).toBeUndefined();
  });

  it("reads each person's values and the birth date from the ID number", () => {
    const [a1, a2, a3] = ledger.households[0].members;
    expect(a1.values).toMatchObject({
      personId: ids.a1,
      name: "甲一",
      relation: "户主",
      labor: "able",
      student: false,
      medicalInsurance: true,
      birthDate: { year: 1970, month: 3, day: 12 },
    });
    expect(a1.values.disability).toBeUndefined();
    expect(a1.cells.birthDate).toEqual({ row: 4, column: "C" });
    expect(a2.values).toMatchObject({ labor: "able", disability: 2 });
    expect(a3.values).toMatchObject({
      labor: "unable",
      student: true,
      medicalInsurance: false,
      birthDate: { year: 2010, month: 5, day: 20 },
    });
    const [b2, b1] = ledger.households[1].members;
    expect(b2.values).toMatchObject({ labor: "weak", disability: 2, medicalInsurance: true });
    expect(b1.values).toMatchObject({ disability: 2, medicalInsurance: true });
    expect(ledger.households[2].values.lastContactDate).toEqual({ year: 2024, month: 5, day: 1 });
  });

  it("collects measures from the free text and the measure-kind columns", () => {
    expect(ledger.households[0].measures).toEqual(["就业帮扶", "小额信贷", "公益岗", "产业帮扶", "养殖"]);
    expect(ledger.households[1].measures).toEqual(["产业帮扶"]);
    expect(ledger.households[2].measures).toEqual([]);
  });

  it("has no duplicates", () => {
    expect(ledger.duplicates).toEqual([]);
  });
});

describe("household-level street ledger with a two-row merged header", () => {
  const top = [
    "序号",
    "村",
    "户编号",
    "户主姓名",
    "户主证件号码",
    "家庭人口数",
    "收入情况",
    null,
    null,
    null,
    null,
    "人均纯收入（元）",
    "收入分层",
    "增收措施",
    "庭院经济帮扶",
  ];
  const bottom = [
    null,
    null,
    null,
    null,
    null,
    null,
    "工资性收入",
    "生产经营性收入",
    "财产性收入",
    "转移性收入",
    "生产经营性支出",
    null,
    null,
    null,
    null,
  ];
  const merges = ["A1:O1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:F3", "G2:K2", "L2:L3", "M2:M3", "N2:N3", "O2:O3"].map(range);
  const cells: unknown[][] = [
    ["XX街道脱贫户增收台账"],
    top,
    bottom,
    [
      1,
      "东村",
      "D001",
      "户主甲",
      syntheticId("19601010", 101),
      3,
      "20000",
      "6,000",
      0,
      "3000",
      "1000",
      "9333.33",
      "低收入",
      "公益岗；庭院种植",
      "是",
    ],
    [2, "东村", "D002", "户主乙", syntheticId("19650505", 202), "２", 10000, 8000, 500, 4000, 500, 11000, "中等收入户", null, "否"],
    [3, "西村", "X001", "户主丙", syntheticId("19480808", 303), null, 12000, 0, 0, 6000, 0, "18000", "高", "产业", "/"],
    [4, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
    ["合 计", null, null, null, null, 5, 42000, 14000, 500, 13000, 1500, null, null, null, null],
  ];

  for (const withMerges of [true, false]) {
    it(`reads one household per row ${withMerges ? "with" : "without"} merge information`, () => {
      const ledger = readLedger(sheetOf("台账", cells, withMerges ? { merges } : {}));
      expect(ledger).toMatchObject({ headerRow: 2, headerLastRow: 3, layout: "household", keyField: "householdId" });
      expect(ledger.fieldColumns.wageIncome?.header).toBe("收入情况/工资性收入");
      expect(ledger.fieldColumns.headId?.header).toBe("户主证件号码");
      expect(ledger.households.map((h) => h.key)).toEqual(["D001", "D002", "X001"]);
      expect(ledger.households.map((h) => h.rows)).toEqual([[4], [5], [6]]);
      // Household size 3 + 2, and 1 for the household that leaves it blank.
      expect(ledger.personCount).toBe(6);
      const [d1, d2, x1] = ledger.households;
      expect(d1.values).toMatchObject({
        village: "东村",
        headName: "户主甲",
        wageIncome: 20000,
        businessIncome: 6000,
        propertyIncome: 0,
        transferIncome: 3000,
        businessCosts: 1000,
        perCapitaIncome: 9333.33,
        tier: "low",
      });
      expect(d2.values).toMatchObject({ householdSize: 2, tier: "middle" });
      expect(x1.values.tier).toBe("high");
      expect(d1.members).toHaveLength(1);
      expect(d1.members[0].row).toBe(4);
      expect(d1.members[0].values.birthDate).toEqual({ year: 1960, month: 10, day: 10 });
      expect(d1.measures).toEqual(["公益岗", "庭院种植", "庭院经济帮扶"]);
      expect(d2.measures).toEqual([]);
      expect(x1.measures).toEqual(["产业"]);
      expect(ledger.problems).toEqual([]);
      expect(ledger.duplicates).toEqual([]);
    });
  }

  it("is a household-level ledger even with an ID column, when no household repeats", () => {
    const ledger = readLedger(
      sheetOf("台账", [
        ["户编号", "证件号码", "姓名", "人均纯收入"],
        ["H1", syntheticId("19800101", 1), "甲", 12000],
        ["H2", syntheticId("19800101", 2), "乙", 9000],
      ]),
    );
    expect(ledger.layout).toBe("household");
    expect(ledger.personCount).toBe(2);
  });

  it("is person-level with a 与户主关系 column even when no 户编号 repeats", () => {
    const ledger = readLedger(
      sheetOf("台账", [
        ["户编号", "证件号码", "姓名", "与户主关系"],
        ["H1", syntheticId("19800101", 1), "甲", "户主"],
        ["H2", syntheticId("19800101", 2), "乙", "户主"],
      ]),
    );
    expect(ledger.layout).toBe("person");
  });

  it("falls back to 户主姓名 as the key, kept apart by village", () => {
    const ledger = readLedger(
      sheetOf("台账", [
        ["村", "户主姓名", "家庭人口数", "人均纯收入"],
        ["东村", "某甲", 2, 12000],
        ["西村", "某甲", 3, 9000],
      ]),
    );
    expect(ledger.keyField).toBe("headName");
    expect(ledger.households.map((h) => h.key)).toEqual(["某甲", "某甲"]);
    expect(ledger.duplicates).toEqual([]);
    expect(ledger.personCount).toBe(5);
  });

  it("refuses a sheet without any household key, naming the 户编号 column", () => {
    const sheet = sheetOf("收入", [
      ["证件号码", "姓名", "人均纯收入"],
      [syntheticId("19800101", 1), "甲", 12000],
    ]);
    expect(() => readLedger(sheet)).toThrow(LedgerNotFoundError);
    expect(() => readLedger(sheet)).toThrow(/工作表“收入”第1行的表头中没有“户编号”列/);
  });
});

describe("messy values", () => {
  const header = [
    "户编号",
    "证件号码",
    "人均纯收入（元）",
    "家庭人口数",
    "是否长期外出",
    "享受低保政策情况",
    "出生日期",
    "最近走访日期",
    "残疾等级",
    "劳动技能",
    "在校生状况",
    "收入分层",
    "意外险",
  ];
  // The sheet starts at B3 in the host's used range.
  const origin = { row: 3, column: 2 };
  const id = (n: number) => syntheticId("19800101", n);
  const rows: unknown[][] = [
    header,
    ["H01", id(1), "12,345.60", "３", "是", "农村低保", "1980-01-01", "2024-06-01", "二级", "技能劳动力", "非在校生", "低收入", "√"],
    ["H02", id(2), "１２３４５", " 4 ", "否", "未享受", "1980/1/1", "202405", "肢体二级", "普通劳动力", "初中", "中等收入", "×"],
    ["H03", id(3), " 8000 ", 2, "Y", "否", "1980年1月1日", 45413, 2, "弱劳动力或半劳动力", "在校生", "高收入户", "N"],
    ["H04", id(4), "1.2万", "2", "n", "是", "1980.1.1", "2024年5月", "无", "丧失劳动力", "本科", "低", 1],
    ["H05", id(5), 9000, 1, "√", "", 29221, "2024.6.1", "视力一级、肢体三级", "无劳动力", "否", null, 0],
    ["H06", id(6), 9000, 1, "×", "城市低保", "198001", null, null, null, "学前教育", null, "有"],
    ["H07", id(7), 9000, 1, 1, 0, null, null, null, null, "是", null, "无"],
    ["H08", id(8), 9000, 1, 0, "特困", null, null, null, null, "非在校生", null, "已参保"],
    ["H09", id(9), 9000, 1, "有", null, null, null, null, null, null, null, "未参保"],
    ["H10", id(10), 9000, 1, "无", null, null, null, null, null, null, null, true],
  ];
  const ledger = readLedger(sheetOf("台账", rows, { origin }));
  const v = (i: number) => ledger.households[i].members[0].values;

  it("reads text numbers, separators and full-width digits", () => {
    expect(ledger.households.map((h) => h.values.perCapitaIncome)).toEqual([
      12345.6, 12345, 8000, 12000, 9000, 9000, 9000, 9000, 9000, 9000,
    ]);
    expect(ledger.households.slice(0, 4).map((h) => h.values.householdSize)).toEqual([3, 4, 2, 2]);
  });

  it("reads 是/否 variants", () => {
    expect(ledger.households.map((h) => h.values.absentLongTerm)).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
    ]);
    expect(ledger.households.map((h) => h.values.accidentInsurance)).toEqual([
      true,
      false,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
      true,
    ]);
  });

  it("reads coverage as 是/否 or as text naming what is enjoyed", () => {
    expect(ledger.households.map((h) => h.values.dibao)).toEqual([
      true,
      false,
      false,
      true,
      undefined,
      true,
      false,
      true,
      undefined,
      undefined,
    ]);
  });

  it("reads dates as text and as Excel serials; a month alone is its first day, or its last for a contact", () => {
    const jan1 = { year: 1980, month: 1, day: 1 };
    expect([0, 1, 2, 3, 4, 5].map((i) => v(i).birthDate)).toEqual([jan1, jan1, jan1, jan1, jan1, jan1]);
    expect(ledger.households.slice(0, 5).map((h) => h.values.lastContactDate)).toEqual([
      { year: 2024, month: 6, day: 1 },
      { year: 2024, month: 5, day: 31 },
      { year: 2024, month: 5, day: 1 },
      { year: 2024, month: 5, day: 31 },
      { year: 2024, month: 6, day: 1 },
    ]);
  });

  it("reads disability grades, labour ability, school status and tiers in Chinese", () => {
    expect([0, 1, 2, 3, 4].map((i) => v(i).disability)).toEqual([2, 2, 2, undefined, 1]);
    expect([0, 1, 2, 3, 4].map((i) => v(i).labor)).toEqual(["able", "able", "weak", "unable", "unable"]);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((i) => v(i).student)).toEqual([false, true, true, true, false, true, true, false]);
    expect([0, 1, 2, 3].map((i) => ledger.households[i].values.tier)).toEqual(["low", "middle", "high", "low"]);
  });

  it("gives sheet cell references from the sheet's origin", () => {
    expect(ledger.headerRow).toBe(3);
    expect(ledger.households[0].cells.perCapitaIncome).toEqual({ row: 4, column: "D" });
    expect(ledger.households[9].cells.householdId).toEqual({ row: 13, column: "B" });
  });

  it("reports every unreadable cell with its reference and the parser's Chinese message", () => {
    const bad = readLedger(
      sheetOf(
        "台账",
        [
          header,
          [
            "H01",
            wrongCheckId("19800101", 1),
            "不详",
            "三口",
            "也许",
            "农村低保",
            "1980-02-30",
            "上个月",
            "轻度",
            "外出务工",
            "休假",
            "特困",
            "?",
          ],
          ["H02", "37040219800101", 9000, 2.5, "是", null, null, null, null, null, null, null, null],
        ],
        { origin },
      ),
    );
    const found = bad.problems.map((p) => [`${p.cell.column}${p.cell.row}`, p.field, p.kind]);
    expect(found).toEqual([
      ["C4", "headId", "idNumber"],
      ["D4", "perCapitaIncome", "unreadable"],
      ["E4", "householdSize", "unreadable"],
      ["F4", "absentLongTerm", "unreadable"],
      ["H4", "birthDate", "unreadable"],
      ["I4", "lastContactDate", "unreadable"],
      ["J4", "disability", "unreadable"],
      ["K4", "labor", "unreadable"],
      ["L4", "student", "unreadable"],
      ["M4", "tier", "unreadable"],
      ["N4", "accidentInsurance", "unreadable"],
      ["C5", "headId", "idNumber"],
      ["E5", "householdSize", "unreadable"],
    ]);
    const message = (ref: string) => bad.problems.find((p) => `${p.cell.column}${p.cell.row}` === ref)?.message;
    expect(message("C4")).toMatch(/校验位错误/);
    expect(message("D4")).toBe("无法把“不详”识别为人均纯收入（应为数字，如 12000、1.2万、12,000.50）");
    expect(message("E5")).toBe("家庭人口数应为整数：“2.5”");
    expect(message("F4")).toContain("无法把“也许”识别为是否长期外出");
    expect(message("H4")).toContain("不是存在的日期");
    expect(message("C5")).toContain("应为18位");
    expect(message("M4")).toContain("无法识别的收入分层");
    expect(bad.problems[1].value).toBe("不详");
    // Unreadable values are left out; an invalid ID gives no birth date.
    const first = bad.households[0].members[0].values;
    expect(first.personId).toBeUndefined();
    expect(first.birthDate).toBeUndefined();
    expect(bad.households[0].values.perCapitaIncome).toBeUndefined();
    expect(first.dibao).toBe(true);
  });
});

describe("a count or an age written with its unit", () => {
  const ledger = readLedger(
    sheetOf("台账", [
      ["户编号", "户主姓名", "家庭人口数", "年龄", "人均纯收入"],
      ["H1", "甲", "3人", "65岁", 9000],
      ["H2", "乙", "４口人", "61周岁", 9000],
      ["H3", "丙", "2口", " 58 岁", 9000],
      ["H4", "丁", "3.5人", "约60岁", 9000],
      ["H5", "戊", "三人", 60, 9000],
    ]),
  );

  it("reads 3人, ４口人, 2口 and 65岁, 61周岁 as the numbers they are", () => {
    expect(ledger.households.slice(0, 3).map((h) => h.values.householdSize)).toEqual([3, 4, 2]);
    expect(ledger.households.slice(0, 3).map((h) => h.members[0].values.age)).toEqual([65, 61, 58]);
  });

  it("reports what still does not read, quoting it as written, with examples of a count (not of an amount)", () => {
    expect(ledger.problems.map((p) => [`${p.cell.column}${p.cell.row}`, p.message])).toEqual([
      ["C5", "无法把“3.5人”识别为家庭人口数（应为数字，如 3、12）"],
      ["D5", "无法把“约60岁”识别为年龄（应为数字，如 3、12）"],
      ["C6", "无法把“三人”识别为家庭人口数（应为数字，如 3、12）"],
    ]);
  });
});

describe("a cell that says nothing: a dash, a slash, 无", () => {
  const ledger = readLedger(
    sheetOf("台账", [
      [
        "户编号",
        "户主姓名",
        "家庭人口数",
        "工资性收入",
        "人均纯收入",
        "最近走访日期",
        "增收帮扶责任人",
        "帮扶措施",
        "劳动技能",
        "身份证号",
        "是否参加城乡居民基本医疗保险",
      ],
      ["H1", "甲", 2, "/", 9000, "—", "无", "无", "无劳动力", syntheticId("19600101", 1), "/"],
      ["H2", "乙", 2, "－", 9000, "／", "/", "暂无", "无", syntheticId("19610101", 2), "无"],
      ["H3", "丙", 2, "--", 9000, "2025-12-01", "没有", "-", "普通劳动力", "/", "是"],
    ]),
  );

  it("is an empty cell in amount, date, name and measure columns: no value, nothing reported as unreadable", () => {
    for (const h of ledger.households) {
      expect(h.values.wageIncome).toBeUndefined();
      expect(h.values.supportCadre).toBeUndefined();
    }
    expect(ledger.households.map((h) => h.values.lastContactDate)).toEqual([undefined, undefined, { year: 2025, month: 12, day: 1 }]);
    expect(ledger.problems.filter((p) => p.field !== "headId" && p.field !== "personId")).toEqual([]);
  });

  it("in a yes/no column a dash or slash is 不详 and 无 is 否", () => {
    expect(ledger.households.map((h) => h.members[0].values.medicalInsurance)).toEqual([undefined, false, true]);
  });

  it("keeps its own meaning in a labour column (无 is 无劳动力), and an ID number written as / is still reported", () => {
    expect(ledger.households.map((h) => h.members[0].values.labor)).toEqual(["unable", "unable", "able"]);
    expect(ledger.problems.map((p) => `${p.cell.column}${p.cell.row}`)).toEqual(["J4"]);
  });

  it("is recognised padded with any number of spaces, and as any dash (en, em, bar, full-width) or slash (back, full-width)", () => {
    const padded = readLedger(
      sheetOf("台账", [
        ["户编号", "户主姓名", "工资性收入", "最近走访日期", "增收帮扶责任人"],
        ["H1", "甲", "     无        ", " \u3000 /  \u3000  ", "  暂无          "],
        ["H2", "乙", "–", "\\", "―"],
        ["H3", "丙", "＼", "——", "-"],
      ]),
    );
    for (const h of padded.households.slice(1)) {
      expect([h.values.wageIncome, h.values.lastContactDate, h.values.supportCadre]).toEqual([undefined, undefined, undefined]);
    }
    expect(padded.households[0].values.wageIncome).toBeUndefined();
    expect(padded.households[0].values.lastContactDate).toBeUndefined();
    expect(padded.households[0].values.supportCadre).toBeUndefined();
    expect(padded.problems).toEqual([]);
  });
});

describe("duplicates", () => {
  it("the same person on two rows of a person-level export", () => {
    const same = syntheticId("19900101", 7);
    const ledger = readLedger(
      sheetOf("台账", [
        ["户编号", "证件号码", "姓名", "与户主关系"],
        ["H1", syntheticId("19600101", 1), "甲", "户主"],
        ["H1", same, "乙", "之子"],
        ["H2", syntheticId("19610101", 2), "丙", "户主"],
        ["H2", same.toLowerCase(), "乙", "之子"],
        ["H3", "123", "丁", "户主"],
        ["H3", " 123 ", "丁", "户主"],
      ]),
    );
    expect(ledger.duplicates).toEqual([
      {
        key: same,
        field: "personId",
        cells: [
          { row: 3, column: "B" },
          { row: 5, column: "B" },
        ],
      },
      {
        key: "123",
        field: "personId",
        cells: [
          { row: 6, column: "B" },
          { row: 7, column: "B" },
        ],
      },
    ]);
  });

  it("the same household on two rows of a household-level ledger: two households, one duplicate", () => {
    const ledger = readLedger(
      sheetOf("台账", [
        ["户编号", "户主姓名", "人均纯收入"],
        ["H1", "甲", 12000],
        ["H2", "乙", 9000],
        ["H1", "甲", 12500],
      ]),
    );
    expect(ledger.layout).toBe("household");
    expect(ledger.households).toHaveLength(3);
    expect(ledger.duplicates).toEqual([
      {
        key: "H1",
        field: "householdId",
        cells: [
          { row: 2, column: "A" },
          { row: 4, column: "A" },
        ],
      },
    ]);
  });
});

describe("rows with a blank household key", () => {
  it("household-level: the row is still a household, and the blank key is reported", () => {
    const ledger = readLedger(
      sheetOf("台账", [
        ["户编号", "户主姓名", "人均纯收入"],
        ["H1", "甲", 12000],
        [null, "乙", 9000],
      ]),
    );
    expect(ledger.households.map((h) => [h.key, h.rows])).toEqual([
      ["H1", [2]],
      ["", [3]],
    ]);
    expect(ledger.problems).toEqual([
      {
        cell: { row: 3, column: "A" },
        field: "householdId",
        value: null,
        kind: "unreadable",
        message: "第3行有数据，但户编号为空：该行按单独一户检查，请补填户编号",
      },
    ]);
  });

  it("person-level: a head with a blank key starts a household of its own", () => {
    const ledger = readLedger(
      sheetOf("台账", [
        ["户编号", "证件号码", "姓名", "与户主关系"],
        ["H1", syntheticId("19600101", 1), "甲", "户主"],
        [null, syntheticId("19620101", 2), "乙", "配偶"],
        [null, syntheticId("19700101", 3), "丙", "户主"],
        [null, syntheticId("19990101", 4), "丁", "之女"],
      ]),
    );
    expect(ledger.households.map((h) => [h.key, h.rows])).toEqual([
      ["H1", [2, 3]],
      ["", [4, 5]],
    ]);
    expect(ledger.problems.map((p) => p.cell)).toEqual([{ row: 4, column: "A" }]);
  });

  it("skips rows that only carry a pre-filled 序号 and a column-numbering row", () => {
    const ledger = readLedger(
      sheetOf("台账", [
        ["序号", "户编号", "户主姓名", "人均纯收入"],
        [1, 2, 3, 4],
        [1, "H1", "甲", 12000],
        [2, null, null, null],
        [3, "", " ", null],
      ]),
    );
    expect(ledger.households.map((h) => h.rows)).toEqual([[3]]);
    expect(ledger.problems).toEqual([]);
  });
});

describe("totals and notes written in the household-key column", () => {
  // A hand-kept ledger whose first column is 户编号: the rows under the table put their label there.
  const ledger = readLedger(
    sheetOf("台账", [
      ["户编号", "户主姓名", "家庭人口数", "人均纯收入", "帮扶措施"],
      ["H1", "甲", 2, 9000, "务工"],
      ["H2", "乙", 3, 13000, "务工"],
      ["总计：2户5人", null, 5, null, null],
      ["合计（2户）", null, 5, null, null],
      ["说明：本表数据截至2025年11月底", null, null, null, null],
      ["填表人：某某", null, null, "审核人：某某", null],
    ]),
  );

  it("are not households: a total with a count after its label, a note, a signature line", () => {
    expect(ledger.households.map((h) => [h.key, h.rows])).toEqual([
      ["H1", [2]],
      ["H2", [3]],
    ]);
    expect(ledger.personCount).toBe(5);
    expect(ledger.problems).toEqual([]);
  });

  it("a household whose key merely contains 合计 or 说明 is still read", () => {
    const kept = readLedger(
      sheetOf("台账", [
        ["户编号", "户主姓名", "人均纯收入"],
        ["合计村001", "甲", 9000],
        ["说明村002", "乙", 9000],
      ]),
    );
    expect(kept.households.map((h) => h.key)).toEqual(["合计村001", "说明村002"]);
  });
});

describe("sparse rows as a streaming host hands them over", () => {
  it("reads rows with holes", () => {
    const row = (entries: [number, unknown][]) => {
      const out: unknown[] = new Array(6);
      for (const [i, v] of entries) out[i] = v;
      return out;
    };
    const cells = [
      row([[0, "台账"]]),
      row([
        [1, "户编号"],
        [2, "户主姓名"],
        [3, "家庭人口数"],
        [5, "人均纯收入"],
      ]),
      row([
        [1, "H1"],
        [2, "甲"],
        [5, 12000],
      ]),
      new Array(6),
      row([
        [1, "H2"],
        [3, 2],
        [5, "9000"],
      ]),
      row([[2, "填表人：某某"]]),
    ];
    const ledger = readLedger(sheetOf("台账", cells));
    expect(ledger.headerRow).toBe(2);
    expect(ledger.columns.map((c) => c.header)).toEqual(["", "户编号", "户主姓名", "家庭人口数", "", "人均纯收入"]);
    expect(ledger.households.map((h) => [h.key, h.rows, h.values.perCapitaIncome])).toEqual([
      ["H1", [3], 12000],
      ["H2", [5], 9000],
    ]);
    expect(ledger.problems).toEqual([]);
  });
});

describe("user mapping", () => {
  const cells = [
    ["农户序号", "户主", "人数", "年人均收入", "联系人", "帮扶责任人", "措施"],
    ["N1", "甲", 3, "12000", "干部甲", "干部乙", "务工、养殖"],
  ];

  it("names columns detection does not know", () => {
    expect(readLedger(sheetOf("台账", cells)).keyField).toBe("headName");
    const ledger = readLedger(sheetOf("台账", cells), {
      mapping: { 农户序号: "householdId", "年人均收入（元）": "perCapitaIncome", 措施: "measures" },
    });
    expect(ledger.keyField).toBe("householdId");
    expect(ledger.fieldColumns.householdId).toMatchObject({ header: "农户序号", letter: "A", matchedBy: "userMapping" });
    expect(ledger.households[0].values).toMatchObject({ householdId: "N1", perCapitaIncome: 12000, headName: "甲", householdSize: 3 });
    expect(ledger.households[0].measures).toEqual(["务工", "养殖"]);
  });

  it("makes a sheet a ledger that detection alone would refuse", () => {
    const sheet = sheetOf("台账", [
      ["农户序号", "年人均收入", "备注"],
      ["N1", 9000, "公益岗"],
    ]);
    expect(() => readLedger(sheet)).toThrow(LedgerNotFoundError);
    const ledger = readLedger(sheet, { mapping: { 农户序号: "householdId", 年人均收入: "perCapitaIncome", 备注: "measures" } });
    expect(ledger.households.map((h) => [h.key, h.values.perCapitaIncome, h.measures])).toEqual([["N1", 9000, ["公益岗"]]]);
  });

  it("overrides detection, and null ignores a column", () => {
    const ledger = readLedger(sheetOf("台账", cells), {
      mapping: { 农户序号: "householdId", 年人均收入: "perCapitaIncome", 联系人: "supportCadre", 人数: null },
    });
    expect(ledger.fieldColumns.supportCadre?.header).toBe("联系人");
    expect(ledger.columns[5]).toMatchObject({ header: "帮扶责任人", field: null });
    expect(ledger.columns[2]).toMatchObject({ header: "人数", field: null, matchedBy: "userMapping" });
    expect(ledger.fieldColumns.householdSize).toBeUndefined();
    expect(ledger.households[0].values.supportCadre).toBe("干部甲");
    expect(ledger.personCount).toBe(1);
  });

  it("refuses an unknown field and two columns mapped to one field", () => {
    expect(() => readLedger(sheetOf("台账", cells), { mapping: { 农户编码: "hid" as never } })).toThrow(InputError);
    expect(() => readLedger(sheetOf("台账", cells), { mapping: { 农户序号: "householdId", 联系人: "householdId" } })).toThrow(
      /两列都指定为“户编号”/,
    );
  });
});

describe("no ledger", () => {
  it("an empty sheet", () => {
    expect(() => readLedger(sheetOf("Sheet3", []))).toThrow(new LedgerNotFoundError("Sheet3", "工作表“Sheet3”是空的"));
  });

  it("a sheet of meeting notes", () => {
    const notes = sheetOf("会议纪要", [["会议纪要"], ["2024年6月5日，街道召开增收帮扶推进会。"], ["一、各村汇报走访情况。"]]);
    expect(() => readLedger(notes)).toThrow("在工作表“会议纪要”的前15行中没有找到台账表头（需要户编号、证件号码、人均纯收入等列）");
  });
});

describe("findLedgerSheet", () => {
  const cover = sheetOf("封面", [["XX街道脱贫户增收台账"], [], ["填报单位：XX街道办事处"], ["2024年6月"]]);
  const ledgerSheet = sheetOf("台账", personSheet().cells);

  it("picks the second sheet when the first is a cover page", () => {
    const choice = findLedgerSheet([cover, ledgerSheet]);
    expect(choice.sheet.name).toBe("台账");
    expect(choice.ledger.households).toHaveLength(3);
    expect(choice.rejected).toEqual([
      { sheetName: "封面", reason: "在工作表“封面”的前15行中没有找到台账表头（需要户编号、证件号码、人均纯收入等列）" },
    ]);
  });

  it("says why for every sheet when none holds a ledger", () => {
    const error = (() => {
      try {
        findLedgerSheet([cover, sheetOf("Sheet2", [])]);
      } catch (e) {
        return e as LedgerNotFoundError;
      }
      throw new Error("expected an error");
    })();
    expect(error).toBeInstanceOf(LedgerNotFoundError);
    expect(error.message).toBe(
      "工作簿的2个工作表中都没有找到台账：\n- 在工作表“封面”的前15行中没有找到台账表头（需要户编号、证件号码、人均纯收入等列）\n- 工作表“Sheet2”是空的",
    );
  });

  it("an empty workbook, and a one-sheet workbook", () => {
    expect(() => findLedgerSheet([])).toThrow(new LedgerNotFoundError("", "工作簿中没有工作表"));
    expect(() => findLedgerSheet([sheetOf("Sheet1", [])])).toThrow(new LedgerNotFoundError("Sheet1", "工作表“Sheet1”是空的"));
  });
});

describe("a large export", () => {
  it("reads 20,000 person rows", () => {
    const header = ["户编号", "证件号码", "姓名", "与户主关系", "家庭人口数", "人均纯收入（元）", "劳动技能", "帮扶措施", "最近走访日期"];
    const cells: unknown[][] = [TITLE, SUBTITLE, header];
    const relations = ["户主", "配偶", "之子", "之女"];
    for (let i = 0; i < 20_000; i++) {
      const household = Math.floor(i / 4);
      const day = String((household % 28) + 1).padStart(2, "0");
      const month = String((household % 12) + 1).padStart(2, "0");
      const birth = `${1950 + (household % 60)}${month}${day}`;
      cells.push([
        `H${String(household).padStart(6, "0")}`,
        syntheticId(birth, i % 4),
        `成员${i}`,
        relations[i % 4],
        4,
        String(8000 + (household % 9000)),
        "普通劳动力",
        "就业帮扶、产业帮扶",
        45413,
      ]);
    }
    const started = Date.now();
    const ledger: Ledger = readLedger(sheetOf("台账", cells));
    const elapsed = Date.now() - started;
    expect(ledger.layout).toBe("person");
    expect(ledger.households).toHaveLength(5000);
    expect(ledger.personCount).toBe(20_000);
    expect(ledger.problems).toEqual([]);
    expect(ledger.households[4999].members[3].values.birthDate).toEqual(parseResidentId(cells[cells.length - 1][1]).birthDate);
    // Not a timing assertion; printed to notice a regression by eye.
    if (process.env.BANGFU_TIMING) console.log(`20000 rows read in ${elapsed} ms`);
  });
});

describe("户主证件号码 does not make a household ledger person-level", () => {
  it("a repeated 户编号 in a household ledger with 户主证件号码 stays household-level and is reported as a duplicate household", () => {
    const ledger = readLedger({
      name: "台账",
      cells: [
        ["户编号", "户主姓名", "户主证件号码", "人均纯收入"],
        ["H001", "赵一", "", 12000],
        ["H002", "钱二", "", 13000],
        ["H002", "孙三", "", 14000],
      ],
    });
    expect(ledger.layout).toBe("household");
    expect(ledger.households).toHaveLength(3);
    expect(ledger.duplicates).toEqual([
      {
        key: "H002",
        field: "householdId",
        cells: [
          { row: 3, column: "A" },
          { row: 4, column: "A" },
        ],
      },
    ]);
  });
});

describe("户编号 stored as a long number", () => {
  it("is still the key, and reported: Excel has dropped digits past the fifteenth", () => {
    const ledger = readLedger({
      name: "台账",
      cells: [
        ["户编号", "户主姓名", "人均纯收入"],
        [3704021010040010, "赵一", 12000],
        [370402101004001, "钱二", 13000],
      ],
    });
    expect(ledger.households.map((h) => h.key)).toEqual(["3704021010040010", "370402101004001"]);
    expect(ledger.problems).toHaveLength(1);
    expect(ledger.problems[0]).toMatchObject({ cell: { row: 2, column: "A" }, field: "householdId", kind: "unreadable" });
    expect(ledger.problems[0].message).toContain("设为“文本”格式");
  });
});

describe("rows of the real templates", () => {
  it("a type-marker row (N under the number columns) under the header is not data", () => {
    const ledger = readLedger(
      sheetOf("人口统计", [
        ["农户编码", "户主姓名", "年龄", "劳动力状况", "领取低保、五保、残疾金额(元)"],
        [null, null, "N", null, "N"],
        ["N001", "甲", 52, "普通劳动力", null],
        ["N001", "乙", 50, "普通劳动力", null],
      ]),
    );
    expect(ledger.households.map((h) => h.rows)).toEqual([[3, 4]]);
    // 户主姓名 holds each member's name here: read as 姓名.
    expect(ledger.layout).toBe("person");
    expect(ledger.households[0].members.map((m) => m.values.name)).toEqual(["甲", "乙"]);
    expect(ledger.fieldColumns.name?.header).toBe("户主姓名");
    expect(ledger.layoutReason).toContain("按成员姓名读取");
  });

  it("a 20-character 残疾人证号 in the ID column: the first 18 characters are the ID, the last digit the grade", () => {
    const id = syntheticId("19690821", 22);
    const ledger = readLedger(
      sheetOf("台账", [
        ["户编号", "证件类型", "证件号码", "与户主关系"],
        ["H1", "居民身份证", syntheticId("19670312", 11), "户主"],
        ["H1", "残疾人证", `${id}42`, "配偶"],
      ]),
    );
    expect(ledger.problems).toEqual([]);
    expect(ledger.households[0].members[1].values).toMatchObject({ personId: id, disability: 2 });
    expect(ledger.households[0].members[0].values.disability).toBeUndefined();
  });

  it(
    "a household ledger: every relation the head, household sizes above one: persons counted " +
      "by 家庭人口数, the plain 身份证号 read as the head's",
    () => {
      const ledger = readLedger(
        sheetOf("台账", [
          ["户编号", "户主姓名", "身份证号", "与户主关系", "家庭人口数", "人均纯收入"],
          ["H1", "甲", syntheticId("19700101", 1), "户主", 4, 9000],
          ["H2", "乙", syntheticId("19710101", 2), "户主", 3, 9000],
        ]),
      );
      expect(ledger).toMatchObject({ layout: "household", personCount: 7, keyField: "householdId" });
      expect(ledger.fieldColumns.headId?.header).toBe("身份证号");
      expect(ledger.fieldColumns.personId).toBeUndefined();
      expect(ledger.households[0].values.headId).toBe(syntheticId("19700101", 1));
      expect(ledger.households[0].members[0].values.birthDate).toEqual({ year: 1970, month: 1, day: 1 });
    },
  );

  it("a second column for a field that holds nothing else is not reported; one that holds other data is", () => {
    const quiet = readLedger(
      sheetOf("台账", [
        ["户编号", "户主姓名", "公益性岗位", "公益性岗位类型"],
        ["H1", "甲", "护林员", ""],
        ["H2", "乙", "保洁员", "保洁员"],
      ]),
    );
    expect(quiet.problems).toEqual([]);
    const loud = readLedger(
      sheetOf("台账", [
        ["户编号", "户主姓名", "公益性岗位", "公益性岗位类型"],
        ["H1", "甲", "护林员", "保洁员"],
      ]),
    );
    expect(loud.problems.map((p) => [p.cell, p.field])).toEqual([[{ row: 1, column: "D" }, "welfarePost"]]);
  });

  it("a post or a 兜底保障 a member holds counts as the household's measure", () => {
    const ledger = readLedger(
      sheetOf("台账", [
        ["户编号", "姓名", "与户主关系", "公益性岗位", "社会保障兜底保障类型"],
        ["H1", "甲", "户主", "护林员", "低保金"],
        ["H1", "乙", "配偶", "", "低保金"],
        ["H2", "丙", "户主", "无", "无"],
      ]),
    );
    expect(ledger.households.map((h) => h.measures)).toEqual([["公益性岗位：护林员", "兜底保障：低保金"], []]);
  });
});
