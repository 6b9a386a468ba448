/**
 * Rule titles name the policy's numbers ({parameterKey} in the rule file), filled from the policy
 * in force: a local threshold or interval changes the title the check, the command line, its JSON
 * and the 检查结果 tab show, and no title writes a number of its own.
 */
import { RULES } from "../../src/checks";
import { reportToJson, reportToText } from "../../src/cli/format";
import { inProse, PARAMETER_KEYS, ParameterKey, PARAMETERS, parsePolicyFile, Policy, resolvePolicy } from "../../src/policy";
import { buildSummaries } from "../../src/summaries";
import { AS_OF, check, outcomeOf, read } from "../support/ledgerFixtures";

// H001 is low-income, last visited 2025-05-15 (within two months of 2025-06-30, not within one),
// and has risk compensation on a 150,000-yuan loan (at or above 100,000, below 200,000).
const ROWS = [
  ["户编号", "户主姓名", "人均纯收入（元）", "最近走访日期", "齐鲁富民贷金额", "富民贷风险补偿"],
  ["H001", "赵一", 9000, "2025-05-15", 150000, 1000],
];

const SHIPPED = resolvePolicy(2025);
const LOCAL: Policy = resolvePolicy(
  2025,
  parsePolicyFile({ years: { "2025": { fuminLoanRiskCompensationLimit: 200000, visitIntervalMonths: 2 } } }, "本地.json"),
);

function titles(policy: Policy) {
  const report = check(ROWS, { policy });
  const m02 = outcomeOf(report, "M02");
  const m11 = outcomeOf(report, "M11");
  return { report, m02: [m02.title, m02.titleEn, m02.findings], m11: [m11.title, m11.titleEn, m11.findings] };
}

test("the shipped policy: 100,000 yuan and one month, as the plan says", () => {
  const { m02, m11 } = titles(SHIPPED);
  expect(m11).toEqual([
    "齐鲁富民贷风险补偿用于100,000元及以上的单户贷款",
    "Fumin-loan risk compensation on a loan of 100,000 yuan or more",
    1,
  ]);
  expect(m02).toEqual(["低收入户近1个月内无走访或联系记录", "Low-income household not visited or contacted in the last 1 month", 1]);
});

test("a policy with another loan limit and visit interval gives other titles (and other findings)", () => {
  const { m02, m11 } = titles(LOCAL);
  expect(m11).toEqual([
    "齐鲁富民贷风险补偿用于200,000元及以上的单户贷款",
    "Fumin-loan risk compensation on a loan of 200,000 yuan or more",
    0,
  ]);
  expect(m02).toEqual(["低收入户近2个月内无走访或联系记录", "Low-income household not visited or contacted in the last 2 months", 0]);
});

test("the command line's text and --json show the titles of the policy in force", () => {
  const shipped = titles(SHIPPED).report;
  const text = reportToText(shipped, SHIPPED, "台账.xlsx");
  expect(text).toContain("[M11] 齐鲁富民贷风险补偿用于100,000元及以上的单户贷款（方案二（七）14）：1 条");
  expect(text).toContain("✓ M02 低收入户近1个月内无走访或联系记录：1 条");
  const local = titles(LOCAL).report;
  expect(reportToText(local, LOCAL, "台账.xlsx")).toContain("✓ M11 齐鲁富民贷风险补偿用于200,000元及以上的单户贷款：0 条");
  const json = JSON.parse(JSON.stringify(reportToJson(local, LOCAL))) as { rules: { id: string; title: string }[] };
  expect(json.rules.find((r) => r.id === "M02")?.title).toBe("低收入户近2个月内无走访或联系记录");
});

test("the 检查结果 tab names each finding's rule by its filled title", () => {
  const policy = resolvePolicy(2025, parsePolicyFile({ years: { "2025": { fuminLoanRiskCompensationLimit: 120000 } } }, "本地.json"));
  const ledger = read(ROWS);
  const report = check(ROWS, { policy });
  const [findings] = buildSummaries(ledger, report, { policy, asOf: AS_OF, generatedAt: "2025-07-01T09:30:00", tabs: ["findings"] });
  const m11 = findings.rows.filter((r) => r[0].value === "M11");
  expect(m11.map((r) => r[1].value)).toEqual(["齐鲁富民贷风险补偿用于120,000元及以上的单户贷款"]);
});

test("no rule title writes a number: numbers come from the policy", () => {
  const NUMBER = /[0-9０-９]|[一二两三四五六七八九十百千万]+\s*(个月|月|元|万|周岁|岁|级|%)/;
  // "one plan per household" is no policy number; "the last month" and "ten thousand yuan" would be.
  const NUMBER_EN =
    /[0-9]|\b(one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand)\s+(months?|yuan|years?|grades?|thousand)\b|\bmonth\b/i;
  for (const rule of RULES) {
    const zh = rule.title.replace(/\{\w+\}/g, "");
    const en = rule.titleEn.replace(/\{\w+\}/g, "");
    expect({ id: rule.id, zh: NUMBER.test(zh), en: NUMBER_EN.test(en) }).toEqual({ id: rule.id, zh: false, en: false });
  }
});

test("no rule text writes a parameter's value itself: titles, explanations, remedies and kinds name it by {parameterKey}", () => {
  const CHINESE = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];
  /** Ways a text could write a parameter's value: as the docs fill it, in yuan or 万元 written out, in Chinese numerals. */
  function spellings(key: ParameterKey, value: number): string[] {
    const out = [inProse(key, value), inProse(key, value, "en")];
    const unit = PARAMETERS[key].unit;
    if (unit.startsWith("yuan")) out.push(`${value}元`, `${value} yuan`);
    if (unit.startsWith("yuan") && value >= 10000 && value % 1000 === 0) out.push(`${value / 10000}万元`);
    if (Number.isInteger(value) && value < CHINESE.length && (unit === "months" || unit === "grade")) {
      out.push(unit === "months" ? `${CHINESE[value]}个月` : `${CHINESE[value]}级`);
    }
    return out;
  }
  const found: string[] = [];
  for (const rule of RULES) {
    const texts = [rule.title, rule.titleEn, rule.explanation, rule.remedy, ...Object.values(rule.kinds).map((k) => k.summary)].map((t) =>
      t.replace(/\{\w+\}/g, "{}"),
    );
    for (const key of PARAMETER_KEYS) {
      for (const { value } of PARAMETERS[key].values) {
        for (const spelled of spellings(key, value))
          if (texts.some((t) => t.includes(spelled))) found.push(`${rule.id}: ${spelled} (${key})`);
      }
    }
  }
  expect(found).toEqual([]);
});
