/** 重点户清单: every low-income household, head's ID masked unless asked for in full, findings by severity. */
import { maskId } from "../../src/summaries";
import {
  build,
  H01_HEAD_ID,
  H05_HEAD_ID,
  H09_HEAD_ID,
  headers,
  HOUSEHOLD_ROWS,
  K2_HEAD_ID,
  K4_HEAD_ID,
  PERSON_ROWS,
  table,
  values,
} from "./fixtures";

/** The mask written out by hand: 6 characters, 8 stars, 4 characters. */
const masked = (id: string) => `${id.slice(0, 6)}********${id.slice(14)}`;

describe("maskId", () => {
  test("keeps the first 6 and last 4 characters of an 18-character ID", () => {
    expect(maskId("37040219750630101X")).toBe("370402********101X");
  });
  test("a 15-character number keeps 6 and 4 with 5 stars; a short text is all stars", () => {
    expect(maskId("370402750630123")).toBe("370402*****0123");
    expect(maskId("12345")).toBe("*****");
  });
});

describe("重点户清单, person layout", () => {
  const built = build(PERSON_ROWS);
  const t = table(built, "focus");

  test("columns, filterable; no town column when the ledger has none", () => {
    expect(t.title).toBe("重点户清单");
    expect(headers(t)).toEqual([
      "户编号",
      "户主",
      "户主证件号码",
      "村",
      "人均纯收入",
      "帮扶责任人",
      "最近走访日期",
      "帮扶措施",
      "错误",
      "警告",
      "提示",
    ]);
    expect(t.columns.map((c) => c.format)).toEqual([
      "text",
      "text",
      "text",
      "text",
      "yuan",
      "text",
      "date",
      "text",
      "integer",
      "integer",
      "integer",
    ]);
    expect(t.filter).toBe(true);
  });

  test("the three low-income households in ledger order, IDs masked, findings counted by severity", () => {
    expect(t.rows.map(values)).toEqual([
      // H01: M05 (post 1400 < 1520) and M06 (courtyard 2500 > 2000) errors
      ["H01", "张一", masked(H01_HEAD_ID), "东村", 9000, "钱干部", "2025-06-20", "公益性岗位、庭院经济", 2, 0, 0],
      // H05: M02 (last visit 2025-05-01) and M03 (no measure) errors; M13 warning (10000/9500 = +5.26% < 7%)
      ["H05", "周五", masked(H05_HEAD_ID), "西村", 10000, "孙干部", "2025-05-01", null, 2, 1, 0],
      // H09: M01 (no cadre), M02 (no visit), M13 (8000 < 8500) errors; M07 info (aged 70, no support paid)
      ["H09", "陈九", masked(H09_HEAD_ID), null, 8000, null, null, "低保", 3, 0, 1],
    ]);
    expect(String(t.rows[0][2].value)).toMatch(/^370402\*{8}\d{3}[\dX]$/);
  });

  test("each 户编号 links to the household's first cell in the key column", () => {
    expect(t.rows.map((r) => r[0].link)).toEqual([
      { sheet: "台账", cell: "A3" },
      { sheet: "台账", cell: "A11" },
      { sheet: "台账", cell: "A17" },
    ]);
  });

  test("notes: the count, and that IDs are masked", () => {
    expect(t.notes).toEqual([
      "共3户低收入户（人均纯收入低于11,000元）。错误、警告、提示为本次检查中该户的问题条数，详见“检查结果”；点击户编号可转到台账中该户。",
      "证件号码只显示前6位和后4位，中间以*代替；需要完整号码时，生成时选择显示完整证件号码（命令行 --full-ids）。",
    ]);
  });

  test("with fullIds the whole number is shown and the note warns about personal data", () => {
    const full = table(build(PERSON_ROWS, { fullIds: true }), "focus");
    expect(full.rows.map((r) => r[2].value)).toEqual([H01_HEAD_ID, H05_HEAD_ID, H09_HEAD_ID]);
    expect(full.notes[1]).toBe("本表显示完整证件号码，含个人信息，请妥善保管，勿外传。");
  });

  test("the head's ID is the 户主's even when another member's row comes first", () => {
    const rows = [PERSON_ROWS[1], PERSON_ROWS[3], PERSON_ROWS[2]]; // H01's spouse above the head
    const t2 = table(build(rows, { fullIds: true }), "focus");
    expect(t2.rows.map((r) => [r[0].value, r[1].value, r[2].value])).toEqual([["H01", "张一", H01_HEAD_ID]]);
  });
});

describe("重点户清单, household layout with towns", () => {
  const t = table(build(HOUSEHOLD_ROWS), "focus");

  test("a town column; the household row's 户主证件号码 masked; K2 has one M03 error", () => {
    expect(headers(t).slice(0, 5)).toEqual(["户编号", "户主", "户主证件号码", "乡镇", "村"]);
    expect(t.rows.map(values)).toEqual([
      ["K2", "乙二", masked(K2_HEAD_ID), "甲镇", "南村", 10500, null, null, null, 1, 0, 0],
      ["K4", "丁四", masked(K4_HEAD_ID), "甲镇", "北村", 9000, null, null, "庭院种植", 0, 0, 0],
    ]);
    expect(t.rows.map((r) => r[0].link)).toEqual([
      { sheet: "台账", cell: "A3" },
      { sheet: "台账", cell: "A5" },
    ]);
  });

  test("without income columns the list is empty and says why", () => {
    const empty = table(
      build([
        ["户编号", "户主姓名", "村"],
        ["A1", "甲", "东村"],
      ]),
      "focus",
    );
    expect(empty.rows).toEqual([]);
    expect(empty.notes[0]).toBe("台账缺少列：人均纯收入（或各项收入、生产经营性支出和家庭人口数），无法判定收入分层，清单为空。");
  });
});
