/**
 * Values that are readable but cannot be right: a household of a billion, an age of 999 or
 * 60.5, an ID number born in the future, two columns for one field, a function over a million
 * cells. Each is refused or reported with the bound it breaks and why.
 */
import { AGE, FILIAL_MATCH, PER_CAPITA, TIER } from "../../src/functions/functions";
import { perCapitaNetIncome } from "../../src/formulas";
import { readLedger } from "../../src/ledger";
import {
  AGE_LIMIT,
  formatDate,
  IdNumberError,
  MAX_FUNCTION_CELLS,
  MAX_HOUSEHOLD_SIZE,
  parseAgeInYears,
  parseHouseholdSize,
  parseResidentId,
  today,
} from "../../src/values";
import { check, findingsOf, read, residentId } from "../support/ledgerFixtures";
import { thrown } from "../support/thrown";

const one = (result: unknown[][]): unknown => result[0][0];

function valueErrorMessage(cell: unknown): string {
  expect(cell).toBeInstanceOf(CustomFunctions.Error);
  const error = cell as CustomFunctions.Error;
  expect(error.code).toBe("#VALUE!");
  return error.message ?? "";
}

/** Excel's serial of a date after 1900-03-01, computed here. */
function serial(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** YYYYMMDD `days` days after today. */
function daysFromToday(days: number): string {
  const now = today();
  const date = new Date(Date.UTC(now.year, now.month - 1, now.day + days));
  return `${date.getUTCFullYear()}${String(date.getUTCMonth() + 1).padStart(2, "0")}${String(date.getUTCDate()).padStart(2, "0")}`;
}

describe("household size: 1 to 100 members", () => {
  test("the bound is a documented constant; 1e9, 101 and 0 are refused, 100 is not", () => {
    expect(MAX_HOUSEHOLD_SIZE).toBe(100);
    expect(parseHouseholdSize(100, "家庭人口数")).toBe(100);
    for (const size of [1e9, "1000000000", 101]) expect(() => parseHouseholdSize(size, "家庭人口数")).toThrow("一户最多按100人计");
    expect(() => parseHouseholdSize(0, "家庭人口数")).toThrow("应大于0");
    expect(() =>
      perCapitaNetIncome({ wageIncome: 1, businessIncome: 0, propertyIncome: 0, transferIncome: 0, businessCosts: 0 }, 1e9),
    ).toThrow("一户最多按100人计");
  });

  test("PER_CAPITA with 1e9 members is #VALUE!, not a per-capita income of a few fen", () => {
    expect(valueErrorMessage(one(PER_CAPITA([[30000]], [[0]], [[0]], [[0]], [[0]], [[1e9]])))).toContain("一户最多按100人计");
  });

  test("a ledger with 1e9 members: D04 on that cell, and the per-capita income is not computed from it", () => {
    const rows = [
      ["户编号", "户主姓名", "工资性收入", "生产经营性收入", "财产性收入", "转移性收入", "生产经营性支出", "家庭人口数"],
      ["H1", "甲", 30000, 0, 0, 0, 0, 1e9],
    ];
    const d04 = findingsOf(check(rows), "D04");
    expect(d04.map((f) => f.cell)).toEqual([{ row: 2, column: "H" }]);
    expect(d04[0].message).toContain("一户最多按100人计");
    expect(read(rows).households[0].values.householdSize).toBeUndefined();
  });
});

describe("ages: whole years from 0 to below 150", () => {
  test("the bound is a documented constant", () => {
    expect(AGE_LIMIT).toBe(150);
    expect(parseAgeInYears(149, "年龄")).toBe(149);
    expect(() => parseAgeInYears(150, "年龄")).toThrow("应小于150岁");
    expect(() => parseAgeInYears(999, "年龄")).toThrow("应小于150岁");
  });

  test.each<[string, unknown, string]>([
    ["60.5 as text", "60.5", "年龄应为整数"],
    ["60.5 as a number", 60.5, "年龄应为整数"],
    ["TRUE", true, "年龄应为数字"],
    ["999", 999, "应小于150岁"],
    ["150", "150", "应小于150岁"],
    ["-3", -3, "年龄不能为负数"],
    ["六十", "六十", "年龄"],
  ])("FILIAL_MATCH with an age of %s reports a bad age, not a bad ID number", (_label, age, fragment) => {
    const message = valueErrorMessage(one(FILIAL_MATCH([[3600]], [[age]])));
    expect(message).toContain(fragment);
    expect(message).not.toContain("身份证号");
  });

  test("ages that are right still work, and an ID number is still an ID number", () => {
    expect(one(FILIAL_MATCH([[3600]], [[61]]))).toBe(1080);
    expect(one(FILIAL_MATCH([[3600]], [["６１"]]))).toBe(1080);
    expect(one(FILIAL_MATCH([[3600]], [[149]]))).toBe(1080);
    expect(one(FILIAL_MATCH([[3600]], [[residentId("19500101")]], undefined, undefined, undefined, [[serial(2025, 6, 30)]]))).toBe(1080);
    expect(valueErrorMessage(one(FILIAL_MATCH([[3600]], [["37040219500101"]])))).toContain("身份证号");
  });

  test("a ledger's age column: 999 and 60.5 are D04 findings about the age", () => {
    const d04 = findingsOf(
      check([
        ["户编号", "户主姓名", "人均纯收入", "年龄"],
        ["H1", "甲", 12000, 999],
        ["H2", "乙", 12000, "60.5"],
        ["H3", "丙", 12000, 149],
      ]),
      "D04",
    );
    expect(d04.map((f) => f.cell)).toEqual([
      { row: 2, column: "D" },
      { row: 3, column: "D" },
    ]);
    expect(d04[0].message).toContain("应小于150岁");
    expect(d04[1].message).toContain("应为整数");
  });

  test("AGE on a date that makes the holder 150 or older is #VALUE!, naming the check date", () => {
    const message = valueErrorMessage(one(AGE([[residentId("19500101")]], [[serial(2100, 12, 31)]])));
    expect(message).toContain("150岁");
    expect(message).toContain("计算日期");
    expect(one(AGE([[residentId("19510101")]], [[serial(2100, 12, 31)]]))).toBe(149);
  });

  test("a birth-date column before 1890 or in the future is D04", () => {
    const d04 = findingsOf(
      check([
        ["户编号", "户主姓名", "人均纯收入", "出生日期"],
        ["H1", "甲", 12000, "1800-01-01"],
        ["H2", "乙", 12000, "2199-01-01"],
        ["H3", "丙", 12000, "1950-01-01"],
      ]),
      "D04",
    );
    expect(d04.map((f) => f.cell?.row)).toEqual([2, 3]);
    expect(d04[0].message).toContain("早于1890年");
    expect(d04[1].message).toContain("晚于今天");
  });
});

describe("an ID number whose birth date lies in the future", () => {
  const tomorrow = residentId(daysFromToday(1));
  const future = residentId("21990101");

  test("parseResidentId: a date error naming today", () => {
    for (const id of [tomorrow, future]) {
      const error = thrown(() => parseResidentId(id));
      expect(error).toBeInstanceOf(IdNumberError);
      expect((error as IdNumberError).problem).toBe("date");
      expect(error.message).toContain(`晚于今天（${formatDate(today())}）`);
    }
    expect(parseResidentId(residentId(daysFromToday(0))).number).toHaveLength(18);
  });

  test("the check flags it under D03, with the same words AGE uses", () => {
    const report = check([
      ["户编号", "姓名", "与户主关系", "证件号码", "人均纯收入"],
      ["H1", "甲", "户主", residentId("19700101"), 12000],
      ["H1", "乙", "子女", future, ""],
    ]);
    const d03 = findingsOf(report, "D03");
    expect(d03.map((f) => f.cell)).toEqual([{ row: 3, column: "D" }]);
    const ageMessage = valueErrorMessage(one(AGE([[future]])));
    expect(d03[0].message).toContain(ageMessage);
  });
});

describe("two columns for one field are reported: which one is used and why", () => {
  test("canonical spelling over an alias: 人均纯收入 used, 年人均纯收入 reported at its header cell", () => {
    const rows = [
      ["户编号", "户主姓名", "年人均纯收入", "人均纯收入"],
      ["H1", "甲", 9000, 16000],
    ];
    const d04 = findingsOf(check(rows), "D04");
    expect(d04.map((f) => f.cell)).toEqual([{ row: 1, column: "C" }]);
    expect(d04[0].message).toContain(
      "C列“年人均纯收入”与D列“人均纯收入”都是“人均纯收入”：本次检查使用D列（“人均纯收入”是该字段更常用的写法），没有使用C列的数据",
    );
    expect(d04[0].message).toContain("列映射");
    expect(read(rows).households[0].values.perCapitaIncome).toBe(16000);
  });

  test("the same header twice: the left one is used, and the message says that is why", () => {
    const rows = [
      ["户编号", "户主姓名", "人均纯收入", "人均纯收入"],
      ["H1", "甲", 9000, 16000],
    ];
    const d04 = findingsOf(check(rows), "D04");
    expect(d04.map((f) => f.cell)).toEqual([{ row: 1, column: "D" }]);
    expect(d04[0].message).toContain("本次检查使用C列（两列写法同样常用，取靠左的一列）");
  });

  test("a column mapping decides: the other column is reported as set aside by the mapping", () => {
    const ledger = readLedger(
      {
        name: "台账",
        cells: [
          ["户编号", "户主姓名", "人均纯收入", "核实收入"],
          ["H1", "甲", 9000, 16000],
        ],
      },
      { mapping: { 核实收入: "perCapitaIncome" } },
    );
    expect(ledger.households[0].values.perCapitaIncome).toBe(16000);
    expect(ledger.problems.map((p) => [p.cell, p.message.includes("列映射指定了D列")])).toEqual([[{ row: 1, column: "C" }, true]]);
  });

  test("a two-row header reports the child cell's row", () => {
    const d04 = findingsOf(
      check([
        ["户编号", "户主姓名", "收入情况", ""],
        ["", "", "人均纯收入", "人均纯收入"],
        ["H1", "甲", 9000, 16000],
      ]),
      "D04",
    );
    expect(d04.map((f) => f.cell)).toEqual([{ row: 2, column: "D" }]);
  });
});

describe(`a function call over more than ${MAX_FUNCTION_CELLS} cells is refused as a whole`, () => {
  function thrownValueError(call: () => unknown): string {
    const error = thrown(call);
    expect(error).toBeInstanceOf(CustomFunctions.Error);
    return (error as unknown as CustomFunctions.Error).message ?? "";
  }

  test("1,000,000 cells: #VALUE! for the call, stating the limit, before any cell is computed", () => {
    const million = Array.from({ length: 1_000_000 }, () => ["不是数字"]);
    const message = thrownValueError(() => TIER(million));
    expect(message).toContain("1,000,000 个单元格");
    expect(message).toContain("上限 100,000 个");
    expect(message).toContain("分成几段");
  }, 60_000);

  test("the limit applies to any argument; at the limit the call is computed", () => {
    const over = Array.from({ length: 1001 }, () => Array.from({ length: 100 }, () => 3600));
    expect(thrownValueError(() => FILIAL_MATCH(over, [[61]]))).toContain("100,100 个单元格");
    const atLimit = Array.from({ length: MAX_FUNCTION_CELLS }, () => [12000]);
    const result = TIER(atLimit);
    expect(result).toHaveLength(MAX_FUNCTION_CELLS);
    expect(result[MAX_FUNCTION_CELLS - 1]).toEqual(["中等收入"]);
  }, 60_000);
});
