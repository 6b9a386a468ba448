/** 汇总-措施: households covered by each of the ten actions, by tier; households without a measure. */
import { build, headers, HOUSEHOLD_ROWS, PERSON_ROWS, r6, table, values } from "./fixtures";

describe("汇总-措施, person layout", () => {
  const t = table(build(PERSON_ROWS), "measures");

  test("columns: clause, action, covered, share of all households, by tier (and 收入不详, H04 has no income)", () => {
    expect(t.title).toBe("汇总-措施");
    expect(headers(t)).toEqual(["条款", "增收行动", "覆盖户数", "占全部户数", "其中高收入", "其中中等收入", "其中低收入", "其中收入不详"]);
  });

  test("all ten actions in the plan's order, then 无任何措施; counts by hand from the fixture's measures", () => {
    // 9 households: H01 low 公益性岗位、庭院经济 · H02 middle 务工 · H03 high — · H04 unknown 养殖、小额信贷 ·
    // H05 low — · H06 middle 产业帮扶 · H07 high 技能培训、慰问 · H08 middle 公益岗 · H09 low 低保
    expect(t.rows.map(values)).toEqual([
      ["二（一）", "收入监测帮扶", 0, 0, 0, 0, 0, 0],
      ["二（二）", "就业创业", 2, r6(2 / 9), 1, 1, 0, 0], // H07 技能培训 (high), H02 务工 (middle)
      ["二（三）", "以工代赈", 0, 0, 0, 0, 0, 0],
      ["二（四）", "公益岗位", 2, r6(2 / 9), 0, 1, 1, 0], // H08 公益岗 (middle), H01 公益性岗位 (low)
      ["二（五）", "生产经营", 2, r6(2 / 9), 0, 1, 0, 1], // H06 产业帮扶 (middle), H04 养殖 (unknown)
      ["二（六）", "庭院经济", 1, r6(1 / 9), 0, 0, 1, 0], // H01 庭院经济
      ["二（七）", "金融保险", 1, r6(1 / 9), 0, 0, 0, 1], // H04 小额信贷
      ["二（八）", "资产资源", 0, 0, 0, 0, 0, 0],
      ["二（九）", "救助资助", 1, r6(1 / 9), 0, 0, 1, 0], // H09 低保
      ["二（十）", "孝善养老", 0, 0, 0, 0, 0, 0],
      ["—", "无任何措施", 2, r6(2 / 9), 1, 0, 1, 0], // H03 (high), H05 (low)
    ]);
  });

  test("a household with two measures of two actions counts under both (H01 in 四 and 六, H04 in 五 and 七)", () => {
    const covered = (label: string) => t.rows.find((r) => r[1].value === label)?.[2].value;
    expect([covered("公益岗位"), covered("庭院经济"), covered("生产经营"), covered("金融保险")]).toEqual([2, 1, 2, 1]);
  });

  test("the 无任何措施 row is bold; the total row counts all households by tier", () => {
    expect(t.rows[10].every((c) => c.bold)).toBe(true);
    expect(values(t.totalRow)).toEqual(["合计", "全部户", 9, 1, 2, 3, 3, 1]);
  });

  test("notes: rows may add up to more than the households; measures no action knows are named", () => {
    expect(t.notes).toEqual([
      "措施按关键词归入方案的十项增收行动；一户可有多项措施，各行之和可大于户数。",
      "以下措施未能归入十项行动：“慰问”。",
    ]);
  });
});

describe("汇总-措施, household layout", () => {
  const t = table(build(HOUSEHOLD_ROWS), "measures");

  test("one measure text matching two actions (庭院种植: 庭院 → 六, 种植 → 五) counts under both", () => {
    const row = (label: string) => values(t.rows.find((r) => r[1].value === label));
    expect(row("生产经营")).toEqual(["二（五）", "生产经营", 1, r6(1 / 6), 0, 0, 1, 0]); // K4, low
    expect(row("庭院经济")).toEqual(["二（六）", "庭院经济", 1, r6(1 / 6), 0, 0, 1, 0]);
    expect(row("资产资源")).toEqual(["二（八）", "资产资源", 1, r6(1 / 6), 1, 0, 0, 0]); // K1 光伏分红, high
    expect(row("就业创业")).toEqual(["二（二）", "就业创业", 1, r6(1 / 6), 0, 1, 0, 0]); // K3 务工, middle
  });

  test("无任何措施: K2 (low) and K5 (unknown); K6's only measure is unmapped, so it is in neither, and the note says so", () => {
    expect(values(t.rows[10])).toEqual(["—", "无任何措施", 2, r6(2 / 6), 0, 0, 1, 1]);
    expect(t.notes[1]).toBe("以下措施未能归入十项行动：“慰问”，其中1户的措施均未能归类（不计入“无任何措施”）。");
  });
});

describe("汇总-措施 without any measure column", () => {
  test("every count is —, the total row still counts households by tier, and a note names the missing columns", () => {
    const t = table(
      build([
        ["户编号", "户主姓名", "人均纯收入"],
        ["A1", "甲", 9000],
        ["A2", "乙", 16000],
      ]),
      "measures",
    );
    expect(headers(t)).toEqual(["条款", "增收行动", "覆盖户数", "占全部户数", "其中高收入", "其中中等收入", "其中低收入"]);
    for (const row of t.rows) expect(values(row).slice(2)).toEqual(["—", "—", "—", "—", "—"]);
    expect(values(t.totalRow)).toEqual(["合计", "全部户", 2, 1, 1, 0, 1]);
    expect(t.notes[0]).toBe("台账缺少列：帮扶措施（或产业帮扶、就业帮扶等措施列），无法统计措施覆盖情况，相应数字显示为“—”。");
  });

  test("measure-kind columns (产业帮扶, 就业帮扶) count as measures: any non-blank, non-否 value applies", () => {
    const t = table(
      build([
        ["户编号", "户主姓名", "人均纯收入", "产业帮扶", "就业帮扶"],
        ["A1", "甲", 9000, "√", "否"],
        ["A2", "乙", 16000, "", "是"],
        ["A3", "丙", 12000, "", ""],
      ]),
      "measures",
    );
    const covered = (label: string) => values(t.rows.find((r) => r[1].value === label)).slice(2);
    expect(covered("生产经营")).toEqual([1, r6(1 / 3), 0, 0, 1]); // A1 产业帮扶, low
    expect(covered("就业创业")).toEqual([1, r6(1 / 3), 1, 0, 0]); // A2 就业帮扶, high
    expect(covered("无任何措施")).toEqual([1, r6(1 / 3), 0, 1, 0]); // A3, middle
  });
});
