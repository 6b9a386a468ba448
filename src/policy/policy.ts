import { ACCEPTED_YEARS, PARAMETER_KEYS, PARAMETERS, PLAN_PERIOD, ParameterDefinition, ParameterKey, UNIT_LABELS } from "./parameters";

/** The parameters in force for one year, after a policy file is applied. */
export interface Policy {
  readonly year: number;
  readonly values: Readonly<Record<ParameterKey, number>>;
  /** Locally set parameters still at their shipped default: the user must confirm them. */
  readonly unconfirmed: readonly ParameterKey[];
  /** The year lies outside 2023–2025: the nearest values are used. */
  readonly outsidePlanPeriod: boolean;
  /** Where overridden values came from, e.g. a policy file's name; empty when none. */
  readonly overriddenFrom: string;
}

/** What a policy file changes for one year. */
export interface YearOverride {
  readonly values: Partial<Record<ParameterKey, number>>;
  /** Local defaults the user accepts as they are. */
  readonly confirm: readonly ParameterKey[];
}

export interface PolicyOverrides {
  readonly source: string;
  readonly years: Readonly<Record<number, YearOverride>>;
}

/** A policy file that cannot be used; `problems` lists every reason, in Chinese. */
export class PolicyFileError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`参数文件 ${source} 有 ${problems.length} 处问题：\n- ${problems.join("\n- ")}`);
    this.name = "PolicyFileError";
  }
}

/** The value in force on 1 January of `year` (the last dated value not after it). */
export function valueInForce(definition: ParameterDefinition, year: number): number {
  const instant = `${year}-01-01`;
  const dated = [...definition.values].sort((a, b) => a.from.localeCompare(b.from));
  let value = dated[0].value; // before the first date, the first value (the plan's start)
  for (const entry of dated) if (entry.from <= instant) value = entry.value;
  return value;
}

/** The policy for a year: shipped parameters, then the year's overrides, checked for consistency. */
export function resolvePolicy(year: number, overrides?: PolicyOverrides): Policy {
  const override = overrides?.years[year];
  const values = {} as Record<ParameterKey, number>;
  const unconfirmed: ParameterKey[] = [];
  for (const key of PARAMETER_KEYS) {
    const definition: ParameterDefinition = PARAMETERS[key];
    const overridden = override?.values[key];
    values[key] = overridden ?? valueInForce(definition, year);
    const confirmed = overridden !== undefined || (override?.confirm.includes(key) ?? false);
    if (definition.localDefault && !confirmed) unconfirmed.push(key);
  }
  const problems = consistencyProblems(values);
  if (problems.length > 0)
    throw new PolicyFileError(
      overrides?.source ?? "内置参数",
      problems.map((p) => `${year}年：${p}`),
    );
  return {
    year,
    values,
    unconfirmed,
    outsidePlanPeriod: year < PLAN_PERIOD.firstYear || year > PLAN_PERIOD.lastYear,
    overriddenFrom: override ? (overrides?.source ?? "") : "",
  };
}

function consistencyProblems(values: Record<ParameterKey, number>): string[] {
  const problems: string[] = [];
  const pairs: [ParameterKey, ParameterKey][] = [
    ["lowIncomeThreshold", "highIncomeThreshold"],
    ["filialMinAgeSevereDisability", "filialMinAge"],
    ["pensionContributionMinAge", "pensionContributionMaxAge"],
  ];
  for (const [lower, upper] of pairs) {
    const strict = lower === "lowIncomeThreshold";
    if (strict ? values[lower] >= values[upper] : values[lower] > values[upper]) {
      problems.push(
        `“${PARAMETERS[lower].label}”（${values[lower]}）应${strict ? "小于" : "不大于"}“${PARAMETERS[upper].label}”（${values[upper]}）`,
      );
    }
  }
  return problems;
}

/**
 * Why a value cannot be used for a parameter, or null when it can. `written` is the value as
 * the file wrote it, when known: JSON reads 1e999 as ∞, which must be reported as 1e999.
 */
export function valueProblem(key: ParameterKey, value: unknown, written?: string): string | null {
  const definition: ParameterDefinition = PARAMETERS[key];
  const name = `“${definition.label}”（${key}）`;
  if (typeof value === "number" && !Number.isFinite(value)) {
    return (
      `${name}的数值${written ? ` ${written} ` : ""}超出可表示的范围，应为 ${definition.min} 至 ` +
      `${definition.max} 之间的数字（${UNIT_LABELS[definition.unit]}）`
    );
  }
  if (typeof value !== "number") return `${name}应为数字，收到 ${JSON.stringify(value)}`;
  if (definition.integer && !Number.isInteger(value)) return `${name}应为整数，收到 ${value}`;
  const tooLow = definition.minExclusive ? value <= definition.min : value < definition.min;
  if (tooLow || value > definition.max) {
    const lower = definition.minExclusive ? `大于 ${definition.min}` : `不小于 ${definition.min}`;
    return (
      `${name}应${lower}且不大于 ${definition.max}（${UNIT_LABELS[definition.unit]}），收到 ` +
      `${value}${definition.unit === "share" ? shareHint(value) : ""}`
    );
  }
  return null;
}

/** Shares are decimals: a percentage typed as a whole number (7 for 7%) is the likely mistake. */
function shareHint(value: number): string {
  const example = value > 1 && value <= 100 ? `${value}% 写作 ${Number((value / 100).toPrecision(12))}` : "7% 写作 0.07";
  return `；参数文件中的比例写作小数：${example}`;
}

/** The top-level keys of a policy file, with what each holds (docs/policy.schema.json says the same). */
export const POLICY_FILE_KEYS = {
  $schema: "JSON Schema 的地址，供编辑器提示和检查（如 docs/policy.schema.json），读取时不使用",
  description: "说明文字，如“2025年本地参数”",
  说明: "说明文字（同 description）",
  years: "按年份设定的参数：键为四位年份，值为该年要替换或确认的参数",
} as const;

/** The years a policy file may set. */
export const POLICY_YEARS = ACCEPTED_YEARS;

/** A policy file holds a few parameters for a few years: a few KB. Anything past 1 MB is not one. */
export const POLICY_FILE_MAX_BYTES = 1024 * 1024;

/** The number literal written for `key` in a JSON text (the first one), e.g. "1e999". */
function numberLiteral(text: string, key: string): string | undefined {
  return new RegExp(`"${key}"\\s*:\\s*(-?\\d[\\d.eE+-]*)`).exec(text)?.[1];
}

/**
 * Where and why JSON.parse refused a text, in Chinese: the line and column, and the likely
 * cause (Chinese punctuation, a trailing comma, a missing comma, a comment…). V8's English
 * message is only used to find the place and the kind of mistake.
 */
export function jsonSyntaxProblem(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : "";
  let position: number | null = null;
  const at = /position (\d+)/.exec(message);
  if (at) position = Number(at[1]);
  else if (/Unexpected end/i.test(message)) position = text.length;
  else {
    const token = /Unexpected token '(.)'/u.exec(message);
    if (token) position = text.indexOf(token[1]);
  }
  if (position === null || position < 0) return "内容不符合 JSON 格式，请对照 README 中的示例检查括号、引号和逗号";
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  const column = position - before.lastIndexOf("\n");
  const where = `第${line}行第${column}列`;
  if (position >= text.length) return `${where}文件意外结束：缺少右括号 } 或 ]，或引号没有配对`;
  const char = String.fromCodePoint(text.codePointAt(position) ?? 0);
  const previous = before.trimEnd().slice(-1);
  let cause: string;
  if (/[“”‘’，：；｛｝［］　]/.test(char)) cause = `是中文标点“${char}”：JSON 中的引号、逗号、冒号和括号都要用英文半角字符（" , : { }）`;
  else if (char === "/" || char === "#") cause = "有注释：JSON 不允许注释，请删去";
  else if (previous === "," && /[}\]]/.test(char)) cause = `的“${char}”前多了一个逗号：最后一项后面不能有逗号`;
  else if (/Expected property name|double-quoted property name/.test(message))
    cause = `应为用英文双引号括起的参数名（如 "years"），实际是“${char}”`;
  else if (/Expected ':'/.test(message)) cause = "参数名后面缺少英文冒号 :";
  else if (/Expected ',' or/.test(message)) cause = `前一项后面缺少英文逗号 ,（实际是“${char}”）`;
  else if (/after JSON/.test(message)) cause = `JSON 已经结束，后面还有多余的内容“${char}”`;
  else cause = `的“${char}”不符合 JSON 格式`;
  return `${where}${cause}`;
}

const FILE_KEYS = new Set(Object.keys(POLICY_FILE_KEYS));

/**
 * Read a policy file (JSON text or an already parsed object). Format:
 *
 *   { "description": "…", "years": { "2024": { "lowIncomeThreshold": 11500, "confirm": ["farmersIncomeGrowth"] } } }
 *
 * A value set for a year replaces the shipped one for that year only; setting a local
 * parameter, or listing it under "confirm", confirms it. Every problem is reported at once.
 */
export function parsePolicyFile(input: string | unknown, source: string): PolicyOverrides {
  let data: unknown = input;
  const text = typeof input === "string" ? input.replace(/^\uFEFF/, "") : null;
  if (text !== null) {
    if (text.length > POLICY_FILE_MAX_BYTES) {
      throw new PolicyFileError(source, [
        `内容超过上限 ${POLICY_FILE_MAX_BYTES / 1024 / 1024} MB：参数文件通常只有几 KB，请确认给出的是参数文件`,
      ]);
    }
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new PolicyFileError(source, [`不是有效的 JSON：${jsonSyntaxProblem(text, error)}`]);
    }
  }
  const problems: string[] = [];
  if (!isRecord(data)) throw new PolicyFileError(source, ['文件内容应为一个 JSON 对象，如 { "years": { "2024": { … } } }']);
  for (const key of Object.keys(data))
    if (!FILE_KEYS.has(key)) problems.push(`无法识别的顶层字段“${key}”（可用：${[...FILE_KEYS].join("、")}）`);
  const years: Record<number, YearOverride> = {};
  if (!isRecord(data.years)) {
    problems.push('缺少 years 对象，如 "years": { "2024": { "lowIncomeThreshold": 11500 } }');
  } else {
    for (const [yearText, entry] of Object.entries(data.years)) {
      const year = Number(yearText);
      if (!/^\d{4}$/.test(yearText) || year < ACCEPTED_YEARS.first || year > ACCEPTED_YEARS.last) {
        problems.push(`年份“${yearText}”应为${ACCEPTED_YEARS.first}至${ACCEPTED_YEARS.last}之间的四位数字年份，如 2024`);
        continue;
      }
      if (!isRecord(entry)) {
        problems.push(`${yearText}年的内容应为对象，如 { "lowIncomeThreshold": 11500 }`);
        continue;
      }
      years[year] = readYear(yearText, entry, problems, text);
    }
  }
  if (problems.length === 0) {
    for (const year of Object.keys(years)) {
      try {
        resolvePolicy(Number(year), { source, years });
      } catch (error) {
        if (error instanceof PolicyFileError) problems.push(...error.problems);
        else throw error;
      }
    }
  }
  if (problems.length > 0) throw new PolicyFileError(source, problems);
  return { source, years };
}

function readYear(yearText: string, entry: Record<string, unknown>, problems: string[], text: string | null): YearOverride {
  const values: Partial<Record<ParameterKey, number>> = {};
  const confirm: ParameterKey[] = [];
  for (const [key, value] of Object.entries(entry)) {
    if (key === "confirm") {
      if (!Array.isArray(value)) {
        problems.push(`${yearText}年：confirm 应为参数名列表，如 ["hourlyMinimumWage"]`);
        continue;
      }
      for (const name of value) {
        if (typeof name === "string" && isParameterKey(name)) confirm.push(name);
        else problems.push(`${yearText}年：confirm 中的“${String(name)}”不是参数名${suggestion(String(name))}`);
      }
      continue;
    }
    if (!isParameterKey(key)) {
      problems.push(`${yearText}年：无法识别的参数“${key}”${suggestion(key)}`);
      continue;
    }
    const problem = valueProblem(key, value, text === null ? undefined : numberLiteral(text, key));
    if (problem) problems.push(`${yearText}年：${problem}`);
    else values[key] = value as number;
  }
  return { values, confirm };
}

function suggestion(name: string): string {
  const lower = name.toLowerCase();
  const close = PARAMETER_KEYS.filter((k) => k.toLowerCase().includes(lower) || lower.includes(k.toLowerCase()));
  const list = close.length > 0 ? close : PARAMETER_KEYS;
  return `（可用参数：${list.join("、")}）`;
}

export function isParameterKey(name: string): name is ParameterKey {
  return Object.prototype.hasOwnProperty.call(PARAMETERS, name);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
