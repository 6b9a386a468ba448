/**
 * Writes the two synthetic sample ledgers of examples/ (issue 3 §4):
 *
 * - 国家系统导出-人员.xlsx: a national-system export, one row per person, two title rows,
 *   户编号 repeated on every member row, household values repeated on every member row;
 * - 街道台账-按户.xlsx: a hand-kept street ledger, one row per household, a title row and a
 *   two-row header with merged parents (收入情况 / 庭院经济 / 金融帮扶), messy values
 *   (numbers as text, thousands separators, full-width digits, √/×, dates as text), a 合计 row
 *   and a signature line under the table.
 *
 * Everything is made up: names from a few common surnames and given-name characters, ID numbers
 * from regions 370402/370403/370404 + a birth date + a sequence + the GB 11643 check character.
 * Most households are clean under the 2025 policy; the defects listed in PLANTED are put in on
 * purpose so that, checked with --as-of 2025-12-15, every rule D02–D06, M01–M13 fires at least once.
 *
 * Deterministic: a seeded PRNG (mulberry32), no Math.random, no clock, and every part of the
 * package stored with one fixed date. Re-running it gives the same bytes.
 *
 * Usage: npm run examples    (npx tsx scripts/make-examples.ts [OUT_DIR], default examples/)
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { incomeTier, IncomeTier, isFilialElder, tierThresholds } from "../src/formulas";
import { resolvePolicy } from "../src/policy";
import { checkCharacter, CivilDate, DisabilityGrade, fullYearsBetween, roundToFen } from "../src/values";

/** The check date the examples are made for (`npm run demo` uses it). */
export const EXAMPLES_AS_OF = "2025-12-15";
const AS_OF: CivilDate = { year: 2025, month: 12, day: 15 };
const POLICY = resolvePolicy(AS_OF.year);
const THRESHOLDS = tierThresholds(POLICY);

export const EXAMPLE_FILES = {
  person: "国家系统导出-人员.xlsx",
  household: "街道台账-按户.xlsx",
} as const;
export type ExampleKind = keyof typeof EXAMPLE_FILES;

export const PERSON_SHEET = "脱贫人口明细";
export const HOUSEHOLD_SHEET = "增收帮扶台账";

/** A defect put in on purpose, and the rule that must report it. */
export interface PlantedDefect {
  readonly file: ExampleKind;
  readonly rule: string;
  /** 户编号 of the household concerned. */
  readonly household: string;
  readonly what: string;
}

export interface GeneratedExamples {
  readonly files: Record<ExampleKind, string>;
  readonly planted: readonly PlantedDefect[];
  /** ID numbers written wrong on purpose (D03); every other ID in the files is valid. */
  readonly deliberateBadIds: readonly string[];
  readonly households: Record<ExampleKind, number>;
}

// ---------------------------------------------------------------- random numbers

/** mulberry32: a small seeded PRNG, good enough for sample data and identical on every platform. */
class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer from lo to hi, both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  between(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** Up to n distinct items, in the list's order. */
  some<T>(items: readonly T[], n: number): T[] {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(n, items.length)) chosen.add(Math.floor(this.next() * items.length));
    return [...chosen].sort((a, b) => a - b).map((i) => items[i]);
  }
}

// ---------------------------------------------------------------- people

const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "徐"];
const MALE_CHARS = ["建", "国", "明", "军", "强", "伟", "志", "勇", "海", "涛", "平", "刚", "东", "磊", "德", "福", "成", "文"];
const FEMALE_CHARS = ["秀", "英", "兰", "芳", "华", "玉", "梅", "丽", "红", "霞", "燕", "桂", "敏", "静", "凤", "云", "娟"];
const REGIONS = ["370402", "370403", "370404"];
const CADRES = ["孙立新", "马文静", "周建华", "林晓燕", "郭志强", "何丽萍"];
const DISABILITIES = ["肢体二级", "视力三级", "听力四级", "肢体四级", "智力二级", "精神三级"];

type Sex = "M" | "F";

function givenName(rng: Random, sex: Sex): string {
  const chars = sex === "M" ? MALE_CHARS : FEMALE_CHARS;
  return rng.chance(0.7) ? rng.pick(chars) + rng.pick(chars) : rng.pick(chars);
}

/** A birth date giving `age` full years on the check date. */
function birthFor(rng: Random, age: number): CivilDate {
  const month = rng.int(1, 12);
  const day = rng.int(1, month === 12 ? AS_OF.day : 28);
  return { year: AS_OF.year - age, month, day };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const ymd = (d: CivilDate) => `${d.year}${pad(d.month)}${pad(d.day)}`;

class IdMaker {
  private readonly used = new Set<string>();
  constructor(private readonly rng: Random) {}
  /** An 18-character ID with a correct check character; sequence parity follows the sex (odd = male). */
  make(birth: CivilDate, sex: Sex, homeRegion: string, birthDigits = ymd(birth)): string {
    for (;;) {
      const region = this.rng.chance(0.8) ? homeRegion : this.rng.pick(REGIONS);
      let sequence = this.rng.int(1, 999);
      if ((sequence % 2 === 1) !== (sex === "M")) sequence = sequence === 999 ? 998 : sequence + 1;
      const first17 = `${region}${birthDigits}${pad(sequence, 3)}`;
      const id = first17 + checkCharacter(first17);
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }
}

const ABLE_LABORS = ["普通劳动力", "技能劳动力"] as const;
const WEAK = "弱劳动力或半劳动力";

interface Person {
  name: string;
  sex: Sex;
  relation: string;
  birth: CivilDate;
  age: number;
  id: string;
  labor: string;
  able: boolean;
  student: string;
  isStudent: boolean;
  disability: string | null;
  grade: DisabilityGrade | null;
  medical: string;
  pension: string;
  receivesPension: string;
  welfarePay: number | string | null;
  welfareHours: number | null;
  filialPaid: number | null;
  filialReward: number | null;
}

function makePerson(rng: Random, ids: IdMaker, region: string, surname: string, sex: Sex, relation: string, age: number): Person {
  const birth = birthFor(rng, age);
  const exactAge = fullYearsBetween(birth, AS_OF);
  const disability = exactAge >= 16 && rng.chance(0.08) ? rng.pick(DISABILITIES) : null;
  const grade =
    disability === null
      ? null
      : ((["一", "二", "三", "四"].indexOf(/([一二三四])级/.exec(disability)?.[1] ?? "四") + 1) as DisabilityGrade);
  let student = "非在校生";
  if (exactAge >= 3 && exactAge <= 5) student = "学前教育";
  else if (exactAge >= 6 && exactAge <= 11) student = "小学";
  else if (exactAge >= 12 && exactAge <= 14) student = "初中";
  else if (exactAge >= 15 && exactAge <= 17) student = rng.pick(["高中", "中职"]);
  else if (exactAge >= 18 && exactAge <= 21 && rng.chance(0.5)) student = rng.pick(["大专", "本科"]);
  const isStudent = student !== "非在校生";
  let labor: string;
  if (exactAge < 16 || isStudent) labor = "无劳动力";
  else if (grade !== null && grade <= 2) labor = "丧失劳动力";
  else if (exactAge <= 59) labor = rng.chance(0.9) ? rng.pick(ABLE_LABORS) : WEAK;
  else if (exactAge <= 64) labor = rng.chance(0.3) ? "普通劳动力" : WEAK;
  else labor = rng.pick([WEAK, WEAK, "丧失劳动力", "无劳动力"]);
  // Labour as the national system counts it: 弱劳动力或半劳动力 is labour too.
  const able = (ABLE_LABORS as readonly string[]).includes(labor) || labor === WEAK;
  const elder = exactAge >= 60;
  return {
    name: surname + givenName(rng, sex),
    sex,
    relation,
    birth,
    age: exactAge,
    id: ids.make(birth, sex, region),
    labor,
    able,
    student,
    isStudent,
    disability,
    grade,
    medical: "是",
    // Contribution age and not a student: insured; elders draw the pension.
    pension: exactAge >= 16 && !isStudent ? "是" : "否",
    receivesPension: elder ? "是" : "否",
    welfarePay: null,
    welfareHours: null,
    filialPaid: null,
    filialReward: null,
  };
}

interface Composition {
  headAge?: readonly [number, number];
  size?: number;
  /** At least one member able to work (the head is made able). */
  able?: boolean;
  /** Nobody able to work: an elderly couple. */
  noAble?: boolean;
}

function makeMembers(rng: Random, ids: IdMaker, region: string, want: Composition): Person[] {
  const members = composeMembers(rng, ids, region, want);
  // Elders whose children pay 孝善 support, with the reward at most the plan's 30% (二（十）20).
  for (const p of members) {
    if (isFilialElder(p.age, p.grade, POLICY) && rng.chance(0.85)) {
      p.filialPaid = rng.pick([3600, 3600, 3600, 2400]);
      p.filialReward = roundToFen(p.filialPaid * POLICY.values.filialRewardRateCap);
    }
  }
  return members;
}

function composeMembers(rng: Random, ids: IdMaker, region: string, want: Composition): Person[] {
  if (want.noAble) {
    const surname = rng.pick(SURNAMES);
    const headAge = rng.int(70, 82);
    const head = makePerson(rng, ids, region, surname, "M", "户主", headAge);
    head.labor = "丧失劳动力";
    head.able = false;
    const wife = makePerson(rng, ids, region, rng.pick(SURNAMES), "F", "配偶", headAge - rng.int(0, 4));
    wife.labor = "无劳动力";
    wife.able = false;
    return [head, wife];
  }
  const size = want.size ?? rng.pick([1, 1, 2, 2, 2, 3, 3, 3, 4, 5]);
  const [lo, hi] = want.headAge ?? (size === 1 ? [55, 80] : [32, 78]);
  const headAge = rng.int(lo, hi);
  const headSex: Sex = rng.chance(0.85) ? "M" : "F";
  const surname = rng.pick(SURNAMES);
  const head = makePerson(rng, ids, region, surname, headSex, "户主", headAge);
  if (want.able && !head.able) {
    head.labor = "普通劳动力";
    head.able = true;
    head.disability = null;
    head.grade = null;
  }
  const members = [head];
  const childSurname = headSex === "M" ? surname : rng.pick(SURNAMES);
  const add = (sex: Sex, relation: string, age: number, name = childSurname) => {
    if (members.length < size) members.push(makePerson(rng, ids, region, name, sex, relation, Math.max(0, age)));
  };
  if (size >= 2 && (size > 2 || rng.chance(0.85))) add(headSex === "M" ? "F" : "M", "配偶", headAge + rng.int(-5, 3), rng.pick(SURNAMES));
  if (headAge >= 60) {
    add("M", "之子", headAge - rng.int(24, 32));
    add("F", "之儿媳", headAge - rng.int(24, 32), rng.pick(SURNAMES));
    const grandSex: Sex = rng.chance(0.5) ? "M" : "F";
    add(grandSex, grandSex === "M" ? "之孙子" : "之孙女", rng.int(3, 19));
  } else {
    while (members.length < size) {
      const parentAge = headAge + rng.int(24, 30);
      if (members.length === size - 1 && headAge <= 50 && parentAge <= 85 && rng.chance(0.4)) {
        const sex: Sex = rng.chance(0.5) ? "M" : "F";
        add(sex, sex === "M" ? "之父" : "之母", parentAge, sex === "M" ? surname : rng.pick(SURNAMES));
      } else {
        const sex: Sex = rng.chance(0.5) ? "M" : "F";
        add(sex, sex === "M" ? "之子" : "之女", headAge - rng.int(22, 30));
      }
    }
  }
  return members;
}

// ---------------------------------------------------------------- incomes

const TIER_WORDS: Record<IncomeTier, string> = { low: "低收入", middle: "中等收入", high: "高收入" };

interface Income {
  wage: number;
  business: number;
  property: number;
  transfer: number;
  costs: number;
  size: number;
  /** (components) ÷ size, to the fen: what the ledger should say. */
  perCapita: number;
}

/** Yearly income components of a household whose per-capita net income falls in `tier`. */
function incomeFor(rng: Random, tier: IncomeTier, size: number, ableCount: number, elderCount: number): Income {
  const target = tier === "low" ? rng.int(7200, 10700) : tier === "middle" ? rng.int(11300, 14700) : rng.int(15300, 24000);
  const net = target * size + rng.int(0, size - 1);
  const costs = rng.int(0, 30) * 100;
  const property = Math.round((net * rng.int(1, 5)) / 100);
  const transfer = Math.min(Math.round(net * 0.5), elderCount * 2400 + Math.round((net * rng.int(5, 15)) / 100));
  let businessNet = Math.round((net * rng.int(10, 30)) / 100);
  let wage = net - property - transfer - businessNet;
  if (ableCount === 0) {
    businessNet += wage;
    wage = 0;
  }
  return { wage, business: businessNet + costs, property, transfer, costs, size, perCapita: roundToFen(net / size) };
}

const tierOf = (perCapita: number) => incomeTier(perCapita, THRESHOLDS);

/** Last year's per-capita income: `growth` lower than this year's, rounded down to the yuan. */
const lastYearFor = (perCapita: number, growth: number) => Math.floor(perCapita / (1 + growth));

// ---------------------------------------------------------------- measures

const MEASURES = {
  high: ["技术服务", "市场信息", "就业信息推送", "加入合作社", "产业帮扶"],
  middle: ["产业帮扶", "就业帮扶", "健康帮扶", "教育帮扶", "小额信贷", "农业保险", "技能培训"],
  lowJob: ["就业帮扶", "公益性岗位", "务工交通补助", "以工代赈"],
  lowExtra: ["产业帮扶", "健康帮扶", "教育帮扶", "小额信贷", "资产收益分红"],
  lowNoWork: ["综合保障", "健康帮扶", "孝善养老", "资产收益分红", "临时救助"],
} as const;

function measuresFor(rng: Random, tier: IncomeTier, anyAble: boolean): string[] {
  if (tier === "high") return rng.some(MEASURES.high, rng.int(1, 2));
  if (tier === "middle") return rng.some(MEASURES.middle, rng.int(1, 3));
  if (!anyAble) return rng.some(MEASURES.lowNoWork, rng.int(1, 3));
  // Low-income with someone able to work: employment, a public-welfare post or 以工代赈 first (二（二）5, 二（四）8).
  return [rng.pick(MEASURES.lowJob), ...rng.some(MEASURES.lowExtra, rng.int(0, 2))];
}

// ---------------------------------------------------------------- dates

const utcDate = (d: CivilDate) => new Date(Date.UTC(d.year, d.month - 1, d.day));

function dateBetween(rng: Random, from: CivilDate, to: CivilDate): CivilDate {
  const a = Date.UTC(from.year, from.month - 1, from.day);
  const b = Date.UTC(to.year, to.month - 1, to.day);
  const t = new Date(a + rng.int(0, Math.round((b - a) / 86_400_000)) * 86_400_000);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** Visits of low-income households fall in the month before the check date (二（一）3). */
const RECENT = { from: { year: 2025, month: 11, day: 16 }, to: { year: 2025, month: 12, day: 12 } } as const;
const EARLIER = { from: { year: 2025, month: 9, day: 1 }, to: { year: 2025, month: 12, day: 12 } } as const;

// ================================================================ 1. national export, one row per person

interface PersonHousehold {
  key: string;
  village: string;
  members: Person[];
  income: Income;
  perCapitaWritten: number;
  lastYear: number;
  tierWritten: string;
  measures: string[];
  cadre: string | null;
  lastContact: CivilDate;
  away: string;
  accident: string;
  dibao: string;
  tekun: string;
  /** Index of a member whose row is repeated right below it (D02). */
  duplicateMember: number | null;
}

const PERSON_HOUSEHOLDS = 60;
const PERSON_VILLAGES = ["东村社区", "西岭村", "南庄村", "北河村", "石桥村", "杏花村"];

/** Per household index: what it must look like, and the defect put in. */
interface PersonPlan {
  readonly tier?: IncomeTier;
  readonly members?: Composition;
  readonly rule: string;
  readonly what: string;
  readonly apply: (h: PersonHousehold, rng: Random) => void;
}

function firstWelfarePoster(h: PersonHousehold): Person {
  const p = h.members.find((m) => m.able) as Person;
  if (!h.measures.includes("公益性岗位"))
    h.measures = ["公益性岗位", ...h.measures.filter((m) => !(MEASURES.lowJob as readonly string[]).includes(m))];
  return p;
}

const PERSON_PLANS: Record<number, PersonPlan> = {
  4: {
    members: { size: 4, headAge: [40, 52] },
    rule: "D02",
    what: "同一成员（同一证件号码）登记了两行",
    apply: (h) => void (h.duplicateMember = 2),
  },
  9: {
    members: { size: 3, headAge: [35, 55] },
    rule: "D03",
    what: "配偶证件号码校验位错误",
    apply: (h) => {
      const spouse = h.members[1];
      spouse.id = spouse.id.slice(0, 17) + (spouse.id[17] === "0" ? "1" : "0");
    },
  },
  14: {
    tier: "low",
    members: { able: true, headAge: [35, 55] },
    rule: "D04",
    what: "公益性岗位月工资写成“1,6OO”（字母O）",
    apply: (h) => {
      const p = firstWelfarePoster(h);
      p.welfarePay = "1,6OO";
      p.welfareHours = 80;
    },
  },
  18: {
    tier: "middle",
    rule: "D05",
    what: "人均纯收入比各项收入算出的多850元",
    apply: (h) => {
      h.perCapitaWritten = roundToFen(h.income.perCapita + 850);
      h.tierWritten = TIER_WORDS[tierOf(h.perCapitaWritten)];
    },
  },
  21: {
    tier: "low",
    rule: "D06",
    what: "低收入户的收入分层写成“中等收入”",
    apply: (h) => void (h.tierWritten = TIER_WORDS.middle),
  },
  25: {
    tier: "low",
    rule: "M01",
    what: "低收入户没有增收帮扶责任人",
    apply: (h) => void (h.cadre = null),
  },
  28: {
    tier: "low",
    rule: "M02",
    what: "低收入户最近走访是2025-10-20",
    apply: (h) => {
      h.away = "否";
      h.lastContact = { year: 2025, month: 10, day: 20 };
    },
  },
  31: {
    tier: "high",
    members: { able: true },
    rule: "M03",
    what: "没有登记任何帮扶措施",
    apply: (h) => void (h.measures = []),
  },
  33: {
    members: { size: 2, headAge: [40, 58] },
    rule: "D03",
    what: "户主证件号码中的出生日期是2月31日",
    apply: (h, rng) => {
      const head = h.members[0];
      const first17 = `${head.id.slice(0, 6)}${head.birth.year}0231${pad(rng.int(100, 499) * 2 + 1, 3)}`;
      head.id = first17 + checkCharacter(first17);
    },
  },
  35: {
    tier: "low",
    members: { able: true, headAge: [35, 55] },
    rule: "M04",
    what: "低收入户有劳动力，措施只有产业帮扶和小额信贷",
    apply: (h) => void (h.measures = ["产业帮扶", "小额信贷"]),
  },
  38: {
    tier: "low",
    members: { able: true, headAge: [35, 55] },
    rule: "M05",
    what: "公益性岗位80小时只发1200元（低于19元×80小时）",
    apply: (h) => {
      const p = firstWelfarePoster(h);
      p.welfarePay = 1200;
      p.welfareHours = 80;
    },
  },
  41: {
    members: { size: 2, headAge: [63, 75] },
    rule: "M07",
    what: "孝善养老奖补1500元，超过子女缴纳3600元的30%",
    apply: (h) => {
      const head = h.members[0];
      head.filialPaid = 3600;
      head.filialReward = 1500;
    },
  },
  44: {
    tier: "low",
    rule: "M02",
    what: "长期外出的低收入户最近联系是2025-11-02",
    apply: (h) => {
      h.away = "是";
      h.lastContact = { year: 2025, month: 11, day: 2 };
    },
  },
  49: {
    members: { size: 3, headAge: [40, 52], able: true },
    rule: "M08",
    what: "户主（缴费年龄段、非在校生）未参加居民养老保险",
    apply: (h) => void (h.members[0].pension = "否"),
  },
  52: {
    rule: "M09",
    what: "户主未参加基本医疗保险",
    apply: (h) => void (h.members[0].medical = "否"),
  },
  55: {
    tier: "low",
    members: { noAble: true },
    rule: "M12",
    what: "无劳动力的低收入户未享受低保或特困供养",
    apply: (h) => {
      h.dibao = "否";
      h.tekun = "否";
      h.measures = ["产业帮扶", "资产收益分红"];
    },
  },
  58: {
    tier: "middle",
    rule: "M13",
    what: "人均纯收入比上年下降",
    apply: (h) => void (h.lastYear = Math.round(h.income.perCapita * 1.06)),
  },
};

function makePersonHouseholds(rng: Random, ids: IdMaker): { households: PersonHousehold[]; planted: PlantedDefect[]; badIds: string[] } {
  const households: PersonHousehold[] = [];
  const planted: PlantedDefect[] = [];
  const badIds: string[] = [];
  for (let i = 0; i < PERSON_HOUSEHOLDS; i++) {
    const plan = PERSON_PLANS[i];
    const villageIndex = i % PERSON_VILLAGES.length;
    const key = `370402101${pad(villageIndex + 1, 3)}${pad(i + 1, 4)}`;
    let members = makeMembers(rng, ids, "370402", plan?.members ?? {});
    const anyAble = () => members.some((m) => m.able);
    let tier: IncomeTier =
      plan?.tier ??
      (anyAble()
        ? rng.pick<IncomeTier>(["low", "middle", "middle", "high", "high", "low"])
        : rng.pick<IncomeTier>(["low", "low", "middle"]));
    if (plan?.tier === "low" && plan.members === undefined && !anyAble()) {
      // A planned low-income defect wants an ordinary household, with someone able to work.
      members = makeMembers(rng, ids, "370402", { able: true });
    }
    const able = members.filter((m) => m.able).length;
    const elders = members.filter((m) => m.age >= 60).length;
    const income = incomeFor(rng, tier, members.length, able, elders);
    tier = tierOf(income.perCapita);
    const lowNoWork = tier === "low" && !anyAble();
    const h: PersonHousehold = {
      key,
      village: PERSON_VILLAGES[villageIndex],
      members,
      income,
      perCapitaWritten: income.perCapita,
      lastYear: 0,
      tierWritten: TIER_WORDS[tier],
      measures: measuresFor(rng, tier, anyAble()),
      cadre: rng.pick(CADRES),
      lastContact: tier === "low" ? dateBetween(rng, RECENT.from, RECENT.to) : dateBetween(rng, EARLIER.from, EARLIER.to),
      away: rng.chance(0.12) ? "是" : "否",
      accident: "是",
      // Nobody can work and income is low: 低保 (or 特困供养 when living alone), 二（九）18.
      dibao: lowNoWork && !(members.length === 1 && rng.chance(0.5)) ? "农村低保" : tier === "low" && rng.chance(0.2) ? "农村低保" : "否",
      tekun: lowNoWork && members.length === 1 ? "分散供养" : "否",
      duplicateMember: null,
    };
    if (tier === "low" && anyAble() && h.measures.includes("公益性岗位")) {
      const poster = members.find((m) => m.able) as Person;
      poster.welfareHours = rng.pick([60, 80, 100]);
      poster.welfarePay = Math.ceil((POLICY.values.hourlyMinimumWage * poster.welfareHours) / 100) * 100;
    }
    if (plan) {
      const before = members.map((m) => m.id);
      plan.apply(h, rng);
      planted.push({ file: "person", rule: plan.rule, household: key, what: plan.what });
      members.forEach((m, k) => {
        if (m.id !== before[k]) badIds.push(m.id);
      });
    }
    if (h.lastYear === 0) h.lastYear = lastYearFor(h.perCapitaWritten, rng.between(0.08, 0.3));
    households.push(h);
  }
  return { households, planted, badIds };
}

const PERSON_COLUMNS: readonly { header: string; width: number; kind?: "id" | "date" | "amount" | "money" }[] = [
  { header: "户编号", width: 19, kind: "id" },
  { header: "人编号", width: 21, kind: "id" },
  { header: "证件号码", width: 21, kind: "id" },
  { header: "姓名", width: 8 },
  { header: "与户主关系", width: 10 },
  { header: "县(市、区、旗)", width: 9 },
  { header: "乡(镇)", width: 9 },
  { header: "行政村", width: 10 },
  { header: "家庭人口数", width: 7 },
  { header: "劳动技能", width: 12 },
  { header: "在校生状况", width: 10 },
  { header: "残疾等级", width: 9 },
  { header: "工资性收入", width: 10, kind: "amount" },
  { header: "生产经营性收入", width: 10, kind: "amount" },
  { header: "财产性收入", width: 9, kind: "amount" },
  { header: "转移性收入", width: 9, kind: "amount" },
  { header: "生产经营性支出", width: 10, kind: "amount" },
  { header: "人均纯收入（元）", width: 11, kind: "money" },
  { header: "上年人均纯收入", width: 11, kind: "money" },
  { header: "收入分层", width: 9 },
  { header: "帮扶措施", width: 26 },
  { header: "增收帮扶责任人", width: 9 },
  { header: "最近走访日期", width: 11, kind: "date" },
  { header: "是否长期外出", width: 7 },
  { header: "是否参加城乡居民基本医疗保险", width: 9 },
  { header: "是否参加城乡居民基本养老保险", width: 9 },
  { header: "是否领取养老金", width: 7 },
  { header: "意外伤害保险", width: 7 },
  { header: "享受低保政策情况", width: 10 },
  { header: "享受特困供养政策情况", width: 10 },
  { header: "公益性岗位月工资", width: 9, kind: "amount" },
  { header: "公益性岗位月工时", width: 9 },
  { header: "孝善养老缴纳金额", width: 9, kind: "amount" },
  { header: "孝善养老奖补", width: 9, kind: "amount" },
];

function personRow(h: PersonHousehold, p: Person, index: number): unknown[] {
  const v = h.income;
  return [
    h.key,
    `${h.key}${pad(index + 1)}`,
    p.id,
    p.name,
    p.relation,
    "XX区",
    "XX街道",
    h.village,
    h.members.length,
    p.labor,
    p.student,
    p.disability,
    v.wage,
    v.business,
    v.property,
    v.transfer,
    v.costs,
    h.perCapitaWritten,
    h.lastYear,
    h.tierWritten,
    h.measures.length ? h.measures.join("、") : null,
    h.cadre,
    utcDate(h.lastContact),
    h.away,
    p.medical,
    p.pension,
    p.receivesPension,
    h.accident,
    h.dibao,
    h.tekun,
    p.welfarePay,
    p.welfareHours,
    p.filialPaid,
    p.filialReward,
  ];
}

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

function styleHeaderCell(cell: ExcelJS.Cell): void {
  cell.font = { bold: true };
  cell.fill = HEADER_FILL;
  cell.border = THIN;
  cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
}

function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "BANGFU scripts/make-examples.ts（合成数据）";
  workbook.lastModifiedBy = workbook.creator;
  // Fixed, so that regenerating changes nothing a reader can see.
  workbook.created = new Date(Date.UTC(2025, 11, 1));
  workbook.modified = workbook.created;
  return workbook;
}

async function writePersonLedger(file: string, households: readonly PersonHousehold[]): Promise<void> {
  const workbook = newWorkbook();
  const width = PERSON_COLUMNS.length;
  const ws = workbook.addWorksheet(PERSON_SHEET, { views: [{ state: "frozen", xSplit: 4, ySplit: 3 }] });
  PERSON_COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));

  ws.getCell(1, 1).value = "XX区XX街道脱贫人口信息（2025年度）";
  ws.mergeCells(1, 1, 1, width);
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(1).height = 28;
  ws.getCell(2, 1).value = "导出时间：2025-12-01  单位：元";
  ws.mergeCells(2, 1, 2, 8);

  const header = ws.getRow(3);
  PERSON_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    styleHeaderCell(cell);
  });
  header.height = 45;

  let r = 4;
  for (const h of households) {
    h.members.forEach((p, index) => {
      const rows = h.duplicateMember === index ? 2 : 1;
      for (let copy = 0; copy < rows; copy++) writeRow(ws.getRow(r++), personRow(h, p, index), PERSON_COLUMNS);
    });
  }
  await writeWorkbook(workbook, file);
}

function writeRow(row: ExcelJS.Row, values: readonly unknown[], columns: readonly { kind?: string }[]): void {
  values.forEach((value, i) => {
    if (value === null || value === undefined) return;
    const cell = row.getCell(i + 1);
    cell.value = value as ExcelJS.CellValue;
    const kind = columns[i]?.kind;
    if (kind === "id") cell.numFmt = "@";
    if (kind === "date" && value instanceof Date) cell.numFmt = "yyyy-mm-dd";
    if (kind === "money" && typeof value === "number") cell.numFmt = "0.00";
  });
}

// ================================================================ 2. street ledger, one row per household

interface StreetHousehold {
  key: string;
  headName: string;
  headId: string;
  village: string;
  size: number;
  income: Income;
  perCapitaWritten: number;
  lastYear: number;
  tier: IncomeTier;
  tierWritten: string;
  measures: string[];
  cadre: string;
  lastContact: CivilDate;
  /** How the contact date is written: an Excel date, or one of the text forms cadres type. */
  contactWritten: Date | string;
  away: string;
  accident: string;
  courtyardInvestment: number | null;
  courtyardSubsidy: number | null;
  loanRepaid: string | null;
  loanSubsidy: number | null;
  fuminAmount: number | string | null;
  fuminCompensation: number | null;
  dibao: string;
  tekun: string | null;
  note: string | null;
}

const STREET_HOUSEHOLDS = 42;
const STREET_VILLAGES = ["前进社区", "张庄村", "大刘村", "后楼村", "河湾社区"];

interface StreetPlan {
  readonly tier?: IncomeTier;
  readonly rule: string;
  readonly what: string;
  readonly apply: (h: StreetHousehold) => void;
}

const STREET_PLANS: Record<number, StreetPlan> = {
  3: {
    rule: "D03",
    what: "户主证件号码少录一位（17位）",
    apply: (h) => void (h.headId = h.headId.slice(0, 10) + h.headId.slice(11)),
  },
  7: {
    tier: "middle",
    rule: "D04",
    what: "走访日期写成“11月20日”，没有年份",
    apply: (h) => void (h.contactWritten = "11月20日"),
  },
  11: {
    tier: "middle",
    rule: "D05",
    what: "人均纯收入按多一口人算（人口数变了没有重算）",
    apply: (h) => {
      h.perCapitaWritten = roundToFen((h.income.perCapita * h.size) / (h.size + 1));
      h.tierWritten = `${TIER_WORDS[tierOf(h.perCapitaWritten)]}户`;
      h.lastContact = { year: 2025, month: 12, day: 5 };
      h.contactWritten = utcDate(h.lastContact);
    },
  },
  15: {
    tier: "middle",
    rule: "D06",
    what: "中等收入户仍写“低收入户”（上年的分层没改）",
    apply: (h) => void (h.tierWritten = "低收入户"),
  },
  19: {
    tier: "low",
    rule: "M02",
    what: "低收入户最近走访写“2025/11/3”",
    apply: (h) => {
      h.away = "否";
      h.lastContact = { year: 2025, month: 11, day: 3 };
      h.contactWritten = "2025/11/3";
    },
  },
  22: {
    tier: "middle",
    rule: "M06",
    what: "中等收入户领了庭院经济奖补",
    apply: (h) => {
      h.courtyardInvestment = 4000;
      h.courtyardSubsidy = 2000;
      h.measures = [...h.measures, "庭院经济"];
    },
  },
  26: {
    tier: "low",
    rule: "M06",
    what: "庭院经济奖补6000元，超过每户5000元上限",
    apply: (h) => {
      h.courtyardInvestment = 12000;
      h.courtyardSubsidy = 6000;
      h.measures = [...h.measures, "庭院经济"];
    },
  },
  29: {
    rule: "M10",
    what: "小额信贷未还清已贴息450元",
    apply: (h) => {
      h.loanRepaid = "否";
      h.loanSubsidy = 450;
    },
  },
  33: {
    rule: "M11",
    what: "齐鲁富民贷10万元（写作“10万”）登记了风险补偿",
    apply: (h) => {
      h.fuminAmount = "10万";
      h.fuminCompensation = 3000;
    },
  },
  36: {
    rule: "M09",
    what: "未购买意外伤害保险（×）",
    apply: (h) => void (h.accident = "×"),
  },
  39: {
    tier: "high",
    rule: "M13",
    what: "人均纯收入只增长约3%",
    apply: (h) => void (h.lastYear = lastYearFor(h.perCapitaWritten, 0.03)),
  },
  40: {
    tier: "high",
    rule: "M03",
    what: "增收措施写“无”",
    apply: (h) => void (h.measures = ["无"]),
  },
};

function makeStreetHouseholds(rng: Random, ids: IdMaker): { households: StreetHousehold[]; planted: PlantedDefect[]; badIds: string[] } {
  const households: StreetHousehold[] = [];
  const planted: PlantedDefect[] = [];
  const badIds: string[] = [];
  for (let i = 0; i < STREET_HOUSEHOLDS; i++) {
    const plan = STREET_PLANS[i];
    const members = makeMembers(rng, ids, "370404", {});
    const head = members[0];
    const anyAble = members.some((m) => m.able);
    const planned = plan?.tier ?? rng.pick<IncomeTier>(["low", "low", "middle", "middle", "high"]);
    const income = incomeFor(rng, planned, members.length, members.filter((m) => m.able).length, members.filter((m) => m.age >= 60).length);
    const tier = tierOf(income.perCapita);
    const lastContact = tier === "low" ? dateBetween(rng, RECENT.from, RECENT.to) : dateBetween(rng, EARLIER.from, EARLIER.to);
    const courtyard = tier === "low" && rng.chance(0.35);
    const investment = courtyard ? rng.int(20, 120) * 100 : null;
    const loan = rng.chance(0.3);
    const repaid = loan && rng.chance(0.6);
    const fumin = rng.chance(0.15);
    const h: StreetHousehold = {
      key: `370404102${pad((i % STREET_VILLAGES.length) + 1, 3)}${pad(i + 1, 4)}`,
      headName: head.name,
      headId: head.id,
      village: STREET_VILLAGES[i % STREET_VILLAGES.length],
      size: members.length,
      income,
      perCapitaWritten: income.perCapita,
      lastYear: 0,
      tier,
      tierWritten: rng.chance(0.5) ? TIER_WORDS[tier] : `${TIER_WORDS[tier]}户`,
      measures: [...measuresFor(rng, tier, anyAble), ...(courtyard ? ["庭院经济"] : [])],
      cadre: rng.pick(CADRES),
      lastContact,
      contactWritten: utcDate(lastContact),
      away: rng.chance(0.1) ? rng.pick(["是", "√"]) : rng.pick(["否", "否", "×"]),
      accident: rng.pick(["是", "是", "√"]),
      courtyardInvestment: investment,
      courtyardSubsidy:
        investment === null ? null : Math.min(investment * POLICY.values.courtyardSubsidyRate, POLICY.values.courtyardSubsidyCap),
      loanRepaid: loan ? (repaid ? rng.pick(["是", "√"]) : rng.pick(["否", "×"])) : null,
      loanSubsidy: repaid ? rng.int(2, 6) * 100 + rng.pick([0, 50]) : null,
      fuminAmount: fumin ? rng.int(3, 9) * 10000 : null,
      fuminCompensation: null,
      dibao:
        tier === "low" && !anyAble ? rng.pick(["√", "农村低保"]) : tier === "low" && rng.chance(0.2) ? "农村低保" : rng.pick(["否", "×"]),
      tekun: rng.chance(0.5) ? "否" : null,
      note: rng.chance(0.12) ? rng.pick(["2024年新识别监测户", "户主长期在外务工", "已签订帮扶协议"]) : null,
    };
    if (fumin && rng.chance(0.4)) h.fuminCompensation = rng.int(10, 30) * 100; // a loan under 10万 with overdue principal
    // Text forms of the contact date for some clean households.
    if (i % 9 === 2) h.contactWritten = `${lastContact.year}年${lastContact.month}月${lastContact.day}日`;
    if (i % 9 === 5) h.contactWritten = `${lastContact.year}/${lastContact.month}/${lastContact.day}`;
    if (plan) {
      const before = h.headId;
      plan.apply(h);
      planted.push({ file: "household", rule: plan.rule, household: h.key, what: plan.what });
      if (h.headId !== before) badIds.push(h.headId);
    }
    if (h.lastYear === 0) h.lastYear = lastYearFor(h.perCapitaWritten, rng.between(0.08, 0.3));
    households.push(h);
  }
  return { households, planted, badIds };
}

/** A number the way a hand-kept ledger holds it: mostly a number, sometimes text, with separators or full-width digits. */
function messy(value: number | null, i: number, column: number): unknown {
  if (value === null) return null;
  switch ((i * 7 + column * 3) % 23) {
    case 0:
    case 1:
      return String(value); // stored as text (the green triangle)
    case 2:
      return value >= 1000 ? value.toLocaleString("en-US", { maximumFractionDigits: 2 }) : String(value); // 12,345
    case 3:
      return toFullWidth(String(value)); // typed with a Chinese input method
    default:
      return value;
  }
}

function toFullWidth(text: string): string {
  return text.replace(/[0-9.,]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

interface StreetColumn {
  readonly header: string;
  readonly parent?: string;
  readonly width: number;
  readonly kind?: "id" | "date" | "money";
}

const STREET_COLUMNS: readonly StreetColumn[] = [
  { header: "序号", width: 5 },
  { header: "户编号", width: 19, kind: "id" },
  { header: "户主姓名", width: 8 },
  { header: "户主证件号码", width: 21, kind: "id" },
  { header: "村(社区)", width: 10 },
  { header: "家庭\n人口数", width: 6 },
  { header: "工资性收入", parent: "收入情况（元）", width: 10 },
  { header: "生产经营性收入", parent: "收入情况（元）", width: 10 },
  { header: "财产性收入", parent: "收入情况（元）", width: 9 },
  { header: "转移性收入", parent: "收入情况（元）", width: 9 },
  { header: "生产经营性支出", parent: "收入情况（元）", width: 10 },
  { header: "人均纯收入\n（元）", width: 11, kind: "money" },
  { header: "上年度人均纯收入（元）", width: 11, kind: "money" },
  { header: "收入类别", width: 10 },
  { header: "增收措施", width: 24 },
  { header: "帮扶责任人", width: 9 },
  { header: "最近走访时间", width: 14, kind: "date" },
  { header: "长期外出", width: 6 },
  { header: "意外伤害保险", width: 7 },
  { header: "庭院经济投资额", parent: "庭院经济", width: 9 },
  { header: "庭院经济奖补", parent: "庭院经济", width: 9 },
  { header: "小额信贷是否还清", parent: "金融帮扶", width: 9 },
  { header: "小额信贷贴息", parent: "金融帮扶", width: 9 },
  { header: "齐鲁富民贷金额", parent: "金融帮扶", width: 10 },
  { header: "富民贷风险补偿", parent: "金融帮扶", width: 9 },
  { header: "是否低保", width: 9 },
  { header: "是否特困", width: 6 },
  { header: "备注", width: 18 },
];

function streetRow(h: StreetHousehold, i: number): unknown[] {
  const v = h.income;
  const perCapita = i % 6 === 4 ? h.perCapitaWritten.toLocaleString("en-US", { minimumFractionDigits: 2 }) : h.perCapitaWritten;
  return [
    i + 1,
    h.key,
    h.headName,
    h.headId,
    h.village,
    i % 10 === 6 ? toFullWidth(String(h.size)) : i % 10 === 8 ? String(h.size) : h.size,
    messy(v.wage, i, 6),
    messy(v.business, i, 7),
    messy(v.property, i, 8),
    messy(v.transfer, i, 9),
    messy(v.costs, i, 10),
    perCapita,
    messy(h.lastYear, i, 12),
    h.tierWritten,
    h.measures.join(i % 3 === 0 ? "，" : "、"),
    h.cadre,
    h.contactWritten,
    h.away,
    h.accident,
    messy(h.courtyardInvestment, i, 19),
    h.courtyardSubsidy,
    h.loanRepaid,
    h.loanSubsidy,
    typeof h.fuminAmount === "number" ? messy(h.fuminAmount, i, 23) : h.fuminAmount,
    h.fuminCompensation,
    h.dibao,
    h.tekun,
    h.note,
  ];
}

async function writeStreetLedger(file: string, households: readonly StreetHousehold[]): Promise<void> {
  const workbook = newWorkbook();
  const width = STREET_COLUMNS.length;
  const ws = workbook.addWorksheet(HOUSEHOLD_SHEET, { views: [{ state: "frozen", xSplit: 3, ySplit: 3 }] });
  STREET_COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));

  ws.getCell(1, 1).value = "XX街道脱贫户增收帮扶台账（2025年）";
  ws.mergeCells(1, 1, 1, width);
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(1).height = 30;

  // Two header rows: a parent merged over its children, single headers merged down over both rows.
  for (let c = 0; c < width; c++) {
    const column = STREET_COLUMNS[c];
    styleHeaderCell(ws.getCell(2, c + 1));
    styleHeaderCell(ws.getCell(3, c + 1));
    if (column.parent === undefined) {
      ws.getCell(2, c + 1).value = column.header;
      ws.mergeCells(2, c + 1, 3, c + 1);
      continue;
    }
    ws.getCell(3, c + 1).value = column.header;
    if (STREET_COLUMNS[c - 1]?.parent !== column.parent) {
      let last = c;
      while (STREET_COLUMNS[last + 1]?.parent === column.parent) last++;
      ws.getCell(2, c + 1).value = column.parent;
      ws.mergeCells(2, c + 1, 2, last + 1);
    }
  }
  ws.getRow(2).height = 22;
  ws.getRow(3).height = 36;

  let r = 4;
  households.forEach((h, i) => writeRow(ws.getRow(r++), streetRow(h, i), STREET_COLUMNS));

  // A 合计 row and a signature line, as street offices hand them in.
  const total = ws.getRow(r++);
  total.getCell(1).value = "合计";
  total.getCell(6).value = households.reduce((sum, h) => sum + h.size, 0);
  total.font = { bold: true };
  r++;
  ws.getCell(r, 1).value = "填表人：张XX    审核人：李XX    填表日期：2025年12月10日";
  ws.mergeCells(r, 1, r, 12);
  await writeWorkbook(workbook, file);
}

/** The date every part of a sample's package carries, so that writing the samples again gives the same bytes. */
const PACKAGE_DATE = new Date(Date.UTC(2025, 11, 1));

/**
 * The workbook as exceljs writes it, its parts re-stored with one fixed date (exceljs stamps each
 * with the time of writing): `npm run examples` then changes no committed byte unless a cell changed.
 */
async function writeWorkbook(workbook: ExcelJS.Workbook, file: string): Promise<void> {
  const written = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const fixed = new JSZip();
  for (const part of Object.values(written.files)) {
    if (part.dir) continue;
    fixed.file(part.name, await part.async("uint8array"), { date: PACKAGE_DATE, createFolders: false });
  }
  fs.writeFileSync(file, await fixed.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } }));
}

// ================================================================ both

/** Generate both ledgers into `outDir`. Same output on every run. */
export async function writeExamples(outDir: string): Promise<GeneratedExamples> {
  fs.mkdirSync(outDir, { recursive: true });
  const rng = new Random(20251215);
  const ids = new IdMaker(rng);
  const person = makePersonHouseholds(rng, ids);
  const street = makeStreetHouseholds(rng, ids);
  const files = {
    person: path.join(outDir, EXAMPLE_FILES.person),
    household: path.join(outDir, EXAMPLE_FILES.household),
  };
  await writePersonLedger(files.person, person.households);
  await writeStreetLedger(files.household, street.households);
  return {
    files,
    planted: [...person.planted, ...street.planted],
    deliberateBadIds: [...person.badIds, ...street.badIds],
    households: { person: person.households.length, household: street.households.length },
  };
}

if (require.main === module) {
  const outDir = path.resolve(process.argv[2] ?? path.join(__dirname, "..", "examples"));
  writeExamples(outDir).then(
    (result) => {
      for (const kind of Object.keys(result.files) as ExampleKind[]) {
        process.stdout.write(`${path.relative(process.cwd(), result.files[kind])}：${result.households[kind]}户\n`);
      }
      process.stdout.write(`有意放入的问题 ${result.planted.length} 处：\n`);
      for (const d of result.planted) process.stdout.write(`  ${d.rule} ${EXAMPLE_FILES[d.file]} 户编号 ${d.household}：${d.what}\n`);
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
