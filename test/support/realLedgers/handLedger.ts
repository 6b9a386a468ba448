/**
 * A street office's hand-kept ledger, one row per household: started from the national person
 * export filtered to heads (so it keeps 户编号, a plain 身份证号 column holding the head's ID and a
 * 与户主关系 column that says 户主 on every row), with the office's own columns added (收入分层,
 * 增收帮扶责任人, 最近走访日期, 增收措施, 孝善养老). Not a public file: it is built from the
 * plan's columns (../../../docs/real-exports.md) and the value spellings seen in the public
 * sources — full-width digits, "1.2万", 2025年12月3日, date serials, 财务大写 numerals — so that it
 * carries the points the national exports do not: layout by evidence, M01/M02/M07/D05.
 */
import { dateSerial, FixtureCell, fakeId, fakeName, fakePhone, HouseholdCase, RealLayoutFixture, rowByHeader, titleRow } from "./common";

export const HAND_HEADER: readonly string[] = [
  "序号",
  "村居",
  "户编号",
  "户主姓名",
  "身份证号",
  "与户主关系",
  "家庭人口数",
  "工资性收入",
  "生产经营性收入",
  "财产性收入",
  "转移性收入",
  "生产经营性支出",
  "人均纯收入（元）",
  "上年人均纯收入（元）",
  "收入分层",
  "增收帮扶责任人",
  "最近走访日期",
  "增收措施",
  "年龄",
  "健康状况",
  "残疾类别",
  "子女缴纳赡养金",
  "孝善养老奖补",
  "联系电话",
  "备注",
];

interface HandHousehold {
  readonly size: number;
  readonly values: Record<string, FixtureCell>;
  readonly story: string;
}

const hh = (n: number) => `3704021020020${String(n).padStart(3, "0")}`;

export const HAND_HOUSEHOLDS: readonly HandHousehold[] = [
  {
    size: 4,
    story: "4人，人均9500元低收入，有责任人，2025年12月3日走访：无问题；人数应按家庭人口数计4人。",
    values: {
      工资性收入: 30_000,
      生产经营性收入: 6_000,
      财产性收入: 500,
      转移性收入: 2_000,
      生产经营性支出: 500,
      "人均纯收入（元）": 9_500,
      "上年人均纯收入（元）": 8_600,
      收入分层: "低收入",
      增收帮扶责任人: fakeName(15, 9),
      最近走访日期: "2025年12月3日",
      增收措施: "公益性岗位、庭院经济",
      年龄: 55,
    },
  },
  {
    size: 3,
    story: "3人，人均12600元中等收入：无问题（走访日期是日期序列值）。",
    values: {
      工资性收入: 36_000,
      生产经营性收入: 2_000,
      财产性收入: 0,
      转移性收入: 0,
      生产经营性支出: 200,
      "人均纯收入（元）": 12_600,
      "上年人均纯收入（元）": 11_000,
      收入分层: "中等收入",
      增收帮扶责任人: fakeName(16, 10),
      最近走访日期: dateSerial(2025, 11, 20),
      增收措施: "务工就业",
      年龄: 48,
    },
  },
  {
    size: 5,
    story:
      "工资性收入写作财务大写“壹万贰仟”（12000）：可读作12000并提示；读不出时只报 D04。无论如何不应报 D05（人均纯收入按12000计正好相符）。",
    values: {
      工资性收入: "壹万贰仟",
      生产经营性收入: 40_000,
      财产性收入: 0,
      转移性收入: 3_000,
      生产经营性支出: 0,
      "人均纯收入（元）": 11_000,
      "上年人均纯收入（元）": 10_000,
      收入分层: "中等收入",
      增收帮扶责任人: fakeName(17, 11),
      最近走访日期: "2025-12-01",
      增收措施: "产业帮扶、务工",
      年龄: 50,
    },
  },
  {
    size: 2,
    story: "转移性收入填“待核实”：应报 D04；不应据缺项算出 D05。",
    values: {
      工资性收入: 12_000,
      生产经营性收入: 4_000,
      财产性收入: 0,
      转移性收入: "待核实",
      生产经营性支出: 0,
      "人均纯收入（元）": 10_000,
      "上年人均纯收入（元）": 9_000,
      收入分层: "低收入",
      增收帮扶责任人: fakeName(18, 12),
      最近走访日期: "2025-12-05",
      增收措施: "公益性岗位",
      年龄: 61,
    },
  },
  {
    size: 2,
    story:
      "户主57岁，健康状况“残疾”、残疾类别“肢体”，未写等级；子女缴纳赡养金3600元，登记奖补1080元。等级不明，M07 应说明无法判断（一、二级可55岁享受），不应按“无残疾、不满60岁”报错。",
    values: {
      工资性收入: 10_000,
      生产经营性收入: 3_000,
      财产性收入: 0,
      转移性收入: 4_600,
      生产经营性支出: 0,
      "人均纯收入（元）": 8_800,
      "上年人均纯收入（元）": 8_000,
      收入分层: "低收入",
      增收帮扶责任人: fakeName(19, 13),
      最近走访日期: "2025/12/10",
      增收措施: "孝善养老、公益性岗位",
      年龄: 57,
      健康状况: "残疾",
      残疾类别: "肢体",
      子女缴纳赡养金: 3_600,
      孝善养老奖补: 1_080,
    },
  },
  {
    size: 3,
    story: "数字写法各异（全角“１０２００”、“3.06万”）：都能读，无问题。",
    values: {
      工资性收入: "3.06万",
      生产经营性收入: "０",
      财产性收入: 0,
      转移性收入: "１２００",
      生产经营性支出: 1_200,
      "人均纯收入（元）": "１０２００",
      "上年人均纯收入（元）": "9,300",
      收入分层: "低收入",
      增收帮扶责任人: fakeName(0, 14),
      最近走访日期: "2025.12.8",
      增收措施: "务工就业",
      年龄: 44,
    },
  },
  {
    size: 3,
    story: "低收入户，未填增收帮扶责任人：应报 M01（真问题）。",
    values: {
      工资性收入: 20_000,
      生产经营性收入: 5_000,
      财产性收入: 0,
      转移性收入: 1_000,
      生产经营性支出: 1_000,
      "人均纯收入（元）": 8_333.33,
      "上年人均纯收入（元）": 7_600,
      收入分层: "低收入",
      增收帮扶责任人: "",
      最近走访日期: "2025-12-02",
      增收措施: "务工就业",
      年龄: 46,
    },
  },
  {
    size: 4,
    story: "低收入户，最近走访2025-09-30：应报 M02（真问题）。",
    values: {
      工资性收入: 28_000,
      生产经营性收入: 10_000,
      财产性收入: 0,
      转移性收入: 2_000,
      生产经营性支出: 0,
      "人均纯收入（元）": 10_000,
      "上年人均纯收入（元）": 9_100,
      收入分层: "低收入",
      增收帮扶责任人: fakeName(1, 15),
      最近走访日期: "2025-09-30",
      增收措施: "产业帮扶",
      年龄: 39,
    },
  },
];

export function handLedger(): RealLayoutFixture {
  const width = HAND_HEADER.length;
  const rows: FixtureCell[][] = [titleRow("齐村镇东王庄村脱贫户增收帮扶台账（2025年）", width), [...HAND_HEADER]];
  const households: HouseholdCase[] = [];
  HAND_HOUSEHOLDS.forEach((h, i) => {
    const headName = fakeName(i + 3, i + 5);
    const birthYear = 2025 - Number(h.values.年龄);
    const id = fakeId(`${birthYear}0101`, 300 + i);
    rows.push(
      rowByHeader(HAND_HEADER, {
        序号: i + 1,
        村居: "东王庄村",
        户编号: hh(i + 1),
        户主姓名: headName,
        身份证号: id,
        与户主关系: "户主",
        家庭人口数: h.size,
        健康状况: "健康",
        联系电话: fakePhone(800 + i),
        ...h.values,
      }),
    );
    households.push({ key: hh(i + 1), persons: h.size, story: h.story });
  });
  return {
    id: "handLedger",
    title: "街道手工台账（按户，身份证号为户主的）",
    fileName: "街道台账-按户-身份证号.xlsx",
    source: { repo: "(none: built from the plan's columns and the public sources' value spellings)", paths: [] },
    sheets: [{ name: "增收帮扶台账", rows, merges: [`A1:Y1`], textColumns: [3, 5] }],
    households,
  };
}
