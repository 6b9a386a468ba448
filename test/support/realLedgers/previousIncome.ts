/**
 * Last year's incomes as an office gets them: the county all-fields export (全县全字段) of the
 * national system for 2024, one row per person. The columns are those wangzhi102001/DataToDocx
 * (DataToDocx/AsposeWord.cs) selects from it, in the order of its queries: the household query
 * first (县 … 户主证件号码), then the person fields the two member queries add. It holds both
 * 当前家庭人口数 and 年度家庭人口数, both 生产经营性支出 and 生产经营性支出（合计）, person-level
 * 是否享受农村居民最低生活保障 / 是否特困供养人员 / 城镇职工 insurance, 公益性岗位 and
 * 公益性岗位(月数). Joined to this year's export by 户编号, its 人均纯收入（元） is last year's.
 *
 * Rows above the header: DataToDocx looks for the header among the first four rows (the fullest
 * one); the fixture puts a title and an export line above it.
 */
import { FixtureCell, fakeId, fakeName, fakePhone, HouseholdCase, RealLayoutFixture, rowByHeader, titleRow } from "./common";
import { NATIONAL_HOUSEHOLDS } from "./nationalMonitoring";

export const ALL_FIELDS_HEADER: readonly string[] = [
  // the household query, in its order
  "县",
  "乡",
  "村",
  "户联系电话",
  "户类型",
  "监测对象类别",
  "是否军烈属",
  "工资性收入",
  "转移性收入",
  "养老金或离退休金",
  "生产经营性收入",
  "计划生育金",
  "生态补偿金",
  "财产性收入",
  "最低生活保障金",
  "其他转移性收入",
  "资产收益扶贫分红收入",
  "特困人员救助供养金",
  "其他财产性收入（旧指标）",
  "生产经营性支出",
  "纯收入（元）",
  "当前家庭人口数",
  "人均纯收入（元）",
  "年度家庭人口数",
  "耕地面积（亩）",
  "牧草地面积",
  "水面面积",
  "林地面积（亩）",
  "退耕还林面积（亩）",
  "林果面积（亩）",
  "入户路类型",
  "与村主干路距离",
  "是否加入农民专业合作组织",
  "是否危房户",
  "住房面积",
  "主要燃料类型",
  "是否有龙头企业带动",
  "是否有创业致富带头人带动",
  "是否通生活用电",
  "是否通广播电视",
  "到户产业帮扶类型",
  "是否解决安全饮用水",
  "是否通生产用电",
  "户编号",
  "人口编号",
  "姓名",
  "证件号码",
  "与户主关系",
  "公益性岗位收入",
  "其他工资性收入",
  "产业奖励",
  "就业奖励",
  "生产经营性支出（合计）",
  "专项用于减少生产经营性支出的补贴",
  "年收入（元）",
  "是否有卫生厕所",
  "户主姓名",
  "户主证件号码",
  // the person fields of the member queries
  "性别",
  "证件类型",
  "出生日期",
  "民族",
  "家庭成员联系电话",
  "文化程度",
  "在校生状况",
  "劳动技能",
  "务工时间（月）",
  "健康状况",
  "政治面貌",
  "是否参加城乡居民基本医疗保险",
  "是否参加城乡居民基本养老保险",
  "是否会讲普通话",
  "义务教育阶段未上学原因",
  "是否享受人身意外保险补贴",
  "是否参加商业补充医疗保险",
  "是否国外务工",
  "是否接受医疗救助",
  "是否接受其他健康扶贫",
  "是否参加城镇职工基本医疗保险",
  "大专或本科毕业生未就业原因",
  "务工所在地",
  "务工企业名称",
  "是否享受农村居民最低生活保障",
  "是否参加城镇职工基本养老保险",
  "是否参加大病保险",
  "是否特困供养人员",
  "公益性岗位",
  "公益性岗位(月数)",
  "残疾证办证年度",
  "是否事实无人抚养儿童",
];

/** Per-capita net income of 2024 by household index (0-based into NATIONAL_HOUSEHOLDS), with the household size of 2024. */
const LAST_YEAR: readonly { readonly perCapita: number; readonly size: number }[] = [
  { perCapita: 7_200, size: 4 }, //  1: +11.1 %
  { perCapita: 14_000, size: 3 }, // 2: +2.9 % → M13 warning
  { perCapita: 10_800, size: 3 }, // 3: +8.3 % (the elder still lived: 3 persons)
  { perCapita: 5_200, size: 2 }, //  4: +15.4 %
  { perCapita: 12_500, size: 3 }, // 5: +9.3 % against 风险消除后家庭人均纯收入 13666.67; −56 % against the 识别时 5500
  { perCapita: 9_000, size: 1 }, //  6: out of scope
  { perCapita: 4_400, size: 2 }, //  7: +2.3 % → M13 warning
  { perCapita: 13_500, size: 3 }, // 8: −4.2 % → M13 error
  { perCapita: 8_500, size: 1 }, //  9: +5.9 % → M13 warning
  { perCapita: 17_000, size: 5 }, // 10: +10.6 %
];

/** The elder of household 3 who died in 2025: still on the 2024 list. */
const ELDER_OF_HOUSEHOLD_3 = {
  name: fakeName(2, 3),
  id: fakeId("19440215", 39),
  relation: "之母",
  labor: "丧失劳动力",
  extra: {} as Record<string, FixtureCell>,
};

export function previousIncomeExport(): RealLayoutFixture {
  const width = ALL_FIELDS_HEADER.length;
  const rows: FixtureCell[][] = [
    titleRow("全县全字段（2024年度）", width),
    titleRow("数据截至：2024-12-31", width),
    [...ALL_FIELDS_HEADER],
  ];
  const households: HouseholdCase[] = [];
  NATIONAL_HOUSEHOLDS.forEach((h, index) => {
    const last = LAST_YEAR[index];
    const net = last.perCapita * last.size;
    const members = index === 2 ? [...h.persons, ELDER_OF_HOUSEHOLD_3] : h.persons;
    const head = h.persons[0];
    members.forEach((person, i) => {
      const extra: Record<string, FixtureCell> = person.extra ?? {};
      rows.push(
        rowByHeader(ALL_FIELDS_HEADER, {
          县: "薛城区",
          乡: "齐村镇",
          村: "东王庄村",
          户联系电话: fakePhone(700 + index),
          户类型: h.household.户类型 ?? "脱贫户",
          监测对象类别: h.household.监测对象类别 ?? "",
          工资性收入: Math.round(net * 0.8),
          生产经营性收入: Math.round(net * 0.1),
          财产性收入: 0,
          转移性收入: net - Math.round(net * 0.8) - Math.round(net * 0.1),
          生产经营性支出: 0,
          "纯收入（元）": net,
          当前家庭人口数: last.size,
          "人均纯收入（元）": last.perCapita,
          年度家庭人口数: last.size,
          户编号: h.key,
          人口编号: `${h.key}${String(i + 1).padStart(2, "0")}`,
          姓名: person.name,
          证件号码: person.id,
          与户主关系: person.relation,
          户主姓名: head.name,
          户主证件号码: head.id,
          劳动技能: person.labor,
          是否参加城乡居民基本医疗保险: (extra.是否参加城乡居民基本医疗保险 as string | undefined) ?? "是",
          是否参加城镇职工基本医疗保险: (extra.是否参加城镇职工基本医疗保险 as string | undefined) ?? "否",
          是否参加城乡居民基本养老保险: (extra.是否参加城乡居民基本养老保险 as string | undefined) ?? "是",
          是否参加城镇职工基本养老保险: (extra.是否参加城镇职工基本养老保险 as string | undefined) ?? "否",
          是否享受人身意外保险补贴: "是",
          是否享受农村居民最低生活保障: index === 8 ? "是" : "否",
          是否特困供养人员: "否",
          公益性岗位: i === 0 && index === 0 ? "护林员" : "",
          "公益性岗位(月数)": i === 0 && index === 0 ? 12 : null,
        }),
      );
    });
    households.push({
      key: h.key,
      persons: members.length,
      story: `2024年人均纯收入${last.perCapita}元（年度家庭人口数${last.size}）：作“上年人均纯收入”按户编号并入2025年的导出。`,
    });
  });
  return {
    id: "previousIncome",
    title: "全国防返贫监测信息系统 全县全字段导出（2024年度，作上年收入）",
    fileName: "上年收入-全县全字段2024.xlsx",
    source: { repo: "wangzhi102001/DataToDocx", paths: ["DataToDocx/AsposeWord.cs", "DataToDocx/Fun.cs"] },
    sheets: [{ name: "全县全字段", rows, merges: [`A1:J1`, `A2:J2`], textColumns: [44, 45, 47, 58] }],
    households,
  };
}
