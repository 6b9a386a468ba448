/** 检查结果: the findings as a table with links to the ledger cells; skipped rules in the notes. */
import { build, headers, HOUSEHOLD_ROWS, PERSON_ROWS, table, values } from "./fixtures";

describe("检查结果, person layout", () => {
  const t = table(build(PERSON_ROWS), "findings");

  test("columns, filterable", () => {
    expect(t.title).toBe("检查结果");
    expect(headers(t)).toEqual(["规则", "检查项", "严重程度", "条款", "户", "单元格", "说明", "数值"]);
    expect(t.filter).toBe(true);
  });

  test("the 16 findings the fixture was built to produce, by rule then row, with Chinese severities and cells", () => {
    // Letters: F 人均纯收入, H 帮扶措施, I 帮扶责任人, J 最近走访日期, L 庭院经济奖补, M 孝善养老缴纳金额, N 孝善养老奖补, O 公益性岗位月工资, R 小额信贷贴息
    expect(t.rows.map((r) => [r[0].value, r[2].value, r[3].value, r[4].value, r[5].value])).toEqual([
      ["D01", "错误", "—", "H04", "台账!F9"], // no income at all: no tier, the tier rules pass it over
      ["M01", "错误", "二（一）3", "H09", "台账!I17"], // no cadre
      ["M02", "错误", "二（一）3", "H05", "台账!J11"], // 2025-05-01 is before 2025-05-30
      ["M02", "错误", "二（一）3", "H09", "台账!J17"], // no visit
      ["M03", "错误", "二（一）", "H03", "台账!H8"],
      ["M03", "错误", "二（一）", "H05", "台账!H11"],
      ["M05", "错误", "二（四）8", "H01", "台账!O3"], // 1400 < 19 × 80
      ["M06", "错误", "二（六）12", "H01", "台账!L3"], // 2500 > 2000
      ["M06", "错误", "二（六）12", "H02", "台账!L5"], // middle-income
      ["M07", "错误", "二（十）20", "H02", "台账!N6"], // 1440 > 1080
      ["M07", "错误", "二（十）20", "H06", "台账!N12"], // aged 58
      ["M07", "提示", "二（十）20", "H09", "台账!M17"], // aged 70, nothing paid
      ["M10", "错误", "二（七）13", "H02", "台账!R5"], // not repaid
      ["M13", "警告", "一", "H03", "台账!F8"], // 16000/15000 = +6.67%
      ["M13", "警告", "一", "H05", "台账!F11"], // 10000/9500 = +5.26%
      ["M13", "错误", "一", "H09", "台账!F17"], // down from 8500
    ]);
  });

  test("each cell reference links to the ledger cell; the rule title and message are shown", () => {
    const m05 = t.rows[6];
    expect(m05[5]).toEqual({ value: "台账!O3", link: { sheet: "台账", cell: "O3" } });
    expect(m05[1].value).toBe("公益性岗位补贴低于当地小时最低工资标准");
    expect(m05[6].value).toContain("1,520元");
  });

  test("the last column shows the finding's numbers with their Chinese labels and units", () => {
    const m05 = t.rows[6];
    expect(m05[7].value).toBe("台账登记 1,400元；月工时 80小时；当地小时最低工资标准 19元/小时；最低应发 1,520元");
    const m02 = t.rows[3]; // H09: no visit recorded at all
    expect(m02[7].value).toBe(
      "最近走访（联系）日期 不详；应有走访的起始日 2025-05-30；检查日期 2025-06-30；长期不在家 否；低收入户走访（联系）间隔（月） 1月",
    );
  });

  test("notes: the counts, every skipped rule with its reason, unconfirmed parameters", () => {
    expect(t.notes).toEqual([
      "运行了12项检查，共16条：错误13条、警告2条、提示1条。点击单元格可转到台账。", // 19 rules − 7 skipped; 13 + 2 + 1
      "未运行：D05 人均纯收入与各项收入不符（缺少列：工资性收入、生产经营性收入、财产性收入、转移性收入、生产经营性支出、家庭人口数（或纯收入和家庭人口数））",
      "未运行：D06 台账填写的收入分层与人均纯收入不符（缺少列：收入分层）",
      "未运行：M04 低收入户有劳动能力成员，但无就业、公益岗或以工代赈措施（缺少列：劳动技能或是否劳动力）",
      "未运行：M08 缴费年龄段成员未参加城乡居民基本养老保险（缺少列：是否参加城乡居民基本养老保险）",
      "未运行：M09 成员未参加基本医疗保险；户未购买意外伤害保险（缺少列：是否参加城乡居民基本医疗保险或意外伤害保险）",
      "未运行：M11 齐鲁富民贷风险补偿用于100,000元及以上的单户贷款（缺少列：富民贷风险补偿、齐鲁富民贷金额）",
      "未运行：M12 无劳动能力的低收入户未纳入低保或特困供养（缺少列：劳动技能或是否劳动力、享受低保政策情况或享受特困供养政策情况或兜底保障类型）",
      "注意：“当地小时最低工资标准”使用内置默认值19元/小时，尚未确认（默认值仅供参考，请按本地人社部门公布的标准确认或修改）。",
      "注意：“当地农民人均可支配收入增幅”使用内置默认值7%，尚未确认（默认值仅供参考，请按本地统计部门公布的增幅确认或修改）。",
    ]);
  });
});

describe("检查结果, household layout", () => {
  test("4 findings; M13 among the skipped rules for want of 上年人均纯收入", () => {
    const t = table(build(HOUSEHOLD_ROWS), "findings");
    expect(t.rows.map((r) => values(r).slice(0, 6))).toEqual([
      ["D01", "缺少检查必需的列（户编号、人均纯收入或其构成）", "错误", "—", "K5", "台账!F6"], // blank income
      ["M03", "未落实任何增收措施（一户一策）", "错误", "二（一）", "K2", "台账!G3"],
      ["M03", "未落实任何增收措施（一户一策）", "错误", "二（一）", "K5", "台账!G6"],
      ["M06", "庭院经济奖补超标或发给非低收入户", "错误", "二（六）12", "K1", "台账!H2"], // high-income
    ]);
    expect(t.notes).toContain("未运行：M13 人均纯收入下降或增幅低于当地农民（缺少列：上年人均纯收入）");
  });

  test("a sheet-level finding: household （全表）, cell — without a link", () => {
    // No 户编号 column: households are keyed by 户主姓名 and D01 reports it for the whole sheet.
    const t = table(
      build([
        ["户主姓名", "村", "人均纯收入", "帮扶措施"],
        ["甲", "东村", 12000, "务工"],
      ]),
      "findings",
    );
    const d01 = t.rows.find((r) => r[0].value === "D01");
    expect(d01?.[4].value).toBe("（全表）");
    expect(d01?.[5]).toEqual({ value: "—" });
  });

  test("a quoted sheet name in the reference, the plain name in the link", () => {
    const t = table(build(HOUSEHOLD_ROWS, {}, "2025 台账"), "findings");
    expect(t.rows[0][5]).toEqual({ value: "'2025 台账'!F6", link: { sheet: "2025 台账", cell: "F6" } });
    expect(t.meta.sourceSheet).toBe("2025 台账");
  });

  test("no findings: one note says so", () => {
    const t = table(
      build([
        ["户编号", "户主姓名", "人均纯收入", "帮扶措施"],
        ["A1", "甲", 16000, "务工"],
      ]),
      "findings",
    );
    expect(t.rows).toEqual([]);
    expect(t.notes[0]).toMatch(/^运行了\d+项检查，未发现问题。$/);
  });
});
