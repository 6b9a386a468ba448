/**
 * The catalogue as a whole (issue 3 §2): stable ids with their clauses and severities, every rule
 * reported as ran or skipped, skipped rules naming the missing Chinese columns and never reporting findings.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { RULE_IDS, RULES } from "../../src/checks";
import { PLAN } from "../../src/policy";
import { check, cleanHousehold, FULL_HEADER, idOfAge, outcomeOf, Row } from "../support/ledgerFixtures";

const CATALOGUE = [
  ["D01", "—", ["error"]],
  ["D02", "—", ["error"]],
  ["D03", "—", ["error"]],
  ["D04", "—", ["error", "info"]],
  ["D05", "—", ["error"]],
  ["D06", "二（一）", ["error"]],
  ["M01", "二（一）3", ["error"]],
  ["M02", "二（一）3", ["error"]],
  ["M03", "二（一）", ["error"]],
  ["M04", "二（二）5, 二（四）8", ["warning"]],
  ["M05", "二（四）8", ["error"]],
  ["M06", "二（六）12", ["error"]],
  ["M07", "二（十）20", ["error", "info"]],
  ["M08", "二（十）21", ["warning"]],
  ["M09", "二（七）15", ["error", "warning"]],
  ["M10", "二（七）13", ["error"]],
  ["M11", "二（七）14", ["error"]],
  ["M12", "二（九）18", ["warning"]],
  ["M13", "一", ["error", "warning"]],
] as const;

describe("规则目录", () => {
  test("ids, clauses and every severity a rule can emit are the interface of issue 3", () => {
    expect(RULES.map((r) => [r.id, r.clause, r.severities])).toEqual(CATALOGUE.map((c) => [...c]));
    expect(RULE_IDS).toEqual(CATALOGUE.map((c) => c[0]));
    for (const rule of RULES) expect(rule.title).toMatch(/[\u4e00-\u9fff]/);
  });

  test("each rule quotes the plan word for word, for each of its clauses; data-quality rules quote nothing", () => {
    // The plan as published (docs/plan-2023-2025.txt); line breaks and spaces do not count.
    const plan = fs.readFileSync(path.join(__dirname, "../../docs/plan-2023-2025.txt"), "utf8").replace(/\s+/g, "");
    expect(plan).toContain(PLAN.document);
    for (const rule of RULES) {
      const clauses = rule.clause === "—" ? [] : rule.clause.split(", ");
      expect({ id: rule.id, quoted: rule.plan.map((q) => q.clause) }).toEqual({ id: rule.id, quoted: clauses });
      for (const quote of rule.plan) {
        expect(quote.document).toBe(PLAN.document);
        expect({ id: rule.id, inPlan: plan.includes(quote.text.replace(/\s+/g, "")) }).toEqual({ id: rule.id, inPlan: true });
      }
    }
  });

  test("a rule's severities are those of its kinds of finding, most serious first", () => {
    const order = ["error", "warning", "info"];
    for (const rule of RULES) {
      const kinds = Object.values(rule.kinds);
      expect(kinds.length).toBeGreaterThan(0);
      for (const kind of kinds) expect(kind.summary).toMatch(/[\u4e00-\u9fff]{4}/);
      expect(rule.severities).toEqual(order.filter((s) => kinds.some((k) => k.severity === s)));
    }
  });

  test("each rule has an English title, and a Chinese explanation and remedy for users", () => {
    for (const rule of RULES) {
      expect({ id: rule.id, en: /^[\x20-\x7e]+$/.test(rule.titleEn) }).toEqual({ id: rule.id, en: true });
      expect(rule.explanation).toMatch(/[\u4e00-\u9fff]{8}/);
      expect(rule.remedy).toMatch(/[\u4e00-\u9fff]{4}/);
    }
  });

  test("a ledger with every column: all 19 rules run, and a compliant household has no finding", () => {
    const report = check([["2025年脱贫户增收帮扶台账"], [...FULL_HEADER], ...cleanHousehold("H001"), ...cleanHousehold("H002")]);
    expect(report.rules.map((r) => [r.id, r.status, r.reason])).toEqual(CATALOGUE.map(([id]) => [id, "ran", null]));
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({ sheet: "台账", headerRow: 2, layout: "person", households: 2, persons: 4 });
  });

  test("one change to a compliant household makes exactly the rule concerned fire", () => {
    const report = check([[...FULL_HEADER], ...cleanHousehold("H001", { head: { 增收帮扶责任人: "" } })]);
    expect(report.findings.map((f) => f.rule)).toEqual(["M01"]);
  });
});

describe("缺列的规则：跳过并说明缺少哪些列，从不报告问题", () => {
  // 户编号, 户主姓名, 人均纯收入 only.
  const minimal: Row[] = [
    ["户编号", "户主姓名", "人均纯收入"],
    ["H001", "赵一", 5000],
  ];

  test("a minimal ledger runs D01, D02, D04 and skips the rest with a reason starting 缺少列", () => {
    const report = check(minimal);
    expect(report.rules.filter((r) => r.status === "ran").map((r) => r.id)).toEqual(["D01", "D02", "D04"]);
    for (const r of report.rules.filter((o) => o.status === "skipped")) {
      expect(r.reason).toMatch(/^缺少列：/);
      expect(r.findings).toBe(0);
    }
    expect(report.findings).toEqual([]);
  });

  test.each([
    ["D03", ["证件号码"]],
    ["D05", ["工资性收入", "生产经营性收入", "财产性收入", "转移性收入", "生产经营性支出", "家庭人口数"]],
    ["D06", ["收入分层"]],
    ["M01", ["增收帮扶责任人"]],
    ["M02", ["最近走访日期"]],
    ["M03", ["帮扶措施"]],
    ["M04", ["劳动技能", "帮扶措施"]],
    ["M05", ["公益性岗位月工资", "公益性岗位月工时"]],
    ["M06", ["庭院经济奖补"]],
    ["M07", ["孝善养老奖补", "孝善养老缴纳金额", "年龄", "出生日期", "证件号码"]],
    ["M08", ["是否参加城乡居民基本养老保险", "年龄"]],
    ["M09", ["是否参加城乡居民基本医疗保险", "意外伤害保险"]],
    ["M10", ["小额信贷贴息", "小额信贷是否还清"]],
    ["M11", ["富民贷风险补偿", "齐鲁富民贷金额"]],
    ["M12", ["劳动技能", "享受低保政策情况", "享受特困供养政策情况"]],
    ["M13", ["上年人均纯收入"]],
  ] as const)("%s skipped on the minimal ledger, the reason names %j", (id, columns) => {
    const outcome = outcomeOf(check(minimal), id);
    expect(outcome.status).toBe("skipped");
    for (const column of columns) expect(outcome.reason).toContain(column);
  });

  test("data that would break a rule is not reported while the rule lacks a column", () => {
    // Each row breaks a rule whose partner column is missing.
    const report = check([
      [
        "户编号",
        "证件号码",
        "姓名",
        "与户主关系",
        "人均纯收入",
        "公益性岗位月工资",
        "小额信贷贴息",
        "富民贷风险补偿",
        "孝善养老奖补",
        "庭院经济投资额",
      ],
      ["H001", idOfAge(30, "111"), "赵一", "户主", 5000, 1, 999, 999, 99999, 100000],
    ]);
    const skipped = report.rules.filter((r) => r.status === "skipped").map((r) => r.id);
    expect(skipped).toEqual(expect.arrayContaining(["M05", "M06", "M10", "M11"]));
    for (const id of skipped) expect(report.findings.filter((f) => f.rule === id)).toEqual([]);
    // M07 can run (reward and age are there): a reward to a 30-year-old is an error.
    expect(outcomeOf(report, "M07").status).toBe("ran");
    expect(report.findings.map((f) => f.rule)).toEqual(["M07"]);
  });
});
