/**
 * Two small ledgers for the summary tests, written as a cadre's sheet holds them and read by
 * the real reader. Every expected number in the tests is worked out by hand from these rows
 * (the arithmetic is in comments next to each literal), never taken from the code's output.
 *
 * Policy: the shipped parameters for 2025 — low < 11000 ≤ middle < 15000 ≤ high; courtyard 50%, cap 5000;
 * filial: age 60, 300 yuan/month counted, reward rate cap 30%; hourly minimum wage 19; farmers' growth 7%.
 */
import { checkLedger, CheckReport } from "../../src/checks";
import type { Ledger } from "../../src/ledger";
import { buildSummaries, SummaryCell, SummaryKey, SummaryOptions, SummaryTable } from "../../src/summaries";
import { AS_OF, idOfAge, POLICY, read } from "../support/ledgerFixtures";

export { AS_OF, POLICY };
export const GENERATED_AT = "2025-07-01T09:30:00";

// ---------------------------------------------------------------- person layout, no town column

/** Columns A…R of the person-layout ledger (title on row 1, header on row 2, data from row 3). */
export const PERSON_HEADER = [
  "户编号", // A
  "证件号码", // B
  "姓名", // C
  "与户主关系", // D
  "村", // E
  "人均纯收入（元）", // F
  "上年人均纯收入", // G
  "帮扶措施", // H
  "帮扶责任人", // I
  "最近走访日期", // J
  "庭院经济投资额", // K
  "庭院经济奖补", // L
  "孝善养老缴纳金额", // M
  "孝善养老奖补", // N
  "公益性岗位月工资", // O
  "公益性岗位月工时", // P
  "小额信贷是否还清", // Q
  "小额信贷贴息", // R
] as const;

type PersonColumn = (typeof PERSON_HEADER)[number];
const personRow = (v: Partial<Record<PersonColumn, unknown>>) => PERSON_HEADER.map((h) => v[h] ?? "");

/** The head's ID of H01 (50 on the check date), for the masking tests. */
export const H01_HEAD_ID = idOfAge(50, "101");
export const H05_HEAD_ID = idOfAge(55, "111");
export const H09_HEAD_ID = idOfAge(70, "117");

/**
 * Nine households, fifteen persons:
 *
 * | key | rows  | 村 | persons | 人均 | 上年 | tier | measures |
 * | H01 | 3–4   | 东村 | 2 | 9000  | 8000  | low    | 公益性岗位、庭院经济 → 四, 六 |
 * | H02 | 5–7   | 东村 | 3 | 12000 | 11000 | middle | 务工 → 二 |
 * | H03 | 8     | 东村 | 1 | 16000 | 15000 | high   | — |
 * | H04 | 9–10  | 东村 | 2 | blank | 10000 | 收入不详 | 养殖、小额信贷 → 五, 七 (two actions) |
 * | H05 | 11    | 西村 | 1 | 10000 | 9500  | low    | — |
 * | H06 | 12–13 | 西村 | 2 | 11000 | 10000 | middle | 产业帮扶 → 五 |
 * | H07 | 14–15 | 西村 | 2 | 20000 | 16000 | high   | 技能培训 → 二; 慰问 (unmapped) |
 * | H08 | 16    | 西村 | 1 | 13000 | 12000 | middle | 公益岗 → 四 |
 * | H09 | 17    | (blank) | 1 | 8000 | 8500 | low | 低保 → 九 |
 */
export const PERSON_ROWS: unknown[][] = [
  ["某街道脱贫户增收帮扶台账（2025年）"],
  [...PERSON_HEADER],
  // H01 东村, low. Courtyard 4000 invested, 2500 recorded (allowed 2000); post 1400/month for 80 hours (minimum 1520);
  // spouse 62 with 3600 paid and 1080 reward (allowed 0.3 × 3600 = 1080); small loan repaid, 300 subsidy.
  personRow({
    户编号: "H01",
    证件号码: H01_HEAD_ID,
    姓名: "张一",
    与户主关系: "户主",
    村: "东村",
    "人均纯收入（元）": 9000,
    上年人均纯收入: 8000,
    帮扶措施: "公益性岗位、庭院经济",
    帮扶责任人: "钱干部",
    最近走访日期: "2025-06-20",
    庭院经济投资额: 4000,
    庭院经济奖补: 2500,
    公益性岗位月工资: 1400,
    公益性岗位月工时: 80,
    小额信贷是否还清: "是",
    小额信贷贴息: 300,
  }),
  personRow({ 户编号: "H01", 证件号码: idOfAge(62, "102"), 姓名: "王一", 与户主关系: "配偶", 孝善养老缴纳金额: 3600, 孝善养老奖补: 1080 }),
  // H02 东村, middle. A courtyard subsidy of 300 to a middle-income household (allowed 0); member 70 paid 4800,
  // reward 1440 (allowed 0.3 × min(4800, 300 × 12) = 1080); loan not repaid with 200 subsidy (allowed 0).
  personRow({
    户编号: "H02",
    证件号码: idOfAge(45, "103"),
    姓名: "李二",
    与户主关系: "户主",
    村: "东村",
    "人均纯收入（元）": 12000,
    上年人均纯收入: 11000,
    帮扶措施: "务工",
    帮扶责任人: "钱干部",
    最近走访日期: "2025-06-01",
    庭院经济奖补: 300,
    小额信贷是否还清: "否",
    小额信贷贴息: 200,
  }),
  personRow({ 户编号: "H02", 证件号码: idOfAge(70, "104"), 姓名: "李父", 与户主关系: "父亲", 孝善养老缴纳金额: 4800, 孝善养老奖补: 1440 }),
  personRow({ 户编号: "H02", 证件号码: idOfAge(15, "105"), 姓名: "李子", 与户主关系: "之子" }),
  // H03 东村, high, no measure.
  personRow({
    户编号: "H03",
    证件号码: idOfAge(40, "106"),
    姓名: "赵三",
    与户主关系: "户主",
    村: "东村",
    "人均纯收入（元）": 16000,
    上年人均纯收入: 15000,
  }),
  // H04 东村, income unknown; courtyard 1000 invested and 1000 recorded: not judged (allowed = recorded).
  personRow({
    户编号: "H04",
    证件号码: idOfAge(35, "107"),
    姓名: "孙四",
    与户主关系: "户主",
    村: "东村",
    上年人均纯收入: 10000,
    帮扶措施: "养殖、小额信贷",
    庭院经济投资额: 1000,
    庭院经济奖补: 1000,
  }),
  personRow({ 户编号: "H04", 证件号码: idOfAge(10, "108"), 姓名: "孙子", 与户主关系: "之子" }),
  // H05 西村, low, no measure, last visit 2025-05-01 (more than a month before 2025-06-30);
  // courtyard 12000 invested, 5000 recorded (allowed min(6000, 5000) = 5000).
  personRow({
    户编号: "H05",
    证件号码: H05_HEAD_ID,
    姓名: "周五",
    与户主关系: "户主",
    村: "西村",
    "人均纯收入（元）": 10000,
    上年人均纯收入: 9500,
    帮扶责任人: "孙干部",
    最近走访日期: "2025-05-01",
    庭院经济投资额: 12000,
    庭院经济奖补: 5000,
  }),
  // H06 西村, middle. Head 58, not an elder: reward 1080 on 3600 paid is allowed 0; loan repayment blank, 150 subsidy (not judged).
  personRow({
    户编号: "H06",
    证件号码: idOfAge(58, "109"),
    姓名: "吴六",
    与户主关系: "户主",
    村: "西村",
    "人均纯收入（元）": 11000,
    上年人均纯收入: 10000,
    帮扶措施: "产业帮扶",
    孝善养老缴纳金额: 3600,
    孝善养老奖补: 1080,
    小额信贷贴息: 150,
  }),
  personRow({ 户编号: "H06", 证件号码: idOfAge(30, "110"), 姓名: "吴妻", 与户主关系: "配偶" }),
  // H07 西村, high. A member on a post paid 800 without hours (not judged: minimum = 800).
  personRow({
    户编号: "H07",
    证件号码: idOfAge(33, "112"),
    姓名: "郑七",
    与户主关系: "户主",
    村: "西村",
    "人均纯收入（元）": 20000,
    上年人均纯收入: 16000,
    帮扶措施: "技能培训、慰问",
  }),
  personRow({ 户编号: "H07", 证件号码: idOfAge(30, "113"), 姓名: "郑妻", 与户主关系: "配偶", 公益性岗位月工资: 800 }),
  // H08 西村, middle. Head 65 paid 1200, no reward recorded (allowed 0.3 × 1200 = 360); post 1000 for 50 hours (minimum 950).
  personRow({
    户编号: "H08",
    证件号码: idOfAge(65, "114"),
    姓名: "冯八",
    与户主关系: "户主",
    村: "西村",
    "人均纯收入（元）": 13000,
    上年人均纯收入: 12000,
    帮扶措施: "公益岗",
    孝善养老缴纳金额: 1200,
    公益性岗位月工资: 1000,
    公益性岗位月工时: 50,
  }),
  // H09 no village, low, income down from 8500; no cadre, no visit; courtyard 3000 invested, nothing recorded (allowed 1500).
  personRow({
    户编号: "H09",
    证件号码: H09_HEAD_ID,
    姓名: "陈九",
    与户主关系: "户主",
    "人均纯收入（元）": 8000,
    上年人均纯收入: 8500,
    帮扶措施: "低保",
    庭院经济投资额: 3000,
  }),
];

// ---------------------------------------------------------------- household layout, with towns

/**
 * One row per household (header on row 1, data from row 2), towns and villages, sizes, few money columns.
 * Columns: A 户编号, B 户主姓名, C 乡镇, D 村, E 家庭人口数, F 人均纯收入, G 帮扶措施, H 庭院经济奖补, I 户主证件号码.
 *
 * | key | row | 乡镇 | 村 | size | 人均 | tier | measures |
 * | K1 | 2 | 乙镇 | 北村 | 3 | 16000 | high | 光伏分红 → 八 |
 * | K2 | 3 | 甲镇 | 南村 | 2 | 10500 | low | — |
 * | K3 | 4 | 甲镇 | 南村 | 4 | 12000 | middle | 务工 → 二 |
 * | K4 | 5 | 甲镇 | 北村 | 1 | 9000 | low | 庭院种植 → 五 (种植) and 六 (庭院) |
 * | K5 | 6 | 乙镇 | (blank) | 2 | blank | 收入不详 | — |
 * | K6 | 7 | (blank) | 东村 | blank (1) | 14000 | middle | 慰问 (unmapped) |
 */
export const K2_HEAD_ID = idOfAge(44, "202");
export const K4_HEAD_ID = idOfAge(61, "204");
export const HOUSEHOLD_ROWS: unknown[][] = [
  ["户编号", "户主姓名", "乡镇", "村", "家庭人口数", "人均纯收入", "帮扶措施", "庭院经济奖补", "户主证件号码"],
  ["K1", "甲一", "乙镇", "北村", 3, 16000, "光伏分红", 500, idOfAge(40, "201")],
  ["K2", "乙二", "甲镇", "南村", 2, 10500, "", "", K2_HEAD_ID],
  ["K3", "丙三", "甲镇", "南村", 4, 12000, "务工", "", idOfAge(52, "203")],
  ["K4", "丁四", "甲镇", "北村", 1, 9000, "庭院种植", 1000, K4_HEAD_ID],
  ["K5", "戊五", "乙镇", "", 2, "", "", "", idOfAge(38, "205")],
  ["K6", "己六", "", "东村", "", 14000, "慰问", "", idOfAge(47, "206")],
];

// ---------------------------------------------------------------- helpers

export interface Built {
  readonly ledger: Ledger;
  readonly report: CheckReport;
  readonly tables: SummaryTable[];
}

export function build(rows: unknown[][], options: Partial<SummaryOptions> = {}, sheetName = "台账"): Built {
  const ledger = read(rows, sheetName);
  const report = checkLedger(ledger, { asOf: AS_OF, policy: POLICY });
  const tables = buildSummaries(ledger, report, { policy: POLICY, asOf: AS_OF, generatedAt: GENERATED_AT, ...options });
  return { ledger, report, tables };
}

export function table(built: Built, key: SummaryKey): SummaryTable {
  const found = built.tables.find((t) => t.key === key);
  if (!found) throw new Error(`test helper: no ${key} table`);
  return found;
}

/** A row's values, numbers rounded to 6 decimals (shares compared to a millionth). */
export function values(row: readonly SummaryCell[] | undefined): unknown[] {
  if (!row) throw new Error("test helper: no row");
  return row.map((c) => (typeof c.value === "number" ? Number(c.value.toFixed(6)) : c.value));
}

export function headers(t: SummaryTable): string[] {
  return t.columns.map((c) => c.header);
}

/** Share to six decimals, as values() rounds. */
export const r6 = (x: number) => Number(x.toFixed(6));
