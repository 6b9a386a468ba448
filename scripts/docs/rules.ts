/**
 * docs/rules.md and the README's rule table, from the rule files and their cases: each rule's
 * clause, the plan's sentence, what it checks, what to do, the columns it needs, its kinds of
 * finding with their data, and its cases run through the real reader as examples.
 */
import { dataLabel, DataKey, isDataKey, RULES, RuleDefinition, SEVERITY_LABELS } from "../../src/checks";
import { CASE_AS_OF, caseDate, caseSheet, RuleCase, RuleCases, runCase } from "../../src/checks/cases";
import { requirementLabel } from "../../src/checks/context";
import { RULE_CASES } from "../../src/checks/rules/cases";
import { columnLetter } from "../../src/ledger";
import { isParameterKey, PARAMETERS, PLAN } from "../../src/policy";
import { formatDate } from "../../src/values";
import { banner, cell, DOCS_YEAR, fillParameters, table } from "./markdown";

/** Levels as the README and the docs write them: "错误 / 提示". */
function severitiesText(rule: RuleDefinition): string {
  return rule.severities.map((s) => SEVERITY_LABELS[s]).join(" / ");
}

/** What a rule checks in one line: its kinds, each with its level when the rule has several levels. */
function kindsText(rule: RuleDefinition): string {
  const kinds = Object.values(rule.kinds);
  const levels = rule.severities.length > 1;
  return kinds.map((k) => fillParameters(k.summary) + (levels ? `（${SEVERITY_LABELS[k.severity]}）` : "")).join("；");
}

function clauseText(rule: RuleDefinition): string {
  return rule.clause === "—" ? "—（数据质量）" : `方案${rule.clause}`;
}

/** The README's rule table (between its markers). */
export function readmeRuleTable(): string {
  return table(
    ["编号", "条款", "级别", "检查内容"],
    RULES.map((rule) => [`[${rule.id}](docs/rules.md#${rule.id.toLowerCase()})`, rule.clause, severitiesText(rule), kindsText(rule)]),
  );
}

export function rulesPage(): string {
  const parts: string[] = [
    "# 检查规则",
    "",
    banner("`src/checks/rules/`（每条规则的文件及其案例表）"),
    "",
    `规则依据《${PLAN.title}》（${PLAN.document}，下称“方案”）。文中的金额、比例、年龄等取 ` +
`${DOCS_YEAR} 年的内置参数（见 [parameters.md](parameters.md)），` +
`实际检查使用检查年度的参数和参数文件中的设定。`,
    "",
    `每条规则的例子来自它的案例表（\`src/checks/rules/M06.cases.ts\` 等），由测试经真实的台账读取逐条核对；表中第 1 行是表头，检查日期为 ${CASE_AS_OF}（另注明的除外），结果中的说明就是助手显示的原文。`,
    "",
    "缺少某条规则所需的列时，该规则显示为“已跳过”并列出缺少的列，绝不会当作“通过”。" +
"每条问题都带有 `data`（命令行 `--json` 输出、汇总表“检查结果”的“数值”列）：`kind` " +
"是下面各规则“问题类型”中的一种，其余键见各类型的说明；政策参数以参数名为键。",
    "",
    table(
      ["编号", "规则", "条款", "级别"],
      RULES.map((rule) => [`[${rule.id}](#${rule.id.toLowerCase()})`, fillParameters(rule.title), rule.clause, severitiesText(rule)]),
    ),
  ];
  for (const rule of RULES) parts.push("", ...ruleSection(rule, RULE_CASES[rule.id]));
  return `${parts.join("\n")}\n`;
}

function ruleSection(rule: RuleDefinition, cases: RuleCases): string[] {
  const lines: string[] = [`<a id="${rule.id.toLowerCase()}"></a>`, "", `## ${rule.id} ${fillParameters(rule.title)}`, "", `*${fillParameters(rule.titleEn, "en")}*`, ""];
  lines.push(`- **条款**：${clauseText(rule)}`);
  lines.push(`- **级别**：${severitiesText(rule)}`);
  lines.push(`- **需要的列**：${rule.needs.length === 0 ? "无（任何台账都检查）" : rule.needs.map(requirementLabel).join("；")}`);
  lines.push("");
  if (rule.plan.length === 0) {
    lines.push("方案没有对应的句子：这是数据质量检查，数据有误时其他检查的结果也不可靠。");
  } else {
    for (const quote of rule.plan) lines.push(`> ${quote.document} ${quote.clause}：“${quote.text}”`, ">");
    lines.pop();
  }
  lines.push("", `**检查内容**：${fillParameters(rule.explanation)}`, "", `**怎么办**：${fillParameters(rule.remedy)}`, "");
  lines.push("### 问题类型", "");
  lines.push(
    table(
      ["`kind`", "级别", "说明", "`data` 的其他键"],
      Object.entries(rule.kinds).map(([kind, k]) => [`\`${kind}\``, SEVERITY_LABELS[k.severity], fillParameters(k.summary), dataKeysText(cases, kind)]),
    ),
  );
  lines.push("", "### 例子", "");
  cases.cases.forEach((c, i) => lines.push(...caseText(cases, c, i + 1), ""));
  lines.pop();
  return lines;
}

/** The data keys a kind's findings carry, as its cases show them, with their labels. */
function dataKeysText(cases: RuleCases, kind: string): string {
  const keys: string[] = [];
  for (const c of cases.cases) {
    if (!("findings" in c)) continue;
    for (const f of c.findings) {
      if (f.data.kind !== kind) continue;
      for (const key of Object.keys(f.data)) if (key !== "kind" && !keys.includes(key)) keys.push(key);
    }
  }
  if (keys.length === 0) return "—";
  return keys.map((key) => `\`${key}\`（${isDataKey(key) ? keyLabel(key) : "?"}）`).join("、");
}

function keyLabel(key: DataKey): string {
  return isParameterKey(key) ? `参数：${PARAMETERS[key].label}` : dataLabel(key);
}

function caseText(cases: RuleCases, c: RuleCase, n: number): string[] {
  const notes: string[] = [];
  const asOf = caseDate(c);
  if ((c.asOf ?? CASE_AS_OF) !== CASE_AS_OF) notes.push(`检查日期 ${formatDate(asOf)}`);
  if (c.policy) notes.push(`参数：${Object.entries(c.policy).map(([k, v]) => `${k} = ${v}`).join("，")}`);
  const lines = [`**例 ${n}：${c.name}**${notes.length > 0 ? `（${notes.join("；")}）` : ""}`, ""];
  const rows = caseSheet(cases, c).cells;
  const width = Math.max(...rows.map((r) => r.length));
  const letters = Array.from({ length: width }, (_, i) => columnLetter(i + 1));
  lines.push(table(["", ...letters], rows.map((row, i) => [i + 1, ...letters.map((_, j) => cellValue(row[j]))])), "");
  const { outcome, findings } = runCase(cases, c);
  if (outcome.status === "skipped") {
    lines.push(`结果：跳过（${outcome.reason ?? ""}）。`);
  } else if (findings.length === 0) {
    lines.push("结果：不报告。");
  } else {
    lines.push("结果：");
    for (const f of findings) {
      const where = f.cell ? `${f.cell.column}${f.cell.row}` : "整表";
      lines.push(`- ${SEVERITY_LABELS[f.severity]} ${where}（\`${f.data.kind}\`）：${f.message}`);
    }
  }
  return lines;
}

function cellValue(value: unknown): string {
  return value === null || value === undefined ? "" : cell(value);
}
