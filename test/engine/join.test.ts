/** Side ledgers joined to the main one (src/engine/join.ts), on small ledgers built from the real header strings. */
import { reportNotes } from "../../src/checks";
import { checkSheets } from "../../src/engine/checkSheet";
import { joinLedgers } from "../../src/engine/join";
import { readLedger } from "../../src/ledger";
import { syntheticId } from "../ledger/helpers";

const AS_OF = { year: 2025, month: 12, day: 15 };
const head1 = syntheticId("19700101", 11);
const wife1 = syntheticId("19720202", 12);
const head2 = syntheticId("19650303", 21);

/** A national person export in short: 户编号, 人口编号, 证件号码, 与户主关系, income, 享受低保政策情况. */
const MAIN = {
  name: "监测对象信息",
  cells: [
    ["户编号", "人口编号", "姓名", "证件号码", "与户主关系", "劳动技能", "人均纯收入（元）", "享受低保政策情况", "增收帮扶责任人"],
    ["H1", "H101", "赵一", head1, "户主", "普通劳动力", 9000, "", ""],
    ["H1", "H102", "钱二", wife1, "配偶", "普通劳动力", 9000, "", ""],
    ["H2", "H201", "孙三", head2, "户主", "普通劳动力", 9500, "未享受", "干部乙"],
  ],
};

const main = () => readLedger(MAIN);

describe("joinLedgers", () => {
  test("a pairing export keyed by 户主个人编号 alone (the head's 人口编号): the current cadre, the main ledger's own cadre kept", () => {
    const pairing = readLedger({
      name: "帮扶责任人结对查询",
      cells: [
        ["姓名", "户主个人编号", "户主姓名", "帮扶开始时间", "帮扶结束时间"],
        ["干部甲", "H101", "赵一", "2021-03-01", "2024-02-29"],
        ["干部丙", "H101", "赵一", "2024-03-01", ""],
        ["干部丁", "H201", "孙三", "2022-01-01", ""],
        ["干部戊", "H999", "某某", "2022-01-01", ""],
      ],
    });
    expect(pairing).toMatchObject({ kind: "pairing", keyField: "headPersonNo", layout: "household", duplicates: [] });
    expect(pairing.households.map((h) => h.values.supportCadre)).toEqual(["干部丙", "干部丁", "干部戊"]);
    const joined = joinLedgers(main(), [{ ledger: pairing, source: "结对.xlsx" }], { year: 2025 });
    expect(joined.households.map((h) => h.values.supportCadre)).toEqual(["干部丙", "干部乙"]);
    expect(joined.households[0].sources).toEqual({ supportCadre: "结对.xlsx" });
    expect(joined.households[1].sources).toEqual({});
    expect(joined.joins).toEqual([
      {
        source: "结对.xlsx",
        sheetName: "帮扶责任人结对查询",
        role: "pairing",
        roleReason: expect.stringContaining("现任帮扶责任人"),
        keys: ["户主个人编号"],
        matched: 2,
        unmatched: 1,
        unmatchedKeys: ["H999"],
        households: 1,
        fields: ["supportCadre"],
        unreadable: 0,
      },
    ]);
  });

  test("the main ledger is not changed: the join makes new households", () => {
    const ledger = main();
    const before = JSON.stringify(ledger.households.map((h) => h.values));
    const pairing = readLedger({
      name: "结对",
      cells: [
        ["姓名", "户主证件号码", "帮扶开始时间"],
        ["干部甲", head1, "2021-03-01"],
      ],
    });
    const joined = joinLedgers(ledger, [{ ledger: pairing, source: "结对" }], { year: 2025 });
    expect(joined.households[0].values.supportCadre).toBe("干部甲");
    expect(JSON.stringify(ledger.households.map((h) => h.values))).toBe(before);
    expect(joined.households[1]).toBe(ledger.households[1]);
  });

  test(
    "incomes of an earlier year (the title says 2024年) are last year's; of the same year, " + "they only fill what the main ledger lacks",
    () => {
      const income = (title: string) =>
        readLedger({
          name: "全县全字段",
          cells: [
            [title],
            ["户编号", "证件号码", "与户主关系", "人均纯收入（元）", "是否享受农村居民最低生活保障", "是否参加城镇职工基本医疗保险"],
            ["H1", head1, "户主", 8000, "否", "是"],
            ["H1", wife1, "配偶", 8000, "是", "否"],
          ],
        });
      const lastYear = joinLedgers(main(), [{ ledger: income("全县全字段（2024年度）"), source: "全字段.xlsx" }], { year: 2025 });
      expect(lastYear.joins?.[0]).toMatchObject({ role: "lastYear", keys: ["户编号"], fields: ["lastYearPerCapitaIncome"] });
      expect(lastYear.households[0].values.lastYearPerCapitaIncome).toBe(8000);
      expect(lastYear.households[0].values.dibao).toBeUndefined();

      const sameYear = joinLedgers(main(), [{ ledger: income("全县全字段（2025年度）"), source: "全字段.xlsx" }], { year: 2025 });
      expect(sameYear.joins?.[0]).toMatchObject({ role: "supplement" });
      expect(sameYear.joins?.[0].fields).toEqual(["employeeMedicalInsurance", "dibao"]);
      const h1 = sameYear.households[0];
      // The main ledger's blank 低保 is filled (a member enjoys it), its income is kept, members' insurance matched by 证件号码.
      expect(h1.values).toMatchObject({ dibao: true, perCapitaIncome: 9000 });
      expect(h1.values.lastYearPerCapitaIncome).toBeUndefined();
      expect(h1.members.map((m) => m.values.employeeMedicalInsurance)).toEqual([true, false]);
      expect(h1.sources).toEqual({ dibao: "全字段.xlsx", employeeMedicalInsurance: "全字段.xlsx" });
      // The household that already said 未享受 keeps it.
      expect(sameYear.households[1].values.dibao).toBe(false);
    },
  );

  test("a file named 上年… is last year's whatever its title", () => {
    const side = readLedger({
      name: "Sheet1",
      cells: [
        ["户编号", "户主姓名", "人均纯收入"],
        ["H2", "孙三", 9000],
      ],
    });
    const joined = joinLedgers(main(), [{ ledger: side, source: "上年收入.xlsx" }], { year: 2025 });
    expect(joined.households[1].values.lastYearPerCapitaIncome).toBe(9000);
  });
});

describe("checkSheets: the rules see the joined facts", () => {
  test(
    "loans joined loan by loan: a subsidy on an unrepaid loan is M10, named with the loan " +
      "ledger; two loans of one household are no duplicate",
    () => {
      const loans = {
        name: "信息表",
        cells: [
          ["户主姓名", "身份证号", "贷款人身份证", "贷款金额", "累计贴息金额（元）", "贷款余额（万元）"],
          ["赵一 ", `${head1} `, `${wife1} `, "50000.0 ", "975.0 ", "3.0 "],
          ["赵一 ", `${head1} `, `${head1} `, "20000.0 ", "1300.0 ", "0.0 "],
          ["孙三 ", `${head2} `, `${head2} `, "10000.0 ", "null ", "0.0 "],
        ],
      };
      const { report, ledger } = checkSheets(MAIN, [{ sheet: loans, source: "小额信贷.xlsx" }], { asOf: AS_OF });
      const m10 = report.findings.filter((f) => f.rule === "M10");
      expect(m10.map((f) => [f.household, f.data.recorded])).toEqual([["H1", 975]]);
      expect(m10[0].message).toContain("（小额信贷贴息、贷款余额取自 小额信贷.xlsx）");
      expect(m10[0].data.sources).toBe("小额信贷贴息、贷款余额取自 小额信贷.xlsx");
      expect(report.findings.filter((f) => f.rule === "D02")).toEqual([]);
      expect(ledger.households[0].records?.map((r) => r.source)).toEqual(["小额信贷.xlsx", "小额信贷.xlsx"]);
      expect(report.joins[0]).toMatchObject({ role: "loans", matched: 2, households: 2 });
    },
  );

  test("a side ledger's unreadable cells are not used, and the report says how many", () => {
    const pairing = {
      name: "结对",
      cells: [
        ["姓名", "户主证件号码", "帮扶开始时间"],
        ["干部甲", head1, "2021-13-01"],
        ["干部乙", "37040219650303212", "2022-01-01"],
      ],
    };
    const { report } = checkSheets(MAIN, [{ sheet: pairing, source: "结对.xlsx" }], { asOf: AS_OF });
    expect(report.joins[0]).toMatchObject({ matched: 1, unmatched: 1, unreadable: 2 });
    expect(reportNotes(report)[0]).toContain("附表中有2个单元格读不出（如证件号码、数值有误），未使用，单独检查该附表可看到是哪些。");
  });

  test("a side sheet that holds no ledger is refused, naming it", () => {
    expect(() => checkSheets(MAIN, [{ sheet: { name: "说明", cells: [["说明"], ["合成数据"]] } }], { asOf: AS_OF })).toThrow(/说明/);
  });
});
