/**
 * The national system's 帮扶责任人结对查询 export: one row per pairing of a cadre with a
 * household. Columns in the order wangzhi102001/DataToDocx (DataToDocx/AsposeWord.cs, a query
 * kept in a comment) selects them: 姓名 is the cadre, the household is named by 户主个人编号
 * (the head's 人口编号), 户主姓名 and 户主证件号码; the export has no 户编号 column (the query
 * takes 户编号 from the all-fields export it joins on 户主个人编号 = 人口编号, and an
 * ambiguous column would fail in SQLite). A household whose cadre changed has two rows,
 * ordered by 帮扶开始时间: history, not a duplicate.
 *
 * Rows above the header: not shown by the public code (DataToDocx finds the header as the
 * fullest of the first four rows); the fixture puts a title and an export line, as the other
 * national exports have.
 */
import { FixtureCell, fakeName, fakePhone, HouseholdCase, RealLayoutFixture, rowByHeader, titleRow } from "./common";
import { NATIONAL_HOUSEHOLDS } from "./nationalMonitoring";

export const PAIRING_HEADER: readonly string[] = [
  "市",
  "县",
  "乡",
  "单位名称",
  "隶属关系",
  "姓名",
  "性别",
  "联系人电话",
  "户主个人编号",
  "户主姓名",
  "户主证件号码",
  "帮扶开始时间",
  "帮扶结束时间",
  "帮扶责任人编号",
  "帮扶单位编号",
  "政治面貌",
];

interface Pairing {
  /** Index into NATIONAL_HOUSEHOLDS. */
  readonly household: number;
  readonly cadre: string;
  readonly start: string;
  readonly end: string;
  readonly unit: string;
}

const UNITS = { town: "齐村镇人民政府", district: "薛城区社会事务综合服务中心" } as const;

/**
 * Households 1–10 of the national fixture, except 6 (一般农户, risk removed: out of the plan's
 * scope) and 7 (the household left without a cadre on purpose: M01 must name it once joined).
 * Household 3 changed cadre on 2024-03-01.
 */
const PAIRINGS: readonly Pairing[] = [
  { household: 0, cadre: fakeName(11, 0), start: "2021-03-01", end: "", unit: UNITS.town },
  { household: 1, cadre: fakeName(12, 1), start: "2021-03-01", end: "", unit: UNITS.town },
  { household: 2, cadre: fakeName(13, 2), start: "2021-03-01", end: "2024-02-29", unit: UNITS.district },
  { household: 2, cadre: fakeName(14, 3), start: "2024-03-01", end: "", unit: UNITS.town },
  { household: 3, cadre: fakeName(15, 4), start: "2024-06-15", end: "", unit: UNITS.town },
  { household: 4, cadre: fakeName(16, 5), start: "2023-03-20", end: "", unit: UNITS.district },
  { household: 7, cadre: fakeName(17, 6), start: "2021-03-01", end: "", unit: UNITS.town },
  { household: 8, cadre: fakeName(18, 7), start: "2022-01-10", end: "", unit: UNITS.town },
  { household: 9, cadre: fakeName(19, 8), start: "2021-03-01", end: "", unit: UNITS.district },
];

export function pairingExport(): RealLayoutFixture {
  const width = PAIRING_HEADER.length;
  const rows: FixtureCell[][] = [
    titleRow("帮扶责任人结对查询", width),
    titleRow("导出时间：2025-12-01 09:41:05", width),
    [...PAIRING_HEADER],
  ];
  PAIRINGS.forEach((pairing, i) => {
    const h = NATIONAL_HOUSEHOLDS[pairing.household];
    const head = h.persons[0];
    rows.push(
      rowByHeader(PAIRING_HEADER, {
        市: "枣庄市",
        县: "薛城区",
        乡: "齐村镇",
        单位名称: pairing.unit,
        隶属关系: pairing.unit === UNITS.town ? "乡镇" : "区县",
        姓名: pairing.cadre,
        性别: i % 3 === 0 ? "女" : "男",
        联系人电话: fakePhone(500 + i),
        户主个人编号: `${h.key}01`,
        户主姓名: head.name,
        户主证件号码: head.id,
        帮扶开始时间: pairing.start,
        帮扶结束时间: pairing.end,
        帮扶责任人编号: `BFR37040200${String(101 + i)}`,
        帮扶单位编号: pairing.unit === UNITS.town ? "DW370402101" : "DW370402001",
        政治面貌: "中共党员",
      }),
    );
  });
  const households: HouseholdCase[] = [...new Set(PAIRINGS.map((p) => p.household))].map((index) => {
    const h = NATIONAL_HOUSEHOLDS[index];
    const rowsOf = PAIRINGS.filter((p) => p.household === index);
    const story =
      rowsOf.length > 1
        ? `换过帮扶责任人：` +
          `${rowsOf.map((p) => `${p.cadre}（${p.start}—${p.end || "至今"}）`).join("、")}。` +
          `是历史记录，不是重复登记；现任责任人是${rowsOf[rowsOf.length - 1].cadre}。`
        : `帮扶责任人${rowsOf[0].cadre}（${rowsOf[0].start}起）。`;
    return { key: h.key, persons: h.persons.length, story };
  });
  return {
    id: "pairing",
    title: "全国防返贫监测信息系统 帮扶责任人结对查询导出",
    fileName: "帮扶责任人结对.xlsx",
    source: { repo: "wangzhi102001/DataToDocx", paths: ["DataToDocx/AsposeWord.cs", "DataToDocx/MainWindow.xaml.cs"] },
    sheets: [{ name: "帮扶责任人结对查询", rows, merges: [`A1:P1`, `A2:P2`], textColumns: [8, 9, 11] }],
    households,
  };
}
