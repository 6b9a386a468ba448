/** 汇总-增收: mean per-capita income this year and last, growth, the gap to the farmers' growth (7% in 2025). */
import { build, headers, HOUSEHOLD_ROWS, PERSON_ROWS, POLICY, r6, table, values } from "./fixtures";

describe("汇总-增收, person layout", () => {
  const t = table(build(PERSON_ROWS), "growth");

  test("columns", () => {
    expect(t.title).toBe("汇总-增收");
    expect(POLICY.values.farmersIncomeGrowth).toBe(0.07);
    expect(headers(t)).toEqual([
      "村",
      "两年收入齐全户数",
      "本年人均纯收入平均值",
      "上年人均纯收入平均值",
      "增幅",
      "当地农民收入增幅",
      "差距（增幅−农民）",
      "是否达标",
    ]);
    expect(t.columns.map((c) => c.format)).toEqual(["text", "integer", "yuan", "yuan", "percent", "percent", "percent", "text"]);
  });

  test("per village: only households with both years (H04 has no income this year)", () => {
    expect(t.rows.map(values)).toEqual([
      // 东村: H01 9000/8000, H02 12000/11000, H03 16000/15000. 37000/3 = 12333.33; 34000/3 = 11333.33; 37000/34000 − 1 = 0.0882353
      ["东村", 3, 12333.33, 11333.33, r6(37000 / 34000 - 1), 0.07, r6(37000 / 34000 - 1 - 0.07), "达标"],
      // 西村: H05 10000/9500, H06 11000/10000, H07 20000/16000, H08 13000/12000. 54000/4 = 13500; 47500/4 = 11875
      ["西村", 4, 13500, 11875, r6(54000 / 47500 - 1), 0.07, r6(54000 / 47500 - 1 - 0.07), "达标"], // 13.68%, gap 6.68%
      // H09 8000/8500: −5.88%, gap −12.88%
      ["（未填村）", 1, 8000, 8500, r6(8000 / 8500 - 1), 0.07, r6(8000 / 8500 - 1 - 0.07), "未达标"],
    ]);
    expect(r6(37000 / 34000 - 1)).toBe(0.088235);
  });

  test("total: 99000 / 8 = 12375 against 90000 / 8 = 11250, growth exactly 10%, gap 3%", () => {
    expect(values(t.totalRow)).toEqual(["合计", 8, 12375, 11250, 0.1, 0.07, 0.03, "达标"]);
  });

  test("growth equal to the farmers' counts as 达标 (as rule M13); below it as 未达标", () => {
    const growth = table(
      build([
        ["户编号", "户主姓名", "村", "人均纯收入", "上年人均纯收入"],
        ["A1", "甲", "东村", 10700, 10000], // exactly 7%
        ["A2", "乙", "西村", 10699, 10000], // 6.99%
        ["A3", "丙", "西村", 12000, ""], // no last year: not counted
      ]),
      "growth",
    );
    expect(growth.rows.map(values)).toEqual([
      ["东村", 1, 10700, 10000, 0.07, 0.07, 0, "达标"],
      ["西村", 1, 10699, 10000, 0.0699, 0.07, -0.0001, "未达标"],
    ]);
  });

  test("notes: the method, and the farmers' growth is an unconfirmed default", () => {
    expect(t.notes).toEqual([
      "只计本年和上年人均纯收入都有（上年大于0）的户；增幅 = 本年平均值 ÷ 上年平均值 − 1；增幅不低于当地农民收入增幅为达标（与检查规则M13一致，方案一）。",
      "注意：“当地农民人均可支配收入增幅”使用内置默认值7%，尚未确认（默认值仅供参考，请按本地统计部门公布的增幅确认或修改）。",
    ]);
  });
});

describe("汇总-增收 without 上年人均纯收入", () => {
  test("— everywhere but the farmers' growth, and a note", () => {
    const t = table(build(HOUSEHOLD_ROWS), "growth");
    for (const row of [...t.rows, t.totalRow ?? []]) expect(values(row).slice(2)).toEqual(["—", "—", "—", "—", 0.07, "—", "—"]);
    expect(t.notes).toContain("台账缺少列：上年人均纯收入，无法计算增幅，相应数字显示为“—”。");
  });

  test("a village where no household has both years shows 0 households and —", () => {
    const t = table(
      build([
        ["户编号", "户主姓名", "村", "人均纯收入", "上年人均纯收入"],
        ["A1", "甲", "东村", 10700, 10000],
        ["A2", "乙", "西村", 12000, ""],
      ]),
      "growth",
    );
    expect(values(t.rows[1])).toEqual(["西村", 0, "—", "—", "—", 0.07, "—", "—"]);
  });
});
