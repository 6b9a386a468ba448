/**
 * The relocation registry template templates/allpeople.xlsx of q2332066/poverty
 * (src/main/resources/templates/allpeople.xlsx, read with EasyExcel headRowNumber(3) in
 * PersonnelInformationTableServiceImpl): row 1 is 填表说明, one long merged cell per group
 * (A1:X1, Y1:AE1, AF1:AT1, AU1:BC1, BD1:BR1); row 2 the group row (基本情况 · 搬迁户户主信息 ·
 * 就业创业政策保障 · 产业发展政策保障 · 已享受帮扶政策, merged the same way); row 3 the 70 headers;
 * data from row 4, one row per person. The member is named by 搬迁人员姓名 (the header cell has a
 * trailing space) and 搬迁人员身份证号; the household by 户主 and 户主身份证号, which appears twice
 * (H and Y). There is no 户编号. Its own 填表说明 lists 劳动技能 as 普通劳动力 / 技能劳动力 /
 * 若劳动力或半劳动力 (sic) / 丧失劳动力 / 无劳动力. The 填表说明 text here is our summary of the
 * template's rules, not its wording.
 */
import { columnOf, FixtureCell, fakeId, fakeName, fakePhone, HouseholdCase, RealLayoutFixture, rowByHeader } from "./common";

/** Row 3 of the template, exactly (E3 ends with a space). */
export const ALLPEOPLE_HEADER: readonly string[] = [
  "id",
  "区县",
  "乡镇",
  "户主",
  "搬迁人员姓名 ",
  "搬迁人员身份证号",
  "是否户主(是/否)",
  "户主身份证号",
  "与户主关系",
  "家庭人口",
  "是否劳动力(是/否)",
  "劳动力人口",
  "迁出地",
  "迁入地",
  "安置方式",
  "安置点名称",
  "是否脱贫(是/否)",
  "文化程度",
  "健康状况",
  "劳动技能",
  "致贫原因",
  "人均纯收入",
  "联系方式",
  "备注(新增或者死亡人员)",
  "户主身份证号",
  "房屋面积",
  "是否脱贫",
  "脱贫时间",
  "是否实际入住",
  "目前具体地址",
  "是否拆旧复垦",
  "务工省外转移",
  "务工县外省内转移",
  "务工县内转移",
  "社区工厂吸纳及就业扶贫基地带动",
  "公益岗位",
  "自主创业",
  "农业就业",
  "预计年收入",
  "未就业原因",
  "就业培训时间",
  "就业培训内容",
  "职业培训时间",
  "职业培训内容",
  "创业培训时间",
  "创业培训内容",
  "自主发展产业类别及规模",
  "自主发展预计年增收",
  "经营主体带贫名称",
  "经营主体带贫带动方式",
  "经营主体带贫带动增收",
  "产业发展奖补",
  "产业发展政策性补助",
  "农业实用技术培训时间",
  "农业实用技术培训内容",
  "易地搬迁补助",
  "教育扶贫保障就读学校",
  "教育扶贫保障补助类型",
  "教育扶贫保障补助金额",
  "健康扶贫保障新农合减免",
  "健康扶贫保障合疗报销",
  "生态扶贫保障公益林补偿",
  "生态扶贫保障生态护林员",
  "金融扶贫保障小额信贷及互助资金协会借款金额",
  "金融扶贫保障发展产业类型及规模",
  "社会保障养老保险年收入",
  "社会保障高龄补贴年收入",
  "社会保障残疾补助年收入",
  "社会保障兜底保障类型",
  "社会保障兜底保障年收入",
];

const GROUP_AREAS = ["A", "Y", "AF", "AU", "BD"] as const;
const GROUP_MERGES = ["A1:X1", "Y1:AE1", "AF1:AT1", "AU1:BC1", "BD1:BR1", "A2:X2", "Y2:AE2", "AF2:AT2", "AU2:BC2", "BD2:BR2"];
const GROUP_NAMES = ["基本情况", "搬迁户户主信息", "就业创业政策保障", "产业发展政策保障", "已享受帮扶政策"];
/** Our summary of each group's rules (the template's own text is longer). */
const INSTRUCTIONS = [
  "填表说明：\n1、身份证号列设为文本格式，15位或18位；\n2、是否户主、是否劳动力、" +
    "是否脱贫只填 是 或 否；\n3、与户主关系按 户主/配偶/之子/之女/之孙子… 填写；\n4、" +
    "安置方式填 集中安置 或 分散安置；\n5、文化程度：" +
    "小学/初中/高中/大专/本科及以上/文盲或半文盲；\n6、健康状况：" +
    "健康/残疾/患有大病/长期慢性病/残疾、患有大病/残疾、长期慢性病；\n7、劳动技能：" +
    "普通劳动力/技能劳动力/若劳动力或半劳动力/丧失劳动力/无劳动力；\n8、除备注列外均为必填。",
  "填表说明：户主身份证号须为系统中已有的户主；房屋面积只填数字；脱贫时间写作 2020/04/29；是否拆旧复垦填 是/否/无房户。",
  "填表说明：培训时间写作 2019/10/23（文本格式），培训内容据实填写。",
  "填表说明：预计年增收、带动增收、产业奖补、政策性补助只填数字；带动方式：入企务工/入股分红/土地流转/订单回收/托管代养/反租倒包/其他/无。",
  "填表说明：各项补助、借款、年收入只填数字；补助类型、兜底保障类型（低保金/五保金/临时救助金/无）按列出的写法填写。",
];

interface Member {
  readonly name: string;
  readonly id: string;
  readonly relation: string;
  readonly labor: string;
  readonly health?: string;
  readonly extra?: Record<string, FixtureCell>;
}

interface RelocatedHousehold {
  readonly members: readonly Member[];
  readonly perCapita: number;
  readonly security: string;
  readonly securityIncome: number;
  readonly household?: Record<string, FixtureCell>;
  readonly story: string;
}

const m = (
  surname: number,
  given: number,
  birth: string,
  seq: number,
  relation: string,
  labor: string,
  more: Partial<Member> = {},
): Member => ({
  name: fakeName(surname, given),
  id: fakeId(birth, seq),
  relation,
  labor,
  ...more,
});

/** Ten households, 36 persons. */
export const RELOCATED: readonly RelocatedHousehold[] = [
  {
    perCapita: 9_600,
    security: "无",
    securityIncome: 0,
    household: { 务工县内转移: "是", 公益岗位: "" },
    story: "5人，有普通劳动力并在县内务工，人均9600元低收入：不报 M04、M12。",
    members: [
      m(0, 2, "19700105", 101, "户主", "普通劳动力"),
      m(0, 3, "19720310", 102, "配偶", "普通劳动力"),
      m(0, 6, "19981120", 103, "之子", "技能劳动力"),
      m(0, 7, "20050802", 104, "之女", "无劳动力", { extra: { 文化程度: "高中" } }),
      m(0, 18, "19450616", 105, "之母", "丧失劳动力", { health: "长期慢性病" }),
    ],
  },
  {
    perCapita: 12_800,
    security: "无",
    securityIncome: 0,
    household: { 务工省外转移: "是" },
    story: "4人，中等收入，省外务工：无问题。",
    members: [
      m(1, 6, "19780412", 106, "户主", "普通劳动力"),
      m(1, 7, "19790923", 107, "配偶", "普通劳动力"),
      m(1, 8, "20030115", 108, "之子", "普通劳动力"),
      m(1, 9, "20080704", 109, "之女", "无劳动力"),
    ],
  },
  {
    perCapita: 7_400,
    security: "低保金",
    securityIncome: 4_800,
    household: { 公益岗位: "保洁员" },
    story:
      "4人；户主劳动技能写作“若劳动力或半劳动力”（模板自己的错字）：应读作“弱劳动力或半劳动力”并给提示；有公益岗位：不报 M04，不报 M12。",
    members: [
      m(2, 10, "19660208", 110, "户主", "若劳动力或半劳动力", { health: "长期慢性病" }),
      m(2, 11, "19680519", 111, "配偶", "无劳动力", { health: "残疾" }),
      m(2, 12, "20070301", 112, "之子", "无劳动力"),
      m(2, 13, "20100911", 113, "之女", "无劳动力"),
    ],
  },
  {
    perCapita: 5_300,
    security: "无",
    securityIncome: 0,
    story: "3人，全部“无劳动力”“丧失劳动力”，兜底保障类型“无”，人均5300元：应报 M12（真问题）。",
    members: [
      m(3, 14, "19460121", 114, "户主", "丧失劳动力", { health: "患有大病" }),
      m(3, 15, "19490605", 115, "配偶", "无劳动力", { health: "长期慢性病" }),
      m(3, 16, "20130417", 116, "之孙子", "无劳动力"),
    ],
  },
  {
    perCapita: 16_200,
    security: "无",
    securityIncome: 0,
    household: { 自主创业: "是" },
    story: "4人，高收入，自主创业：无问题。",
    members: [
      m(4, 17, "19810707", 117, "户主", "技能劳动力"),
      m(4, 18, "19830219", 118, "配偶", "普通劳动力"),
      m(4, 19, "20060514", 119, "之子", "无劳动力"),
      m(4, 20, "20110826", 120, "之女", "无劳动力"),
    ],
  },
  {
    perCapita: 6_900,
    security: "五保金",
    securityIncome: 6_000,
    story: "3人，全部无劳动力，享受五保（特困供养）：不报 M12。",
    members: [
      m(5, 21, "19400903", 121, "户主", "丧失劳动力"),
      m(5, 22, "19420114", 122, "配偶", "无劳动力"),
      m(5, 23, "19640302", 123, "之子", "丧失劳动力", { health: "残疾" }),
    ],
  },
  {
    perCapita: 10_400,
    security: "无",
    securityIncome: 0,
    household: { 务工县外省内转移: "是" },
    story: "2人，低收入，县外省内务工：无问题。",
    members: [m(6, 0, "19880815", 124, "户主", "普通劳动力"), m(6, 1, "19900127", 125, "配偶", "普通劳动力")],
  },
  {
    perCapita: 8_100,
    security: "无",
    securityIncome: 0,
    story: "4人，低收入，有普通劳动力，没有任何就业、公益岗位安排：应报 M04（真问题）。",
    members: [
      m(7, 2, "19750630", 126, "户主", "普通劳动力"),
      m(7, 3, "19770418", 127, "配偶", "普通劳动力"),
      m(7, 4, "20040909", 128, "之子", "普通劳动力"),
      m(7, 5, "20090112", 129, "之女", "无劳动力"),
    ],
  },
  {
    perCapita: 13_900,
    security: "无",
    securityIncome: 0,
    household: { 农业就业: "是" },
    story: "3人，中等收入：无问题。",
    members: [
      m(8, 6, "19690222", 130, "户主", "普通劳动力"),
      m(8, 7, "19700803", 131, "配偶", "普通劳动力"),
      m(8, 8, "19970516", 132, "之子", "技能劳动力"),
    ],
  },
  {
    perCapita: 11_600,
    security: "无",
    securityIncome: 0,
    household: { 社区工厂吸纳及就业扶贫基地带动: "是" },
    story: "4人，中等收入，社区工厂就业：无问题。",
    members: [
      m(9, 9, "19730925", 133, "户主", "普通劳动力"),
      m(9, 10, "19741230", 134, "配偶", "普通劳动力"),
      m(9, 11, "19990608", 135, "之子", "普通劳动力"),
      m(9, 12, "20120321", 136, "之女", "无劳动力"),
    ],
  },
];

export function allpeopleTemplate(): RealLayoutFixture {
  const width = ALLPEOPLE_HEADER.length;
  const instructions: FixtureCell[] = Array<FixtureCell>(width).fill(null);
  const groups: FixtureCell[] = Array<FixtureCell>(width).fill(null);
  GROUP_AREAS.forEach((letter, i) => {
    instructions[columnOf(letter) - 1] = INSTRUCTIONS[i];
    groups[columnOf(letter) - 1] = GROUP_NAMES[i];
  });
  const rows: FixtureCell[][] = [instructions, groups, [...ALLPEOPLE_HEADER]];
  let rowId = 1;
  RELOCATED.forEach((h, index) => {
    const head = h.members[0];
    const labourers = h.members.filter((p) => /普通|技能|若|弱/.test(p.labor)).length;
    h.members.forEach((p) => {
      rows.push(
        rowByHeader(ALLPEOPLE_HEADER, {
          id: rowId++,
          区县: "印台区",
          乡镇: "城关街道",
          户主: head.name,
          "搬迁人员姓名 ": p.name,
          搬迁人员身份证号: p.id,
          "是否户主(是/否)": p.relation === "户主" ? "是" : "否",
          户主身份证号: head.id,
          与户主关系: p.relation,
          家庭人口: h.members.length,
          "是否劳动力(是/否)": /普通|技能|若|弱/.test(p.labor) ? "是" : "否",
          劳动力人口: labourers,
          迁出地: "某镇某村",
          迁入地: "城关街道",
          安置方式: "集中安置",
          安置点名称: "幸福家园安置点",
          "是否脱贫(是/否)": "是",
          文化程度: "初中",
          健康状况: p.health ?? "健康",
          劳动技能: p.labor,
          致贫原因: "缺资金",
          人均纯收入: h.perCapita,
          联系方式: fakePhone(900 + index),
          是否脱贫: "是",
          脱贫时间: "2019/12/20",
          是否实际入住: "是",
          社会保障兜底保障类型: h.security,
          社会保障兜底保障年收入: h.securityIncome,
          ...h.household,
          ...p.extra,
        }),
      );
    });
  });
  const households: HouseholdCase[] = RELOCATED.map((h) => ({ key: h.members[0].id, persons: h.members.length, story: h.story }));
  return {
    id: "allpeople",
    title: "易地扶贫搬迁人员信息表（q2332066/poverty allpeople 模板）",
    fileName: "搬迁人员.xlsx",
    source: {
      repo: "q2332066/poverty",
      paths: ["src/main/resources/templates/allpeople.xlsx", "src/main/java/com/cloudera/poverty/entity/vo/excel/PersonAllVo.java"],
    },
    sheets: [{ name: "铜川市", rows, merges: GROUP_MERGES, textColumns: [6, 8, 25] }],
    households,
  };
}
