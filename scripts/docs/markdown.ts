/** Small pieces the generated documents share: tables, cells, parameter placeholders, the banner. */
import { fillParameters as fillWith, PLAN_PERIOD, ProseLanguage, resolvePolicy } from "../../src/policy";

/** The year whose parameter values the documents quote: the plan's last year. */
export const DOCS_YEAR = PLAN_PERIOD.lastYear;

/** The shipped values in DOCS_YEAR, no policy file applied. */
const DOCS_VALUES = resolvePolicy(DOCS_YEAR).values;

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
export function fillParameters(text: string, language: ProseLanguage = "zh"): string {
  return fillWith(text, DOCS_VALUES, language);
}
