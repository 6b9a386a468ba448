/** Small pieces the generated documents share: tables, cells, parameter placeholders, the banner. */
import { isParameterKey, ParameterKey, PARAMETERS, PLAN_PERIOD, valueInForce } from "../../src/policy";
import { formatShare, formatYuan } from "../../src/values";

/** The year whose parameter values the documents quote: the plan's last year. */
export const DOCS_YEAR = PLAN_PERIOD.lastYear;

/** The first line under a generated document's title. */
export function banner(source: string): string {
  return `> 本页由 \`npm run docs\` 根据 ${source} 生成，请勿手工修改；\`npm test\` 会核对它与代码一致。`;
}

/** Text for a Markdown table cell: no line breaks, pipes escaped. */
export function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  return String(value).replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
}

export function table(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [`| ${header.map(cell).join(" | ")} |`, `|${header.map(() => "---").join("|")}|`];
  for (const row of rows) lines.push(`| ${row.map(cell).join(" | ")} |`);
  return lines.join("\n");
}

/** Replace each {parameterKey} by the parameter's value in DOCS_YEAR as a sentence says it; an unknown name is an error. */
export function fillParameters(text: string): string {
  return text.replace(/\{(\w+)\}/g, (_match, key: string) => {
    if (!isParameterKey(key)) throw new Error(`unknown parameter {${key}} in: ${text}`);
    return inProse(key, valueInForce(PARAMETERS[key], DOCS_YEAR));
  });
}

/** A value inside a sentence: "每户最高5,000元", "前1个月内" (the tables' 元/户 and 月 would repeat the sentence). */
export function inProse(key: ParameterKey, value: number): string {
  switch (PARAMETERS[key].unit) {
    case "share":
      return formatShare(value);
    case "yuan per hour":
      return `${formatYuan(value)}/小时`;
    case "years":
      return `${value}周岁`;
    case "grade":
      return `${value}级`;
    case "months":
      return `${value}个月`;
    default:
      return formatYuan(value);
  }
}
