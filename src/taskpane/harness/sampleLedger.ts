/**
 * A small synthetic ledger for the browser harness and the README screenshots: a title row,
 * a header row and twelve person rows in eight households, one row per person. Everyone is
 * made up; ID numbers use region 370402 with a computed check character (one is wrong on
 * purpose). Checked on 2025-12-15 under the 2025 policy it gives errors, warnings and notes.
 */
import { checkCharacter } from "../../values";

/** The date the harness checks on (its clock is fixed so screenshots do not change). */
export const SAMPLE_AS_OF = new Date(2025, 11, 15, 9, 30, 0);
export const SAMPLE_SHEET = "台账";

function id(birth: string, sequence: string): string {
  const first17 = `370402${birth}${sequence}`;
  return first17 + checkCharacter(first17);
}

const HEADER = [
  "户编号",
  "姓名",
  "与户主关系",
  "证件号码",
  "行政村",
  "家庭人口数",
  "劳动技能",
  "人均纯收入",
  "上年人均纯收入",
  "帮扶措施",
  "增收帮扶责任人",
  "最近走访日期",
  "是否参加城乡居民基本医疗保险",
  "是否参加城乡居民基本养老保险",
  "庭院经济投资额",
  "庭院经济奖补",
  "孝善养老缴纳金额",
  "孝善养老奖补",
] as const;

type Column = (typeof HEADER)[number];

function row(values: Partial<Record<Column, string | number>>): (string | number)[] {
  return HEADER.map((h) => values[h] ?? "");
}

const household = (
  key: string,
  village: string,
  size: number,
  perCapita: number | "",
  lastYear: number,
  measures: string,
  cadre: string,
  visit: string,
) => ({
  户编号: key,
  行政村: village,
  家庭人口数: size,
  人均纯收入: perCapita,
  上年人均纯收入: lastYear,
  帮扶措施: measures,
  增收帮扶责任人: cadre,
  最近走访日期: visit,
});

const badId = (() => {
  const good = id("19700312", "215");
  return good.slice(0, 17) + (good[17] === "1" ? "2" : "1");
})();

export const SAMPLE_ROWS: readonly (readonly (string | number)[])[] = [
  ["东风镇脱贫户增收帮扶台账（2025年，合成示例数据）"],
  [...HEADER],
  row({
    ...household("H001", "东庄村", 2, 9800, 9000, "公益性岗位、庭院经济", "王干部", "2025-12-01"),
    姓名: "张建国",
    与户主关系: "户主",
    证件号码: id("19730405", "011"),
    劳动技能: "普通劳动力",
    是否参加城乡居民基本医疗保险: "是",
    是否参加城乡居民基本养老保险: "是",
    庭院经济投资额: 4000,
    庭院经济奖补: 2000,
  }),
  row({
    户编号: "H001",
    姓名: "李秀英",
    与户主关系: "配偶",
    证件号码: id("19750918", "022"),
    劳动技能: "普通劳动力",
    是否参加城乡居民基本医疗保险: "是",
    是否参加城乡居民基本养老保险: "是",
  }),
  row({
    ...household("H002", "东庄村", 1, 12500, 11000, "务工", "王干部", "2025-11-20"),
    姓名: "赵明",
    与户主关系: "户主",
    证件号码: id("19800101", "031"),
    劳动技能: "普通劳动力",
    是否参加城乡居民基本医疗保险: "否",
    是否参加城乡居民基本养老保险: "是",
    庭院经济奖补: 500,
  }),
  row({
    ...household("H003", "西庄村", 3, 9200, 9500, "", "", "2025-09-01"),
    姓名: "孙立",
    与户主关系: "户主",
    证件号码: id("19680722", "041"),
    劳动技能: "普通劳动力",
    是否参加城乡居民基本医疗保险: "是",
    是否参加城乡居民基本养老保险: "是",
  }),
  row({
    户编号: "H003",
    姓名: "周芳",
    与户主关系: "配偶",
    证件号码: id("19700211", "052"),
    劳动技能: "普通劳动力",
    是否参加城乡居民基本医疗保险: "是",
    是否参加城乡居民基本养老保险: "否",
  }),
  row({
    户编号: "H003",
    姓名: "孙小雨",
    与户主关系: "之女",
    证件号码: id("20100603", "062"),
    劳动技能: "无劳动力",
    是否参加城乡居民基本医疗保险: "是",
  }),
  row({
    ...household("H004", "西庄村", 1, 10400, 9600, "产业帮扶", "刘干部", "2025-12-05"),
    姓名: "吴德才",
    与户主关系: "户主",
    证件号码: badId,
    劳动技能: "普通劳动力",
    是否参加城乡居民基本医疗保险: "是",
    是否参加城乡居民基本养老保险: "是",
  }),
  row({
    ...household("H005", "南岭村", 2, 16800, 15200, "技能培训、务工", "刘干部", "2025-11-28"),
    姓名: "郑海",
    与户主关系: "户主",
    证件号码: id("19850830", "071"),
    劳动技能: "技能劳动力",
    是否参加城乡居民基本医疗保险: "是",
    是否参加城乡居民基本养老保险: "是",
  }),
  row({
    户编号: "H005",
    姓名: "钱丽",
    与户主关系: "配偶",
    证件号码: id("19870114", "082"),
    劳动技能: "普通劳动力",
    是否参加城乡居民基本医疗保险: "是",
    是否参加城乡居民基本养老保险: "是",
  }),
  row({
    ...household("H006", "南岭村", 1, 8600, 8300, "低保", "陈干部", "2025-12-10"),
    姓名: "冯桂兰",
    与户主关系: "户主",
    证件号码: id("19520309", "092"),
    劳动技能: "无劳动力",
    是否参加城乡居民基本医疗保险: "是",
    是否参加城乡居民基本养老保险: "是",
  }),
  row({
    ...household("H007", "南岭村", 1, "", 10000, "小额信贷", "陈干部", "2025-12-02"),
    姓名: "褚强",
    与户主关系: "户主",
    证件号码: id("19780517", "101"),
    劳动技能: "普通劳动力",
    是否参加城乡居民基本医疗保险: "是",
    是否参加城乡居民基本养老保险: "是",
  }),
  row({
    ...household("H008", "东庄村", 1, 13200, 12100, "务工", "王干部", "2025-12-08"),
    姓名: "卫东",
    与户主关系: "户主",
    证件号码: id("19900220", "111"),
    劳动技能: "普通劳动力",
    是否参加城乡居民基本医疗保险: "是",
    是否参加城乡居民基本养老保险: "是",
  }),
];

/** A second sheet that is not a ledger, so the sheet chooser has a choice. */
export const NOTES_ROWS: readonly (readonly string[])[] = [
  ["说明"],
  ["本工作簿中的人名、证件号码和金额均为虚构，仅用于演示增收帮扶助手。"],
];
