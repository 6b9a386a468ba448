import { isNoMarker, parseCoverage, parseLabor, parseStudent, parseYesNo, readFieldCell, splitMeasures } from "../../src/ledger";
import { InputError } from "../../src/values";

describe("ledger value readers", () => {
  it.each(["是", "√", "Y", "y", "yes", "1", 1, true, "有", "已参保", "参保", "已参加", "TRUE", "ｙ", "已缴费", "已缴"])(
    "%j is yes",
    (value) => {
      expect(parseYesNo(value, "医保参保")).toBe(true);
    },
  );

  it.each(["否", "×", "N", "n", "0", 0, false, "无", "未参保", "未参加", "false", "未缴费", "未缴", "不是"])("%j is no", (value) => {
    expect(parseYesNo(value, "医保参保")).toBe(false);
  });

  it("leaves blanks unknown and refuses anything else", () => {
    expect(parseYesNo("  ", "医保参保")).toBeNull();
    expect(parseYesNo(null, "医保参保")).toBeNull();
    expect(() => parseYesNo("待定", "医保参保")).toThrow(new InputError("无法把“待定”识别为医保参保（应为 是 或 否，也可写 √、×、1、0）"));
    expect(() => parseYesNo(2, "医保参保")).toThrow(InputError);
  });

  it.each([
    ["农村低保", true],
    ["城市低保", true],
    ["是", true],
    ["否", false],
    ["未享受", false],
    ["无", false],
    ["不符合", false],
    ["非低保户", false],
    ["-", false],
    [350, true],
    [0, false],
  ] as const)("coverage %j → %s", (value, expected) => {
    expect(parseCoverage(value)).toBe(expected);
  });

  it.each([
    ["技能劳动力", "able"],
    ["普通劳动力", "able"],
    ["弱劳动力或半劳动力", "weak"],
    ["半劳动力", "weak"],
    ["弱劳动力", "weak"],
    ["丧失劳动力", "unable"],
    ["无劳动力", "unable"],
  ] as const)("labour %s → %s", (value, expected) => {
    expect(parseLabor(` ${value} `, "劳动技能")).toBe(expected);
  });

  it("refuses unknown labour text", () => {
    expect(() => parseLabor("务工", "劳动技能")).toThrow(/无法把“务工”识别为劳动技能/);
  });

  it.each([
    ["非在校生", false],
    ["否", false],
    ["无", false],
    ["不在校", false],
    ["已毕业", false],
    ["是", true],
    ["在校生", true],
    ["小学", true],
    ["初中", true],
    ["高中", true],
    ["中职", true],
    ["大学", true],
    ["本科及以上", true],
    ["学前教育", true],
    ["七年级", true],
    ["某某市第一中学", true],
  ] as const)("student %s → %s", (value, expected) => {
    expect(parseStudent(value, "在校生状况")).toBe(expected);
  });

  it("refuses unknown school status", () => {
    expect(() => parseStudent("务农", "在校生状况")).toThrow(InputError);
  });

  it("tells a 'not applied' mark in a measure-kind column", () => {
    for (const no of ["否", "无", "0", 0, "×", "N", "n", "/", "-", "—", "", null, false]) expect([no, isNoMarker(no)]).toEqual([no, true]);
    for (const yes of ["是", "√", 1, "种植大棚", "2024年", "Y"]) expect([yes, isNoMarker(yes)]).toEqual([yes, false]);
  });

  it("splits free-text measures", () => {
    expect(splitMeasures("就业帮扶，小额信贷、公益岗;养殖；种植/托管\n雨露计划\r\n就业帮扶")).toEqual([
      "就业帮扶",
      "小额信贷",
      "公益岗",
      "养殖",
      "种植",
      "托管",
      "雨露计划",
    ]);
    expect(splitMeasures(" 产业帮扶 ,  ")).toEqual(["产业帮扶"]);
    expect(splitMeasures("无")).toEqual([]);
    expect(splitMeasures(null)).toEqual([]);
  });

  it("reads a cell by its field's type and never throws for a bad value", () => {
    expect(readFieldCell("perCapitaIncome", "１２,０００")).toEqual({ status: "ok", value: 12000 });
    expect(readFieldCell("perCapitaIncome", "  ")).toEqual({ status: "blank" });
    expect(readFieldCell("disability", "无")).toEqual({ status: "blank" });
    expect(readFieldCell("lastContactDate", "2024-02")).toEqual({ status: "ok", value: { year: 2024, month: 2, day: 29 } });
    expect(readFieldCell("birthDate", "2024-02")).toEqual({ status: "ok", value: { year: 2024, month: 2, day: 1 } });
    expect(readFieldCell("personId", 370402198001011234)).toMatchObject({ status: "problem", kind: "idNumber" });
    expect(readFieldCell("tier", "低收入户")).toEqual({ status: "ok", value: "low" });
    expect(readFieldCell("householdId", " H001 ")).toEqual({ status: "ok", value: "H001" });
    expect(readFieldCell("householdId", 3704020010001)).toEqual({ status: "ok", value: "3704020010001" });
    // exceljs-style objects are unwrapped.
    expect(readFieldCell("perCapitaIncome", { formula: "A1/B1", result: 9000 })).toEqual({ status: "ok", value: 9000 });
    expect(readFieldCell("name", { richText: [{ text: "某" }, { text: "甲" }] })).toEqual({ status: "ok", value: "某甲" });
  });
});
