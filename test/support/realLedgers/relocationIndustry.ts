/**
 * A three-level header: the 产业发展政策保障模板 of q2332066/poverty
 * (src/main/resources/templates/nyfzzc.xlsx). Row 1 the title (A1:J1), row 2 填表说明 (A2:J2),
 * rows 3–5 the header: *搬迁人员身份证号 merged down A3:A5; 自主发展产业情况 (B3:C3),
 * 经营主体带贫情况 (D3:F3), 产业发展政策保障 (G3:H3) and 培训 (I3:J3) on row 3; their children on
 * row 4, each merged down to row 5 (B4:B5 … H4:H5), except 农业实用技术培训 (I4:J4), whose children
 * 培训时间 and 培训内容 stand on row 5. Data from row 6, one row per person, keyed by the person's
 * ID: a side ledger of industry support that joins the relocation registry (allpeople.ts) by
 * 搬迁人员身份证号. The 填表说明 here is our summary of the template's rules.
 */
import { FixtureCell, HouseholdCase, RealLayoutFixture, titleRow } from "./common";
import { RELOCATED } from "./allpeople";

export const INDUSTRY_MERGES: readonly string[] = [
  "A1:J1",
  "A2:J2",
  "B3:C3",
  "D3:F3",
  "G3:H3",
  "I3:J3",
  "I4:J4",
  "A3:A5",
  "B4:B5",
  "C4:C5",
  "D4:D5",
  "E4:E5",
  "F4:F5",
  "G4:G5",
  "H4:H5",
];

const HEADER_ROWS: readonly (readonly FixtureCell[])[] = [
  ["*搬迁人员身份证号", "自主发展产业情况", null, "经营主体带贫情况", null, null, "产业发展政策保障", null, "培训", null],
  [
    null,
    "发展类别及规模",
    "预计年增收（元）",
    "经营主体名称",
    "带动方式",
    "带动增收（元）",
    "产业奖补（元）",
    "政策性补助（元）",
    "农业实用技术培训",
    null,
  ],
  [null, null, null, null, null, null, null, null, "培训时间", "培训内容"],
];

/** The full header of each column, parents joined with "/" as the reader joins a two-row header. */
export const INDUSTRY_COLUMNS: readonly string[] = [
  "*搬迁人员身份证号",
  "自主发展产业情况/发展类别及规模",
  "自主发展产业情况/预计年增收（元）",
  "经营主体带贫情况/经营主体名称",
  "经营主体带贫情况/带动方式",
  "经营主体带贫情况/带动增收（元）",
  "产业发展政策保障/产业奖补（元）",
  "产业发展政策保障/政策性补助（元）",
  "培训/农业实用技术培训/培训时间",
  "培训/农业实用技术培训/培训内容",
];

/** Members of the relocation registry with industry support: [household index, member index, values]. */
const SUPPORTED: readonly (readonly [number, number, readonly FixtureCell[]])[] = [
  [3, 0, ["种植花椒2亩", 1_500, "", "无", 0, 0, 0, "", ""]],
  [7, 0, ["养殖肉牛3头", 6_000, "某某养殖专业合作社", "托管代养", 2_400, 3_000, 0, "2024/10/23", "肉牛养殖技术"]],
  [7, 2, ["", 0, "某某养殖专业合作社", "入企务工", 12_000, 0, 0, "", ""]],
];

export function relocationIndustryTemplate(): RealLayoutFixture {
  const rows: FixtureCell[][] = [
    titleRow("产业发展政策保障模板", 10),
    titleRow(
      "填表说明：1.身份证号设为文本格式；2.预计年增收、带动增收、产业奖补、政策性补助只填数字；3.带动方式：入企务工/入股分红/土地流转/订单回收/托管代养/反租倒包/其他/无；4.培训时间写作 2019/10/23。",
      10,
    ),
    ...HEADER_ROWS.map((r) => [...r]),
  ];
  for (const [h, m, values] of SUPPORTED) rows.push([RELOCATED[h].members[m].id, ...values]);
  const households: HouseholdCase[] = [
    {
      key: RELOCATED[3].members[0].id,
      persons: RELOCATED[3].members.length,
      story: "户主自主种植花椒：并入搬迁人员表后，该户有产业措施（方案（五）），不再报 M03；M12 仍应报。",
    },
    {
      key: RELOCATED[7].members[0].id,
      persons: RELOCATED[7].members.length,
      story: "户主养殖、儿子入企务工：并入后该户有产业和就业措施，M03、M04 都不应再报。",
    },
  ];
  return {
    id: "relocationIndustry",
    title: "产业发展政策保障表（q2332066/poverty nyfzzc 模板，三级表头）",
    fileName: "产业发展政策保障.xlsx",
    source: { repo: "q2332066/poverty", paths: ["src/main/resources/templates/nyfzzc.xlsx"] },
    sheets: [{ name: "Sheet1", rows, merges: INDUSTRY_MERGES, textColumns: [1] }],
    households,
  };
}
