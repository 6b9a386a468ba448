/**
 * Fixtures for the rule tests: a ledger is written the way a cadre's sheet holds it, as rows
 * of cell values (title rows, a header row, data rows), and goes through the real reader
 * (readLedger) before the checks see it. Nothing here builds a Ledger by hand.
 *
 * All people are synthetic: ID numbers use region 370402 and a check character computed here
 * (GB 11643), independently of src/values, so a broken validator cannot pass its own test.
 */
import { checkLedger, CheckReport, Finding, RuleId, RuleOutcome } from "../../src/checks";
import { Ledger, readLedger, SheetInput } from "../../src/ledger";
import { Policy, resolvePolicy } from "../../src/policy";
import type { CivilDate } from "../../src/values";

/** The policy the tests check against: the shipped parameters for 2025, the plan's last year. */
export const POLICY: Policy = resolvePolicy(2025);

/** The default check date. */
export const AS_OF: CivilDate = { year: 2025, month: 6, day: 30 };

export type Row = readonly unknown[];

// ---------------------------------------------------------------- ID numbers

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_TABLE = "10X98765432";

/** GB 11643 check character of the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`test helper: 17 digits expected, got ${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_TABLE[sum % 11];
}

/** A valid synthetic 18-character ID: region 370402, birth date YYYYMMDD, a 3-digit sequence. */
export function residentId(birth: string, sequence = "101"): string {
  const first17 = `370402${birth}${sequence}`;
  return first17 + idCheckCharacter(first17);
}

/** The same ID with a check character that is certainly wrong. */
export function withBadCheck(id: string): string {
  return id.slice(0, 17) + (id[17] === "0" ? "1" : "0");
}

/** YYYYMMDD of someone who turns `age` exactly on `asOf` (the birthday counts). */
export function birthForAge(age: number, asOf: CivilDate = AS_OF, dayOffset = 0): string {
  const date = new Date(Date.UTC(asOf.year - age, asOf.month - 1, asOf.day + dayOffset));
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}`;
}

/** An ID of someone exactly `age` on the check date. */
export function idOfAge(age: number, sequence = "101", asOf: CivilDate = AS_OF): string {
  return residentId(birthForAge(age, asOf), sequence);
}

// ---------------------------------------------------------------- sheets and checks

/** A sheet named 台账 (by default) holding the given rows from A1. */
export function sheet(rows: readonly Row[], name = "台账"): SheetInput {
  return { name, cells: rows };
}

/** Read rows through the real ledger reader. */
export function read(rows: readonly Row[], name = "台账"): Ledger {
  return readLedger(sheet(rows, name));
}

export interface CheckFixtureOptions {
  readonly asOf?: CivilDate;
  readonly policy?: Policy;
  readonly name?: string;
}

/** Read rows and run the whole catalogue over them. */
export function check(rows: readonly Row[], options: CheckFixtureOptions = {}): CheckReport {
  return checkLedger(read(rows, options.name), { asOf: options.asOf ?? AS_OF, policy: options.policy ?? POLICY });
}

/** The findings of one rule. */
export function findingsOf(report: CheckReport, rule: RuleId): Finding[] {
  return report.findings.filter((f) => f.rule === rule);
}

/** The findings of one rule for one household. */
export function findingsFor(report: CheckReport, rule: RuleId, household: string): Finding[] {
  return report.findings.filter((f) => f.rule === rule && f.household === household);
}

/** How a rule fared (ran / skipped). */
export function outcomeOf(report: CheckReport, rule: RuleId): RuleOutcome {
  const outcome = report.rules.find((r) => r.id === rule);
  if (!outcome) throw new Error(`test helper: rule ${rule} is not in the report`);
  return outcome;
}

/** Asserts the rule ran (was not skipped) and returns its findings. */
export function ranFindings(report: CheckReport, rule: RuleId): Finding[] {
  const outcome = outcomeOf(report, rule);
  expect({ rule, status: outcome.status, reason: outcome.reason }).toEqual({ rule, status: "ran", reason: null });
  const findings = findingsOf(report, rule);
  expect(outcome.findings).toBe(findings.length);
  return findings;
}

/** The single finding of a rule (fails when there are none or several). */
export function onlyFinding(report: CheckReport, rule: RuleId): Finding {
  const findings = ranFindings(report, rule);
  expect(findings).toHaveLength(1);
  return findings[0];
}

/** Amounts as the messages write them: thousands separators, at most two decimals, 元. */
export function yuanText(amount: number): string {
  return `${amount.toLocaleString("zh-CN", { maximumFractionDigits: 2 })}元`;
}

/** A finding's identity without the message. */
export function located(f: Finding): {
  rule: string;
  severity: string;
  clause: string;
  household: string | null;
  cell: { row: number; column: string } | null;
} {
  return {
    rule: f.rule,
    severity: f.severity,
    clause: f.clause,
    household: f.household,
    cell: f.cell ? { row: f.cell.row, column: f.cell.column } : null,
  };
}

// ---------------------------------------------------------------- a ledger with every column

/** A person-level header with every column the rules use (35 columns, A to AI). */
export const FULL_HEADER = [
  "户编号",
  "证件号码",
  "姓名",
  "与户主关系",
  "劳动技能",
  "在校生状况",
  "残疾等级",
  "是否参加城乡居民基本医疗保险",
  "是否参加城乡居民基本养老保险",
  "意外伤害保险",
  "家庭人口数",
  "工资性收入",
  "生产经营性收入",
  "财产性收入",
  "转移性收入",
  "生产经营性支出",
  "人均纯收入（元）",
  "上年人均纯收入",
  "收入分层",
  "帮扶措施",
  "增收帮扶责任人",
  "最近走访日期",
  "是否长期外出",
  "享受低保政策情况",
  "享受特困供养政策情况",
  "公益性岗位月工资",
  "公益性岗位月工时",
  "庭院经济投资额",
  "庭院经济奖补",
  "孝善养老缴纳金额",
  "孝善养老奖补",
  "小额信贷是否还清",
  "小额信贷贴息",
  "齐鲁富民贷金额",
  "富民贷风险补偿",
] as const;

export type FullColumn = (typeof FULL_HEADER)[number];

/** Sheet column letters of a header in FULL_HEADER (from column A). */
export function letterOf(column: FullColumn): string {
  let n = FULL_HEADER.indexOf(column) + 1;
  let letters = "";
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** One row of the full ledger; unnamed columns are blank. */
export function fullRow(values: Partial<Record<FullColumn, unknown>>): unknown[] {
  return FULL_HEADER.map((h) => values[h] ?? "");
}

/**
 * A low-income household that satisfies every rule on AS_OF under POLICY: (15000 + 5000 + 0 + 1000 − 1000) ÷ 2
 * = 10000 per person, up from 9000; cadre, recent visit, a public-welfare post paid exactly the minimum, a courtyard
 * subsidy of half the investment, the filial reward at its maximum for the 62-year-old spouse, a repaid small loan,
 * a 富民贷 loan under the limit, everyone insured. Returns the head's row and the spouse's row.
 */
export function cleanHousehold(
  key: string,
  overrides: { head?: Partial<Record<FullColumn, unknown>>; spouse?: Partial<Record<FullColumn, unknown>> } = {},
): unknown[][] {
  const wage = POLICY.values.hourlyMinimumWage;
  const yearBase = POLICY.values.filialMonthlyContribution * 12;
  const n = key.replace(/\D/g, "").padStart(3, "0").slice(-3);
  return [
    fullRow({
      户编号: key,
      证件号码: idOfAge(50, n),
      姓名: `户主${key}`,
      与户主关系: "户主",
      劳动技能: "普通劳动力",
      在校生状况: "非在校生",
      是否参加城乡居民基本医疗保险: "是",
      是否参加城乡居民基本养老保险: "是",
      意外伤害保险: "是",
      家庭人口数: 2,
      工资性收入: 15000,
      生产经营性收入: 5000,
      财产性收入: 0,
      转移性收入: 1000,
      生产经营性支出: 1000,
      "人均纯收入（元）": 10000,
      上年人均纯收入: 9000,
      收入分层: "低收入",
      帮扶措施: "公益性岗位、庭院经济",
      增收帮扶责任人: "钱干部",
      最近走访日期: "2025-06-20",
      是否长期外出: "否",
      享受低保政策情况: "否",
      享受特困供养政策情况: "否",
      公益性岗位月工资: Math.round(wage * 80 * 100) / 100,
      公益性岗位月工时: 80,
      庭院经济投资额: 2000,
      庭院经济奖补: 2000 * POLICY.values.courtyardSubsidyRate,
      小额信贷是否还清: "是",
      小额信贷贴息: 300,
      齐鲁富民贷金额: 50000,
      富民贷风险补偿: 1000,
      ...overrides.head,
    }),
    fullRow({
      户编号: key,
      证件号码: idOfAge(62, String((Number(n) + 500) % 1000).padStart(3, "0")),
      姓名: `配偶${key}`,
      与户主关系: "配偶",
      劳动技能: "丧失劳动力",
      在校生状况: "非在校生",
      是否参加城乡居民基本医疗保险: "是",
      孝善养老缴纳金额: yearBase,
      孝善养老奖补: Math.round(POLICY.values.filialRewardRateCap * yearBase * 100) / 100,
      ...overrides.spouse,
    }),
  ];
}
