/**
 * An older provincial low-income-household system, wallellen/govybh:
 * - sheet 人口统计: the template WebRoot/excelTemplate/member.xls (header row 1: 农户编码 … 领取低保、
 *   五保、残疾金额(元)); row 2 holds type markers, "N" under each numeric column (E 年龄, M the
 *   amount), which ExcelTemplateGenerator reads to decide which columns to write as numbers. The
 *   system's own export writes data from row 2 over the markers; a template filled by hand keeps
 *   them, so data starts on row 3 here. The third header, 户主姓名, holds every member's name
 *   (YbhMemberAction fills it from the member's name, uname).
 * - sheet 农户收入: a household sheet with the numbered headers of the system's income pages
 *   (WEB-INF/page/ybh/ybh_income.jsp, ybh_family_detail.jsp: 1、家庭人口(人), 4、家庭年总纯收入(元),
 *   其中:(1)家庭经营性收入(元), (2)工资性收入(元), (3)财产性及转移性收入(元), 5、家庭年人均纯收入(元) …)
 *   under one header row, keyed by 农户编码 (farmer.xls) and 户名. The pages are web tables; an
 *   office copying them keeps the numbered texts as headers.
 * The value vocabularies of 在校生, 身体状况, 劳动力状况, 打工状况 come from a dictionary table the
 * repository does not hold; the fixture uses the national system's words.
 */
import { FixtureCell, fakeId, fakeName, HouseholdCase, RealLayoutFixture } from "./common";

export const MEMBER_HEADER: readonly string[] = [
  "农户编码",
  "所在地区",
  "户主姓名",
  "性别",
  "年龄",
  "在校生",
  "文化程度",
  "身体状况",
  "残疾证号",
  "劳动力状况",
  "打工状况",
  "低保人口",
  "领取低保、五保、残疾金额(元)",
];
/** Row 2 of member.xls: "N" marks a numeric column. */
export const MEMBER_TYPE_ROW: readonly FixtureCell[] = [null, null, null, null, "N", null, null, null, null, null, null, null, "N"];

export const INCOME_HEADER: readonly string[] = [
  "农户编码",
  "组名",
  "户名",
  "1、家庭人口(人)",
  "2、家庭劳动力(个)",
  "4、家庭年总纯收入(元)",
  "其中:(1)家庭经营性收入(元)",
  "(2)工资性收入(元)",
  "(3)财产性及转移性收入(元)",
  "5、家庭年人均纯收入(元)",
  "7、享受扶贫项目支持情况",
  "8、得到帮扶资金(元)",
  "其中:(1)省级扶贫资金(元)",
  "(2)市、县级扶贫资金(元)",
  "9、使用小额扶贫贷款数量(元)",
  "上年是否脱贫",
];

interface OldMember {
  readonly name: string;
  readonly sex: "男" | "女";
  readonly age: number;
  readonly school: string;
  readonly health: string;
  readonly disabilityCard: string;
  readonly labor: string;
  readonly work: string;
  readonly dibao: "是" | "否";
  readonly allowance: number | null;
}

interface OldHousehold {
  readonly code: string;
  readonly group: string;
  readonly members: readonly OldMember[];
  readonly business: number;
  readonly wage: number;
  readonly propertyTransfer: number;
  readonly story: string;
}

const mem = (surname: number, given: number, sex: "男" | "女", age: number, more: Partial<OldMember> = {}): OldMember => ({
  name: fakeName(surname, given),
  sex,
  age,
  school: "否",
  health: "健康",
  disabilityCard: "",
  labor: "普通劳动力",
  work: "县内务工",
  dibao: "否",
  allowance: null,
  ...more,
});

/** 农户编码 as the old system writes them: 18 digits of region and sequence, stored as text. */
const code = (n: number) => `32132410020300${String(n).padStart(4, "0")}`;

export const OLD_HOUSEHOLDS: readonly OldHousehold[] = [
  {
    code: code(1),
    group: "一组",
    business: 6_000,
    wage: 18_000,
    propertyTransfer: 2_400,
    story: "3人，家庭年人均纯收入8800元；人口表中“户主姓名”列逐行写的是成员姓名。",
    members: [
      mem(10, 0, "男", 52),
      mem(10, 1, "女", 50, { labor: "普通劳动力" }),
      mem(10, 4, "男", 14, { school: "初中", labor: "无劳动力", work: "" }),
    ],
  },
  {
    code: code(2),
    group: "一组",
    business: 1_200,
    wage: 0,
    propertyTransfer: 8_400,
    story: "2人，都已丧失劳动力，享受低保（低保人口“是”），家庭年人均纯收入4800元。",
    members: [
      mem(11, 2, "男", 71, { health: "长期慢性病", labor: "丧失劳动力", work: "", dibao: "是", allowance: 3_600 }),
      mem(11, 3, "女", 69, {
        health: "残疾",
        disabilityCard: fakeId("19560411", 203) + "42",
        labor: "丧失劳动力",
        work: "",
        dibao: "是",
        allowance: 4_200,
      }),
    ],
  },
  {
    code: code(3),
    group: "二组",
    business: 9_000,
    wage: 36_000,
    propertyTransfer: 1_000,
    story: "4人，家庭年人均纯收入11500元。",
    members: [
      mem(12, 6, "男", 45),
      mem(12, 7, "女", 43),
      mem(12, 8, "女", 19, { school: "大专", labor: "无劳动力", work: "" }),
      mem(12, 9, "男", 74, { labor: "无劳动力", work: "" }),
    ],
  },
];

export function govybhTemplates(): RealLayoutFixture {
  const memberRows: FixtureCell[][] = [[...MEMBER_HEADER], [...MEMBER_TYPE_ROW]];
  for (const h of OLD_HOUSEHOLDS) {
    for (const p of h.members) {
      memberRows.push([
        h.code,
        "江苏省宿迁市泗洪县某镇某村",
        p.name,
        p.sex,
        p.age,
        p.school,
        p.school === "否" ? "初中" : "",
        p.health,
        p.disabilityCard,
        p.labor,
        p.work,
        p.dibao,
        p.allowance,
      ]);
    }
  }
  const incomeRows: FixtureCell[][] = [[...INCOME_HEADER]];
  for (const h of OLD_HOUSEHOLDS) {
    const total = h.business + h.wage + h.propertyTransfer;
    const labourers = h.members.filter((p) => p.labor === "普通劳动力" || p.labor === "技能劳动力").length;
    incomeRows.push([
      h.code,
      h.group,
      h.members[0].name,
      h.members.length,
      labourers,
      total,
      h.business,
      h.wage,
      h.propertyTransfer,
      Math.round((total / h.members.length) * 10) / 10,
      "",
      0,
      0,
      0,
      0,
      "否",
    ]);
  }
  const households: HouseholdCase[] = OLD_HOUSEHOLDS.map((h) => ({ key: h.code, persons: h.members.length, story: h.story }));
  return {
    id: "govybh",
    title: "低收入农户人口统计与收入表（wallellen/govybh 模板）",
    fileName: "低收入农户.xlsx",
    source: {
      repo: "wallellen/govybh",
      paths: [
        "WebRoot/excelTemplate/member.xls",
        "WebRoot/excelTemplate/farmer.xls",
        "src/cn/voicet/ybh/util/ExcelTemplateGenerator.java",
        "src/cn/voicet/ybh/web/action/YbhMemberAction.java",
        "WebRoot/WEB-INF/page/ybh/ybh_income.jsp",
        "WebRoot/WEB-INF/page/ybh/ybh_family_detail.jsp",
      ],
    },
    sheets: [
      { name: "人口统计", rows: memberRows, textColumns: [1, 9] },
      { name: "农户收入", rows: incomeRows, textColumns: [1] },
    ],
    households,
  };
}
