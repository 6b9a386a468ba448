/**
 * Cell values as national-system exports and hand-kept ledgers write them
 * (LEDGER-COLUMNS.md "Values"; DOMAIN.md "Values are messy").
 */
import { parseCoverage, parseStudent } from "../../src/ledger/values";
import { parseDate } from "../../src/values";

describe("日期带时间", () => {
  test.each(["2025-12-01 00:00:00", "2025/12/01 10:30", "2025-12-01T00:00:00", "2025/12/1 8:05:09", "2025年12月1日 10:30"])(
    "%p is 2025-12-01",
    (text) => {
      expect(parseDate(text, "最近走访日期")).toEqual({ year: 2025, month: 12, day: 1 });
    },
  );

  test("a time alone, or a time after an impossible date, is still refused", () => {
    expect(() => parseDate("10:30", "最近走访日期")).toThrow("最近走访日期");
    expect(() => parseDate("2025-02-30 10:30", "最近走访日期")).toThrow("不是存在的日期");
  });
});

describe("享受低保/特困政策情况", () => {
  test.each(["已退出低保", "退出", "已取消", "停发", "已注销特困供养"])("%p is not covered", (text) => {
    expect(parseCoverage(text)).toBe(false);
  });

  test.each(["农村低保", "城市低保", "低保户", "全额低保"])("%p is covered", (text) => {
    expect(parseCoverage(text)).toBe(true);
  });
});

describe("在校生状况", () => {
  test.each(["学龄前儿童", "学龄前", "失学", "未入学", "未上学"])("%p is not a student", (text) => {
    expect(parseStudent(text, "在校生状况")).toBe(false);
  });

  test.each(["学前教育", "小学三年级", "普通高中一年级", "本科"])("%p is a student", (text) => {
    expect(parseStudent(text, "在校生状况")).toBe(true);
  });
});
