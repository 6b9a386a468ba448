/**
 * docs/parameters.md from PARAMETERS: every policy number with its label, unit, clause, bounds,
 * each dated value with the document that set it, and the rules whose findings quote it.
 */
import { RULES } from "../../src/checks";
import { RULE_CASES } from "../../src/checks/rules/cases";
import {
  formatParameterValue,
  PARAMETER_KEYS,
  ParameterDefinition,
  ParameterKey,
  PARAMETERS,
  PLAN,
  PLAN_PERIOD,
  POLICY_FILE_KEYS,
  UNIT_LABELS,
  valueInForce,
} from "../../src/policy";
import { banner, table } from "./markdown";

const PLAN_YEARS = Array.from({ length: PLAN_PERIOD.lastYear - PLAN_PERIOD.firstYear + 1 }, (_, i) => PLAN_PERIOD.firstYear + i);

/** The sample policy file, written to examples/ and shown on this page. */
export const SAMPLE_POLICY_PATH = "examples/policy-2025.json";

export const SAMPLE_POLICY_FILE = {
  $schema: "../docs/policy.schema.json",
  description: "2025年本地参数",
  years: {
    "2025": { hourlyMinimumWage: 21, confirm: ["farmersIncomeGrowth"] },
    "2024": { lowIncomeThreshold: 11500, highIncomeThreshold: 16000 },
  },
};

export function parametersPage(): string {
  const lines = [
    "# 政策参数",
    "",
    banner("`src/policy/parameters.ts`"),
    "",
    `方案（《${PLAN.title}》，${PLAN.document}）中的每个数字只在 \`src/policy/parameters.ts\` ` +
`中出现一次，作为带日期的参数：一个值从它的起始日期起适用，直到下一个值。检查按检查年度 1 ` +
`月 1 日有效的值取用；方案期（${PLAN_PERIOD.firstYear}—${PLAN_PERIOD.lastYear}年）` +
`以后的年份沿用最后的值，并给出提示。每个值注明来源：没有另注的，来源就是方案的相应条款；` +
`后来的通知调整了某个值时，新值注明该通知。`,
    "",
    "由当地确定的参数（下表标“本地”）随附的只是默认值，检查结果会提示“尚未确认”，请用参数文件设定或确认。",
    "",
    table(
      ["参数名", "名称", "单位", "条款", ...PLAN_YEARS.map((y) => `${y}年`), "本地"],
      PARAMETER_KEYS.map((key) => {
        const d: ParameterDefinition = PARAMETERS[key];
        return [`[\`${key}\`](#${key.toLowerCase()})`, d.label, UNIT_LABELS[d.unit], d.clause, ...PLAN_YEARS.map((y) => formatParameterValue(key, valueInForce(d, y))), d.localDefault ? "本地" : ""];
      }),
    ),
    "",
    "## 参数文件",
    "",
    `命令行用 \`--policy 参数.json\` 读取参数文件，` +
`任务窗格“设置”页以同样的格式把参数保存在工作簿中。文件的格式由 ` +
`[policy.schema.json](policy.schema.json)（JSON Schema）描述：在文件中写上 ` +
`\`"$schema"\`（指向该文件的相对路径或网址），VS Code 等编辑器即可提示参数名、` +
`说明和允许范围；BANGFU 读取时忽略这一项。示例 ` +
`[\`${SAMPLE_POLICY_PATH}\`](../${SAMPLE_POLICY_PATH})：`,
    "",
    "```json",
    JSON.stringify(SAMPLE_POLICY_FILE, null, 2),
    "```",
    "",
    table(
      ["顶层键", "含义"],
      Object.entries(POLICY_FILE_KEYS).map(([key, meaning]) => [`\`${key}\``, meaning]),
    ),
    "",
    "某年写了的值只替换该年；写了本地参数或把它列在 `confirm` 中即视为已确认。比例写作小数（7% " +
"写作 0.07）。文件中的所有问题（未知参数名、不是数字、超出范围、" +
"低收入标准不小于高收入标准等）会一次全部列出；最后这类参数之间的关系 JSON Schema " +
"无法表达，只由 BANGFU 检查。",
  ];
  for (const key of PARAMETER_KEYS) lines.push("", ...parameterSection(key));
  return `${lines.join("\n")}\n`;
}

function parameterSection(key: ParameterKey): string[] {
  const d: ParameterDefinition = PARAMETERS[key];
  const lower = d.minExclusive ? `大于 ${d.min.toLocaleString("zh-CN")} ` : `不小于 ${d.min.toLocaleString("zh-CN")} `;
  const lines = [`<a id="${key.toLowerCase()}"></a>`, "", `### \`${key}\` ${d.label}`, "", `*${d.labelEn}*`, "", d.description, ""];
  lines.push(`- **单位**：${UNIT_LABELS[d.unit]}${d.unit === "share" ? "（参数文件中写作小数）" : ""}`);
  lines.push(`- **条款**：${d.clause}`);
  lines.push(`- **允许的值**：${lower}且不大于 ${d.max.toLocaleString("zh-CN")}${d.integer ? "的整数" : ""}`);
  if (d.localDefault) lines.push(`- **由当地确定**：${d.localDefault.note}`);
  const rules = rulesQuoting(key);
  if (rules.length > 0) lines.push(`- **问题数据中引用它的规则**：${rules.map((id) => `[${id}](rules.md#${id.toLowerCase()})`).join("、")}`);
  const rows = d.values.map((v) => [v.from, formatParameterValue(key, v.value), v.source ?? defaultSource(d)]);
  lines.push("", table(["起始日期", "值", "来源"], rows));
  return lines;
}

function defaultSource(d: ParameterDefinition): string {
  return d.localDefault ? "内置默认值，须由当地确认" : `${PLAN.document} ${d.clause}`;
}

/** The rules whose findings carry the parameter in their data, as their cases show. */
function rulesQuoting(key: ParameterKey): string[] {
  type RuleCase = (typeof RULE_CASES)[keyof typeof RULE_CASES]["cases"][number];
  const carries = (c: RuleCase) => "findings" in c && c.findings.some((f) => key in f.data);
  const quotes = (rule: (typeof RULES)[number]) => RULE_CASES[rule.id].cases.some(carries);
  return RULES.filter(quotes).map((r) => r.id);
}
