/** 汇总-分层: households, persons, tiers and their shares, mean and median per village. */
import { build, headers, HOUSEHOLD_ROWS, PERSON_ROWS, r6, table, values } from "./fixtures";

describe("汇总-分层, person layout without towns", () => {
  const t = table(build(PERSON_ROWS), "tiers");

  test("columns: village, counts and shares of the three tiers, 收入不详 (H04 has no income), mean and median", () => {
    expect(t.title).toBe("汇总-分层");
    expect(headers(t)).toEqual([
      "村",
      "户数",
      "人数",
      "高收入户数",
      "高收入占比",
      "中等收入户数",
      "中等收入占比",
      "低收入户数",
      "低收入占比",
      "收入不详户数",
      "人均纯收入平均值",
      "人均纯收入中位数",
    ]);
    expect(t.columns.map((c) => c.format)).toEqual([
      "text",
      "integer",
      "integer",
      "integer",
      "percent",
      "integer",
      "percent",
      "integer",
      "percent",
      "integer",
      "yuan",
      "yuan",
    ]);
  });

  test("one row per village in pinyin order (东 dōng before 西 xī), the household without a village last", () => {
    expect(t.rows.map((r) => r[0].value)).toEqual(["东村", "西村", "（未填村）"]);
  });

  test("东村: 4 households, 8 persons (2+3+1+2 member rows); shares of the 3 with income; mean of an odd count", () => {
    expect(values(t.rows[0])).toEqual([
      "东村",
      4,
      8,
      1,
      r6(1 / 3), // H03 16000 of H01, H02, H03 (H04 收入不详 is not in the denominator)
      1,
      r6(1 / 3), // H02 12000
      1,
      r6(1 / 3), // H01 9000
      1, // H04
      12333.33, // (9000 + 12000 + 16000) / 3 = 12333.333…
      12000, // median of 9000, 12000, 16000 (odd count: the middle one)
    ]);
  });

  test("西村: 4 households, 6 persons (1+2+2+1); median of an even count is the mean of the two middle values", () => {
    expect(values(t.rows[1])).toEqual([
      "西村",
      4,
      6,
      1,
      0.25, // H07 20000: 1/4
      2,
      0.5, // H06 11000 (exactly the threshold is middle), H08 13000: 2/4
      1,
      0.25, // H05 10000: 1/4
      0,
      13500, // (10000 + 11000 + 13000 + 20000) / 4 = 54000 / 4
      12000, // (11000 + 13000) / 2
    ]);
  });

  test("（未填村）: H09 alone, low-income, 100%", () => {
    expect(values(t.rows[2])).toEqual(["（未填村）", 1, 1, 0, 0, 0, 0, 1, 1, 0, 8000, 8000]);
  });

  test("total row: 9 households, 15 persons; shares of the 8 with income; mean and even median over all", () => {
    expect(values(t.totalRow)).toEqual([
      "合计",
      9,
      15, // 8 + 6 + 1, the ledger's person count
      2,
      0.25, // H03, H07: 2/8
      3,
      0.375, // H02, H06, H08: 3/8
      3,
      0.375, // H01, H05, H09: 3/8
      1,
      12375, // (9000+12000+16000+10000+11000+13000+20000+8000) / 8 = 99000 / 8
      11500, // sorted 8000 9000 10000 11000 | 12000 13000 16000 20000 → (11000 + 12000) / 2
    ]);
  });

  test("notes: thresholds of the policy year, how persons are counted, the denominator of the shares", () => {
    expect(t.notes).toEqual([
      "分层标准（方案二（一），2025年参数）：人均纯收入不低于15,000元为高收入，11,000元至15,000元（不含）为中等收入，低于11,000元为低收入。",
      "人数：按台账成员行计；平均值、中位数按户计算，只计有人均纯收入的户。",
      "占比以有人均纯收入（可判定分层）的户数为分母；收入不详的户另列，不计入占比。",
    ]);
  });

  test("a stacked column chart of the three tier counts per village", () => {
    expect(t.chart).toEqual({ kind: "stackedColumn", title: "各村收入分层户数", categoryColumn: 0, seriesColumns: [3, 5, 7] });
    expect(t.chart?.seriesColumns.map((i) => t.columns[i].header)).toEqual(["高收入户数", "中等收入户数", "低收入户数"]);
  });

  test("widths fit the headers (a CJK character counts two)", () => {
    for (const c of t.columns) expect(c.width).toBeGreaterThanOrEqual([...c.header].length * 2);
  });
});

describe("汇总-分层, household layout with towns", () => {
  const t = table(build(HOUSEHOLD_ROWS), "tiers");

  test("a town column first; sorted by town then village in pinyin order (甲 jiǎ before 乙 yǐ), blanks last", () => {
    expect(headers(t).slice(0, 4)).toEqual(["乡镇", "村", "户数", "人数"]);
    expect(t.rows.map((r) => [r[0].value, r[1].value])).toEqual([
      ["甲镇", "北村"],
      ["甲镇", "南村"],
      ["乙镇", "北村"],
      ["乙镇", "（未填村）"],
      ["（未填乡镇）", "东村"],
    ]);
  });

  test("persons from 家庭人口数 (blank counts 1); a village whose households all lack income shows — for shares and means", () => {
    expect(t.rows.map(values)).toEqual([
      ["甲镇", "北村", 1, 1, 0, 0, 0, 0, 1, 1, 0, 9000, 9000], // K4
      ["甲镇", "南村", 2, 6, 0, 0, 1, 0.5, 1, 0.5, 0, 11250, 11250], // K2 10500 + K3 12000; size 2 + 4; mean = median = 22500 / 2
      ["乙镇", "北村", 1, 3, 1, 1, 0, 0, 0, 0, 0, 16000, 16000], // K1
      ["乙镇", "（未填村）", 1, 2, 0, "—", 0, "—", 0, "—", 1, "—", "—"], // K5, no income
      ["（未填乡镇）", "东村", 1, 1, 0, 0, 1, 1, 0, 0, 0, 14000, 14000], // K6, size blank → 1
    ]);
    expect(t.rows[3][5]).toEqual({ value: "—", format: "text" });
  });

  test("total: 13 persons (3+2+4+1+2+1); shares of 5 with income; median of 5", () => {
    expect(values(t.totalRow)).toEqual([
      "合计",
      null,
      6,
      13,
      1,
      0.2, // K1: 1/5
      2,
      0.4, // K3, K6: 2/5
      2,
      0.4, // K2, K4: 2/5
      1,
      12300, // (16000 + 10500 + 12000 + 9000 + 14000) / 5 = 61500 / 5
      12000, // 9000 10500 [12000] 14000 16000
    ]);
    expect(t.notes[1]).toBe(
      "人数：按“家庭人口数”计（未填的按“当前家庭人口数”，都未填的按1人计）；平均值、中位数按户计算，只计有人均纯收入的户。",
    );
  });

  test("the chart's categories are the village column (after the town column)", () => {
    expect(t.chart).toMatchObject({ categoryColumn: 1, seriesColumns: [4, 6, 8] });
  });
});

describe("汇总-分层 when every household has income", () => {
  test("no 收入不详 column and no denominator note", () => {
    const t = table(
      build([
        ["户编号", "户主姓名", "村", "家庭人口数", "人均纯收入"],
        ["A1", "甲", "东村", 2, 9000],
        ["A2", "乙", "东村", 3, 15000],
      ]),
      "tiers",
    );
    expect(headers(t)).not.toContain("收入不详户数");
    expect(values(t.totalRow)).toEqual(["合计", 2, 5, 1, 0.5, 0, 0, 1, 0.5, 12000, 12000]); // (9000 + 15000) / 2
    expect(t.notes.some((n) => n.includes("分母"))).toBe(false);
  });

  test("without any income column every household is 收入不详 and the note names the missing columns", () => {
    const t = table(
      build([
        ["户编号", "户主姓名", "村"],
        ["A1", "甲", "东村"],
      ]),
      "tiers",
    );
    expect(values(t.totalRow)).toEqual(["合计", 1, 1, 0, "—", 0, "—", 0, "—", 1, "—", "—"]);
    expect(t.notes).toContain("台账缺少列：人均纯收入（或各项收入、生产经营性支出和家庭人口数），无法判定收入分层，各户均计为收入不详。");
  });
});

describe("汇总-分层 counts persons as the ledger does", () => {
  test("a household with only 当前家庭人口数 counts that many persons, one with neither counts one; the total is the check's", () => {
    const built = build([
      ["户编号", "户主姓名", "村", "家庭人口数", "当前家庭人口数", "人均纯收入"],
      ["K1", "甲一", "北村", 3, 5, 16000],
      ["K2", "乙二", "北村", "", 4, 10500],
      ["K3", "丙三", "北村", "", "", 12000],
    ]);
    const t = table(built, "tiers");
    expect(values(t.totalRow).slice(0, 3)).toEqual(["合计", 3, 8]); // 3 + 4 + 1 persons
    expect(built.report.persons).toBe(8);
  });
});
