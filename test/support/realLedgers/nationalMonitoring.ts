/**
 * The national system's "（自定义）监测对象信息" export, one row per person, header on row 3
 * (Gzuwkj/fuping main.py reads it with pandas header=2). Thirteen columns sit at the letters the
 * fuping rules name in their comments (E 户编号, M 监测对象类别, AO 在校生状况, AP 劳动技能,
 * AV 享受低保政策情况, BI 享受特困供养政策情况, CH 整户无劳动能力兜底保障户, DE 风险是否已消除,
 * DF 识别监测时间, ET 健康帮扶, EZ 教育帮扶, FI … FU the 风险消除后… block, in the order of
 * fuping rules/1_11_004.py). The other columns are header strings the public code reads from
 * this export (fuping objectInfo keys) or from the county all-fields export of the same system
 * (wangzhi102001/DataToDocx), in an order of our choosing. See docs/real-exports.md.
 */
import { columnOf, FixtureCell, fakeId, fakeName, fakePhone, HouseholdCase, RealLayoutFixture, rowByHeader, titleRow } from "./common";

/** The 177 header cells of row 3, A … FU. */
/**
 * Header strings seen in the national system's exports whose place in this one is not known: they fill the gaps between the placed columns.
 */
const UNPLACED: readonly string[] = [
  "自然村",
  "致贫原因1",
  "危房户",
  "易返贫致贫户(监测对象)类型",
  "风险识别时间",
  "风险消除时间",
  "是否出列",
  "公益性岗位类型",
  "产业分类",
  "务工状况",
  "年度",
  "就业服务需求",
  "是否计划务工",
  "计划务工所在县",
  "务工所在县",
  "务工月收入",
  "是否已务工",
  "就业渠道",
  "开始时间",
];

/** Columns whose letter the public code states, and the runs of columns around them (order ours outside the anchors). */
const ANCHORED: readonly (readonly [string, readonly string[]])[] = [
  // A–M: where and who (E 户编号 and M 监测对象类别 placed by the fuping comments)
  [
    "A",
    [
      "市",
      "县",
      "乡",
      "村",
      "户编号",
      "人口编号",
      "姓名",
      "证件类型",
      "证件号码",
      "性别",
      "与户主关系",
      "户类型",
      "监测对象类别",
      "出生日期",
      "民族",
      "政治面貌",
      "文化程度",
      "家庭成员联系电话",
      "是否会讲普通话",
      "义务教育阶段未上学原因",
      "是否义务教育阶段适龄儿童少年失学辍学",
      "失学或辍学原因",
      "大专或本科毕业生未就业原因",
      "是否事实无人抚养儿童",
      "残疾类别",
      "残疾证办证年度",
      "务工所在地",
      "务工企业名称",
      "就业渠道（易地搬迁后扶使用）",
      "是否国外务工",
      "首次识别时间",
      "人员识别时间",
      "识别标准",
      "是否军烈属",
      "户联系电话",
      "是否参加商业补充医疗保险",
      "是否接受医疗救助",
      "是否接受其他健康扶贫",
      "是否参加大病保险",
      "是否接受大病医疗救助",
    ],
  ],
  // AO 在校生状况, AP 劳动技能, AV 享受低保政策情况, BI 享受特困供养政策情况 (fuping)
  [
    "AO",
    [
      "在校生状况",
      "劳动技能",
      "务工时间（月）",
      "健康状况",
      "是否参加城乡居民基本医疗保险",
      "是否参加城镇职工基本医疗保险",
      "是否有家庭成员未参加城乡居民（职工）基本医疗保险",
      "享受低保政策情况",
      "是否参加城乡居民基本养老保险",
      "是否参加城镇职工基本养老保险",
      "是否享受人身意外保险补贴",
      "公益性岗位",
      "公益性岗位(月数)",
      "致贫/返贫风险1",
      "致贫/返贫风险2",
      "致贫/返贫风险3",
      "致贫/返贫风险4",
      "致贫/返贫风险5",
      "是否危房户",
      "住房面积",
      "享受特困供养政策情况",
      "是否解决安全饮用水",
      "是否通生活用电",
      "是否通生产用电",
      "是否通广播电视",
      "是否有卫生厕所",
      "入户路类型",
      "与村主干路距离",
      "入户道路是否硬化",
      "主要燃料类型",
      "耕地面积（亩）",
      "林地面积（亩）",
      "退耕还林面积（亩）",
      "林果面积（亩）",
      "牧草地面积",
      "水面面积",
      "是否加入农民专业合作组织",
      "是否有龙头企业带动",
      "是否有创业致富带头人带动",
      "到户产业帮扶类型",
      "信息采集人",
      "信息采集人联系电话",
      "合规自付支出",
      "其他备注",
      "年收入（元）",
    ],
  ],
  // CH 整户无劳动能力兜底保障户 (fuping); income names from DataToDocx's all-fields export of the same system
  [
    "CH",
    [
      "整户无劳动能力兜底保障户",
      "工资性收入",
      "公益性岗位收入",
      "其他工资性收入",
      "生产经营性收入",
      "产业奖励",
      "就业奖励",
      "财产性收入",
      "资产收益扶贫分红收入",
      "其他财产性收入（旧指标）",
      "转移性收入",
      "养老金或离退休金",
      "计划生育金",
      "最低生活保障金",
      "特困人员救助供养金",
      "生态补偿金",
      "其他转移性收入",
      "生产经营性支出",
      "专项用于减少生产经营性支出的补贴",
      "纯收入（元）",
      "当前家庭人口数",
      "人均纯收入（元）",
      "年度家庭人口数",
    ],
  ],
  // DE 风险是否已消除, DF 识别监测时间 (fuping)
  ["DE", ["风险是否已消除", "识别监测时间", "消除监测时间", "风险消除方式", ...UNPLACED]],
  // ET 健康帮扶 (fuping), preceded by the other measure columns fuping reads
  ["EO", ["产业帮扶", "就业帮扶", "公益岗位帮扶", "公益性岗位帮扶其他备注", "金融帮扶"]],
  // EZ 教育帮扶 (fuping)
  [
    "ET",
    [
      "健康帮扶",
      "住房安全保障",
      "饮水安全保障",
      "义务教育保障",
      "搬迁",
      "社会帮扶",
      "教育帮扶",
      "综合保障",
      "生产生活条件改善",
      "基础设施建设",
      "实施开发式帮扶措施情况",
    ],
  ],
  // FI … FU: after the risk was removed, in the order fuping rules/1_11_004.py lists them (FI and FU named in its comment)
  [
    "FI",
    [
      "风险消除后是否义务教育阶段适龄儿童少年失学辍学",
      "风险消除后是否住房损毁",
      "风险消除后是否有家庭成员未参加城乡居民（职工）基本医疗保险",
      "风险消除后是否饮水设施损毁",
      "风险消除后工资性收入",
      "风险消除后财产性收入",
      "风险消除后转移性收入",
      "风险消除后生产经营性收入",
      "风险消除后生产经营性支出",
      "风险消除后家庭纯收入",
      "风险消除后家庭人均纯收入",
      "风险消除后理赔收入",
      "风险消除后合规自付支出",
    ],
  ],
];

/**
 * The 177 header cells of row 3, A … FU. A column between the placed runs whose header the
 * public code does not reveal is left with a blank header (and blank values).
 */
export const NATIONAL_HEADER: readonly string[] = (() => {
  const header: string[] = [];
  for (const [letter, run] of ANCHORED) {
    const at = columnOf(letter) - 1;
    if (header.length > at) throw new Error(`test helper: run at ${letter} overlaps the one before`);
    while (header.length < at) header.push("");
    header.push(...run);
  }
  return header;
})();

/** The letters the fuping comments give, for a test that the fixture keeps them. */
export const NATIONAL_PLACED: Readonly<Record<string, string>> = {
  E: "户编号",
  M: "监测对象类别",
  AO: "在校生状况",
  AP: "劳动技能",
  AV: "享受低保政策情况",
  BI: "享受特困供养政策情况",
  CH: "整户无劳动能力兜底保障户",
  DE: "风险是否已消除",
  DF: "识别监测时间",
  ET: "健康帮扶",
  EZ: "教育帮扶",
  FI: "风险消除后是否义务教育阶段适龄儿童少年失学辍学",
  FU: "风险消除后合规自付支出",
};

// ---------------------------------------------------------------- households

/** Values of one person's row by header; household values are repeated on every member's row, as the export does. */
type Values = Record<string, FixtureCell>;

interface NationalPerson {
  readonly name: string;
  readonly id: string;
  readonly relation: string;
  readonly labor: string;
  readonly health?: string;
  readonly student?: string;
  readonly extra?: Values;
}

interface NationalHousehold {
  readonly key: string;
  readonly persons: readonly NationalPerson[];
  readonly household: Values;
  readonly story: string;
}

const TOWN = "齐村镇";
const VILLAGE = "东王庄村";
/** Household numbers as the system writes them: 16 digits, stored as text. */
const hh = (n: number) => `3704021010010${String(n).padStart(3, "0")}`;

/** Yuan as the export writes them when read as text: two decimals. */
const yuanText = (n: number) => n.toFixed(2);

/** The income columns of a household: the parts and the totals the system derives from them. */
function income(
  parts: {
    wage: number;
    post?: number;
    business: number;
    property: number;
    transfer: number;
    pension?: number;
    dibao?: number;
    costs: number;
    current: number;
    annual: number;
  },
  asText: boolean,
): Values {
  const net = parts.wage + parts.business + parts.property + parts.transfer - parts.costs;
  const perCapita = Math.round((net / parts.annual) * 100) / 100;
  const v = (n: number): FixtureCell => (asText ? yuanText(n) : n);
  return {
    工资性收入: v(parts.wage),
    公益性岗位收入: v(parts.post ?? 0),
    其他工资性收入: v(parts.wage - (parts.post ?? 0)),
    生产经营性收入: v(parts.business),
    财产性收入: v(parts.property),
    转移性收入: v(parts.transfer),
    养老金或离退休金: v(parts.pension ?? 0),
    最低生活保障金: v(parts.dibao ?? 0),
    其他转移性收入: v(parts.transfer - (parts.pension ?? 0) - (parts.dibao ?? 0)),
    生产经营性支出: v(parts.costs),
    "年收入（元）": v(parts.wage + parts.business + parts.property + parts.transfer),
    "纯收入（元）": v(net),
    当前家庭人口数: asText ? String(parts.current) : parts.current,
    "人均纯收入（元）": v(perCapita),
    年度家庭人口数: asText ? String(parts.annual) : parts.annual,
  };
}

const INSURED: Values = {
  是否参加城乡居民基本医疗保险: "是",
  是否参加城镇职工基本医疗保险: "否",
  是否参加城乡居民基本养老保险: "是",
  是否参加城镇职工基本养老保险: "否",
  是否享受人身意外保险补贴: "是",
  是否参加大病保险: "是",
};
const NOT_MONITORED: Values = {
  户类型: "脱贫户",
  监测对象类别: "",
  风险是否已消除: "",
  识别监测时间: "",
  享受低保政策情况: "未享受",
  享受特困供养政策情况: "不享受",
  整户无劳动能力兜底保障户: "否",
};

const p = (
  surname: number,
  given: number,
  birth: string,
  seq: number,
  relation: string,
  labor: string,
  more: Partial<NationalPerson> = {},
): NationalPerson => ({
  name: fakeName(surname, given),
  id: fakeId(birth, seq),
  relation,
  labor,
  ...more,
});

/** The households of the fixture; each story says what a correct check concludes (expected.ts has the table). */
export const NATIONAL_HOUSEHOLDS: readonly NationalHousehold[] = [
  {
    key: hh(1),
    story:
      "4人；户主“弱劳动力或半劳动力”、任护林员公益性岗位，配偶残疾（残疾人证号20位，肢体二级）；措施只在“公益岗位帮扶”列；人均8000元低收入。按国家口径有劳动力：不应报 M03、M04、M12；配偶的证件号码是残疾人证号，不应报 D03。",
    household: {
      ...NOT_MONITORED,
      ...income(
        { wage: 26_000, post: 9_600, business: 3_000, property: 400, transfer: 3_800, pension: 0, costs: 1_200, current: 4, annual: 4 },
        true,
      ),
      公益岗位帮扶: "公益性岗位",
    },
    persons: [
      p(0, 0, "19670312", 11, "户主", "弱劳动力或半劳动力", {
        health: "长期慢性病",
        extra: { 公益性岗位: "护林员", "公益性岗位(月数)": "12" },
      }),
      p(0, 1, "19690821", 22, "配偶", "无劳动力", {
        health: "残疾",
        extra: { 证件类型: "残疾人证", 残疾类别: "肢体残疾", 残疾证办证年度: "2019" },
      }),
      p(0, 4, "20070915", 31, "之子", "无劳动力", { student: "普通高中三年级" }),
      p(0, 5, "20120403", 42, "之女", "无劳动力", { student: "七年级" }),
    ],
  },
  {
    key: hh(2),
    story: "3人；户主参加城镇职工基本医疗保险和基本养老保险（城乡居民两项为“否”）；人均14400元中等收入。不应报 M09、M08。",
    household: {
      ...NOT_MONITORED,
      ...income({ wage: 42_000, business: 0, property: 300, transfer: 900, costs: 0, current: 3, annual: 3 }, true),
      就业帮扶: "稳岗补贴",
    },
    persons: [
      p(1, 4, "19800520", 13, "户主", "普通劳动力", {
        extra: {
          是否参加城乡居民基本医疗保险: "否",
          是否参加城镇职工基本医疗保险: "是",
          是否参加城乡居民基本养老保险: "否",
          是否参加城镇职工基本养老保险: "是",
          务工所在地: "枣庄市市中区",
          "务工时间（月）": "12",
        },
      }),
      p(1, 1, "19821107", 24, "配偶", "普通劳动力"),
      p(1, 8, "20100630", 35, "之子", "无劳动力", { student: "九年级" }),
    ],
  },
  {
    key: hh(3),
    story:
      "当前家庭人口数2、年度家庭人口数3（老人年内去世，名单只剩2人）；人均纯收入按年度家庭人口数计算为11700元。不应报 D05；分层为中等收入。",
    household: {
      ...NOT_MONITORED,
      ...income({ wage: 30_000, business: 2_500, property: 0, transfer: 3_500, pension: 1_800, costs: 900, current: 2, annual: 3 }, true),
      产业帮扶: "庭院经济",
      就业帮扶: "务工就业",
    },
    persons: [p(2, 6, "19750118", 17, "户主", "普通劳动力"), p(2, 7, "19760305", 28, "配偶", "普通劳动力")],
  },
  {
    key: hh(4),
    story:
      "一般农户、边缘易致贫户、风险未消除（方案所称“未消除风险的监测帮扶对象”，属方案的“脱贫户”）；人均6000元低收入；有技能劳动力、有就业措施。应正常分层，无问题。",
    household: {
      ...NOT_MONITORED,
      户类型: "一般农户",
      监测对象类别: "边缘易致贫户",
      风险是否已消除: "否",
      识别监测时间: "202406",
      "致贫/返贫风险1": "因病",
      ...income({ wage: 9_000, business: 2_000, property: 0, transfer: 1_600, pension: 1_600, costs: 600, current: 2, annual: 2 }, true),
      就业帮扶: "技能培训",
      健康帮扶: "大病救助",
    },
    persons: [p(3, 10, "19900214", 19, "户主", "技能劳动力"), p(3, 11, "19600710", 26, "之母", "无劳动力", { health: "患有大病" })],
  },
  {
    key: hh(5),
    story:
      "脱贫户、脱贫不稳定户、风险已消除：人均纯收入（元）5500是识别时的收入，风险消除后家庭人均纯收入13666.67元。应按风险消除后收入分为中等收入并说明用了哪一列；不应报 M04（只对低收入户）。",
    household: {
      ...NOT_MONITORED,
      监测对象类别: "脱贫不稳定户",
      风险是否已消除: "是",
      识别监测时间: "202303",
      消除监测时间: "202412",
      风险消除方式: "帮扶消除",
      "致贫/返贫风险1": "务工就业不稳",
      ...income({ wage: 12_000, business: 3_000, property: 0, transfer: 2_400, pension: 0, costs: 900, current: 3, annual: 3 }, true),
      产业帮扶: "产业奖补",
      风险消除后工资性收入: "36000.00",
      风险消除后财产性收入: "0.00",
      风险消除后转移性收入: "2400.00",
      风险消除后生产经营性收入: "4000.00",
      风险消除后生产经营性支出: "1400.00",
      风险消除后家庭纯收入: "41000.00",
      风险消除后家庭人均纯收入: "13666.67",
      风险消除后理赔收入: "0.00",
      风险消除后合规自付支出: "0.00",
      风险消除后是否义务教育阶段适龄儿童少年失学辍学: "否",
      风险消除后是否住房损毁: "否",
      "风险消除后是否有家庭成员未参加城乡居民（职工）基本医疗保险": "否",
      风险消除后是否饮水设施损毁: "否",
    },
    persons: [
      p(4, 12, "19720909", 21, "户主", "普通劳动力"),
      p(4, 13, "19740127", 32, "配偶", "普通劳动力"),
      p(4, 14, "20010602", 43, "之子", "技能劳动力", { extra: { 务工所在地: "江苏省苏州市", "务工时间（月）": "11" } }),
    ],
  },
  {
    key: hh(6),
    story:
      "一般农户、突发严重困难户、风险已消除：不属方案的“脱贫户”。应单列（不分层、不参加排名），不报 M03、M04；风险消除后家庭人均纯收入16800元。",
    household: {
      ...NOT_MONITORED,
      户类型: "一般农户",
      监测对象类别: "突发严重困难户",
      风险是否已消除: "是",
      识别监测时间: "202401",
      消除监测时间: "202409",
      风险消除方式: "自然消除",
      "致贫/返贫风险1": "因意外事故",
      ...income({ wage: 3_000, business: 1_500, property: 0, transfer: 0, costs: 500, current: 1, annual: 1 }, false),
      风险消除后工资性收入: 15_000,
      风险消除后财产性收入: 0,
      风险消除后转移性收入: 800,
      风险消除后生产经营性收入: 1_500,
      风险消除后生产经营性支出: 500,
      风险消除后家庭纯收入: 16_800,
      风险消除后家庭人均纯收入: 16_800,
      风险消除后理赔收入: 0,
      风险消除后合规自付支出: 0,
    },
    persons: [p(5, 15, "19850419", 14, "户主", "普通劳动力")],
  },
  {
    key: hh(7),
    story: "2位老人，劳动技能“丧失劳动力”“无劳动力”（整户无劳动力），人均4500元低收入，未享受低保、特困供养。应报 M12（真问题）。",
    household: {
      ...NOT_MONITORED,
      ...income({ wage: 0, business: 0, property: 0, transfer: 9_000, pension: 9_000, costs: 0, current: 2, annual: 2 }, false),
      健康帮扶: "家庭医生签约服务",
    },
    persons: [
      p(6, 0, "19480303", 15, "户主", "丧失劳动力", { health: "长期慢性病" }),
      p(6, 1, "19500812", 26, "配偶", "无劳动力", { health: "长期慢性病" }),
    ],
  },
  {
    key: hh(8),
    story:
      "配偶城乡居民、城镇职工基本医疗保险都为“否”，两项养老保险也都为“否”：应报 M09（错误）和 M08（警告），都是真问题。人均12933.33元中等收入。",
    household: {
      ...NOT_MONITORED,
      ...income({ wage: 38_000, business: 0, property: 200, transfer: 600, costs: 0, current: 3, annual: 3 }, false),
      就业帮扶: "外出务工",
    },
    persons: [
      p(7, 16, "19780726", 18, "户主", "普通劳动力"),
      p(7, 17, "19791130", 27, "配偶", "普通劳动力", {
        extra: {
          是否参加城乡居民基本医疗保险: "否",
          是否参加城镇职工基本医疗保险: "否",
          是否参加城乡居民基本养老保险: "否",
          是否参加城镇职工基本养老保险: "否",
        },
      }),
      p(7, 19, "20190507", 36, "之女", "无劳动力", { student: "学前教育" }),
    ],
  },
  {
    key: hh(9),
    story:
      "1人户，62岁“弱劳动力或半劳动力”，享受农村低保，人均9000元低收入，只有综合保障措施。按国家口径有劳动力：应报 M04（警告）；不报 M12。",
    household: {
      ...NOT_MONITORED,
      享受低保政策情况: "农村低保",
      ...income(
        { wage: 0, business: 1_500, property: 0, transfer: 7_800, pension: 1_800, dibao: 6_000, costs: 300, current: 1, annual: 1 },
        false,
      ),
      综合保障: "农村低保",
    },
    persons: [p(8, 2, "19630121", 29, "户主", "弱劳动力或半劳动力", { health: "长期慢性病" })],
  },
  {
    key: hh(10),
    story: "5人，高收入（人均18800元），技能、普通劳动力，措施齐全，全员参保。无任何问题。",
    household: {
      ...NOT_MONITORED,
      ...income({ wage: 88_000, business: 6_000, property: 500, transfer: 1_500, pension: 0, costs: 2_000, current: 5, annual: 5 }, false),
      产业帮扶: "技术服务",
      就业帮扶: "就业信息推送",
    },
    persons: [
      p(9, 6, "19760408", 12, "户主", "技能劳动力"),
      p(9, 3, "19780919", 23, "配偶", "普通劳动力"),
      p(9, 20, "20000112", 34, "之子", "技能劳动力"),
      p(10, 9, "20010723", 45, "之儿媳", "普通劳动力"),
      p(9, 21, "20220301", 56, "之孙子", "无劳动力", { student: "学龄前儿童" }),
    ],
  },
];

/** 残疾人证号: the 18-character ID, then the category (4 肢体) and the grade (2 二级). */
const DISABILITY_CERTIFICATE_SUFFIX = "42";

function personRow(h: NationalHousehold, person: NationalPerson, index: number): FixtureCell[] {
  const certificate = person.extra?.证件类型 === "残疾人证";
  const values: Values = {
    市: "枣庄市",
    县: "薛城区",
    乡: TOWN,
    村: VILLAGE,
    户编号: h.key,
    人口编号: `${h.key}${String(index + 1).padStart(2, "0")}`,
    姓名: person.name,
    证件类型: "居民身份证",
    证件号码: certificate ? person.id + DISABILITY_CERTIFICATE_SUFFIX : person.id,
    性别: Number(person.id[16]) % 2 === 1 ? "男" : "女",
    与户主关系: person.relation,
    出生日期: person.id.slice(6, 14),
    民族: "汉族",
    文化程度: person.student ? "" : "初中",
    家庭成员联系电话: fakePhone(Number(h.key.slice(-3)) * 10 + index),
    在校生状况: person.student ?? "",
    劳动技能: person.labor,
    健康状况: person.health ?? "健康",
    ...INSURED,
    ...h.household,
    ...person.extra,
  };
  if (certificate) values.证件号码 = person.id + DISABILITY_CERTIFICATE_SUFFIX;
  return rowByHeader(NATIONAL_HEADER, values);
}

/** The export: two title rows (not shown by the public code, which skips them), the header on row 3, one row per person. */
export function nationalMonitoringExport(): RealLayoutFixture {
  const width = NATIONAL_HEADER.length;
  const rows: FixtureCell[][] = [
    titleRow("（自定义）监测对象信息", width),
    titleRow("导出单位：薛城区齐村镇    导出时间：2025-12-01 09:30:12", width),
    [...NATIONAL_HEADER],
  ];
  for (const h of NATIONAL_HOUSEHOLDS) h.persons.forEach((person, i) => rows.push(personRow(h, person, i)));
  const households: HouseholdCase[] = NATIONAL_HOUSEHOLDS.map((h) => ({ key: h.key, persons: h.persons.length, story: h.story }));
  return {
    id: "nationalMonitoring",
    title: "全国防返贫监测信息系统（自定义）监测对象信息导出",
    fileName: "监测对象信息.xlsx",
    source: { repo: "Gzuwkj/fuping", paths: ["main.py", "model.py", "rules/*.py"] },
    sheets: [{ name: "监测对象信息", rows, merges: ["A1:M1", "A2:M2"], textColumns: [5, 6, 9, 14] }],
    households,
  };
}
